"""The bulk path (storage/bulk.py) stores what the ORM path stores, and a record's quotes page
off its index in a stable order."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from storage_samples import at_hour, make_report, person

from analysis.types import Report, Sentence
from storage.articles import ArticleRepository
from storage.bulk import NewArticle
from storage.engine import SessionFactory
from storage.entity_records import EntityRecordRepository
from storage.models import ArticleRow, EntityRecord, EntityRow, QuoteRow, QuoteSpeaker, SentenceRow
from storage.quotes import QuoteRepository
from storage.search import SearchRepository

ORM_GUILD = 1
BULK_GUILD = 2
NOW = datetime(2025, 4, 1, tzinfo=UTC)
PEOPLE = ("Maria Alvarez", "Park Soo-ah", "Tomas Berg")


def _with_sentences(report: Report, lemmas: str = "") -> Report:
    """The report with its text's sentences as spans (split at full stops), as a parse gives."""
    text = report.article.text
    spans, start = [], 0
    for end, char in enumerate(text, start=1):
        if char == "." and (end == len(text) or text[end] == " "):
            spans.append(Sentence(start, end, lemmas))
            start = end + 1
    return dataclasses.replace(report, sentences=tuple(spans))


def _reports() -> list[Report]:
    """Articles touching every column: titled and not, quotes by one, two and no speaker,
    none at all, notes, lemmas, entities with and without a record."""
    alvarez = person("Maria Alvarez", "Alvarez", "Ms. Alvarez")
    park = person("Park Soo-ah", "Ms. Park")
    return [
        _with_sentences(
            make_report(
                title="Port strike enters second week",
                quotes=(
                    ("We drew a line in the sand on costs", "Maria Alvarez"),
                    ("The cities lost money", "Park Soo-ah"),
                    ("Nobody told us anything at all", None),
                ),
                entities=(alvarez, park, person("Harbour Authority")),
                url="https://news.example/strike",
                notes=("a note",),
            ),
            lemmas="lose city",
        ),
        _with_sentences(
            make_report(
                title=None,
                quotes=(("Together we will reopen the port", "Maria Alvarez and Park Soo-ah"),),
                entities=(alvarez, park),
                digest=(),
            )
        ),
        make_report(title="A short brief with no quotes", lead="Ferries ran late again."),
        _with_sentences(
            make_report(
                title="Talks resume",
                lead="Both sides met in the morning.",
                quotes=(("A line in the sand is still a line", "Maria Alvarez"),),
                entities=(alvarez,),
            )
        ),
    ]


def _links(guild_records: dict[str, int], report: Report) -> tuple[dict[int, int], dict]:
    """The records of a report's entities (by rank) and quotes (by position), as the
    handlers would link them: people by name, joint speakers each."""
    entities = {
        rank: guild_records[e.name] for rank, e in enumerate(report.entities) if e.name in PEOPLE
    }
    speakers = {
        position: [guild_records[name] for name in (q.speaker or "").split(" and ") if name]
        for position, q in enumerate(report.quotes)
    }
    return entities, {p: ids for p, ids in speakers.items() if ids}


async def _create_records(session: AsyncSession, guild_id: int) -> dict[str, int]:
    records = EntityRecordRepository(session)
    made = {}
    for name in PEOPLE:
        record = await records.create(
            guild_id,
            kind="person",
            label="PERSON",
            name=name,
            name_key=name.lower(),
            surname_key=name.split()[-1].lower(),
            seen_at=at_hour(0),
        )
        made[name] = record.id
    return made


def _options(number: int) -> dict[str, Any]:
    # Articles 0 and 1 were posted in one message: the same time, a tie to page across.
    posted = at_hour(min(number, 1) if number < 2 else number)
    return {
        "channel_id": 10,
        "message_id": 1000 + number,
        "author_id": 7,
        "content_hash": f"hash-{number}",
        "created_at": posted + timedelta(seconds=5),
        "posted_at": posted,
        "author_name": "Reporter “Zoë”" if number else None,
        "answer_pending": number == 2,
    }


async def _store_by_orm(sessionmaker: SessionFactory, guild_id: int) -> None:
    """One article at a time through add(), then linked as the handlers link them."""
    async with sessionmaker.begin() as session:
        records = await _create_records(session, guild_id)
    for number, report in enumerate(_reports()):
        async with sessionmaker.begin() as session:
            stored = await ArticleRepository(session).add(guild_id, report, **_options(number))
            linker = EntityRecordRepository(session)
            entities, speakers = _links(records, report)
            for rank, record_id in entities.items():
                await linker.link_entity(guild_id, stored.id, rank, record_id)
            for position, record_ids in speakers.items():
                await linker.link_speakers(guild_id, stored.id, position, record_ids)


