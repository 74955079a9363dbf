"""On start, the articles stored before entity records existed are linked to records.

Once per start, after the gateway is ready, in the background: /entity and /who-said find the
people of old articles without anyone running a command (`newsbot backfill-records` does the
same by hand). Batches are short units of work, so answers go out meanwhile.
"""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.client import NewsBot
from handlers.backfill import backfill_records

log = logging.getLogger(__name__)


class RecordBackfill(commands.Cog):
    """Links the articles that have no records yet, once each start."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Start the one run; it waits for the gateway first."""
        self.backfill.start()

    async def cog_unload(self) -> None:
        """Stop it; a batch in flight is committed whole or not at all, and picked up next time."""
        self.backfill.cancel()

    @tasks.loop(count=1)
    async def backfill(self) -> None:
        """Link every article stored before the records existed."""
        try:
            done = await backfill_records(self.bot.services.sessionmaker)
        except Exception:  # the next start tries again; the bot serves meanwhile
            log.exception("linking older articles to entity records failed")
            return
        if done.linked:
            log.info("linked %d older articles to entity records", done.linked)

    @backfill.before_loop
    async def _wait_for_gateway(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: NewsBot) -> None:
    """Load the records back-fill."""
    await bot.add_cog(RecordBackfill(bot))
