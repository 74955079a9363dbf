"""Hostile and broken web servers: a clear reply for each, and the next message is read.

(A site that stalls past the timeout is tested in tests/handlers/test_links.py: under simcord
the fetch timeout runs on its virtual clock.)"""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import web
from spacy.language import Language

from bot.composition import build_services
from handlers.services import Services
from tests.bot.conftest import SEEDS, Newsroom, bot_settings
from tests.bot.test_articles import embed_text

FETCH_TIMEOUT = 5.0
CAP = 1024 * 1024


@pytest.fixture
async def services(nlp: Language, tmp_path: Path) -> AsyncIterator[Services]:
    """The bot's services with a short fetch timeout and a 1 MiB page cap."""
    settings = bot_settings(tmp_path).model_copy(
        update={"fetch_timeout_seconds": FETCH_TIMEOUT, "fetch_max_bytes": CAP}
    )
    async with build_services(settings, nlp=nlp) as built:
        yield built


async def reset_mid_body(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/html", "Content-Length": "90000"})
    await response.prepare(request)
    await response.write(b"<html><body><article><p>The harbour board met" + b" " * 4000)
    assert request.transport is not None
    request.transport.abort()  # the connection drops with most of the body unsent
    return response


async def gzip_bomb(request: web.Request) -> web.Response:
    # 64 MiB of spaces in about 64 KiB: small on the wire, far over the cap once decoded.
    body = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)
    return web.Response(body=body, content_type="text/html", headers={"Content-Encoding": "gzip"})


async def endless_without_length(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/html"})  # chunked: no length
    await response.prepare(request)
    for _ in range(4 * CAP // 4096):
        await response.write(b"<p>" + b"x" * 4089 + b"</p>")
    return response


async def good_article(request: web.Request) -> web.Response:
    html = (SEEDS / "port-strike.html").read_text(encoding="utf-8")
    return web.Response(text=html, content_type="text/html")


@asynccontextmanager
async def hostile_site() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_get("/reset", reset_mid_body)
    app.router.add_get("/bomb", gzip_bomb)
    app.router.add_get("/endless", endless_without_length)
    app.router.add_get("/good", good_article)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/reset", "couldn't fetch"),
        ("/bomb", "larger than 1 MiB"),
        ("/endless", "larger than 1 MiB"),
    ],
)
async def test_a_broken_or_hostile_server_gets_a_clear_reply_and_the_next_link_is_read(
    newsroom: Newsroom, path: str, said: str
) -> None:
    async with hostile_site() as base:
        await newsroom.reporter.send(newsroom.channel, f"{base}{path}")
        reply = newsroom.channel.last_message
        await newsroom.reporter.send(newsroom.channel, f"{base}/good")

    assert reply is not None and reply.author.id == newsroom.bot.user.id  # type: ignore[union-attr]
    assert said in reply.content and len(reply.content) < 300
    assert "went wrong" not in reply.content.lower()
    assert "Park Soo-ah" in embed_text(newsroom.bot_messages())