async def _store_in_bulk(sessionmaker: SessionFactory, guild_id: int) -> list[int]:
    async with sessionmaker.begin() as session:
        records = await _create_records(session, guild_id)
        batch = []
        for number, report in enumerate(_reports()):
            entities, speakers = _links(records, report)
            batch.append(
                NewArticle(
                    report, **_options(number), entity_records=entities, quote_speakers=speakers
                )
            )
        return await ArticleRepository(session).add_many(guild_id, batch)


def _places(ids: Sequence[int]) -> dict[int, int]:
    return {id_: place for place, id_ in enumerate(sorted(ids))}


async def _stored_rows(session: AsyncSession, guild_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row the guild's articles and links left, ids replaced by their place in the
    guild (first stored, first place), so two guilds' rows compare."""
    tables: dict[str, list[Any]] = {}
    articles = list(
        await session.scalars(select(ArticleRow).where(ArticleRow.guild_id == guild_id))
    )
    quotes = list(await session.scalars(select(QuoteRow).where(QuoteRow.guild_id == guild_id)))
    records = list(
        await session.scalars(select(EntityRecord).where(EntityRecord.guild_id == guild_id))
    )
    article_ids = [a.id for a in articles]
    tables["articles"] = articles
    tables["entities"] = list(
        await session.scalars(select(EntityRow).where(EntityRow.article_id.in_(article_ids)))
    )
    tables["quotes"] = quotes
    tables["article_sentences"] = list(
        await session.scalars(select(SentenceRow).where(SentenceRow.guild_id == guild_id))
    )
    tables["quote_speakers"] = list(
        await session.scalars(
            select(QuoteSpeaker).where(QuoteSpeaker.quote_id.in_([q.id for q in quotes]))
        )
    )
    places = {
        "id": {},
        "article_id": _places(article_ids),
        "quote_id": _places([q.id for q in quotes]),
        "record_id": _places([r.id for r in records]),
    }
    found: dict[str, list[dict[str, Any]]] = {}
    for name, rows in tables.items():
        own = _places([r.id for r in rows])
        canonical = []
        for row in rows:
            values = {c.key: getattr(row, c.key) for c in row.__table__.columns}
            values["id"] = own[values["id"]]
            values.pop("guild_id", None)
            for column in ("article_id", "quote_id", "record_id"):
                if values.get(column) is not None:
                    values[column] = places[column][values[column]]
            canonical.append(values)
        found[name] = sorted(canonical, key=lambda v: v["id"])
    return found


async def _read_back(session: AsyncSession, guild_id: int) -> list[Any]:
    """What the repositories answer for the guild, with every id left out."""
    articles = ArticleRepository(session)
    records = EntityRecordRepository(session)
    search = SearchRepository(session)
    answers: list[Any] = []
    recent = await articles.recent(guild_id)
    answers.append([_without_ids(a) for a in recent])
    for name in PEOPLE:
        found = await records.speaker_records(guild_id, [name.lower()])
        record = found[0][0]
        quotes, total = await records.quotes_of(guild_id, record.id, limit=10)
        card = await records.card(guild_id, record.id)
        assert card is not None
        answers.append((found[0][1], total, [_without_ids(q) for q in quotes]))
        answers.append([_without_ids(m) for m in card.articles])
    answers.append(await records.speakers(guild_id))
    for phrase in ("a line in the sand", "lost money", "reopen"):
        found_quotes = await search.quotes(guild_id, phrases=[phrase], now=NOW)
        answers.append([_without_ids(q) for q in found_quotes])
    for words in ([["city"]], [["lose"], ["money"]], [["dock"], ["workers"]], [["morning"]]):
        answers.append([_without_ids(s) for s in await search.sentences(guild_id, words)])
    answers.append(await QuoteRepository(session).by_speaker(guild_id, "Maria Alvarez"))
    answers[-1] = [_without_ids(q) for q in answers[-1]]
    return answers


IDS = ("id", "article_id", "guild_id", "message_id")


def _without_ids(value: Any) -> Any:
    """A dataclass as a dict with its ids (and its children's) left out."""
    return _strip(dataclasses.asdict(value))


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in IDS}
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    return value


