"""Servers take turns for the analysis slots: a backlog in one never starves another."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from distinct_stories import distinct_story

from analysis.types import Report
from handlers.ingest import Origin, ingest_text
from handlers.services import Services
from handlers.turns import ServerTurns
from intake.article import Article

BACKLOG = 30


async def _settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_server_arriving_behind_a_backlog_goes_next() -> None:
    turns = ServerTurns(slots=1)
    order: list[str] = []
    gate = asyncio.Event()

    async def analyse(server: int, name: str) -> None:
        async with turns.turn(server):
            order.append(name)
            await gate.wait()

    busy = [asyncio.create_task(analyse(1, f"a{i}")) for i in range(5)]
    await _settle()
    late = asyncio.create_task(analyse(2, "b0"))
    await _settle()
    assert order == ["a0"] and turns.waiting == 5
    gate.set()
    await asyncio.gather(*busy, late)
    assert order == ["a0", "b0", "a1", "a2", "a3", "a4"]


async def test_two_backlogs_alternate_and_each_keeps_its_order() -> None:
    turns = ServerTurns(slots=1)
    order: list[str] = []

    async def analyse(server: int, name: str) -> None:
        async with turns.turn(server):
            order.append(name)
            await asyncio.sleep(0)

    await asyncio.gather(
        *(analyse(1, f"a{i}") for i in range(3)), *(analyse(2, f"b{i}") for i in range(3))
    )
    assert order == ["a0", "b0", "a1", "b1", "a2", "b2"]


async def test_a_cancelled_waiter_gives_its_place_up() -> None:
    turns = ServerTurns(slots=1)
    gate = asyncio.Event()
    ran: list[int] = []

    async def analyse(server: int) -> None:
        async with turns.turn(server):
            ran.append(server)
            await gate.wait()

    first = asyncio.create_task(analyse(1))
    cancelled = asyncio.create_task(analyse(2))
    last = asyncio.create_task(analyse(3))
    await _settle()
    cancelled.cancel()
    await _settle()
    gate.set()
    await asyncio.gather(first, last)
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    assert ran == [1, 3] and turns.waiting == 0


def _text(server: int, number: int) -> str:
    return distinct_story(server * 10_000 + number, f"Server {server} article {number}.")


async def test_one_article_of_a_quiet_server_waits_for_at_most_one_analysis(
    services: Services,
) -> None:
    started: list[int] = []
    release = asyncio.Event()

    async def stand_in(article: Article) -> Report:
        started.append(int(article.text.split()[1]))
        await release.wait()
        return Report(article=article, entities=(), quotes=(), digest=())

    quick = replace(services, analyzer=stand_in, analysis_turns=ServerTurns(1))

    def post(server: int, number: int) -> asyncio.Task[object]:
        origin = Origin(guild_id=server, channel_id=1, message_id=number, author_id=5)
        return asyncio.create_task(ingest_text(quick, origin, _text(server, number)))

    busy = [post(1, n) for n in range(BACKLOG)]
    # The database is real, so the backlog takes a few turns of the loop to queue up; the
    # queue's length is polled (it has no event to wait on), within a bound.
    async with asyncio.timeout(30):
        while len(started) < 1 or quick.analysis_turns.waiting < BACKLOG - 1:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        quiet = post(2, 1000)
        while quick.analysis_turns.waiting < BACKLOG:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    release.set()
    await asyncio.gather(*busy, quiet)
    assert started[:2] == [1, 2]
    assert started.count(1) == BACKLOG
