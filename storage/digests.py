"""The daily digest's record per server and local date: claimed once, then posted or failed.

Two bot processes on one database both find a digest due; the unique (guild, date) row decides
which one posts. A claim is an INSERT that does nothing when the row exists, or a compare-and-set
UPDATE taking over a failed try whose retry time has come, or a claim left by a process that died
while posting (older than `stale_after`). Each claim must be committed before the post is sent.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.mapping import digest_post_from_row
from storage.models import DigestPost
from storage.records import DigestPostRecord


class DigestPostRepository:
    """Claims and records one guild's daily digests; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(
        self, guild_id: int, day: date, *, claimer: str, now: datetime, stale_after: timedelta
    ) -> bool:
        """Take the right to post this day's digest; False when another claim holds it."""
        if await self._insert_claim(guild_id, day, claimer, now):
            return True
        retry_due = and_(DigestPost.status == "failed", DigestPost.next_attempt_at <= now)
        abandoned = and_(DigestPost.status == "claimed", DigestPost.claimed_at < now - stale_after)
        result = await self._session.execute(
            update(DigestPost)
            .where(
                DigestPost.guild_id == guild_id,
                DigestPost.local_date == day,
                or_(retry_due, abandoned),
            )
            .values(status="claimed", claimed_by=claimer, claimed_at=now, updated_at=now)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def mark_posted(
        self,
        guild_id: int,
        day: date,
        *,
        claimer: str,
        now: datetime,
        channel_id: int,
        message_id: int,
        articles: int,
        error: str | None = None,
    ) -> bool:
        """The digest went out (in full, or in part with `error` saying what was not sent)."""
        return await self._finish(
            guild_id,
            day,
            claimer,
            now,
            status="posted",
            channel_id=channel_id,
            message_id=message_id,
            articles=articles,
            last_error=error,
            next_attempt_at=None,
        )

    async def mark_skipped(self, guild_id: int, day: date, *, claimer: str, now: datetime) -> bool:
        """A quiet day: nothing was posted, and nothing will be for this day."""
        return await self._finish(
            guild_id, day, claimer, now, status="skipped", articles=0, next_attempt_at=None
        )

    async def mark_failed(
        self,
        guild_id: int,
        day: date,
        *,
        claimer: str,
        now: datetime,
        error: str,
        retry_at: datetime | None,
    ) -> bool:
        """The post failed; it is tried again at `retry_at` (never, when None)."""
        row = await self._own_row(guild_id, day, claimer)
        if row is None:
            return False
        row.status = "failed"
        row.attempts += 1
        row.last_error = error
        row.next_attempt_at = retry_at
        row.updated_at = now
        await self._session.flush()
        return True

    async def get(self, guild_id: int, day: date) -> DigestPostRecord | None:
        """What happened to this day's digest, if anything."""
        row = await self._session.scalar(
            select(DigestPost).where(DigestPost.guild_id == guild_id, DigestPost.local_date == day)
        )
        return digest_post_from_row(row) if row else None

    async def latest(self, guild_id: int) -> DigestPostRecord | None:
        """The guild's most recent digest record, for /settings."""
        row = await self._session.scalar(
            select(DigestPost)
            .where(DigestPost.guild_id == guild_id)
            .order_by(DigestPost.local_date.desc())
            .limit(1)
        )
        return digest_post_from_row(row) if row else None

    async def _insert_claim(self, guild_id: int, day: date, claimer: str, now: datetime) -> bool:
        values = {
            "guild_id": guild_id,
            "local_date": day,
            "status": "claimed",
            "claimed_by": claimer,
            "claimed_at": now,
            "attempts": 0,
            "articles": 0,
            "updated_at": now,
        }
        statement = _insert_for(self._session)(DigestPost).values(**values)
        # Both dialects spell "insert unless the (guild, date) row exists" the same way.
        statement = statement.on_conflict_do_nothing(index_elements=["guild_id", "local_date"])
        result = await self._session.execute(statement)
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def _own_row(self, guild_id: int, day: date, claimer: str) -> DigestPost | None:
        return await self._session.scalar(
            select(DigestPost).where(
                DigestPost.guild_id == guild_id,
                DigestPost.local_date == day,
                DigestPost.status == "claimed",
                DigestPost.claimed_by == claimer,
            )
        )

    async def _finish(
        self, guild_id: int, day: date, claimer: str, now: datetime, **values: Any
    ) -> bool:
        row = await self._own_row(guild_id, day, claimer)
        if row is None:
            return False
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = now
        await self._session.flush()
        return True


def _insert_for(session: AsyncSession) -> Any:
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert
