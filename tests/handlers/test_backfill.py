"""Articles stored before the entity records existed get their records on a back-fill."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from record_samples import GUILD, MONDAY, Sessions, person, report, store
from sqlalchemy import func, select

from analysis.types import Entity, Report
from handlers.backfill import backfill_records
from handlers.services import Services
from handlers.who_said import who_said
from storage.articles import ArticleRepository
from storage.entity_records import EntityRecordRepository
from storage.models import EntityRecord, EntityRow, QuoteSpeaker

# Discord's time when the quotes are searched for: after every sample article.
SEARCHED_AT = datetime(2027, 1, 1, tzinfo=UTC)


async def store_unlinked(
    sessionmaker: Sessions, r: Report, when: datetime, guild: int = GUILD
) -> int:
    """Stored as before migration 0004: the article, its entities and quotes, no records."""
    async with sessionmaker.begin() as session:
        stored = await ArticleRepository(session).add(
            guild,
            r,
            channel_id=10,
            message_id=int(when.timestamp()),
            author_id=7,
            content_hash=r.article.title or "",
            posted_at=when,
        )
    return stored.id


async def _count(sessionmaker: Sessions, table: type) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_old_articles_get_records_and_who_said_finds_them(
    sessionmaker: Sessions, services: Services
) -> None:
    await store_unlinked(
        sessionmaker,
        report(
            "Talks",
            (person("Moon Chung-in", "Mr. Moon"),),
            (("We are not there yet", "Moon Chung-in"),),
        ),
        MONDAY,
    )
    await store_unlinked(
        sessionmaker,
        report("More talks", (person("Moon", "Mr. Moon"),), (("It will take years", "Moon"),)),
        MONDAY + timedelta(days=3),
    )
    # A story that only names a group of people has nothing to link: it is looked at, no more.
    await store_unlinked(
        sessionmaker, report("Voters", (Entity("Koreans", "NORP", 2),), ()), MONDAY
    )
    # Read after the records existed: linked already, left alone.
    await store(
        sessionmaker,
        report("Latest", (person("Moon Chung-in"),), (("Not yet", "Moon Chung-in"),)),
        MONDAY + timedelta(days=5),
    )
    assert await _count(sessionmaker, QuoteSpeaker) == 1

    done = await backfill_records(sessionmaker, batch=1)

    assert (done.looked_at, done.linked) == (2, 2)
    result = await who_said(services, GUILD, "Mr. Moon", now=SEARCHED_AT)
    assert result.speaker == "Moon Chung-in"
    assert [q.text for q in result.quotes] == [
        "Not yet",
        "It will take years",
        "We are not there yet",
    ]
    async with sessionmaker() as session:
        (record,) = await session.scalars(select(EntityRecord))
        card = await EntityRecordRepository(session).card(GUILD, record.id)
    assert card is not None and len(card.articles) == 3
    assert (record.first_seen, record.last_seen) == (MONDAY, MONDAY + timedelta(days=5))


async def test_a_second_backfill_changes_nothing(sessionmaker: Sessions) -> None:
    await store_unlinked(
        sessionmaker,
        report("Talks", (person("Maria Alvarez"),), (("We will not move", "Maria Alvarez"),)),
        MONDAY,
    )
    # A bare surname two people share stays unlinked, and is not guessed on a second look.
    await store(
        sessionmaker,
        report("Port", (person("Park Ji-hoon"), person("Park Soo-ah")), ()),
        MONDAY,
    )
    await store_unlinked(sessionmaker, report("Brief", (person("Park"),), ()), MONDAY)
    first = await backfill_records(sessionmaker)
    tables = (EntityRecord, EntityRow, QuoteSpeaker)
    after_first = [await _count(sessionmaker, t) for t in tables]

    second = await backfill_records(sessionmaker)

    assert (first.looked_at, first.linked) == (2, 1)
    assert (second.looked_at, second.linked) == (1, 0)
    assert [await _count(sessionmaker, t) for t in tables] == after_first
    async with sessionmaker() as session:
        unlinked = await session.scalar(
            select(func.count()).select_from(EntityRow).where(EntityRow.record_id.is_(None))
        )
    assert unlinked == 1


async def test_backfill_keeps_servers_apart(sessionmaker: Sessions) -> None:
    for guild in (1, 2):
        await store_unlinked(
            sessionmaker, report("Talks", (person("Maria Alvarez"),), ()), MONDAY, guild=guild
        )
    await backfill_records(sessionmaker)
    async with sessionmaker() as session:
        owners = sorted(await session.scalars(select(EntityRecord.guild_id)))
    assert owners == [1, 2]
