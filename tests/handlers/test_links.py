"""ingest_link end to end over loopback: an article is stored once; bad links store nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp import web

from handlers.errors import CannotRead, NotAnArticle
from handlers.ingest import Origin, ingest_link
from handlers.services import Services
from intake.fetch import Fetcher
from intake.policy import FetchPolicy
from intake.session import make_session
from storage.articles import ArticleRepository

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ORIGIN = Origin(guild_id=5, channel_id=50, message_id=500, author_id=9)
TEASER = """<html><head><title>Council secrets revealed</title></head><body><article>
<h1>Council secrets revealed</h1><p>The council met in private on Monday to discuss the
harbour plan, according to documents seen by this newspaper.</p>
<p>Subscribe to continue reading. Already a subscriber? Sign in.</p></article></body></html>"""
CONSENT = TEASER.replace(
    "Subscribe to continue reading. Already a subscriber? Sign in.",
    "We value your privacy. Accept all cookies to read this article.",
)


def site() -> web.Application:
    app = web.Application()

    async def seed(request: web.Request) -> web.Response:
        path = SEEDS / request.match_info["name"]
        return web.Response(text=path.read_text(encoding="utf-8"), content_type="text/html")

    async def teaser(request: web.Request) -> web.Response:
        return web.Response(text=TEASER, content_type="text/html")

    async def image(request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")

    app.router.add_get("/seed/{name}", seed)

    async def consent(request: web.Request) -> web.Response:
        return web.Response(text=CONSENT, content_type="text/html")

    app.router.add_get("/teaser", teaser)
    app.router.add_get("/consent", consent)
    app.router.add_get("/chart.png", image)
    return app


@pytest.fixture
async def base_url() -> AsyncIterator[str]:
    runner = web.AppRunner(site(), access_log=None)
    await runner.setup()
    server = web.TCPSite(runner, "127.0.0.1", 0)
    await server.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


async def stored_count(services: Services) -> int:
    async with services.sessionmaker.begin() as session:
        return len(await ArticleRepository(session).recent(ORIGIN.guild_id, limit=50))


async def test_a_link_is_read_once(services: Services, base_url: str) -> None:
    first = await ingest_link(services, ORIGIN, f"{base_url}/seed/storm-ingrid.html")
    again = await ingest_link(services, ORIGIN, f"{base_url}/seed/storm-ingrid.html#comments")

    assert not first.duplicate and again.duplicate
    assert first.article.site_name == "Northwire News"
    assert any(q.speaker == "Chen Meiling" for q in first.article.quotes)
    assert await stored_count(services) == 1


@pytest.mark.parametrize(
    ("path", "error", "says"),
    [
        ("/missing", CannotRead, "404"),
        ("/chart.png", CannotRead, "image/png"),
        ("/teaser", NotAnArticle, "paywalled"),
        ("/consent", NotAnArticle, "consent wall"),
    ],
)
async def test_bad_links_store_nothing(
    services: Services, base_url: str, path: str, error: type[Exception], says: str
) -> None:
    with pytest.raises(error, match=says):
        await ingest_link(services, ORIGIN, f"{base_url}{path}")
    assert await stored_count(services) == 0


async def test_private_addresses_are_refused_even_with_loopback_allowed(
    services: Services,
) -> None:
    for url in ("http://10.0.0.1/", "http://169.254.169.254/latest/", "http://[::ffff:a00:1]/"):
        with pytest.raises(CannotRead):
            await ingest_link(services, ORIGIN, url)
    assert await stored_count(services) == 0


async def test_a_site_that_stalls_past_the_timeout_is_a_clear_error_and_the_next_link_is_read(
    services: Services, base_url: str
) -> None:
    release = asyncio.Event()

    async def stalling(request: web.Request) -> web.Response:
        await release.wait()  # not a byte before the fetcher gives up
        return web.Response(text="too late", content_type="text/html")

    app = web.Application()
    app.router.add_get("/stall", stalling)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    stalled = web.TCPSite(runner, "127.0.0.1", 0)
    await stalled.start()
    policy = FetchPolicy(allow_loopback=True, total_timeout=0.5)
    http = make_session(policy)
    quick = replace(services, fetcher=Fetcher(http, policy))
    try:
        with pytest.raises(CannotRead, match=r"took longer than 0\.5 seconds"):
            await ingest_link(quick, ORIGIN, f"http://127.0.0.1:{runner.addresses[0][1]}/stall")
    finally:
        release.set()
        await runner.cleanup()
    try:
        result = await ingest_link(quick, ORIGIN, f"{base_url}/seed/port-strike.html")
    finally:
        await http.close()
    assert not result.duplicate and await stored_count(services) == 1
