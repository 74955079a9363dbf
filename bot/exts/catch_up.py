"""Catching up on start: what was posted in watched channels while the bot was away."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.client import NewsBot
from bot.exts.watcher import Watcher
from handlers.catch_up import CatchUp, catch_up_plan

log = logging.getLogger(__name__)
# Messages people post; joins, pins and thread announcements are not read.
READABLE_TYPES = (discord.MessageType.default, discord.MessageType.reply)


class CatchingUp(commands.Cog):
    """Once per process, reads what each watched channel holds from the last day unread."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services
        self._caught_up = False

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Once per process (on_ready fires again after a reconnect): read what was missed."""
        if self._caught_up:
            return
        self._caught_up = True
        now = discord.utils.utcnow()
        for guild in self.bot.guilds:
            for plan in await catch_up_plan(self.services, guild.id, now):
                await self._catch_up(guild, plan)

    async def _catch_up(self, guild: discord.Guild, plan: CatchUp) -> None:
        channel = guild.get_channel(plan.channel_id)
        if not isinstance(channel, discord.TextChannel):
            return  # gone, or a forum: its posts are threads, not channel history
        # From the window's first millisecond on (history's `after` is exclusive).
        after = discord.Object(id=discord.utils.time_snowflake(plan.not_before) - 1)
        watcher = self.bot.get_cog("Watcher")
        if not isinstance(watcher, Watcher):
            return
        read = 0
        try:
            # Paged lazily, 100 at a time, oldest first; the bound counts members' messages
            # only, so the bot's own thread announcements do not use it up.
            async for message in channel.history(after=after, oldest_first=True, limit=None):
                if message.author.bot or message.type not in READABLE_TYPES:
                    continue
                if read == plan.limit:
                    break
                # Skips what was read already (the record, or an article of its own); the
                # bound counts the messages read now.
                if await watcher.read_message(message):
                    read += 1
        except discord.HTTPException as error:  # no Read Message History, or Discord failing
            log.warning("catching up on channel %s stopped: %s", channel.id, error)
        if read:
            log.info("caught up on %d messages in channel %s", read, channel.id)


async def setup(bot: NewsBot) -> None:
    """Load the catch-up."""
    await bot.add_cog(CatchingUp(bot))
