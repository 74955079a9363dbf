"""`/ask`: a question answered from the articles this server has read."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.render import ask_embed
from bot.replies import NO_PINGS
from handlers.ask import ask


class Ask(commands.Cog):
    """Answers questions with sentences and quotes from stored articles."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask", description="Ask a question about the articles read here.")
    @app_commands.describe(question="For example: what did Alvarez say about the port strike?")
    @app_commands.guild_only()
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 3, 300]
    ) -> None:
        """Answer from the stored articles, each answer with its source."""
        if interaction.guild_id is None:
            return
        await interaction.response.defer(thinking=True)
        result = await ask(self.bot.services, interaction.guild_id, question)
        embed = ask_embed(interaction.guild_id, result)
        await interaction.followup.send(embed=embed, allowed_mentions=NO_PINGS)


async def setup(bot: NewsBot) -> None:
    """Load /ask."""
    await bot.add_cog(Ask(bot))
