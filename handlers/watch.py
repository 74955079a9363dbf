"""Which channels the bot reads, per server."""

from __future__ import annotations

from datetime import datetime

from handlers.services import Services
from storage.guilds import GuildRepository


async def watch_channel(
    services: Services, guild_id: int, channel_id: int, at: datetime | None = None
) -> bool:
    """Start reading a channel (at `at`, Discord's time); False when it was already watched."""
    async with services.sessionmaker.begin() as session:
        return await GuildRepository(session).watch(guild_id, channel_id, at)


async def unwatch_channel(services: Services, guild_id: int, channel_id: int) -> bool:
    """Stop reading a channel; False when it was not watched."""
    async with services.sessionmaker.begin() as session:
        return await GuildRepository(session).unwatch(guild_id, channel_id)


async def is_watched(services: Services, guild_id: int, channel_id: int) -> bool:
    """Whether the bot reads this channel."""
    async with services.sessionmaker.begin() as session:
        return await GuildRepository(session).is_watched(guild_id, channel_id)
