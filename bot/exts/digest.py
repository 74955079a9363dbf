"""The daily digest: posted by a scheduler at each server's hour, and `/digest` on demand.

The scheduler is a discord.py `tasks.loop` in explicit-time mode: after each look it sets its
times of day to the next digest hour or retry any server has, plus a re-check every
`digest_check_seconds` (so schedules another process set are seen), and a command that changes a
schedule re-plans it at once. Time is Discord's clock, passed to the handlers as a value.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import UTC, date, datetime, time
from functools import partial

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.client import NewsBot
from bot.digest_messages import describe, digest_payloads, send_digest
from handlers.daily_digest import daily_digest, digest_of_day
from handlers.digest_posting import (
    DueDigest,
    claim_digest,
    due_digests,
    next_wakeup,
    record_failed,
    record_posted,
    record_skipped,
)
from handlers.errors import HandlerError

log = logging.getLogger(__name__)
MIDNIGHT_UTC = (time(0, 0, tzinfo=UTC),)


class MissingChannel(Exception):
    """The digest channel is gone, or is not a channel the bot can post in."""


class DigestPoster(commands.Cog):
    """Posts each server's digest once a day, and answers /digest."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services
        # Names this process in the claim rows, so another process never finishes its claim.
        self.claimer = f"{socket.gethostname()[:32]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._rechecks = recheck_times(bot.digest_check_seconds)

    async def cog_load(self) -> None:
        """Start the scheduler; it waits for the gateway before its first look."""
        self.scheduler.start()

    async def cog_unload(self) -> None:
        """Stop the scheduler; a digest being posted is left claimed, taken over later."""
        self.scheduler.cancel()

    async def reschedule(self) -> None:
        """A schedule changed: wake at the new next digest hour."""
        await self._plan(discord.utils.utcnow())

    @tasks.loop(time=MIDNIGHT_UTC)
    async def scheduler(self) -> None:
        """At each planned instant: post what is due, then plan the next wake-up."""
        await self._post_and_plan()

    @scheduler.before_loop
    async def _first_look(self) -> None:
        await self.bot.wait_until_ready()
        # A digest missed while the bot was down is posted now, if its local day is not over.
        await self._post_and_plan()

    async def _post_and_plan(self) -> None:
        try:
            await self.post_due(discord.utils.utcnow())
            await self._plan(discord.utils.utcnow())
        except Exception:  # the database away for a moment must not end the schedule
            log.exception("the digest scheduler failed; it looks again at the next check")

    async def _plan(self, now: datetime) -> None:
        wake_at = await next_wakeup(self.services, now)
        times = set(self._rechecks)
        if wake_at is not None:
            times.add(wake_at.astimezone(UTC).timetz())
        # The loop sleeps until the nearest of these times of day (UTC), then plans again.
        self.scheduler.change_interval(time=sorted(times) or list(MIDNIGHT_UTC))

    async def post_due(self, now: datetime) -> None:
        """Post every digest due at `now` that this process wins the claim for."""
        for due in await due_digests(self.services, now):
            if not self.bot.serves_guild(due.guild_id):
                continue  # another process's shard: its channels are not in this one's cache
            if await claim_digest(self.services, due.guild_id, due.window.day, self.claimer, now):
                await self._post_claimed(due)

    async def _post_claimed(self, due: DueDigest) -> None:
        try:
            digest = await daily_digest(self.services, due.guild_id, due.window)
            if digest.empty and not due.quiet_day_note:
                await record_skipped(self.services, due, self.claimer, discord.utils.utcnow())
                return
            channel = self._channel(due.channel_id)
            sent = await send_digest(channel.send, await digest_payloads(digest))
        except Exception as error:
            await self._record_failure(due, error)
            return
        if sent.error:
            log.warning(
                "digest of %s for %s posted in part: %s", due.guild_id, due.window.day, sent.error
            )
        await record_posted(
            self.services,
            due,
            self.claimer,
            discord.utils.utcnow(),
            message_id=sent.first.id,
            articles=len(digest.articles),
            error=sent.error,
        )

    async def _record_failure(self, due: DueDigest, error: Exception) -> None:
        known = isinstance(error, (discord.HTTPException, MissingChannel))
        reason = str(error) if isinstance(error, MissingChannel) else describe(error)
        retry_at = await record_failed(
            self.services, due, self.claimer, discord.utils.utcnow(), reason
        )
        retry = f"retrying at {retry_at:%H:%M} UTC" if retry_at else "not retried: the day is over"
        log.log(
            logging.WARNING if known else logging.ERROR,
            "digest of server %s for %s failed (%s): %s",
            due.guild_id,
            due.window.day,
            retry,
            reason,
            exc_info=None if known else error,
        )

    def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            raise MissingChannel("the digest channel no longer exists or I cannot see it")
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise MissingChannel("the digest channel is not a text channel")
        return channel

    @app_commands.command(name="digest", description="The digest of a day, shown only to you.")
    @app_commands.describe(date="The day as YYYY-MM-DD in the server's time zone (today if empty)")
    @app_commands.guild_only()
    async def digest(self, interaction: discord.Interaction, date: str | None = None) -> None:
        """Show a day's digest to the one who asked; the daily post is untouched."""
        if interaction.guild_id is None:
            return
        day = parse_day(date) if date else None
        await interaction.response.defer(ephemeral=True, thinking=True)
        digest = await digest_of_day(
            self.services, interaction.guild_id, day, discord.utils.utcnow()
        )
        payloads = await digest_payloads(digest)
        await send_digest(partial(interaction.followup.send, ephemeral=True, wait=True), payloads)


def recheck_times(every_seconds: float) -> list[time]:
    """Times of day (UTC) spaced `every_seconds` apart from midnight; none beyond a day."""
    step = max(int(every_seconds), 60)
    if step >= 86400:
        return []
    return [
        time(second // 3600, second % 3600 // 60, second % 60, tzinfo=UTC)
        for second in range(0, 86400, step)
    ]


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date; a clear refusal for anything else."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise HandlerError("Give the date as YYYY-MM-DD, for example 2026-12-01.") from None


async def setup(bot: NewsBot) -> None:
    """Load the daily digest."""
    await bot.add_cog(DigestPoster(bot))
