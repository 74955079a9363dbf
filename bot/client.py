"""The Bot subclass: intents, extensions, and the services handlers need."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import discord
from discord.ext import commands

from bot.settings import Settings
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


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that receives a server's events (Discord's rule)."""
    return (guild_id >> 22) % shard_count


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
        **shards: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            # Article text is shown, never obeyed: no message of ours pings anyone.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **shards,
        )
        self.services = services
        self.digest_check_seconds = digest_check_seconds
        # A server the bot was removed from is forgotten this long after (bot/exts/membership).
        self.forget_guild_after = forget_guild_after

    def serves_guild(self, guild_id: int) -> bool:
        """Whether this process serves the server: its shard is one of this process's (every
        server, unsharded). What other processes serve, this one leaves alone."""
        count = self.shard_count
        ids = getattr(self, "shard_ids", None)  # AutoShardedClient's; None: all its shards
        if not count or count == 1:
            return True
        if ids is None:
            ids = [self.shard_id] if self.shard_id is not None else range(count)
        return shard_of(guild_id, count) in ids

    async def setup_hook(self) -> None:
        """Load every extension before the gateway connects."""
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def on_ready(self) -> None:
        """Log who we are; slash commands are synced only by `newsbot sync`."""
        log.info("connected as %s to %d servers", self.user, len(self.guilds))


class ShardedNewsBot(NewsBot, commands.AutoShardedBot):
    """The newsroom bot on some or all of `shard_count` gateway shards (NEWSBOT_SHARD_COUNT,
    NEWSBOT_SHARD_IDS): several processes can share the servers, each on one database."""


def make_bot(services: Services, settings: Settings) -> NewsBot:
    """The bot the settings ask for: sharded when NEWSBOT_SHARD_COUNT is set."""
    check = settings.digest_check_seconds
    grace = timedelta(days=settings.forget_guild_after_days)
    if settings.shard_count is None:
        return NewsBot(services, digest_check_seconds=check, forget_guild_after=grace)
    return ShardedNewsBot(
        services,
        digest_check_seconds=check,
        forget_guild_after=grace,
        shard_count=settings.shard_count,
        shard_ids=settings.shard_ids,
    )
