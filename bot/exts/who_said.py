"""`/who-said`: a phrase finds its speaker, a person lists what they said."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.render import who_said_embed
from bot.replies import NO_PINGS
from handlers.who_said import who_said


class WhoSaid(commands.Cog):
    """Searches the quotes of this server's history."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="who-said", description="Find who said a phrase, or what someone said."
    )
    @app_commands.describe(query="A phrase from a quote, or a person's name")
    @app_commands.guild_only()
    async def who_said(
        self, interaction: discord.Interaction, query: app_commands.Range[str, 2, 200]
    ) -> None:
        """Answer from the stored quotes."""
        if interaction.guild_id is None:
            return
        await interaction.response.defer(thinking=True)
        result = await who_said(self.bot.services, interaction.guild_id, query)
        embed = who_said_embed(interaction.guild_id, result)
        await interaction.followup.send(embed=embed, allowed_mentions=NO_PINGS)


async def setup(bot: NewsBot) -> None:
    """Load /who-said."""
    await bot.add_cog(WhoSaid(bot))
