"""A burst of 500 messages (pasted texts and loopback links) across 3 channels in 2 servers:
every article stored and answered exactly once, in its own server; none lost, none doubled.

The analysis is a cheap stand-in (the burst is about the plumbing); the handlers, the fetcher,
the server turns and the SQLite store are the real ones, as the bot builds them.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy import select

from analysis.types import Report
from handlers.ingest import IngestResult, Origin, ingest_link, ingest_text, record_reply
from handlers.services import Services
from handlers.watch import is_watched
from intake.article import Article
from intake.fetch import Fetcher
from intake.policy import FetchPolicy
from intake.session import make_session
from storage.engine import make_engine, make_sessionmaker, upgrade_database
from storage.models import ArticleRow

MESSAGES = 500
LINK_EVERY = 5  # one message in five is a link, the others pasted text
CHANNELS = ((1, 11), (1, 12), (2, 21))  # (server, channel)


async def stand_in(article: Article) -> Report:
    """An analysis that finds nothing, and yields to the loop as a worker's reply would."""
    await asyncio.sleep(0)
    return Report(article=article, entities=(), quotes=(), digest=(article.text[:60],))


WORDS = [
    "harbour",
    "board",
    "union",
    "council",
    "ferry",
    "budget",
    "school",
    "court",
    "storm",
    "hospital",
    "minister",
    "port",
    "crew",
    "strike",
    "levy",
    "vote",
    "rail",
    "bridge",
    "pier",
    "island",
    "market",
    "tax",
    "wage",
    "talks",
    "ruling",
]


def article_text(number: int) -> str:
    # Every story in its own words: stories with the same wording would be one story told
    # again (handlers.same_story) and not stored a second time.
    rng = random.Random(number)
    sentences = (
        f"Story {number}, part {part}, says the "
        + " ".join(rng.choice(WORDS) for _ in range(8))
        + " met on Monday. "
        for part in range(15)
    )
    return f"Harbour story {number}\n\n" + "".join(sentences)


def story_page(number: int) -> str:
    body = article_text(number).split("\n\n", 1)[1]
    paragraphs = "".join(f"<p>{line}.</p>" for line in body.split(". ") if line.strip())
    head = f"<html><head><title>Harbour story {number}</title></head><body><article>"
    return f"{head}<h1>Harbour story {number}</h1>{paragraphs}</article></body></html>"


@pytest.fixture
async def story_site() -> AsyncIterator[str]:
    async def story(request: web.Request) -> web.Response:
        return web.Response(
            text=story_page(int(request.match_info["number"])), content_type="text/html"
        )

    app = web.Application()
    app.router.add_get("/story/{number}", story)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


@pytest.fixture
async def burst_services(tmp_path: Path) -> AsyncIterator[Services]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'burst.db'}")  # the bot's engine
    await upgrade_database(engine)
    policy = FetchPolicy(allow_loopback=True, total_timeout=30)
    http = make_session(policy)
    with ThreadPoolExecutor(1) as executor:
        yield Services(
            sessionmaker=make_sessionmaker(engine),
            nlp=None,
            fetcher=Fetcher(http, policy),
            executor=executor,
            analyzer=stand_in,
        )
    await http.close()
    await engine.dispose()


async def _post_and_answer(
    services: Services, base: str, number: int
) -> tuple[int, int, IngestResult]:
    guild_id, channel_id = CHANNELS[number % len(CHANNELS)]
    origin = Origin(guild_id=guild_id, channel_id=channel_id, message_id=number, author_id=5)
    await is_watched(services, guild_id, channel_id)
    if number % LINK_EVERY == 0:
        result = await ingest_link(services, origin, f"{base}/story/{number}")
    else:
        result = await ingest_text(services, origin, article_text(number))
    # The bot's answer: posted under the message, then recorded.
    await record_reply(services, guild_id, result.article.id, None, 100_000 + number)
    return guild_id, number, result


async def test_every_article_of_a_burst_is_stored_once_in_its_own_server(
    burst_services: Services, story_site: str
) -> None:
    outcomes = await asyncio.gather(
        *(_post_and_answer(burst_services, story_site, n) for n in range(MESSAGES)),
        return_exceptions=True,
    )

    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    results = [o for o in outcomes if not isinstance(o, BaseException)]
    assert not any(result.duplicate for _, _, result in results)
    assert all(result.article.guild_id == guild for guild, _, result in results)
    async with burst_services.sessionmaker() as session:
        rows = (await session.execute(select(ArticleRow.guild_id, ArticleRow.message_id))).all()
        pending = await session.scalar(
            select(ArticleRow.id).where(ArticleRow.answer_pending).limit(1)
        )
    assert sorted(message for _, message in rows) == list(range(MESSAGES))
    assert all(CHANNELS[m % len(CHANNELS)][0] == guild for guild, m in rows)
    assert pending is None
