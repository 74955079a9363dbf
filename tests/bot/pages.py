"""A loopback web server for the bot's link tests, and made-up articles of awkward shapes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@asynccontextmanager
async def serve_seeds() -> AsyncIterator[str]:
    """Serve seeds/*.html on 127.0.0.1; any other path is a 404. Yields the base URL."""

    async def page(request: web.Request) -> web.Response:
        path = SEEDS / request.match_info["name"]
        if path.suffix != ".html" or not path.is_file():
            raise web.HTTPNotFound()
        return web.Response(text=path.read_text(encoding="utf-8"), content_type="text/html")

    app = web.Application()
    app.router.add_get("/{name}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


GIVEN = ["Anna", "Boris", "Carla", "Dmitri", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
FAMILY = ["Berg", "Castell", "Dunmore", "Eklund", "Fairweather", "Gallo"]


def crowded_article(quotes: int = 40, people: int = 60) -> str:
    """An article with many quotes by many named people, to test Discord's limits."""
    names = [f"{g} {f}" for f in FAMILY for g in GIVEN][:people]
    paragraphs = ["Harbour towns count the cost of a long winter", ""]
    for index, name in enumerate(names):
        if index < quotes:
            paragraphs.append(
                f'"The harbour wall at berth {index} must be rebuilt before the spring tides, '
                f'and every family on the quay deserves to know when," said {name}, '
                f"a resident of the old town."
            )
        else:
            paragraphs.append(
                f"{name} attended the meeting at the town hall on Tuesday evening and "
                "listened to the engineers explain the plans for the new sea defences."
            )
    return "\n\n".join(paragraphs)
