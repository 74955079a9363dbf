"""Growing past one process: the bot on gateway shards, serving only its shards' servers."""

from __future__ import annotations

from typing import cast

import discord
import pytest
import simcord
from pydantic import ValidationError

from bot.client import NewsBot, ShardedNewsBot, make_bot, shard_of
from bot.exts.digest import DigestPoster
from bot.exts.watcher import Watcher
from bot.settings import Settings
from handlers.ingest import Origin, ingest_text
from handlers.services import Services
from storage.digests import DigestPostRepository
from storage.guilds import GuildRepository
from tests.bot.conftest import seed_text


async def _watched_newsroom(
    env: simcord.Env, bot: NewsBot, shard: int
) -> tuple[simcord.MemberActor, simcord.ChannelHandle]:
    guild = env.create_guild(f"Harbour Daily {shard}", shard_id=shard)
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = guild.add_member(env.create_user(f"editor-{shard}"), roles=[editors])
    reporter = guild.add_member(env.create_user(f"reporter-{shard}"))
    channel = guild.create_text_channel("newsroom")
    result = await editor.slash(channel, "watch")
    assert result.response is not None and "Watching" in result.response.content
    return reporter, channel


def _answers(channel: simcord.ChannelHandle) -> int:
    return sum(1 for thread in channel.threads for m in thread.history() if m.embeds)


async def test_a_bot_on_two_shards_answers_in_the_servers_of_each(services: Services) -> None:
    bot = ShardedNewsBot(services, shard_count=2)
    async with simcord.run(bot) as env:
        await bot.tree.sync()
        for shard in (0, 1):
            reporter, channel = await _watched_newsroom(env, bot, shard)
            paste = seed_text("port-strike").encode()  # a long paste arrives as message.txt
            await reporter.send(channel, "", attachments=[("message.txt", paste)])
            assert shard_of(channel.guild.id, 2) == shard
            assert _answers(channel) == 1


async def test_pending_answers_are_posted_by_the_process_of_their_shard(
    services: Services,
) -> None:
    # This process serves shard 1 of 2; another serves shard 0.
    bot = ShardedNewsBot(services, shard_count=2, shard_ids=[1])
    async with simcord.run(bot) as env:
        await bot.tree.sync()
        channels = {}
        for shard in (0, 1):
            guild = env.create_guild(f"Harbour Daily {shard}", shard_id=shard)
            reporter = guild.add_member(env.create_user(f"reporter-{shard}"))
            channel = guild.create_text_channel("newsroom")
            posted = await reporter.send(channel, f"A story for shard {shard}, answer pending.")
            # Stored with its answer still to send, as when the send failed before a restart.
            origin = Origin(guild.id, channel.id, posted.id, reporter.id)
            await ingest_text(services, origin, seed_text("port-strike"))
            channels[shard] = channel
        # The extension's own class (discord.py loads extensions as fresh modules).
        watcher = cast(Watcher, bot.get_cog("Watcher"))
        watcher._pending_posted = False  # as on the next start
        await watcher.on_ready()
        await env.settle()
        assert bot.serves_guild(channels[1].guild.id)
        assert not bot.serves_guild(channels[0].guild.id)
        assert _answers(channels[1]) == 1
        assert _answers(channels[0]) == 0  # the process of shard 0 posts it


def test_an_unsharded_bot_serves_every_server(services: Services) -> None:
    bot = make_bot(services, Settings(_env_file=None))  # type: ignore[call-arg]
    assert not isinstance(bot, ShardedNewsBot)
    assert all(bot.serves_guild(guild_id) for guild_id in (1 << 22, 2 << 22, 3 << 22))


def test_the_shard_settings_are_read_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_SHARD_COUNT", "4")
    monkeypatch.setenv("NEWSBOT_SHARD_IDS", "[2, 3]")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (settings.shard_count, settings.shard_ids) == (4, [2, 3])
    monkeypatch.setenv("NEWSBOT_SHARD_IDS", "[3, 4]")
    with pytest.raises(ValidationError, match="from 0 to 3"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("NEWSBOT_SHARD_COUNT", "")  # as .env.example leaves them: unsharded
    monkeypatch.setenv("NEWSBOT_SHARD_IDS", "")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (settings.shard_count, settings.shard_ids) == (None, None)
    monkeypatch.delenv("NEWSBOT_SHARD_COUNT")
    monkeypatch.setenv("NEWSBOT_SHARD_IDS", "[0]")
    with pytest.raises(ValidationError, match="needs NEWSBOT_SHARD_COUNT"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_settings_make_a_bot_on_their_shards(services: Services) -> None:
    settings = Settings(_env_file=None, shard_count=2, shard_ids=[1])  # type: ignore[call-arg]
    bot = make_bot(services, settings)
    assert isinstance(bot, ShardedNewsBot)
    assert (bot.shard_count, bot.shard_ids) == (2, [1])
    assert bot.serves_guild(1 << 22) and not bot.serves_guild(2 << 22)


async def test_a_digest_is_posted_by_the_process_of_its_shard(services: Services) -> None:
    bot = ShardedNewsBot(services, shard_count=2, shard_ids=[1])
    async with simcord.run(bot) as env:
        guilds = {}
        for shard in (0, 1):
            guild = env.create_guild(f"Harbour Daily {shard}", shard_id=shard)
            channel = guild.create_text_channel("digest")
            async with services.sessionmaker.begin() as session:
                await GuildRepository(session).set_digest_channel(
                    guild.id, channel.id, "00:00", "UTC"
                )
            guilds[shard] = guild.id
        now = discord.utils.utcnow()
        poster = cast(DigestPoster, bot.get_cog("DigestPoster"))
        await poster.post_due(now)
        await env.settle()
        async with services.sessionmaker() as session:
            posts = DigestPostRepository(session)
            ours = await posts.get(guilds[1], now.date())
            theirs = await posts.get(guilds[0], now.date())
    assert ours is not None  # this process's server: claimed (a quiet day: skipped)
    assert theirs is None  # the other shard's: not claimed, not failed, left to its process
