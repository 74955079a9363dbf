"""The database failing while an article is stored: nothing is left half-stored, and the next
try stores it once; SQLite locked by another writer holds an article up, then stores it once;
PostgreSQL connections killed under the bot are replaced before the next message."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import event, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from analysis.types import Report
from handlers.ingest import Origin, ingest_text
from handlers.services import Services
from intake.article import Article
from storage.engine import make_engine, make_sessionmaker, upgrade_database
from storage.models import (
    ArticleBand,
    ArticleFingerprint,
    ArticleRow,
    EntityRecord,
    EntityRow,
    QuoteRow,
    QuoteSpeaker,
    SentenceRow,
)
from tests.bot.conftest import seed_text

GUILD = 7
# Every table an article writes to; a failed store must leave each empty.
ARTICLE_TABLES = (
    ArticleRow,
    EntityRow,
    QuoteRow,
    SentenceRow,
    ArticleFingerprint,
    ArticleBand,
    EntityRecord,
    QuoteSpeaker,
)


class DatabaseWentAway(Exception):
    """What the SQLite side of the test raises where PostgreSQL's connection is killed."""


@pytest.fixture
async def bot_engine(engine: AsyncEngine, database_url: str) -> AsyncIterator[AsyncEngine]:
    """The bot's own engine (its pool, pre-ping on PostgreSQL) on the migrated test database."""
    pooled = make_engine(database_url)
    yield pooled
    await pooled.dispose()


@pytest.fixture
def services_on(bot_engine: AsyncEngine, nlp: Language) -> Iterator[Services]:
    with ThreadPoolExecutor(1) as executor:
        yield Services(
            sessionmaker=make_sessionmaker(bot_engine),
            nlp=nlp,
            fetcher=None,  # type: ignore[arg-type]
            executor=executor,
        )


def _origin(message_id: int) -> Origin:
    return Origin(guild_id=GUILD, channel_id=1, message_id=message_id, author_id=5)


async def _counts(services: Services) -> list[int]:
    async with services.sessionmaker() as session:
        return [
            int(await session.scalar(select(func.count()).select_from(t)) or 0)
            for t in ARTICLE_TABLES
        ]


def _fail_at_first_insert_into(engine: AsyncEngine, table: str) -> None:
    """The database goes away at the first INSERT into `table`, once: PostgreSQL's connection
    is terminated on the server; SQLite's statement fails as a lost disk would make it."""
    failed = False

    def before_execute(connection: Any, cursor: Any, statement: str, *_: Any) -> None:
        nonlocal failed
        if failed or not statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}"):
            return
        failed = True
        if engine.dialect.name == "postgresql":
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        else:
            raise DatabaseWentAway("disk I/O error")

    event.listen(engine.sync_engine, "before_cursor_execute", before_execute)


async def test_a_database_failing_half_way_through_an_article_leaves_none_of_it(
    services_on: Services, bot_engine: AsyncEngine
) -> None:
    text_ = seed_text("port-strike")
    # The entity records are written last, after the article, its quotes, entities, sentences
    # and fingerprint have all been sent to the database in the same transaction.
    _fail_at_first_insert_into(bot_engine, "entity_records")

    with pytest.raises(Exception) as failure:
        await ingest_text(services_on, _origin(1), text_)
    assert not isinstance(failure.value, AssertionError)
    assert await _counts(services_on) == [0] * len(ARTICLE_TABLES)

    # The same message read again (a re-post, the catch-up) stores it whole, once.
    result = await ingest_text(services_on, _origin(1), text_)
    assert not result.duplicate and result.article.quotes
    counts = await _counts(services_on)
    assert counts[0] == 1 and all(counts[1:4])


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_killed_postgres_connections_are_replaced_before_the_next_article(
    services_on: Services, database_url: str
) -> None:
    await ingest_text(services_on, _origin(1), seed_text("port-strike"))  # the pool is warm
    killer = make_engine(database_url)
    async with killer.connect() as connection:
        # Every other connection to the database, the bot's pool among them, as a server
        # restart or an administrator would end them.
        await connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    await killer.dispose()
    result = await ingest_text(services_on, _origin(2), seed_text("night-trains"))
    assert not result.duplicate
    assert (await _counts(services_on))[0] == 2


@pytest.fixture
async def sqlite_services(tmp_path: Path, nlp: Language) -> AsyncIterator[tuple[Services, Path]]:
    path = tmp_path / "bot.db"
    engine = make_engine(f"sqlite+aiosqlite:///{path}")  # the bot's engine
    await upgrade_database(engine)
    with ThreadPoolExecutor(1) as executor:
        yield (
            Services(
                sessionmaker=make_sessionmaker(engine),
                nlp=nlp,
                fetcher=None,  # type: ignore[arg-type]
                executor=executor,
            ),
            path,
        )
    await engine.dispose()


async def test_sqlite_locked_by_another_writer_holds_an_article_up_and_stores_it_once(
    sqlite_services: tuple[Services, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    services, path = sqlite_services
    analysed = asyncio.Event()
    real = Services.analyze_in_turn

    async def analyze(self: Services, article: Article) -> Report:
        report = await real(self, article)
        analysed.set()
        return report

    monkeypatch.setattr(Services, "analyze_in_turn", analyze)
    # Another process (a `newsbot import`, a backup tool) holds SQLite's write lock.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        reading = asyncio.create_task(ingest_text(services, _origin(1), seed_text("port-strike")))
        await analysed.wait()
        await asyncio.sleep(0.2)  # time to reach the lock; the outcome does not depend on it
        assert not reading.done()  # waiting for the lock, not failed with "database is locked"
    finally:
        other.execute("COMMIT")
        other.close()
    result = await reading

    assert not result.duplicate
    counts = await _counts(services)
    assert counts[0] == 1 and all(counts[1:4])
