"""`/who-said`: a phrase finds its speaker, a person lists what they said."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.pager import send_paged
from bot.render import who_said_embed
from handlers.who_said import PAGE, speaker_names, who_said


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
        guild_id = interaction.guild_id
        await interaction.response.defer(thinking=True)

        async def render(page: int) -> tuple[discord.Embed, bool]:
            result = await who_said(
                self.bot.services, guild_id, query, now=discord.utils.utcnow(), offset=page * PAGE
            )
            more = result.total is not None and result.offset + len(result.quotes) < result.total
            return who_said_embed(guild_id, result), more

        await send_paged(interaction, render)

    @who_said.autocomplete("query")
    async def _speakers(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        names = await speaker_names(self.bot.services, interaction.guild_id, current)
        return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names]


async def setup(bot: NewsBot) -> None:
    """Load /who-said."""
    await bot.add_cog(WhoSaid(bot))
