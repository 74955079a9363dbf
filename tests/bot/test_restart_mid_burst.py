"""A restart in the middle of analysing a burst: on start each message is read once, not zero
or two times, whether it was answered, stored with its answer pending, or still being
analysed when the bot stopped."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import discord
import pytest
import simcord
from sqlalchemy import func, select

from analysis.types import Report
from bot.client import NewsBot
from handlers.services import Services
from handlers.turns import ServerTurns
from intake.article import Article
from storage.models import ArticleRow
from tests.bot.conftest import Newsroom
from tests.handlers.test_burst_across_servers import article_text

BURST = 12
ANSWERED_FIRST = 4  # analysed and answered before the stop; of them, two answers fail
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013
STORY = re.compile(r"Harbour story (\d+)")


class HeldAnalyses:
    """Holds analyses until let go, and counts those that ran, by story number."""

    def __init__(self, env: simcord.Env) -> None:
        self.env = env
        self.holding = True
        self.waiting: list[asyncio.Event] = []
        self.ran: Counter[int] = Counter()

    async def hold(self) -> None:
        """Wait, as analysis workers busy with a backlog make an article wait, until let go."""
        if not self.holding:
            return
        gone = asyncio.Event()
        self.waiting.append(gone)
        await self.env.external_wait(gone.wait(), reason="analysis workers busy")

    async def let_go(self, count: int) -> None:
        """Let the `count` oldest held analyses run, and wait until the bot is done with them."""
        for gone in self.waiting[:count]:
            gone.set()
        del self.waiting[:count]
        await self.env.settle()


@pytest.fixture
def held(newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldAnalyses]:
    analyses = HeldAnalyses(newsroom.env)
    real_turn = ServerTurns.turn
    real = Services.analyze_in_turn

    @asynccontextmanager
    async def held_turn(self: ServerTurns, server_id: int) -> AsyncIterator[None]:
        # Held before the turn is taken, where simcord can see the wait as outside input
        # (a line for a turn is a future only the bot's own tasks resolve).
        await analyses.hold()
        async with real_turn(self, server_id):
            yield

    async def counted_analyze(self: Services, article: Article) -> Report:
        found = STORY.search(article.title or "")
        analyses.ran[int(found.group(1)) if found else -1] += 1
        return await real(self, article)

    monkeypatch.setattr(ServerTurns, "turn", held_turn)
    monkeypatch.setattr(Services, "analyze_in_turn", counted_analyze)
    yield analyses


def _answers_by_story(newsroom: Newsroom) -> Counter[int]:
    answers: Counter[int] = Counter()
    for message in newsroom.bot_messages():
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            continue  # Discord's note that a thread was opened
        assert message.embeds, f"not an answer: {message.content!r}"
        found = STORY.search(message.embeds[0].title or "")
        assert found is not None, message.embeds[0].title
        answers[int(found.group(1))] += 1
    return answers


async def test_a_restart_mid_burst_reads_each_message_once(
    newsroom: Newsroom, services: Services, held: HeldAnalyses
) -> None:
    env = newsroom.env
    # No typing indicator (the bot reads without it): a held analysis would keep its typing
    # loop asleep on a timer that simcord's clock then fires in the middle of the test.
    env.inject_error("POST", "/channels/*/typing", status=403, code=MISSING_PERMISSIONS, times=None)
    for number in range(BURST):
        await newsroom.reporter.send(newsroom.channel, article_text(number))
    assert len(held.waiting) == BURST  # every message in flight, none analysed yet
    # The first two answers Discord refuses: stored, their answers left pending.
    env.inject_error("POST", "/channels/*/messages", status=403, code=MISSING_ACCESS, times=2)
    await held.let_go(ANSWERED_FIRST)
    assert sorted(_answers_by_story(newsroom)) == [2, 3]

    # The stop: the analyses still held are cut off, as a stopped process's would be.
    held.holding = False
    await env.restart_bot(NewsBot(services))

    assert _answers_by_story(newsroom) == Counter(range(BURST))  # each once, none lost
    assert held.ran == Counter(range(BURST))  # each analysed once, none twice
    async with services.sessionmaker() as session:
        stored = await session.scalar(select(func.count()).select_from(ArticleRow))
        pending = await session.scalar(select(func.count()).where(ArticleRow.answer_pending))
    assert (stored, pending) == (BURST, 0)
    sent = len(newsroom.bot_messages())

    await env.restart_bot(NewsBot(services))  # and a second start reads nothing again

    assert len(newsroom.bot_messages()) == sent
    assert held.ran == Counter(range(BURST))
