"""GuildRepository: watched channels and digest settings."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from storage_samples import make_report

from storage.articles import ArticleRepository
from storage.guilds import GuildRepository
from storage.models import QuoteRow
from storage.records import GuildSettings

Sessions = async_sessionmaker[AsyncSession]


async def test_watch_and_unwatch(sessionmaker: Sessions) -> None:
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        assert await guilds.watch(1, 10) is True
        assert await guilds.watch(1, 10) is False
        assert await guilds.watch(1, 11) is True
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        assert await guilds.watched_channels(1) == [10, 11]
        assert await guilds.is_watched(1, 10)
        assert await guilds.unwatch(1, 10) is True
        assert await guilds.unwatch(1, 10) is False
    async with sessionmaker() as session:
        guilds = GuildRepository(session)
        assert not await guilds.is_watched(1, 10)
        assert await guilds.watched_channels(1) == [11]


async def test_discord_sized_ids_survive(sessionmaker: Sessions) -> None:
    guild_id, channel_id = 1_234_567_890_123_456_789, 9_123_456_789_012_345_678
    async with sessionmaker.begin() as session:
        await GuildRepository(session).watch(guild_id, channel_id)
    async with sessionmaker() as session:
        assert await GuildRepository(session).watched_channels(guild_id) == [channel_id]


async def test_a_guild_never_configured_has_the_defaults(sessionmaker: Sessions) -> None:
    async with sessionmaker() as session:
        assert await GuildRepository(session).get_settings(5) == GuildSettings(guild_id=5)


async def test_digest_channel_settings(sessionmaker: Sessions) -> None:
    set_at = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        await guilds.watch(1, 10)
        await guilds.set_digest_channel(1, 20, "18:30", "Europe/Tallinn", set_at=set_at)
        await guilds.set_quiet_day_note(1, True)
        await guilds.set_min_article_words(1, 80)
    async with sessionmaker() as session:
        settings = await GuildRepository(session).get_settings(1)
    assert settings == GuildSettings(
        guild_id=1,
        digest_channel_id=20,
        digest_time="18:30",
        timezone="Europe/Tallinn",
        digest_set_at=set_at,
        quiet_day_note=True,
        min_article_words=80,
        watched_channel_ids=(10,),
    )


async def test_the_article_minimum_goes_back_to_the_default(sessionmaker: Sessions) -> None:
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        await guilds.set_min_article_words(1, 80)
        assert (await guilds.set_min_article_words(1, None)).min_article_words is None


async def test_digest_schedules_list_only_guilds_with_a_digest(sessionmaker: Sessions) -> None:
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        await guilds.set_digest_channel(2, 20, "07:00", "UTC")
        await guilds.set_digest_channel(3, 30, "08:00", "Asia/Seoul")
        await guilds.set_quiet_day_note(4, True)  # a row, but no digest
        assert await guilds.disable_digest(3) is True
        assert await guilds.disable_digest(3) is False
    async with sessionmaker() as session:
        schedules = await GuildRepository(session).digest_schedules()
    assert [(s.guild_id, s.digest_channel_id, s.digest_time) for s in schedules] == [
        (2, 20, "07:00")
    ]


async def test_forget_guild_deletes_everything_of_that_guild_only(sessionmaker: Sessions) -> None:
    report = make_report(quotes=(("We will not move an inch on this", "Maria Alvarez"),))
    async with sessionmaker.begin() as session:
        for guild_id in (1, 2):
            await GuildRepository(session).watch(guild_id, 10)
            await GuildRepository(session).set_digest_channel(guild_id, 20, "18:00", "UTC")
            await ArticleRepository(session).add(
                guild_id, report, channel_id=10, message_id=11, author_id=12, content_hash="h"
            )
    async with sessionmaker.begin() as session:
        await GuildRepository(session).forget_guild(1)
    async with sessionmaker() as session:
        guilds, articles = GuildRepository(session), ArticleRepository(session)
        assert await guilds.get_settings(1) == GuildSettings(guild_id=1)
        assert await articles.recent(1) == []
        assert (await guilds.get_settings(2)).watched_channel_ids == (10,)
        assert len(await articles.recent(2)) == 1
        quotes_left = await session.scalar(select(func.count()).select_from(QuoteRow))
    assert quotes_left == 1
