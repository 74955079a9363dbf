"""The same link posted five times at once: one fetch, one analysis, one row, five answers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from sqlalchemy import func, select

from handlers.services import Services
from storage.models import ArticleRow
from tests.bot.conftest import SEEDS, Newsroom

POSTS = 5


@asynccontextmanager
async def live_page(requests: list[str]) -> AsyncIterator[str]:
    """A seed page that changes with every request (a live blog's 'updated' line), so only
    its URL, not its content, says it is the same article."""
    html = (SEEDS / "port-strike.html").read_text(encoding="utf-8")

    async def page(request: web.Request) -> web.Response:
        requests.append(request.path)
        served = f"<p>This page was served {len(requests)} times so far today.</p></article>"
        body = html.replace("</article>", served, 1)
        return web.Response(text=body, content_type="text/html")

    app = web.Application()
    app.router.add_get("/live", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/live"
    finally:
        await runner.cleanup()


async def test_five_posts_of_one_link_at_once_read_it_once(
    newsroom: Newsroom, services: Services
) -> None:
    requests: list[str] = []
    async with live_page(requests) as url:
        # Five messages land before the bot handles any of them.
        for _ in range(POSTS):
            newsroom.env.backend.create_message(
                newsroom.channel.id, newsroom.reporter.id, f"look {url}"
            )
        await newsroom.env.settle()

    assert requests == ["/live"]
    async with services.sessionmaker() as session:
        rows = await session.scalar(select(func.count()).select_from(ArticleRow))
    assert rows == 1
    messages = newsroom.bot_messages()
    full = [m for m in messages if m.embeds]
    pointers = [m for m in messages if m.content.startswith("Already read")]
    assert len(full) == 1 and len(pointers) == POSTS - 1
    assert all(f"/{full[0].channel.id}/{full[0].id}" in m.content for m in pointers)
