"""Running against real Discord: clean start, clean shutdown on SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Coroutine
from typing import Any

from bot.client import NewsBot, make_bot
from bot.composition import build_services
from bot.settings import Settings

log = logging.getLogger(__name__)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


async def run_bot(settings: Settings) -> int:
    """Serve until SIGTERM or SIGINT, then close Discord, HTTP and the database."""
    assert settings.discord_token is not None
    token = settings.discord_token.get_secret_value()
    # Leaving build_services waits for analyses in flight, then stops the analysis workers and
    # closes HTTP and the database.
    async with (
        build_services(settings, processes=True) as services,
        make_bot(services, settings) as bot,
    ):
        await serve_until_stopped(bot, bot.start(token))
    return 0


async def serve_until_stopped(bot: NewsBot, serving: Coroutine[Any, Any, None]) -> None:
    """Run `serving` until it ends or a stop signal arrives; then close the bot."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    serve_task = asyncio.create_task(serving)
    stop_task = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({serve_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
        if stop.is_set():
            log.info("stop signal received: closing the gateway connection")
        await bot.close()
        if serve_task.done():
            serve_task.result()  # re-raises a login or gateway failure
        else:
            serve_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await serve_task
    finally:
        stop_task.cancel()
        for sig in STOP_SIGNALS:
            loop.remove_signal_handler(sig)


async def sync_commands(settings: Settings) -> int:
    """Register the slash commands globally (deliberately, not on every start)."""
    assert settings.discord_token is not None
    async with build_services(settings) as services, NewsBot(services) as bot:
        await bot.login(settings.discord_token.get_secret_value())
        synced = await bot.tree.sync()
        print(f"synced {len(synced)} commands: " + ", ".join(c.name for c in synced))
    return 0
