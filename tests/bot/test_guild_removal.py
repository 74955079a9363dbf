"""The real bot removed from a server in simcord: the server is forgotten after the grace
period, kept when the bot is added back, and no other server loses anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import discord
import simcord
from simcord.backend import serializers
from sqlalchemy import func, select

from bot.client import NewsBot
from storage.guild_data import GuildDataRepository
from storage.models import ArticleRow, EntityRow, QuoteRow
from tests.bot.conftest import Newsroom, seed_text

DAY = 24 * 3600
MINUTE = 60


@dataclass
class Removed:
    """What simcord drops with a guild the bot leaves, kept to add the bot back."""

    guild: Any
    channels: dict[int, Any]
    messages: dict[int, Any]


def remove_bot(env: simcord.Env, guild: simcord.GuildHandle) -> Removed:
    """The bot is removed from the server: Discord sends GUILD_DELETE (on_guild_remove)."""
    backend = env.backend
    kept = backend.guilds[guild.id]
    ids = [*kept.channel_ids, *kept.thread_ids]
    removed = Removed(
        kept,
        {i: backend.channels[i] for i in ids if i in backend.channels},
        {i: backend.messages[i] for i in ids if i in backend.messages},
    )
    backend.remove_guild(guild.id)
    return removed


def add_bot_back(env: simcord.Env, removed: Removed) -> None:
    """The bot is invited to the same server again: GUILD_CREATE (on_guild_join)."""
    backend = env.backend
    backend.guilds[removed.guild.id] = removed.guild
    backend.channels.update(removed.channels)
    backend.messages.update(removed.messages)
    backend.emit("GUILD_CREATE", serializers.guild_create_payload(backend, removed.guild))


async def _post(who: simcord.MemberActor, channel: simcord.ChannelHandle, slug: str) -> None:
    text = seed_text(slug).encode()
    await who.send(channel, "", attachments=[("message.txt", text)])


async def _rows(newsroom: Newsroom, guild_id: int) -> dict[str, int]:
    async with newsroom.bot.services.sessionmaker() as session:
        return await GuildDataRepository(session).count(guild_id)


async def _total(newsroom: Newsroom, table: type) -> int:
    async with newsroom.bot.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def _advance_days(newsroom: Newsroom, days: float) -> None:
    # Each advance_time has simcord's settle deadline: a month goes in steps of days.
    for _ in range(int(days // 10)):
        await newsroom.env.advance_time(10 * DAY)
    if days % 10:
        await newsroom.env.advance_time(days % 10 * DAY)


async def _without_digest(newsroom: Newsroom) -> None:
    # The digest scheduler wakes every hour; a month of it is slow and tests nothing here.
    await newsroom.bot.remove_cog("DigestPoster")


async def _second_server(
    newsroom: Newsroom,
) -> tuple[simcord.GuildHandle, simcord.ChannelHandle, simcord.MemberActor]:
    env = newsroom.env
    guild = env.create_guild("Valley Post")
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = guild.add_member(env.create_user("valley-editor"), roles=[editors])
    reporter = guild.add_member(env.create_user("valley-reporter"))
    channel = guild.create_text_channel("desk")
    await editor.slash(channel, "watch")
    return guild, channel, reporter


async def test_a_server_the_bot_left_is_forgotten_after_30_days_not_29(
    newsroom: Newsroom,
) -> None:
    await _post(newsroom.reporter, newsroom.channel, "port-strike")
    other, desk, valley_reporter = await _second_server(newsroom)
    await _post(valley_reporter, desk, "night-trains")
    ours = newsroom.guild.id
    theirs_before = await _rows(newsroom, other.id)
    assert (await _rows(newsroom, ours))["articles"] == 1

    await _without_digest(newsroom)
    await newsroom.env.advance_time(9.5 * 3600)  # removed at 09:30, not at a midnight check

    remove_bot(newsroom.env, newsroom.guild)
    await newsroom.env.settle()
    await _advance_days(newsroom, 29)
    kept = await _rows(newsroom, ours)
    assert kept["articles"] == 1 and kept["guild_departures"] == 1
    await newsroom.env.advance_time(DAY - MINUTE)
    assert (await _rows(newsroom, ours))["articles"] == 1

    await newsroom.env.advance_time(2 * MINUTE)

    assert not any((await _rows(newsroom, ours)).values())
    theirs = await _rows(newsroom, other.id)
    assert theirs == theirs_before and theirs["articles"] == 1 and theirs["entities"] > 0
    # The other server's own article is all that is left anywhere.
    assert await _total(newsroom, ArticleRow) == 1
    assert await _total(newsroom, EntityRow) == theirs["entities"]
    said = await valley_reporter.slash(desk, "who-said", query="Park Soo-ah")
    assert said.response is not None
    assert "No quotes" in (said.response.embeds[0].description or "")


async def test_a_server_that_adds_the_bot_back_in_time_keeps_everything(
    newsroom: Newsroom,
) -> None:
    await _post(newsroom.reporter, newsroom.channel, "port-strike")
    before = await _rows(newsroom, newsroom.guild.id)
    await _without_digest(newsroom)

    removed = remove_bot(newsroom.env, newsroom.guild)
    await newsroom.env.settle()
    await _advance_days(newsroom, 20)
    add_bot_back(newsroom.env, removed)
    await newsroom.env.settle()
    assert (await _rows(newsroom, newsroom.guild.id))["guild_departures"] == 0  # on_guild_join
    await _advance_days(newsroom, 15)

    assert await _rows(newsroom, newsroom.guild.id) == before
    said = await newsroom.reporter.slash(newsroom.channel, "who-said", query="Park Soo-ah")
    assert said.response is not None and said.response.embeds
    assert "No quotes" not in (said.response.embeds[0].description or "")


async def test_a_server_removed_while_the_bot_was_down_is_marked_on_start(
    newsroom: Newsroom,
) -> None:
    await _post(newsroom.reporter, newsroom.channel, "port-strike")
    quotes = await _total(newsroom, QuoteRow)
    assert quotes > 0
    services = newsroom.bot.services
    # Down: the bot never hears of the removal, and starts again a day later without it.
    await newsroom.bot.remove_cog("Membership")
    remove_bot(newsroom.env, newsroom.guild)
    await newsroom.env.advance_time(DAY)
    bot = NewsBot(services, digest_check_seconds=DAY, forget_guild_after=timedelta(days=3))
    await newsroom.env.restart_bot(bot)
    newsroom.bot = bot
    assert (await _rows(newsroom, newsroom.guild.id))["guild_departures"] == 1

    await _advance_days(newsroom, 2.9)
    assert await _total(newsroom, QuoteRow) == quotes
    await _advance_days(newsroom, 0.2)
    assert await _total(newsroom, QuoteRow) == 0
    assert not any((await _rows(newsroom, newsroom.guild.id)).values())
