"""Two guilds store the same things; no repository method ever shows one guild the other's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from storage_samples import at_hour, make_report, person

from storage.articles import ArticleRepository
from storage.guilds import GuildRepository
from storage.quotes import QuoteRepository
from storage.records import GuildSettings, StoredArticle

Sessions = async_sessionmaker[AsyncSession]
OURS, THEIRS, EMPTY = 1, 2, 3
URL = "https://example.com/strike"


async def _store_theirs(sessionmaker: Sessions) -> StoredArticle:
    report = make_report(
        url=URL,
        quotes=(("We will draw a line in the sand", "Maria Alvarez"),),
        entities=(person("Maria Alvarez", "Ms. Alvarez"),),
    )
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        await guilds.watch(THEIRS, 10)
        await guilds.set_digest_channel(THEIRS, 20, "18:00", "UTC")
        articles = ArticleRepository(session)
        stored = await articles.add(
            THEIRS,
            report,
            channel_id=10,
            message_id=11,
            author_id=12,
            content_hash="same-hash",
            created_at=at_hour(0),
        )
        await articles.set_reply(THEIRS, stored.id, channel_id=30, message_id=31)
        return stored


async def test_another_guild_sees_nothing(sessionmaker: Sessions) -> None:
    theirs = await _store_theirs(sessionmaker)
    async with sessionmaker.begin() as session:
        guilds, articles, quotes = (
            GuildRepository(session),
            ArticleRepository(session),
            QuoteRepository(session),
        )
        assert not await guilds.is_watched(EMPTY, 10)
        assert await guilds.watched_channels(EMPTY) == []
        assert await guilds.get_settings(EMPTY) == GuildSettings(guild_id=EMPTY)
        assert await guilds.unwatch(EMPTY, 10) is False
        assert await guilds.disable_digest(EMPTY) is False
        assert await articles.find_existing(EMPTY, url=URL, content_hash="same-hash") is None
        assert await articles.find_by_reply(EMPTY, channel_id=30, message_id=31) is None
        assert await articles.get(EMPTY, theirs.id) is None
        assert await articles.set_reply(EMPTY, theirs.id, channel_id=1, message_id=2) is False
        assert await articles.delete(EMPTY, theirs.id) is False
        assert await articles.recent(EMPTY) == []
        assert await articles.posted_between(EMPTY, at_hour(-1), datetime.now(UTC)) == []
        assert await articles.search(EMPTY, ["line", "strike"]) == []
        assert await quotes.find_speaker(EMPTY, "alvarez") is None
        assert await quotes.find_speaker(EMPTY, "Ms. Alvarez") is None
        assert await quotes.by_speaker(EMPTY, "Maria Alvarez") == []
        assert await quotes.by_phrase(EMPTY, "line in the sand") == []
        await guilds.forget_guild(EMPTY)
    async with sessionmaker() as session:
        # Nothing the other guild tried changed this guild's data.
        still = await ArticleRepository(session).get(THEIRS, theirs.id)
        assert still == replace(theirs, reply_channel_id=30, reply_message_id=31)
        assert await GuildRepository(session).watched_channels(THEIRS) == [10]
        assert len(await GuildRepository(session).digest_schedules()) == 1


async def test_the_same_article_is_stored_once_per_guild(sessionmaker: Sessions) -> None:
    theirs = await _store_theirs(sessionmaker)
    report = make_report(url=URL, quotes=(("Our own quote is here", "Luis Alvarez"),))
    async with sessionmaker.begin() as session:
        ours = await ArticleRepository(session).add(
            OURS, report, channel_id=40, message_id=41, author_id=42, content_hash="same-hash"
        )
        await GuildRepository(session).watch(OURS, 10)
    assert ours.id != theirs.id
    async with sessionmaker() as session:
        articles, quotes = ArticleRepository(session), QuoteRepository(session)
        found = await articles.find_existing(OURS, url=URL, content_hash="same-hash")
        assert found is not None and found.id == ours.id
        assert [a.id for a in await articles.recent(OURS)] == [ours.id]
        assert [a.id for a in await articles.search(OURS, ["line", "strike"])] == [ours.id]
        assert await quotes.find_speaker(OURS, "alvarez") == "Luis Alvarez"
        assert await quotes.find_speaker(OURS, "Ms. Alvarez") is None
        assert await quotes.by_speaker(OURS, "Maria Alvarez") == []
        assert [q.text for q in await quotes.by_phrase(OURS, "quote")] == ["Our own quote is here"]
        assert await quotes.by_phrase(OURS, "line in the sand") == []
        assert await articles.find_by_reply(OURS, channel_id=30, message_id=31) is None
        assert await GuildRepository(session).watched_channels(OURS) == [10]
