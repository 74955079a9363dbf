"""📰 on any message the bot can read: an analysis of it, in a thread under it."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.client import NewsBot
from bot.exts.watcher import Watcher

log = logging.getLogger(__name__)
NEWSPAPER = "📰"


class NewspaperReaction(commands.Cog):
    """Reads the message a member reacted to with 📰, watched channel or not."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """A 📰 from a member (not a bot) asks for the message's analysis."""
        if not self.services.newspaper_reaction or payload.guild_id is None:
            return
        if str(payload.emoji) != NEWSPAPER:
            return
        me = self.bot.user.id if self.bot.user else None
        if payload.user_id == me or (payload.member is not None and payload.member.bot):
            return
        message = await self._message(payload)
        if message is None or message.author.id == me:
            return  # the bot's own answers are not articles
        watcher = self.bot.get_cog("Watcher")
        if isinstance(watcher, Watcher):
            # Read before: points to its answer. Webhook posts (a feed) are read too.
            await watcher.read_message(message, requested=True)

    async def _message(self, payload: discord.RawReactionActionEvent) -> discord.Message | None:
        try:
            channel = self.bot.get_channel(payload.channel_id) or await self.bot.fetch_channel(
                payload.channel_id
            )
            if not isinstance(channel, discord.abc.Messageable):
                return None
            return await channel.fetch_message(payload.message_id)
        except discord.HTTPException as error:  # a channel the bot cannot read
            log.info("📰 on message %s not read: %s", payload.message_id, error)
            return None


async def setup(bot: NewsBot) -> None:
    """Load the 📰 reaction."""
    await bot.add_cog(NewspaperReaction(bot))
