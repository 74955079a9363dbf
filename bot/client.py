"""The Bot subclass: intents, extensions, and the services handlers need."""

from __future__ import annotations

import logging
from datetime import timedelta

import discord
from discord.ext import commands

from handlers.forget_guild import DEFAULT_FORGET_AFTER_DAYS
from handlers.services import Services

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.errors",
    "bot.exts.channels",
    "bot.exts.watcher",
    "bot.exts.source_changes",
    "bot.exts.catch_up",
    "bot.exts.reactions",
    "bot.exts.who_said",
    "bot.exts.ask",
    "bot.exts.digest",
    "bot.exts.entities",
    "bot.exts.history",
    "bot.exts.help",
    "bot.exts.settings",
    "bot.exts.membership",
    "bot.exts.backfill",
)
# The default of the digest_check_seconds setting (see bot/settings.py).
DIGEST_CHECK_SECONDS = 3600.0
# The default of the forget_guild_after_days setting.
FORGET_GUILD_AFTER = timedelta(days=DEFAULT_FORGET_AFTER_DAYS)


def bot_intents() -> discord.Intents:
    """Guilds, messages and reactions (📰), with message content: the bot reads what
    reporters paste."""
    intents = discord.Intents.default()  # guild messages and guild reactions included
    intents.message_content = True
    return intents


class NewsBot(commands.Bot):
    """The newsroom bot; everything it does lives in its extensions."""

    def __init__(
        self,
        services: Services,
        *,
        digest_check_seconds: float = DIGEST_CHECK_SECONDS,
        forget_guild_after: timedelta = FORGET_GUILD_AFTER,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            # Article text is shown, never obeyed: no message of ours pings anyone.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
        )
        self.services = services
        self.digest_check_seconds = digest_check_seconds
        # A server the bot was removed from is forgotten this long after (bot/exts/membership).
        self.forget_guild_after = forget_guild_after

    async def setup_hook(self) -> None:
        """Load every extension before the gateway connects."""
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def on_ready(self) -> None:
        """Log who we are; slash commands are synced only by `newsbot sync`."""
        log.info("connected as %s to %d servers", self.user, len(self.guilds))
