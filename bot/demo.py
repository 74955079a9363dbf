"""`newsbot demo`: the real bot against a simulated Discord, with no token and no network."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TextIO

import discord
import simcord
from aiohttp import web

from bot.client import NewsBot
from bot.composition import build_services
from bot.demo_transcript import Transcript
from bot.limits import MESSAGE_CHARS
from bot.settings import Settings
from handlers.demo_queries import demo_queries
from handlers.services import Services
from handlers.who_said import speaker_names

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DIGEST_TIME = "18:00"


def default_articles() -> list[Path]:
    """Each seed once, alternating pasted text and links."""
    slugs = sorted({p.stem for p in SEEDS.glob("*.txt")} & {p.stem for p in SEEDS.glob("*.html")})
    suffixes = (".txt", ".html")
    return [SEEDS / f"{slug}{suffixes[i % 2]}" for i, slug in enumerate(slugs)]


async def run_demo(articles: Sequence[Path], *, as_json: bool, out: TextIO | None = None) -> int:
    """Post the articles in a simulated newsroom, query them, print the transcript."""
    out = out or sys.stdout
    paths = list(articles) or default_articles()
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print("no such file: " + ", ".join(missing), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newsbot-demo-") as tmp:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            database_url=f"sqlite+aiosqlite:///{tmp}/demo.db",
            fetch_allow_loopback=True,  # the demo's pages are served on loopback
        )
        transcript = Transcript()
        async with serve_files(paths) as base_url, build_services(settings) as services:
            await _play(services, paths, base_url, transcript)
    transcript.write(out, as_json=as_json)
    return 0


async def _play(services: Services, paths: list[Path], base_url: str, log: Transcript) -> None:
    bot = NewsBot(services)
    async with simcord.run(bot) as env:
        guild = env.create_guild("Harbour Daily")
        editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
        editor = guild.add_member(env.create_user("editor"), roles=[editors])
        reporter = guild.add_member(env.create_user("reporter"))
        channel = guild.create_text_channel("newsroom")
        log.watch(channel)
        await bot.tree.sync()
        await log.slash(editor, channel, "watch")
        for path in paths:
            if path.suffix.lower() in (".html", ".htm"):
                await log.send(reporter, channel, f"{base_url}/{path.name}")
            else:
                await _paste(log, reporter, channel, path.read_text(encoding="utf-8"))
        speaker, phrase, question = await demo_queries(services, guild.id)
        if speaker:
            await log.slash(reporter, channel, "who-said", query=speaker)
        if phrase:
            await log.slash(reporter, channel, "who-said", query=phrase)
        if question:
            await log.slash(reporter, channel, "ask", question=question)
        most_quoted = await speaker_names(services, guild.id, "")
        if most_quoted:
            await log.slash(reporter, channel, "entity", name=most_quoted[0])
        await log.slash(reporter, channel, "history")
        await _digest_day(env, log, editor, guild, channel)


async def _digest_day(
    env: simcord.Env,
    log: Transcript,
    editor: simcord.MemberActor,
    guild: simcord.GuildHandle,
    newsroom: simcord.ChannelHandle,
) -> None:
    """The editor sets the daily digest; the simulated clock runs past its hour; then /digest."""
    digest_channel = guild.create_text_channel("digest")
    log.watch(digest_channel)
    await log.slash(
        editor, newsroom, "digest-channel", channel=digest_channel, time=DIGEST_TIME, timezone="UTC"
    )
    today = env.now().date()
    hour, minute = (int(part) for part in DIGEST_TIME.split(":"))
    posted_by = datetime.combine(today, time(hour, minute), tzinfo=UTC) + timedelta(minutes=1)
    await log.advance_to(env, posted_by)
    await log.slash(editor, newsroom, "digest", date=today.isoformat())


async def _paste(
    log: Transcript, member: simcord.MemberActor, channel: simcord.ChannelHandle, text: str
) -> None:
    # The Discord client turns a paste longer than a message into a message.txt attachment.
    if len(text) > MESSAGE_CHARS:
        await log.send(member, channel, "", attachments=[("message.txt", text.encode())])
    else:
        await log.send(member, channel, text)


@asynccontextmanager
async def serve_files(paths: Sequence[Path]) -> AsyncIterator[str]:
    """Serve the given files by name on a loopback port; yield the base URL."""
    by_name = {p.name: p for p in paths}

    async def page(request: web.Request) -> web.Response:
        path = by_name.get(request.match_info["name"])
        if path is None:
            raise web.HTTPNotFound()
        return web.Response(body=path.read_bytes(), content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_get("/{name}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()
