"""Forgetting a whole server: every row of it in every table, nothing of another server."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from record_samples import MONDAY, Sessions, person, report, store
from sqlalchemy import select

from analysis.text.fingerprints import band_keys, fingerprint
from analysis.types import Entity
from handlers.errors import NotFound
from handlers.forget_guild import (
    forget_due_guilds,
    forget_guild_now,
    guild_back,
    guild_left,
    next_forget_at,
    reconcile_guilds,
)
from storage.channel_notes import ChannelNoteRepository
from storage.digests import DigestPostRepository
from storage.fingerprints import FingerprintRepository
from storage.guild_data import GuildDataRepository, dependent_tables, guild_tables
from storage.guilds import GuildRepository
from storage.models import ArticleRow, Base
from storage.read_messages import ReadMessageRepository

OURS, THEIRS = 1, 2
GRACE = timedelta(days=30)


async def fill_guild(sessionmaker: Sessions, guild_id: int) -> None:
    """A server with a row in every table: articles, quotes, records, settings, digest, mark."""
    entities = (person("Moon Chung-in", "Mr. Moon"), Entity("Harbour Authority", "ORG", 2))
    await store(
        sessionmaker,
        report("Talks", entities, (("We are not there yet", "Moon Chung-in"),)),
        MONDAY,
        guild=guild_id,
    )
    await store(
        sessionmaker,
        report("More talks", (person("Moon", "Mr. Moon"),), (("It will take years", "Moon"),)),
        MONDAY + timedelta(days=1),
        guild=guild_id,
    )
    async with sessionmaker.begin() as session:
        guilds = GuildRepository(session)
        await guilds.watch(guild_id, 10)
        await guilds.set_digest_channel(guild_id, 20, "18:00", "UTC")
        await DigestPostRepository(session).claim(
            guild_id, date(2026, 11, 30), claimer="me", now=MONDAY, stale_after=GRACE
        )
        await GuildDataRepository(session).mark_left(guild_id, MONDAY)
        await ReadMessageRepository(session).record(guild_id, 10, 900 + guild_id, "f" * 64, MONDAY)
        await ChannelNoteRepository(session).claim(guild_id, 10, "short brief", MONDAY)
        [article_id, *_] = await session.scalars(
            select(ArticleRow.id).where(ArticleRow.guild_id == guild_id)
        )
        wording = fingerprint("We are not there yet, said Moon Chung-in at the harbour talks.")
        await FingerprintRepository(session).put(
            guild_id, article_id, "h", wording, band_keys(wording)
        )


async def counts(sessionmaker: Sessions, guild_id: int) -> dict[str, int]:
    async with sessionmaker() as session:
        return await GuildDataRepository(session).count(guild_id)


def test_every_table_belongs_to_a_server_directly_or_through_a_parent() -> None:
    # A table neither keyed by server nor hanging off one would escape forgetting.
    reached = {t.name for t, _ in guild_tables()} | {t.name for t, _, _ in dependent_tables()}
    assert reached == set(Base.metadata.tables)


async def test_forgetting_a_server_leaves_nothing_of_it_and_all_of_another(
    sessionmaker: Sessions,
) -> None:
    await fill_guild(sessionmaker, OURS)
    await fill_guild(sessionmaker, THEIRS)
    before = await counts(sessionmaker, OURS)
    assert all(before.values()), before  # the sample reaches every table
    theirs = await counts(sessionmaker, THEIRS)

    gone = await forget_guild_now(sessionmaker, OURS)

    assert gone.deleted == before
    assert gone.total == sum(before.values())
    assert set(gone.deleted) == set(Base.metadata.tables)
    assert not any((await counts(sessionmaker, OURS)).values())
    assert await counts(sessionmaker, THEIRS) == theirs


async def test_forgetting_a_server_with_nothing_stored_says_so(sessionmaker: Sessions) -> None:
    await fill_guild(sessionmaker, THEIRS)
    with pytest.raises(NotFound, match="Nothing is stored for server 1"):
        await forget_guild_now(sessionmaker, OURS)
    with pytest.raises(NotFound, match="not a Discord server id"):
        await forget_guild_now(sessionmaker, 0)


async def test_a_server_left_is_forgotten_once_its_period_is_over(sessionmaker: Sessions) -> None:
    await store(sessionmaker, report("A", (person("Maria Alvarez"),), ()), MONDAY, guild=OURS)
    await store(sessionmaker, report("B", (person("Maria Alvarez"),), ()), MONDAY, guild=THEIRS)
    assert await guild_left(sessionmaker, OURS, MONDAY) is True
    assert await guild_left(sessionmaker, OURS, MONDAY + timedelta(days=5)) is False  # first stands
    assert await next_forget_at(sessionmaker, GRACE) == MONDAY + GRACE

    early = MONDAY + GRACE - timedelta(seconds=1)
    assert await forget_due_guilds(sessionmaker, early, GRACE) == []
    (gone,) = await forget_due_guilds(sessionmaker, MONDAY + GRACE, GRACE)

    assert gone.guild_id == OURS and gone.deleted["articles"] == 1
    assert not any((await counts(sessionmaker, OURS)).values())
    assert (await counts(sessionmaker, THEIRS))["articles"] == 1
    assert await next_forget_at(sessionmaker, GRACE) is None


async def test_a_server_added_back_keeps_its_data(sessionmaker: Sessions) -> None:
    await store(sessionmaker, report("A", (person("Maria Alvarez"),), ()), MONDAY, guild=OURS)
    await guild_left(sessionmaker, OURS, MONDAY)
    assert await guild_back(sessionmaker, OURS) is True
    assert await guild_back(sessionmaker, OURS) is False
    assert await forget_due_guilds(sessionmaker, MONDAY + 2 * GRACE, GRACE) == []
    assert (await counts(sessionmaker, OURS))["articles"] == 1


async def test_a_server_the_bot_is_in_is_never_forgotten(sessionmaker: Sessions) -> None:
    # Marked, but the bot is in it (an outage hid it for a moment): the mark goes, not the data.
    await store(sessionmaker, report("A", (person("Maria Alvarez"),), ()), MONDAY, guild=OURS)
    await guild_left(sessionmaker, OURS, MONDAY)
    assert await forget_due_guilds(sessionmaker, MONDAY + GRACE, GRACE, present=[OURS]) == []
    assert await next_forget_at(sessionmaker, GRACE) is None


async def test_at_start_servers_with_data_the_bot_is_not_in_are_marked(
    sessionmaker: Sessions,
) -> None:
    await store(sessionmaker, report("A", (person("Maria Alvarez"),), ()), MONDAY, guild=OURS)
    async with sessionmaker.begin() as session:
        await GuildRepository(session).watch(THEIRS, 10)
        await GuildRepository(session).watch(3, 10)
    await guild_left(sessionmaker, 3, MONDAY - timedelta(days=3))
    later = MONDAY + timedelta(days=2)

    found = await reconcile_guilds(sessionmaker, present=[THEIRS], now=later)

    assert found.marked == (OURS,) and found.cleared == ()
    async with sessionmaker() as session:
        departures = await GuildDataRepository(session).departures()
    assert departures == [(3, MONDAY - timedelta(days=3)), (OURS, later)]  # 3 keeps its time
    again = await reconcile_guilds(sessionmaker, present=[THEIRS, 3], now=later)
    assert again.marked == () and again.cleared == (3,)


async def test_a_server_left_gets_no_digest_while_it_waits(sessionmaker: Sessions) -> None:
    async with sessionmaker.begin() as session:
        for guild_id in (OURS, THEIRS):
            await GuildRepository(session).set_digest_channel(guild_id, 20, "18:00", "UTC")
    await guild_left(sessionmaker, OURS, MONDAY)
    async with sessionmaker() as session:
        schedules = await GuildRepository(session).digest_schedules()
    assert [s.guild_id for s in schedules] == [THEIRS]
    await guild_back(sessionmaker, OURS)
    async with sessionmaker() as session:
        schedules = await GuildRepository(session).digest_schedules()
    assert [s.guild_id for s in schedules] == [OURS, THEIRS]


async def test_at_start_only_the_servers_of_this_process_shards_are_judged(
    sessionmaker: Sessions,
) -> None:
    # Two processes share the database, each on its own gateway shards: a server of the other
    # process's shard is absent here without the bot having left it.
    async with sessionmaker.begin() as session:
        for guild_id in (OURS, THEIRS):
            await GuildRepository(session).watch(guild_id, 10)

    found = await reconcile_guilds(sessionmaker, [], MONDAY, serves=lambda g: g == OURS)

    assert found.marked == (OURS,)
    async with sessionmaker() as session:
        assert await GuildDataRepository(session).departures() == [(OURS, MONDAY)]
