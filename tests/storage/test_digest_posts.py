"""DigestPostRepository: one claim per server and local date, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import NullPool

from storage.digests import DigestPostRepository
from storage.engine import make_engine, make_sessionmaker

Sessions = async_sessionmaker[AsyncSession]
DAY = date(2026, 12, 1)
NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
STALE = timedelta(minutes=10)


async def _claim(sessionmaker: Sessions, claimer: str, now: datetime = NOON) -> bool:
    async with sessionmaker.begin() as session:
        return await DigestPostRepository(session).claim(
            1, DAY, claimer=claimer, now=now, stale_after=STALE
        )


async def test_a_day_is_claimed_once(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "a") is True
    assert await _claim(sessionmaker, "b") is False
    assert await _claim(sessionmaker, "a") is False  # not even by the same process
    async with sessionmaker.begin() as session:
        record = await DigestPostRepository(session).get(1, DAY)
    assert record is not None and record.status == "claimed"


async def test_other_days_and_servers_are_claimed_apart(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "a") is True
    async with sessionmaker.begin() as session:
        posts = DigestPostRepository(session)
        assert await posts.claim(2, DAY, claimer="a", now=NOON, stale_after=STALE) is True
        next_day = DAY + timedelta(days=1)
        assert await posts.claim(1, next_day, claimer="a", now=NOON, stale_after=STALE) is True


async def test_a_posted_day_is_never_claimed_again(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "a")
    async with sessionmaker.begin() as session:
        posts = DigestPostRepository(session)
        assert await posts.mark_posted(
            1, DAY, claimer="a", now=NOON, channel_id=5, message_id=6, articles=3
        )
    assert await _claim(sessionmaker, "b", NOON + timedelta(days=1)) is False
    async with sessionmaker.begin() as session:
        record = await DigestPostRepository(session).latest(1)
    assert record is not None
    assert (record.status, record.message_id, record.articles) == ("posted", 6, 3)


async def test_only_the_claimer_records_the_outcome(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "a")
    async with sessionmaker.begin() as session:
        posts = DigestPostRepository(session)
        assert not await posts.mark_posted(
            1, DAY, claimer="b", now=NOON, channel_id=5, message_id=6, articles=3
        )
        assert not await posts.mark_skipped(1, DAY, claimer="b", now=NOON)
        assert await posts.mark_skipped(1, DAY, claimer="a", now=NOON)
        assert not await posts.mark_failed(
            1, DAY, claimer="a", now=NOON, error="late", retry_at=None
        )


async def test_a_failed_post_is_claimed_again_when_its_retry_comes(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "a")
    retry_at = NOON + timedelta(minutes=2)
    async with sessionmaker.begin() as session:
        await DigestPostRepository(session).mark_failed(
            1, DAY, claimer="a", now=NOON, error="403 Missing Access", retry_at=retry_at
        )
    assert await _claim(sessionmaker, "b", NOON + timedelta(minutes=1)) is False
    assert await _claim(sessionmaker, "b", retry_at) is True
    async with sessionmaker.begin() as session:
        record = await DigestPostRepository(session).get(1, DAY)
    assert record is not None
    assert (record.status, record.attempts, record.last_error) == (
        "claimed",
        1,
        "403 Missing Access",
    )


async def test_a_failure_without_a_retry_is_final(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "a")
    async with sessionmaker.begin() as session:
        await DigestPostRepository(session).mark_failed(
            1, DAY, claimer="a", now=NOON, error="gone", retry_at=None
        )
    assert await _claim(sessionmaker, "b", NOON + timedelta(hours=5)) is False


async def test_a_claim_left_by_a_dead_process_is_taken_over(sessionmaker: Sessions) -> None:
    assert await _claim(sessionmaker, "dead")
    assert await _claim(sessionmaker, "b", NOON + STALE - timedelta(seconds=1)) is False
    assert await _claim(sessionmaker, "b", NOON + STALE + timedelta(seconds=1)) is True


async def test_two_processes_racing_on_one_database_claim_once(
    engine: AsyncEngine, database_url: str
) -> None:
    # `engine` migrated the database; two more engines are two bot processes racing on it.
    engines = [make_engine(database_url, poolclass=NullPool) for _ in range(2)]
    try:
        makers = [make_sessionmaker(engine) for engine in engines]
        tries = [_claim(makers[i % 2], f"process-{i % 2}") for i in range(8)]
        results = await asyncio.gather(*tries, return_exceptions=True)
    finally:
        for engine in engines:
            await engine.dispose()
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == []
    assert results.count(True) == 1
