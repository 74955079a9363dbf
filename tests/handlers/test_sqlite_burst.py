"""A burst of articles on the default SQLite store: every one stored, none 'database is locked'.

The analysis is replaced by a cheap stand-in (the burst is about the database); everything else
is the real handler on a real SQLite file with the engine and session factory the bot builds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from distinct_stories import distinct_story
from sqlalchemy import func, select

from analysis.types import Entity, Quote, Report
from handlers.ingest import Origin, ingest_text, record_reply
from handlers.services import Services
from handlers.watch import is_watched
from intake.article import Article
from storage.engine import make_engine, make_sessionmaker, upgrade_database
from storage.models import ArticleRow

BURST = 200
GUILD = 7


@dataclass(frozen=True)
class CheapServices(Services):
    """The real services, with an analysis that finds nothing (and yields to the loop)."""

    async def analyze_in_turn(self, article: Article) -> Report:
        await asyncio.sleep(0)
        return busy_report(article)


def busy_report(article: Article) -> Report:
    """A report with as many rows to write as a long article gives: quotes and entities."""
    quotes = tuple(
        Quote(article.text[i : i + 20], i, i + 20, f"Speaker {i}", cue="said")
        for i in range(0, 40 * 25, 25)
    )
    entities = tuple(Entity(f"Person {n}", "PERSON", 3, aliases=(f"P{n}",)) for n in range(30))
    return Report(article=article, entities=entities, quotes=quotes, digest=(article.text[:80],))


def pasted_article(number: int) -> str:
    return distinct_story(number)


@pytest.fixture
async def burst_services(tmp_path: Path) -> AsyncIterator[CheapServices]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'burst.db'}"
    engine = make_engine(url)  # the bot's own engine: default pool, no test-only options
    await upgrade_database(engine)
    with ThreadPoolExecutor(1) as executor:
        yield CheapServices(
            sessionmaker=make_sessionmaker(engine),
            nlp=None,  # type: ignore[arg-type]
            fetcher=None,  # type: ignore[arg-type]
            executor=executor,
        )
    await engine.dispose()


async def _ingest_and_reply(services: CheapServices, number: int) -> None:
    origin = Origin(guild_id=GUILD, channel_id=1, message_id=1000 + number, author_id=5)
    await is_watched(services, GUILD, 1)
    result = await ingest_text(services, origin, pasted_article(number))
    await record_reply(services, GUILD, result.article.id, None, 5000 + number)


async def test_a_burst_of_ingests_on_sqlite_stores_every_article(
    burst_services: CheapServices,
) -> None:
    outcomes = await asyncio.gather(
        *(_ingest_and_reply(burst_services, n) for n in range(BURST)), return_exceptions=True
    )

    failures = [repr(o) for o in outcomes if isinstance(o, BaseException)]
    assert failures == []
    async with burst_services.sessionmaker.begin() as session:
        stored = await session.scalar(select(func.count()).select_from(ArticleRow))
        replied = await session.scalar(
            select(func.count())
            .select_from(ArticleRow)
            .where(ArticleRow.reply_message_id.is_not(None))
        )
    assert (stored, replied) == (BURST, BURST)
