"""Forgetting a server the bot was removed from, after a grace period or at once.

The bot marks a server when it leaves (Discord's time, given as a value) and unmarks it when it
is added back; a periodic check deletes every server marked longer ago than the grace period.
On start, a server with data stored but not among the bot's servers is marked then, so one
removed while the bot was down is forgotten too. These take the session factory alone: the
command line forgets a server without building the bot's other services.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.errors import NotFound
from storage.engine import SessionFactory
from storage.guild_data import GuildDataRepository

DEFAULT_FORGET_AFTER_DAYS = 30.0
# Discord ids are snowflakes: positive and at most 64 bits.
LARGEST_ID = (1 << 63) - 1


@dataclass(frozen=True)
class ForgottenGuild:
    """A server whose data was deleted, with how many rows of each kind went."""

    guild_id: int
    deleted: dict[str, int]

    @property
    def total(self) -> int:
        """Every row deleted, all kinds together."""
        return sum(self.deleted.values())


@dataclass(frozen=True)
class Reconciled:
    """What the start-up check changed: servers found gone, and servers found back."""

    marked: tuple[int, ...]
    cleared: tuple[int, ...]


def check_guild_id(value: int) -> int:
    """A server id as Discord gives them (a positive 64-bit snowflake); NotFound otherwise."""
    if not 0 < value <= LARGEST_ID:
        raise NotFound(f"{value} is not a Discord server id (a positive 64-bit number).")
    return value


async def guild_left(sessionmaker: SessionFactory, guild_id: int, at: datetime) -> bool:
    """The bot was removed from a server at `at`; False if it was marked gone already."""
    async with sessionmaker.begin() as session:
        return await GuildDataRepository(session).mark_left(guild_id, at)


async def guild_back(sessionmaker: SessionFactory, guild_id: int) -> bool:
    """The bot is in a server again: nothing of it is deleted; False if it was not marked."""
    async with sessionmaker.begin() as session:
        return bool(await GuildDataRepository(session).clear_left([guild_id]))


async def reconcile_guilds(
    sessionmaker: SessionFactory,
    present: Collection[int],
    now: datetime,
    serves: Callable[[int], bool] = lambda _guild_id: True,
) -> Reconciled:
    """At start: mark the servers with data the bot is not in, unmark those it is in again.

    Only servers this process `serves` are judged: one on another process's shard is absent
    here without the bot having left it."""
    here = set(present)
    async with sessionmaker.begin() as session:
        data = GuildDataRepository(session)
        cleared = await data.clear_left(here)
        already = {guild_id for guild_id, _ in await data.departures()}
        gone = sorted(g for g in await data.known_guilds() - here - already if serves(g))
        marked = [guild_id for guild_id in gone if await data.mark_left(guild_id, now)]
    return Reconciled(marked=tuple(marked), cleared=tuple(cleared))


async def forget_due_guilds(
    sessionmaker: SessionFactory,
    now: datetime,
    grace: timedelta,
    present: Collection[int] = (),
) -> list[ForgottenGuild]:
    """Delete every server the bot left at least `grace` before `now` (never one in `present`)."""
    async with sessionmaker.begin() as session:
        data = GuildDataRepository(session)
        # Back without the bot hearing of it (an outage): the mark was wrong, keep the data.
        await data.clear_left(set(present))
        due = await data.left_before(now - grace)
    forgotten = []
    for guild_id in due:
        # One server per unit of work: a large server never holds the others up.
        async with sessionmaker.begin() as session:
            forgotten.append(
                ForgottenGuild(guild_id, await GuildDataRepository(session).forget(guild_id))
            )
    return forgotten


async def next_forget_at(sessionmaker: SessionFactory, grace: timedelta) -> datetime | None:
    """When the next server the bot left is due to be forgotten; None if there is none."""
    async with sessionmaker.begin() as session:
        departures = await GuildDataRepository(session).departures()
    return departures[0][1] + grace if departures else None


async def forget_guild_now(sessionmaker: SessionFactory, guild_id: int) -> ForgottenGuild:
    """Delete everything stored for a server at once; NotFound when nothing is stored for it."""
    check_guild_id(guild_id)
    async with sessionmaker.begin() as session:
        data = GuildDataRepository(session)
        if not any((await data.count(guild_id)).values()):
            raise NotFound(f"Nothing is stored for server {guild_id}.")
        return ForgottenGuild(guild_id, await data.forget(guild_id))
