"""The messages the bot read, per guild; an article re-read in place; on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from storage_samples import make_report, person

from storage.articles import ArticleRepository
from storage.errors import DuplicateArticleError
from storage.guilds import GuildRepository
from storage.read_messages import ReadMessageRepository

Sessions = async_sessionmaker[AsyncSession]
READ_AT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


async def test_a_read_is_recorded_updated_found_by_channel_and_forgotten(
    sessionmaker: Sessions,
) -> None:
    async with sessionmaker.begin() as session:
        reads = ReadMessageRepository(session)
        await reads.record(1, 10, 100, "a" * 64, READ_AT)
        await reads.record(1, 10, 105, "b" * 64, READ_AT)
        await reads.record(1, 10, 100, "c" * 64, READ_AT)  # an edit: the same row
        await reads.record(2, 10, 200, "d" * 64, READ_AT)  # another guild's channel id
    async with sessionmaker.begin() as session:
        reads = ReadMessageRepository(session)
        found = await reads.get(1, 100)
        assert found is not None and found.fingerprint == "c" * 64 and found.read_at == READ_AT
        assert await reads.get(2, 100) is None
        assert await reads.was_read(1, 105) and await reads.was_read(2, 200)
        assert not await reads.was_read(2, 105) and not await reads.was_read(3, 200)
        assert await reads.forget(1, 105) and not await reads.forget(1, 105)
        assert not await reads.was_read(1, 105) and await reads.was_read(1, 100)


async def test_articles_stored_before_records_count_as_read(sessionmaker: Sessions) -> None:
    async with sessionmaker.begin() as session:
        await ArticleRepository(session).add(
            1, make_report(), channel_id=10, message_id=300, author_id=4, content_hash="h"
        )
    async with sessionmaker.begin() as session:
        reads = ReadMessageRepository(session)
        assert await reads.was_read(1, 300) and not await reads.was_read(2, 300)


async def test_a_new_reading_replaces_quotes_and_entities_in_place(sessionmaker: Sessions) -> None:
    first = make_report(
        quotes=(("We will draw a line in the sand", "Maria Alvarez"),),
        entities=(person("Maria Alvarez", "Ms. Alvarez"),),
    )
    second = make_report(
        quotes=(("We will hold the line", "Maria Alvarez"),),
        entities=(person("Maria Alvarez", "Ms. Alvarez"), person("Tom Reyes")),
    )
    async with sessionmaker.begin() as session:
        articles = ArticleRepository(session)
        stored = await articles.add(
            1, first, channel_id=10, message_id=300, author_id=4, content_hash="h1"
        )
        await articles.add(1, first, channel_id=10, message_id=301, author_id=4, content_hash="h2")
    async with sessionmaker.begin() as session:
        replaced = await ArticleRepository(session).replace_report(
            1, stored.id, second, content_hash="h3"
        )
        assert (
            await ArticleRepository(session).replace_report(2, stored.id, second, content_hash="x")
            is None
        )
    assert replaced is not None and replaced.id == stored.id
    assert [q.text for q in replaced.quotes] == ["We will hold the line"]
    assert [e.name for e in replaced.entities] == ["Maria Alvarez", "Tom Reyes"]
    async with sessionmaker.begin() as session:
        [again] = await ArticleRepository(session).from_message(1, 300)
        assert again.content_hash == "h3" and len(again.quotes) == 1
    with pytest.raises(DuplicateArticleError):
        async with sessionmaker.begin() as session:
            await ArticleRepository(session).replace_report(1, stored.id, first, content_hash="h2")


async def test_watched_since_keeps_discords_time(sessionmaker: Sessions) -> None:
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        await guilds.watch(1, 10, READ_AT)
        assert await guilds.watched_since(1) == [(10, READ_AT)]
        assert await guilds.watched_since(2) == []
