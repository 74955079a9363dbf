"""`newsbot run` stops cleanly on SIGTERM and SIGINT."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from bot.client import NewsBot
from bot.runner import serve_until_stopped
from handlers.services import Services


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
