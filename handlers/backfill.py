"""Linking the articles stored before the entity records existed (migration 0004) to records.

Run by the bot on every start (bot/exts/backfill.py) and by `newsbot backfill-records`: each
article none of whose people, organisations or places has a record is linked as if it had just
been stored, oldest first, a batch per unit of work so the bot's own work is never held up for
long. Idempotent: an article linked once is never picked again, and an article whose entities
settle no record (a bare surname several people share) gains nothing from a second look.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from analysis.text.stories import ENTITY_KINDS
from handlers.entity_records import link_article
from storage.backfill import UnlinkedArticleRepository
from storage.engine import SessionFactory
from storage.entity_records import EntityRecordRepository

BACKFILL_BATCH = 20


@dataclass(frozen=True)
class Backfilled:
    """What a back-fill did: articles looked at, and those of them now linked to records."""

    looked_at: int
    linked: int


async def backfill_records(
    sessionmaker: SessionFactory, *, batch: int = BACKFILL_BATCH
) -> Backfilled:
    """Link every article that has entities of record kinds but no record yet; counts."""
    after_id = 0
    looked_at = linked = 0
    while True:
        async with sessionmaker.begin() as session:
            articles = await UnlinkedArticleRepository(session).unlinked(
                ENTITY_KINDS, after_id=after_id, limit=batch
            )
            records = EntityRecordRepository(session)
            for article in articles:
                # The article's own time, as when it is stored: first and last seen stay true.
                if await link_article(records, article, article.posted_at):
                    linked += 1
        if not articles:
            return Backfilled(looked_at=looked_at, linked=linked)
        looked_at += len(articles)
        after_id = articles[-1].id
        await asyncio.sleep(0)  # let the event loop serve messages between batches
