"""The Alembic migration, the engine factory and the shared text normalisation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import NullPool
from storage_samples import make_report

from storage.articles import ArticleRepository
from storage.engine import (
    alembic_config,
    database_revision,
    downgrade_database,
    head_revision,
    make_engine,
    make_sessionmaker,
    require_current_database,
    revision_order,
    upgrade_database,
)
from storage.errors import DatabaseNotCurrentError
from storage.guilds import GuildRepository
from storage.models import Base
from storage.search_schema import include_name, is_search_object
from storage.text import escape_like, normalize_for_search

SAME_STORY_TABLES = {"article_fingerprints", "article_bands", "channel_notes"}
TABLES = {
    "alembic_version",
    "guilds",
    "watched_channels",
    "articles",
    "entities",
    "quotes",
    "digest_posts",
    "entity_records",
    "entity_record_aliases",
    "quote_speakers",
    "read_messages",
    "guild_departures",
    *SAME_STORY_TABLES,
    "article_sentences",
}


def _table_names(connection: Connection) -> set[str]:
    return {t for t in inspect(connection).get_table_names() if not is_search_object(t)}


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"include_name": include_name})
    return list(compare_metadata(context, Base.metadata))


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def test_migration_creates_every_table(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_table_names) == TABLES
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert await connection.run_sync(_current_revision) == head


async def test_migration_matches_the_models(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


async def test_upgrade_twice_changes_nothing(engine: AsyncEngine) -> None:
    await upgrade_database(engine)
    async with engine.connect() as connection:
        assert await connection.run_sync(_table_names) == TABLES


async def test_upgrade_from_a_url_inside_a_running_loop(database_url: str) -> None:
    await upgrade_database(database_url)
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(_table_names) == TABLES
    finally:
        await engine.dispose()


async def test_timestamps_come_back_timezone_aware(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker.begin() as session:
        stored = await ArticleRepository(session).add(
            1, make_report(), channel_id=2, message_id=3, author_id=4, content_hash="h"
        )
    async with sessionmaker() as session:
        loaded = await ArticleRepository(session).get(1, stored.id)
    assert loaded is not None
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert loaded.created_at == stored.created_at


async def test_timestamps_keep_the_instant(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    read_at = datetime(2025, 3, 10, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    async with sessionmaker.begin() as session:
        stored = await ArticleRepository(session).add(
            1,
            make_report(),
            channel_id=2,
            message_id=3,
            author_id=4,
            content_hash="h",
            created_at=read_at,
        )
    async with sessionmaker() as session:
        loaded = await ArticleRepository(session).get(1, stored.id)
    assert loaded is not None
    assert loaded.created_at == read_at
    assert loaded.created_at.tzinfo is not None


async def test_sqlite_engine_creates_the_folder_and_enforces_foreign_keys(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'dir' / 'bot.db'}"
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    finally:
        await engine.dispose()
    assert (tmp_path / "nested" / "dir" / "bot.db").exists()


def test_make_engine_refuses_a_schema_name_that_is_not_plain() -> None:
    with pytest.raises(ValueError, match="schema"):
        make_engine("postgresql+asyncpg://u@localhost/db", schema='x"; DROP TABLE guilds; --')


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("A Line In The Sand", "a line in the sand"),
        ("\u201cWe\u2019re not moving,\u201d", '"we\'re not moving,"'),
        ("\u201eLow\u201f and \u2018single\u201b\u2032\u2033", "\"low\" and 'single''\""),
        ("  spread \n\t over   lines ", "spread over lines"),
        ("STRASSE", "strasse"),
        ("Stra\u00dfe", "strasse"),
    ],
)
def test_normalize_for_search(raw: str, normalized: str) -> None:
    assert normalize_for_search(raw) == normalized


def test_escape_like_escapes_wildcards_and_the_escape_character() -> None:
    assert escape_like("100%_a\\b") == "100\\%\\_a\\\\b"


def _upgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def test_upgrading_a_first_version_database_keeps_its_articles(database_url: str) -> None:
    # A database made by revision 0001, with an article in it, upgraded to head.
    engine = make_engine(database_url, poolclass=NullPool)
    read_at = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade_to, "0001")
            await connection.execute(
                text(
                    "INSERT INTO guilds (id, timezone, last_digest_date, created_at)"
                    " VALUES (1, 'Europe/Oslo', NULL, :at)"
                ),
                {"at": read_at},
            )
            await connection.execute(
                text(
                    "INSERT INTO articles (guild_id, channel_id, message_id, author_id,"
                    " content_hash, text, search_text, digest, notes, created_at)"
                    " VALUES (1, 2, 3, 4, 'h', 'Body.', 'body.', '[]', '[]', :at)"
                ),
                {"at": read_at},
            )
        await upgrade_database(engine)
        async with make_sessionmaker(engine)() as session:
            articles = await ArticleRepository(session).recent(1)
            settings = await GuildRepository(session).get_settings(1)
    finally:
        await engine.dispose()
    assert [(a.posted_at, a.author_name) for a in articles] == [(read_at, None)]
    assert (settings.timezone, settings.quiet_day_note, settings.min_article_words) == (
        "Europe/Oslo",
        False,
        None,
    )


async def test_upgrading_a_database_with_raced_copies_keeps_the_oldest_url(
    database_url: str,
) -> None:
    # Before 0003 the same URL could be stored twice in a server by posts racing each other.
    engine = make_engine(database_url, poolclass=NullPool)
    read_at = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    insert = text(
        "INSERT INTO articles (guild_id, channel_id, message_id, author_id, url,"
        " content_hash, text, search_text, digest, notes, created_at, posted_at)"
        " VALUES (:guild, 2, :message, 4, :url, :hash, 'Body.', 'body.', '[]', '[]', :at, :at)"
    )
    rows = [
        (1, 10, "https://news.example/a", "h1"),
        (1, 11, "https://news.example/a", "h2"),
        (1, 12, "https://news.example/a", "h3"),
        (2, 13, "https://news.example/a", "h4"),  # another server keeps its own copy
        (1, 14, None, "h5"),
        (1, 15, None, "h6"),
    ]
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade_to, "0002")
            for guild, message, url, content_hash in rows:
                await connection.execute(
                    insert,
                    {
                        "guild": guild,
                        "message": message,
                        "url": url,
                        "hash": content_hash,
                        "at": read_at,
                    },
                )
        await upgrade_database(engine)
        async with engine.connect() as connection:
            found = (
                await connection.execute(
                    text("SELECT message_id, url, answer_pending FROM articles ORDER BY id")
                )
            ).all()
    finally:
        await engine.dispose()
    url = "https://news.example/a"
    assert [tuple(r) for r in found] == [
        (10, url, False),
        (11, None, False),
        (12, None, False),
        (13, url, False),
        (14, None, False),
        (15, None, False),
    ]


async def test_keeping_up_migrates_down_and_up_again(database_url: str) -> None:
    # 0005 adds read_messages (0006 guild_departures, 0007 the same-story tables); down to 0004
    # drops them, up again restores them.
    engine = make_engine(database_url, poolclass=NullPool)
    try:
        await upgrade_database(engine)
        async with engine.begin() as connection:
            await connection.run_sync(_downgrade_to, "0004")
            later = {"read_messages", "guild_departures", "article_sentences"} | SAME_STORY_TABLES
            assert await connection.run_sync(_table_names) == TABLES - later
        await upgrade_database(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_table_names) == TABLES
            assert await connection.run_sync(_differences) == []
    finally:
        await engine.dispose()


def _downgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


async def test_every_migration_runs_up_and_down_one_step_at_a_time(database_url: str) -> None:
    # Every revision, the search and later ones included: up one step at a time from an empty
    # database to head, then down one step at a time to base, then up again in one go.
    revisions = revision_order()
    assert revisions[-1] == head_revision()
    engine = make_engine(database_url, poolclass=NullPool)
    try:
        assert await database_revision(engine) is None
        for revision in revisions:
            await upgrade_database(engine, revision)
            assert await database_revision(engine) == revision
        async with engine.connect() as connection:
            assert await connection.run_sync(_table_names) == TABLES
            assert await connection.run_sync(_differences) == []
        for below in [*reversed(revisions[:-1]), "base"]:
            await downgrade_database(engine, below)
            assert await database_revision(engine) == (None if below == "base" else below)
        async with engine.connect() as connection:
            assert await connection.run_sync(_table_names) <= {"alembic_version"}
        await upgrade_database(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_table_names) == TABLES
            assert await connection.run_sync(_differences) == []
    finally:
        await engine.dispose()


async def test_require_current_database_names_the_upgrade_command(database_url: str) -> None:
    engine = make_engine(database_url, poolclass=NullPool)
    try:
        with pytest.raises(DatabaseNotCurrentError, match="newsbot db upgrade") as empty:
            await require_current_database(engine)
        assert empty.value.revision is None
        await upgrade_database(engine, revision_order()[-2])
        with pytest.raises(DatabaseNotCurrentError, match="newsbot db upgrade") as behind:
            await require_current_database(engine)
        assert behind.value.revision == revision_order()[-2]
        await upgrade_database(engine)
        await require_current_database(engine)
    finally:
        await engine.dispose()
