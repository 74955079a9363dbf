"""Migration 0009 (quote_speakers.posted_at): what was linked before it pages the same after,
and an export written at 0008 imports into a database at 0009."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool
from storage_samples import at_hour, make_report

from storage.articles import ArticleRepository
from storage.bulk import NewArticle
from storage.engine import (
    SessionFactory,
    alembic_config,
    database_revision,
    head_revision,
    make_engine,
    make_sessionmaker,
    upgrade_database,
)
from storage.entity_records import EntityRecordRepository
from storage.models import ArticleRow, QuoteRow, QuoteSpeaker
from storage.transfer import export_guild, import_guild

NEWSROOM = 5
COPY = 6
SPEAKERS = ("Maria Alvarez", "Park Soo-ah")


async def _fill(sessionmaker: SessionFactory) -> None:
    """Six articles, two posted together, each quoting both speakers (one jointly)."""
    async with sessionmaker.begin() as session:
        records = EntityRecordRepository(session)
        ids = []
        for name in SPEAKERS:
            record = await records.create(
                NEWSROOM,
                kind="person",
                label="PERSON",
                name=name,
                name_key=name.lower(),
                surname_key=name.split()[-1].lower(),
                seen_at=at_hour(0),
            )
            ids.append(record.id)
        quotes = (
            ("The port stays shut until Friday", SPEAKERS[0]),
            ("We will talk to anyone at any hour", SPEAKERS[1]),
            ("Together we ask for calm", " and ".join(SPEAKERS)),
        )
        batch = [
            NewArticle(
                make_report(title=f"Strike, day {n}", quotes=quotes),
                channel_id=10,
                message_id=100 + n,
                author_id=7,
                content_hash=f"h{n}",
                posted_at=at_hour(max(n, 1)),  # articles 0 and 1: one time
                quote_speakers={0: [ids[0]], 1: [ids[1]], 2: ids},
            )
            for n in range(6)
        ]
        await ArticleRepository(session).add_many(NEWSROOM, batch)


async def _pages(sessionmaker: SessionFactory, guild_id: int) -> list[Any]:
    """Every speaker's quotes, two a page, as (text, article title, posted time)."""
    found: list[Any] = []
    async with sessionmaker() as session:
        records = EntityRecordRepository(session)
        for name in SPEAKERS:
            record = (await records.speaker_records(guild_id, [name.lower()]))[0][0]
            for offset in range(0, 12, 2):
                page, total = await records.quotes_of(guild_id, record.id, limit=2, offset=offset)
                found.append((total, [(q.text, q.article_title) for q in page]))
        links = await session.execute(
            select(QuoteSpeaker.posted_at, ArticleRow.posted_at)
            .join(QuoteRow, QuoteRow.id == QuoteSpeaker.quote_id)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .where(QuoteRow.guild_id == guild_id)
        )
        pairs = links.tuples().all()
    assert len(pairs) == 24 and all(link == article for link, article in pairs)
    return found


def _downgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


async def test_an_export_from_before_0009_imports_and_pages_the_same(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url, poolclass=NullPool)
    target = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'target.db'}", poolclass=NullPool)
    try:
        await upgrade_database(engine)
        await _fill(make_sessionmaker(engine))
        expected = await _pages(make_sessionmaker(engine), NEWSROOM)
        newest = [("The port stays shut until Friday", "Strike, day 5")]
        assert expected[0] == (12, [*newest, ("Together we ask for calm", "Strike, day 5")])
        # Articles 0 and 1 were posted at one time: the later stored comes first.
        assert [title for _text, title in expected[4][1]] == ["Strike, day 1"] * 2
        assert [title for _text, title in expected[5][1]] == ["Strike, day 0"] * 2
        # The schema as it was before 0009, and a file written from it.
        async with engine.begin() as connection:
            await connection.run_sync(_downgrade_to, "0008")
        records: list[dict[str, Any]] = []
        await export_guild(engine, NEWSROOM, records.append)
        assert records[0]["schema_revision"] == "0008"
        links = [r["row"] for r in records if r["kind"] == "quote_speaker"]
        assert len(links) == 24 and all(
            set(r) == {"id", "quote_id", "record_id", "position"} for r in links
        )
        # The old database upgraded fills the copies; the old file imports into head twice.
        await upgrade_database(engine)
        assert await database_revision(engine) == head_revision()
        assert await _pages(make_sessionmaker(engine), NEWSROOM) == expected
        await upgrade_database(target)
        await import_guild(target, records)
        assert await _pages(make_sessionmaker(target), NEWSROOM) == expected
        await import_guild(engine, records, as_guild=COPY)
        assert await _pages(make_sessionmaker(engine), COPY) == expected
    finally:
        await engine.dispose()
        await target.dispose()


async def test_the_copied_time_is_not_exported(
    sessionmaker: SessionFactory, database_url: str
) -> None:
    # A derived copy: the file is the same at 0008 and 0009, the import makes it again.
    await _fill(sessionmaker)
    records: list[dict[str, Any]] = []
    await export_guild(database_url, NEWSROOM, records.append)
    assert records[0]["schema_revision"] == head_revision()
    links = [r["row"] for r in records if r["kind"] == "quote_speaker"]
    assert links and all("posted_at" not in row for row in links)
