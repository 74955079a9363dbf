"""`/watch` and `/unwatch`: which channels the bot reads (Manage Server)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.replies import NO_PINGS
from handlers.watch import unwatch_channel, watch_channel

WatchableChannel = discord.TextChannel | discord.ForumChannel


class Channels(commands.Cog):
    """Admins choose the channels where reporters post articles."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="watch", description="Read every article posted in a channel.")
    @app_commands.describe(channel="The channel to watch (this one if left empty)")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def watch(
        self, interaction: discord.Interaction, channel: WatchableChannel | None = None
    ) -> None:
        """Start reading a channel."""
        target = channel or interaction.channel
        if interaction.guild_id is None or target is None:
            return
        added = await watch_channel(
            self.bot.services, interaction.guild_id, target.id, discord.utils.utcnow()
        )
        text = (
            f"Watching <#{target.id}>: I'll read every link and article posted there."
            if added
            else f"I'm already watching <#{target.id}>."
        )
        await interaction.response.send_message(text, allowed_mentions=NO_PINGS)

    @app_commands.command(name="unwatch", description="Stop reading a channel.")
    @app_commands.describe(channel="The channel to stop watching (this one if left empty)")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def unwatch(
        self, interaction: discord.Interaction, channel: WatchableChannel | None = None
    ) -> None:
        """Stop reading a channel."""
        target = channel or interaction.channel
        if interaction.guild_id is None or target is None:
            return
        removed = await unwatch_channel(self.bot.services, interaction.guild_id, target.id)
        text = (
            f"Stopped watching <#{target.id}>. What I read there stays in the history."
            if removed
            else f"I wasn't watching <#{target.id}>."
        )
        await interaction.response.send_message(text, allowed_mentions=NO_PINGS)


async def setup(bot: NewsBot) -> None:
    """Load the channel commands."""
    await bot.add_cog(Channels(bot))
