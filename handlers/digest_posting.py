"""Posting each server's daily digest exactly once: what is due, the claim, the outcome.

The bot's scheduler asks `due_digests` at Discord's time, claims each (a committed row unique on
server and local date), posts, then records the outcome. A failed post is retried with back-off
until its local day ends; a claim left by a process that died while posting is taken over after
STALE_CLAIM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from handlers.digest_schedule import (
    DigestWindow,
    digest_window,
    due_day,
    end_of_local_day,
    local_instant,
    next_digest_instant,
    parse_hhmm,
)
from handlers.services import Services
from storage.digests import DigestPostRepository
from storage.guilds import GuildRepository
from storage.records import DigestPostRecord, GuildSettings

STALE_CLAIM = timedelta(minutes=10)
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)


@dataclass(frozen=True)
class DueDigest:
    """A server whose digest of `window.day` should be posted now."""

    guild_id: int
    channel_id: int
    window: DigestWindow
    quiet_day_note: bool


async def due_digests(services: Services, now: datetime) -> list[DueDigest]:
    """Every server whose digest hour has passed today and whose digest is not out yet."""
    async with services.sessionmaker.begin() as session:
        schedules = await GuildRepository(session).digest_schedules()
        posts = DigestPostRepository(session)
        due: list[DueDigest] = []
        for settings in schedules:
            day = _due_day(settings, now)
            if day is None or not _may_claim(await posts.get(settings.guild_id, day), now):
                continue
            assert settings.digest_channel_id is not None and settings.digest_time is not None
            window = digest_window(day, settings.timezone, settings.digest_time)
            due.append(
                DueDigest(
                    settings.guild_id, settings.digest_channel_id, window, settings.quiet_day_note
                )
            )
    return due


async def claim_digest(
    services: Services, guild_id: int, day: date, claimer: str, now: datetime
) -> bool:
    """Take the right to post a day's digest, committed before anything is sent."""
    async with services.sessionmaker.begin() as session:
        return await DigestPostRepository(session).claim(
            guild_id, day, claimer=claimer, now=now, stale_after=STALE_CLAIM
        )


async def record_posted(
    services: Services,
    due: DueDigest,
    claimer: str,
    now: datetime,
    *,
    message_id: int,
    articles: int,
    error: str | None = None,
) -> None:
    """The digest went out (`error` says what part of it did not)."""
    async with services.sessionmaker.begin() as session:
        await DigestPostRepository(session).mark_posted(
            due.guild_id,
            due.window.day,
            claimer=claimer,
            now=now,
            channel_id=due.channel_id,
            message_id=message_id,
            articles=articles,
            error=error,
        )


async def record_skipped(services: Services, due: DueDigest, claimer: str, now: datetime) -> None:
    """A quiet day: nothing to post, and nothing will be for that day."""
    async with services.sessionmaker.begin() as session:
        await DigestPostRepository(session).mark_skipped(
            due.guild_id, due.window.day, claimer=claimer, now=now
        )


async def record_failed(
    services: Services, due: DueDigest, claimer: str, now: datetime, error: str
) -> datetime | None:
    """The post failed: when it is tried again (None once its local day is over)."""
    async with services.sessionmaker.begin() as session:
        posts = DigestPostRepository(session)
        before = await posts.get(due.guild_id, due.window.day)
        attempts = before.attempts if before else 0
        next_try = now + retry_delay(attempts + 1)
        day_over = end_of_local_day(due.window.day, due.window.zone)
        retry_at = next_try if next_try < day_over else None
        await posts.mark_failed(
            due.guild_id, due.window.day, claimer=claimer, now=now, error=error, retry_at=retry_at
        )
    return retry_at


def retry_delay(failures: int) -> timedelta:
    """Back-off after the n-th failure: one minute, doubling, at most an hour."""
    return min(FIRST_RETRY * 2 ** max(failures - 1, 0), LONGEST_RETRY)


async def next_wakeup(services: Services, now: datetime) -> datetime | None:
    """The next instant a digest may fall due: a server's digest hour or a retry."""
    async with services.sessionmaker.begin() as session:
        schedules = await GuildRepository(session).digest_schedules()
        posts = DigestPostRepository(session)
        instants: list[datetime] = []
        for settings in schedules:
            assert settings.digest_time is not None
            instants.append(next_digest_instant(now, settings.timezone, settings.digest_time))
            day = _due_day(settings, now)
            record = await posts.get(settings.guild_id, day) if day else None
            if record is not None and record.next_attempt_at is not None:
                instants.append(max(record.next_attempt_at, now))
            if record is not None and record.status == "claimed":
                instants.append(max(record.updated_at + STALE_CLAIM, now))
    return min(instants, default=None)


def _due_day(settings: GuildSettings, now: datetime) -> date | None:
    if settings.digest_time is None:
        return None
    day = due_day(now, settings.timezone, settings.digest_time)
    if day is None or settings.digest_set_at is None:
        return day
    # An hour already past when the digest was set is not that day's: the first is the next.
    hour = local_instant(day, parse_hhmm(settings.digest_time), settings.timezone)
    return day if hour >= settings.digest_set_at else None


def _may_claim(record: DigestPostRecord | None, now: datetime) -> bool:
    if record is None:
        return True
    if record.status == "failed":
        return record.next_attempt_at is not None and record.next_attempt_at <= now
    if record.status == "claimed":
        return record.updated_at + STALE_CLAIM <= now
    return False
