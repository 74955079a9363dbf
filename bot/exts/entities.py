"""`/entity`: the card of a person, organisation or place this server has read about."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.entity_render import entity_card_embed
from bot.pager import send_paged
from handlers.entities import entity_card, entity_names


class Entities(commands.Cog):
    """Cards of the people and organisations across the server's articles."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services

    @app_commands.command(
        name="entity", description="A person, organisation or place across articles."
    )
    @app_commands.describe(name="A name or alias the articles gave")
    @app_commands.guild_only()
    async def entity(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 200]
    ) -> None:
        """Show the card, with its quotes a page at a time."""
        guild_id = interaction.guild_id
        if guild_id is None:
            return
        first = await entity_card(self.services, guild_id, name)  # NotFound before deferring
        await interaction.response.defer(thinking=True)

        async def render(page: int) -> tuple[discord.Embed, bool]:
            card = first if page == 0 else await entity_card(self.services, guild_id, name, page)
            return entity_card_embed(guild_id, card), card.page + 1 < card.pages

        await send_paged(interaction, render)

    @entity.autocomplete("name")
    async def _names(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        names = await entity_names(self.services, interaction.guild_id, current)
        return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names]


async def setup(bot: NewsBot) -> None:
    """Load /entity."""
    await bot.add_cog(Entities(bot))
