"""The servers the bot is in: removed from one, its data is deleted after a grace period.

Leaving a server marks it (Discord's clock); being added back before the period ends unmarks
it, and nothing is deleted. A discord.py `tasks.loop` in explicit-time mode deletes the servers
whose period has passed: it wakes at midnight UTC and at the time of day the next server is due,
and re-plans whenever a server leaves. On each start (on_ready) a server with data stored that
the bot is not in is marked then, so one removed while the bot was down is forgotten too.
"""

from __future__ import annotations

import logging
from datetime import UTC, time

import discord
from discord.ext import commands, tasks

from bot.client import NewsBot
from handlers.forget_guild import (
    ForgottenGuild,
    forget_due_guilds,
    guild_back,
    guild_left,
    next_forget_at,
    reconcile_guilds,
)

log = logging.getLogger(__name__)
MIDNIGHT_UTC = time(0, 0, tzinfo=UTC)


class Membership(commands.Cog):
    """Marks the servers the bot leaves and forgets them once their grace period is over."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.sessionmaker = bot.services.sessionmaker
        self.grace = bot.forget_guild_after

    async def cog_load(self) -> None:
        """Start the check; it plans its first wake-up once the gateway is ready."""
        self.forgetter.start()

    async def cog_unload(self) -> None:
        """Stop the check; a server being deleted is deleted in one unit of work or not at all."""
        self.forgetter.cancel()

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Mark the servers with data that the bot is no longer in, then forget what is due."""
        try:
            found = await reconcile_guilds(
                self.sessionmaker,
                self._present(),
                discord.utils.utcnow(),
                serves=self.bot.serves_guild,
            )
        except Exception:
            log.exception("could not compare the stored servers with the bot's")
            return
        for guild_id in found.marked:
            log.info("not in server %s any more: its data goes in %s", guild_id, self.grace)
        for guild_id in found.cleared:
            log.info("back in server %s: its data is kept", guild_id)
        await self._forget_and_plan()

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server (kicked, banned, or the server deleted): mark it."""
        if await guild_left(self.sessionmaker, guild.id, discord.utils.utcnow()):
            log.info("removed from server %s: its data goes in %s", guild.id, self.grace)
        await self._forget_and_plan()

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        """Added to a server: if it was waiting to be forgotten, it keeps its data."""
        await self._back(guild)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        """A server back after an outage is one the bot is still in."""
        await self._back(guild)

    async def _back(self, guild: discord.Guild) -> None:
        if await guild_back(self.sessionmaker, guild.id):
            log.info("added back to server %s before it was forgotten: its data is kept", guild.id)
            await self._plan()

    @tasks.loop(time=MIDNIGHT_UTC)
    async def forgetter(self) -> None:
        """At each planned instant: forget the servers whose period is over, then plan."""
        await self._forget_and_plan()

    @forgetter.before_loop
    async def _wait_for_gateway(self) -> None:
        await self.bot.wait_until_ready()

    async def _forget_and_plan(self) -> None:
        try:
            forgotten = await forget_due_guilds(
                self.sessionmaker, discord.utils.utcnow(), self.grace, self._present()
            )
            for gone in forgotten:
                log.info("forgot server %s: %s", gone.guild_id, describe_deleted(gone))
            await self._plan()
        except Exception:  # the database away for a moment must not end the check
            log.exception("forgetting the servers the bot left failed; it looks again later")

    async def _plan(self) -> None:
        due = await next_forget_at(self.sessionmaker, self.grace)
        times = {MIDNIGHT_UTC}
        if due is not None:
            times.add(due.astimezone(UTC).timetz())
        # The loop sleeps until the nearest of these times of day (UTC), then looks again.
        self.forgetter.change_interval(time=sorted(times))

    def _present(self) -> list[int]:
        return [guild.id for guild in self.bot.guilds]


def describe_deleted(gone: ForgottenGuild) -> str:
    """What was deleted of a server, e.g. "12 rows: articles 2, quotes 9, guilds 1"."""
    kinds = ", ".join(f"{table} {rows}" for table, rows in gone.deleted.items() if rows)
    return f"{gone.total} rows" + (f": {kinds}" if kinds else "")


async def setup(bot: NewsBot) -> None:
    """Load the server membership watch."""
    await bot.add_cog(Membership(bot))
