"""A burst of 500 messages (pasted texts and loopback links) across 3 channels in 2 servers,
through the real bot in simcord: every article answered exactly once, in its own server; none
lost, none doubled.

The analysis is a cheap stand-in (the burst is about the plumbing); the bot, its handlers,
the fetcher, the server turns and the SQLite store are the real ones. The messages arrive in
waves at once: each is held at the bot's first step (the watched-channel check) until the
wave's last is posted, then all are let go together, so the checks, fetches, analyses, stores
and answers of a wave run side by side as on a busy day.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import re
from collections import Counter, deque
from collections.abc import AsyncIterator, Iterator

import discord
import pytest
import simcord
from aiohttp import web
from sqlalchemy import select

from analysis.types import Report
from bot.client import NewsBot
from handlers.services import Services
from intake.article import Article
from storage.models import ArticleRow
from tests.handlers.test_burst_across_servers import WORDS

MESSAGES = 500
# Messages arrive in waves of this many at once, each wave read side by side: simcord checks
# every task in flight at each step of settling, so 500 held at once would cost minutes of test
# time (tests/handlers/test_burst_across_servers.py runs 500 at once through the handlers).
WAVE = 25
# A bound on one wave's reading (it takes a second or two), not a timing assertion.
WAVE_TIMEOUT = 60.0
LINK_EVERY = 5  # one message in five is a link, the others pasted text
MISSING_PERMISSIONS = 50013
SHORTEST = 40  # words
STORY = re.compile(r"Harbour story (\d+)")


class Arrivals:
    """Holds every message at the watched-channel check until it is let go."""

    def __init__(self, env: simcord.Env) -> None:
        self.env = env
        self.waiting: deque[asyncio.Event] = deque()
        self.held = 0

    async def wait(self) -> None:
        """Wait (a wait simcord knows is on purpose) until this message is let go."""
        gone = asyncio.Event()
        self.waiting.append(gone)
        self.held += 1
        await self.env.external_wait(gone.wait(), reason="the burst arrives at once")

    async def let_go(self) -> None:
        """Release every held message at once; return when the bot has done all it does."""
        while self.waiting:
            self.waiting.popleft().set()
        await self.env.settle(timeout=WAVE_TIMEOUT)


def short_story(number: int) -> str:
    """A short article in words of its own: stories worded alike would be one story told
    again (the same-story check) and answered "Same story as …"."""
    rng = random.Random(number)
    sentences = " ".join(
        f"Story {number}, part {part}, says the "
        + " ".join(rng.choice(WORDS) for _ in range(8))
        + " met on Monday."
        for part in range(5)
    )
    return f"Harbour story {number}\n\n{sentences}"


def story_page(number: int) -> str:
    """The short article as a web page."""
    title, _, body = short_story(number).partition("\n\n")
    paragraphs = "".join(f"<p>{line}.</p>" for line in body.split(". ") if line.strip())
    head = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    return f"{head}{paragraphs}</article></body></html>"


async def stand_in(article: Article) -> Report:
    """A cheap analysis that finds nothing and yields to the loop as a worker's reply would:
    the burst is about the plumbing, and 500 real analyses would double the test's time."""
    await asyncio.sleep(0)
    return Report(article=article, entities=(), quotes=(), digest=(article.text[:60],))


@pytest.fixture
def simcord_bot(services: Services) -> NewsBot:
    """The real bot with the stand-in analysis, reading articles from 40 words (a setting)."""
    return NewsBot(dataclasses.replace(services, min_article_words=SHORTEST, analyzer=stand_in))


@pytest.fixture
async def story_site() -> AsyncIterator[str]:
    """A loopback site serving /story/N, closing each connection after its page."""

    async def story(request: web.Request) -> web.Response:
        page = story_page(int(request.match_info["number"]))
        response = web.Response(text=page, content_type="text/html")
        # No connection kept alive: the bot's HTTP session then arms no keep-alive timer,
        # which simcord's clock would fire in the middle of a wave.
        response.force_close()
        return response

    app = web.Application()
    app.router.add_get("/story/{number}", story)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


