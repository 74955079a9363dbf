"""Hand-built reports stored and linked to records, for the tests of records and echoes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from analysis.types import Entity, Quote, Report
from handlers.echoes import Echo, find_echoes
from handlers.entity_records import link_article
from intake.article import Article
from storage.articles import ArticleRepository
from storage.entity_records import EntityRecordRepository
from storage.records import StoredArticle

Sessions = async_sessionmaker[AsyncSession]
GUILD = 1
MONDAY = datetime(2026, 11, 30, 9, tzinfo=UTC)


def report(title: str, entities: tuple[Entity, ...], quotes: tuple[tuple[str, str], ...]) -> Report:
    text = f"{title}. "
    placed = []
    for said, who in quotes:
        text += "\u201c"
        start = len(text)
        text += said
        placed.append(Quote(said, start, len(text), who, cue="said"))
        text += f",\u201d {who} said. "
    return Report(Article(text=text, title=title), entities, tuple(placed), ())


def person(name: str, *aliases: str) -> Entity:
    return Entity(name, "PERSON", 3, aliases)


async def _add(session: AsyncSession, r: Report, when: datetime, guild: int) -> StoredArticle:
    return await ArticleRepository(session).add(
        guild,
        r,
        channel_id=10,
        message_id=int(when.timestamp()),
        author_id=7,
        content_hash=r.article.title or "",
        posted_at=when,
    )


async def store(
    sessionmaker: Sessions, r: Report, when: datetime, guild: int = GUILD
) -> dict[str, int]:
    """Store a report and link it to records; its names and aliases -> record ids."""
    async with sessionmaker.begin() as session:
        stored = await _add(session, r, when, guild)
        return await link_article(EntityRecordRepository(session), stored, when)


async def store_with_echoes(
    sessionmaker: Sessions, r: Report, when: datetime, guild: int = GUILD
) -> list[Echo]:
    """Store and link a report; the near copies its quotes have in earlier articles."""
    async with sessionmaker.begin() as session:
        stored = await _add(session, r, when, guild)
        records = EntityRecordRepository(session)
        return await find_echoes(records, stored, await link_article(records, stored, when))