async def test_the_bulk_path_stores_what_the_orm_path_stores(
    sessionmaker: SessionFactory,
) -> None:
    await _store_by_orm(sessionmaker, ORM_GUILD)
    ids = await _store_in_bulk(sessionmaker, BULK_GUILD)
    assert len(ids) == len(_reports())
    async with sessionmaker() as session:
        by_orm = await _stored_rows(session, ORM_GUILD)
        in_bulk = await _stored_rows(session, BULK_GUILD)
        assert {name: len(rows) for name, rows in in_bulk.items()} == {
            "articles": 4,
            "entities": 6,
            "quotes": 5,
            "article_sentences": 11,
            "quote_speakers": 5,
        }
        assert in_bulk == by_orm
        read_by_orm = await _read_back(session, ORM_GUILD)
        read_in_bulk = await _read_back(session, BULK_GUILD)
    assert read_in_bulk == read_by_orm
    # The full-text indexes found the bulk rows: every search above answered something.
    assert all(read_in_bulk[-8:-1])


async def test_an_article_stored_in_bulk_leaves_the_index_when_deleted(
    sessionmaker: SessionFactory,
) -> None:
    ids = await _store_in_bulk(sessionmaker, BULK_GUILD)
    async with sessionmaker.begin() as session:
        assert await ArticleRepository(session).delete(BULK_GUILD, ids[0])
    async with sessionmaker() as session:
        search = SearchRepository(session)
        found = await search.quotes(BULK_GUILD, phrases=["a line in the sand"], now=NOW)
        assert [q.text for q in found] == ["A line in the sand is still a line"]
        assert await search.sentences(BULK_GUILD, [["lose"], ["money"]]) == []


async def _page_through(
    session: AsyncSession, guild_id: int, record_id: int, size: int
) -> tuple[list[tuple[str, int]], int]:
    records = EntityRecordRepository(session)
    seen: list[tuple[str, int]] = []
    total = 0
    for offset in range(0, 20, size):
        page, total = await records.quotes_of(guild_id, record_id, limit=size, offset=offset)
        seen += [(q.text, q.article_id) for q in page]
    return seen, total


async def test_a_records_quotes_page_in_one_order_across_equal_times(
    sessionmaker: SessionFactory,
) -> None:
    # Three articles posted by one message (the same time), two quotes each by Alvarez, and
    # one older article: pages of every size give the one order, nothing twice or lost.
    quotes = (("First of the morning", "Maria Alvarez"), ("Second of the morning", "Maria Alvarez"))
    tied = at_hour(5)
    async with sessionmaker.begin() as session:
        records = await _create_records(session, ORM_GUILD)
        alvarez = records["Maria Alvarez"]
        batch = [
            NewArticle(
                make_report(title=f"Story {n}", quotes=quotes),
                channel_id=10,
                message_id=2000,
                author_id=7,
                content_hash=f"tie-{n}",
                posted_at=tied if n < 3 else tied - timedelta(days=1),
                quote_speakers={0: [alvarez], 1: [alvarez]},
            )
            for n in range(4)
        ]
        ids = await ArticleRepository(session).add_many(ORM_GUILD, batch)
    newest_first = [ids[2], ids[1], ids[0], ids[3]]
    expected = [(text, a) for a in newest_first for text, _ in quotes]
    async with sessionmaker() as session:
        for size in (1, 2, 3, 5, 10):
            assert await _page_through(session, ORM_GUILD, alvarez, size) == (expected, 8)
        # Another guild's id never pages this record.
        assert await EntityRecordRepository(session).quotes_of(BULK_GUILD, alvarez, limit=5) == (
            [],
            0,
        )
        earlier = await EntityRecordRepository(session).earlier_quotes(
            ORM_GUILD, [alvarez, records["Park Soo-ah"]], before_article=ids[1], limit=3
        )
    assert [(q.text, q.article_id) for q in earlier] == [e for e in expected if e[1] != ids[1]][:3]


async def test_a_speakers_link_copies_its_articles_time(sessionmaker: SessionFactory) -> None:
    await _store_by_orm(sessionmaker, ORM_GUILD)
    await _store_in_bulk(sessionmaker, BULK_GUILD)
    async with sessionmaker() as session:
        rows = await session.execute(
            select(QuoteSpeaker.posted_at, ArticleRow.posted_at)
            .join(QuoteRow, QuoteRow.id == QuoteSpeaker.quote_id)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        )
        pairs = rows.tuples().all()
    assert len(pairs) == 10
    assert all(link == article for link, article in pairs)
