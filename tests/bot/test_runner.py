"""`newsbot run` stops cleanly on SIGTERM and SIGINT."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from bot.client import NewsBot
from bot.composition import build_services
from bot.runner import serve_until_stopped
from handlers.analysis_pool import AnalysisPool
from handlers.services import Services
from intake.article import Article
from tests.bot.conftest import bot_settings, seed_text


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_a_stop_signal_closes_the_bot(services: Services, sig: signal.Signals) -> None:
    bot = NewsBot(services)
    still_serving = asyncio.Event()

    async def serving() -> None:  # stands in for bot.start(token): no Discord to reach here
        still_serving.set()
        await asyncio.sleep(3600)

    asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), sig)
    await asyncio.wait_for(serve_until_stopped(bot, serving()), timeout=10)

    assert still_serving.is_set()
    assert bot.is_closed()


async def test_a_failure_while_serving_is_raised(services: Services) -> None:
    bot = NewsBot(services)

    async def failing() -> None:
        raise RuntimeError("improper token")

    with pytest.raises(RuntimeError, match="improper token"):
        await serve_until_stopped(bot, failing())
    assert bot.is_closed()


async def test_on_sigterm_the_analysis_workers_finish_and_stop(tmp_path: Path) -> None:
    settings = bot_settings(tmp_path).model_copy(update={"analysis_workers": 1})
    article = Article(text=seed_text("port-strike"), title="Dockworkers walk out")
    async with build_services(settings, processes=True) as services:
        pool = services.analyzer
        assert isinstance(pool, AnalysisPool) and services.nlp is None  # no pipeline here
        workers = pool.worker_pids()
        bot = NewsBot(services)

        async def serving() -> None:  # an analysis in flight when the signal arrives
            await services.analyze(article)
            await asyncio.sleep(3600)

        asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(serve_until_stopped(bot, serving()), timeout=60)
        report = await services.analyze(article)
    assert any(q.speaker == "Park Soo-ah" for q in report.quotes)
    assert len(workers) == 1
    assert not any(_running(pid) for pid in workers)


def _running(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()