@pytest.fixture
def arrivals(
    simcord_env: simcord.Env, simcord_bot: NewsBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Arrivals]:
    held = Arrivals(simcord_env)
    # The module the bot loaded as its extension (discord.py executes it anew for each bot).
    watcher_module = simcord_bot.extensions["bot.exts.watcher"]
    real = watcher_module.is_watched

    async def held_is_watched(services: Services, guild_id: int, channel_id: int) -> bool:
        await held.wait()
        return await real(services, guild_id, channel_id)

    monkeypatch.setattr(watcher_module, "is_watched", held_is_watched)
    yield held


async def _watched_channels(env: simcord.Env, bot: NewsBot) -> list[simcord.ChannelHandle]:
    # Two servers: one with two watched channels, one with one.
    channels: list[simcord.ChannelHandle] = []
    await bot.tree.sync()
    for name, channel_names in (("Harbour Daily", ["newsroom", "desk"]), ("Valley Post", ["news"])):
        guild = env.create_guild(name)
        editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
        editor = guild.add_member(env.create_user(f"editor-{name}"), roles=[editors])
        for channel_name in channel_names:
            channel = guild.create_text_channel(channel_name)
            result = await editor.slash(channel, "watch")
            assert result.response is not None and "Watching" in result.response.content
            channels.append(channel)
    return channels


def _answers(channel: simcord.ChannelHandle, bot_id: int) -> list[discord.Message]:
    found = [m for h in [channel, *channel.threads] for m in h.history()]
    # The bot's own messages, not Discord's notes that it opened a thread or answered /watch.
    kinds = (discord.MessageType.default, discord.MessageType.reply)
    return [m for m in found if m.author.id == bot_id and m.type in kinds]


async def test_a_burst_across_servers_is_answered_once_each_in_its_own_server(
    simcord_env: simcord.Env, simcord_bot: NewsBot, story_site: str, arrivals: Arrivals
) -> None:
    env = simcord_env
    channels = await _watched_channels(env, simcord_bot)
    # No typing indicator (the bot reads without it, see test_answer_faults): simcord checks
    # every sleeping task against every timer as it settles, and a wave's typing loops asleep
    # at once cost minutes of test time (their timers also fire in the middle of a wave).
    env.inject_error("POST", "/channels/*/typing", status=403, code=MISSING_PERMISSIONS, times=None)
    reporters = {
        c.guild.id: c.guild.add_member(env.create_user(f"reporter-{c.guild.id}")) for c in channels
    }
    posted_in: dict[int, int] = {}  # story number -> the guild it was posted in
    for number in range(MESSAGES):
        channel = channels[number % len(channels)]
        text = f"{story_site}/story/{number}" if number % LINK_EVERY == 0 else short_story(number)
        await reporters[channel.guild.id].send(channel, text)
        posted_in[number] = channel.guild.id
        if len(arrivals.waiting) == WAVE or number == MESSAGES - 1:
            await arrivals.let_go()  # a wave read side by side
    assert arrivals.held == MESSAGES

    bot_id = simcord_bot.user.id if simcord_bot.user else 0
    answered: Counter[int] = Counter()
    for channel in channels:
        for message in _answers(channel, bot_id):
            assert message.embeds, f"not an answer: {message.content!r}"
            number = _story_number(message.embeds[0].title)
            assert posted_in[number] == channel.guild.id  # answered in its own server
            answered[number] += 1
    assert sorted(answered) == list(range(MESSAGES))  # none lost
    assert set(answered.values()) == {1}  # none doubled
    async with simcord_bot.services.sessionmaker() as session:
        rows = (await session.execute(select(ArticleRow.guild_id, ArticleRow.title))).all()
        pending = await session.scalar(select(ArticleRow.id).where(ArticleRow.answer_pending))
    stored = Counter(_story_number(title) for _, title in rows)
    assert sorted(stored) == list(range(MESSAGES)) and set(stored.values()) == {1}
    assert all(posted_in[_story_number(title)] == guild for guild, title in rows)
    assert pending is None


def _story_number(title: str | None) -> int:
    found = STORY.search(title or "")
    assert found is not None, title
    return int(found.group(1))
