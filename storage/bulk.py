"""Many analysed articles stored at once with SQLAlchemy Core: a history loaded in bulk.

The rows are the very ones `ArticleRepository.add` followed by `EntityRecordRepository`'s
`link_entity` and `link_speakers` make (the same value functions of storage.mapping build
both), but written table by table: one executemany per table per batch instead of one ORM
object per row. The full-text indexes stay in step by themselves: SQLite's FTS5 triggers fire
for these inserts as for any, and PostgreSQL's indexes are on expressions of the columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analysis.types import Report
from storage.mapping import (
    article_values,
    entity_values,
    quote_values,
    sentence_values,
    speaker_link_values,
)
from storage.models import ArticleRow, Base, EntityRow, QuoteRow, QuoteSpeaker, SentenceRow


@dataclass(frozen=True)
class NewArticle:
    """An analysed article to store in bulk: what `add` takes, and its links to records."""

    report: Report
    channel_id: int
    message_id: int
    author_id: int
    content_hash: str
    created_at: datetime | None = None
    posted_at: datetime | None = None
    author_name: str | None = None
    answer_pending: bool = False
    # rank of an entity -> the guild's record it is (link_entity)
    entity_records: Mapping[int, int] = field(default_factory=dict)
    # position of a quote -> the records who gave it, in order (link_speakers)
    quote_speakers: Mapping[int, Sequence[int]] = field(default_factory=dict)

    def options(self) -> dict[str, Any]:
        """The keyword arguments `ArticleRepository.add` would take for this article."""
        return {
            "channel_id": self.channel_id,
            "message_id": self.message_id,
            "author_id": self.author_id,
            "content_hash": self.content_hash,
            "created_at": self.created_at,
            "posted_at": self.posted_at,
            "author_name": self.author_name,
            "answer_pending": self.answer_pending,
        }


async def insert_articles(
    session: AsyncSession, guild_id: int, articles: Sequence[NewArticle]
) -> list[int]:
    """Insert the articles with their entities, quotes, sentences and speakers' links, in
    five statements; the articles' new ids, in order."""
    if not articles:
        return []
    heads = [article_values(guild_id, a.report, **a.options()) for a in articles]
    ids = await _insert(session, ArticleRow, heads, returning=True)
    entities: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    speakers: list[tuple[Sequence[int], datetime]] = []  # each quote's records, and its time
    sentences: list[dict[str, Any]] = []
    for article_id, article, head in zip(ids, articles, heads, strict=True):
        for values in entity_values(article.report):
            values |= {"article_id": article_id}
            values["record_id"] = article.entity_records.get(values["rank"])
            entities.append(values)
        for values in quote_values(guild_id, article.report):
            quotes.append(values | {"article_id": article_id})
            records = article.quote_speakers.get(values["position"], ())
            speakers.append((records, head["posted_at"]))
        sentences += [
            v | {"article_id": article_id} for v in sentence_values(guild_id, article.report)
        ]
    await _insert(session, EntityRow, entities)
    quote_ids = await _insert(session, QuoteRow, quotes, returning=True)
    await _insert(session, SentenceRow, sentences)
    links = [
        link
        for quote_id, (records, posted_at) in zip(quote_ids, speakers, strict=True)
        for link in speaker_link_values(quote_id, records, posted_at)
    ]
    await _insert(session, QuoteSpeaker, links)
    return ids


async def _insert(
    session: AsyncSession, model: type[Base], rows: list[dict[str, Any]], *, returning: bool = False
) -> list[int]:
    """One executemany of `rows` into the model's table; with `returning`, the new ids in row
    order. Core, not the ORM's bulk mode: no objects are made for the rows."""
    if not rows:
        return []
    table = Base.metadata.tables[model.__tablename__]
    if not returning:
        await session.execute(insert(table), rows)
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list((await session.execute(statement, rows)).scalars().all())
