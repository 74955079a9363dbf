"""Catching up after downtime: where to start reading each watched channel of a server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.services import Services
from storage.guilds import GuildRepository


@dataclass(frozen=True)
class CatchUp:
    """Read a channel's messages posted since `not_before` that were never read, oldest first,
    at most `limit` of them. Not only those after the last one read: with analyses running side
    by side, a later message may have been answered while an earlier one was still being read
    when the bot stopped."""

    channel_id: int
    not_before: datetime  # the window's start, or when the channel was first watched
    limit: int


async def catch_up_plan(services: Services, guild_id: int, now: datetime) -> list[CatchUp]:
    """For each watched channel of a server: what was posted while the bot was away.

    `now` is Discord's time. Bounded by services.catch_up_hours and catch_up_messages; none
    when the messages bound is 0."""
    if services.catch_up_messages <= 0:
        return []
    window_start = now - timedelta(hours=services.catch_up_hours)
    plans: list[CatchUp] = []
    async with services.sessionmaker() as session:
        for channel_id, since in await GuildRepository(session).watched_since(guild_id):
            plans.append(
                CatchUp(
                    channel_id=channel_id,
                    not_before=max(window_start, since),
                    limit=services.catch_up_messages,
                )
            )
    return plans
