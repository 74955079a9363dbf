"""Running against real Discord: clean start, clean shutdown on SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import logging
import signal

from bot.client import NewsBot
from bot.composition import build_services
from bot.settings import Settings

log = logging.getLogger(__name__)


async def run_bot(settings: Settings) -> int:
    """Serve until SIGTERM or SIGINT, then close Discord, HTTP and the database."""
    assert settings.discord_token is not None
    token = settings.discord_token.get_secret_value()
    async with build_services(settings) as services, NewsBot(services) as bot:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        serving = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if stopping in done:
            log.info("shutting down")
        await bot.close()  # work in flight is awaited by build_services' executor shutdown
        stopping.cancel()
        if serving in done:
            serving.result()  # re-raises a login or gateway failure
    return 0


async def sync_commands(settings: Settings) -> int:
    """Register the slash commands globally (deliberately, not on every start)."""
    assert settings.discord_token is not None
    async with build_services(settings) as services, NewsBot(services) as bot:
        await bot.login(settings.discord_token.get_secret_value())
        synced = await bot.tree.sync()
        print(f"synced {len(synced)} commands: " + ", ".join(c.name for c in synced))
    return 0
