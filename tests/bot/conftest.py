"""The real bot against simcord's simulated Discord, on a throw-away SQLite database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import discord
import pytest
import simcord
from spacy.language import Language

from bot.client import NewsBot
from bot.composition import build_services
from bot.settings import Settings
from handlers.services import Services

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass
class Newsroom:
    """A simulated server with a watched channel, an editor and a reporter."""

    env: simcord.Env
    bot: NewsBot
    guild: simcord.GuildHandle
    channel: simcord.ChannelHandle
    editor: simcord.MemberActor
    reporter: simcord.MemberActor
    after: int  # id of the last message of the set-up; tests look at what came later

    def bot_messages(self, channel: simcord.ChannelHandle | None = None) -> list[discord.Message]:
        """Every message the bot sent after set-up in a channel and the threads under it."""
        root = channel or self.channel
        found = [m for h in [root, *root.threads] for m in h.history() if m.id > self.after]
        bot_id = self.bot.user.id if self.bot.user else 0
        return sorted((m for m in found if m.author.id == bot_id), key=lambda m: m.id)


def seed_text(slug: str) -> str:
    """A seed article as a reporter would paste it."""
    return (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")


def bot_settings(tmp_path: Path) -> Settings:
    """Settings for a test: a temp database, loopback allowed for the test's page server."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        fetch_allow_loopback=True,
        fetch_timeout_seconds=5,
    )


@pytest.fixture
async def services(nlp: Language, tmp_path: Path) -> AsyncIterator[Services]:
    """Real services on a temporary SQLite database."""
    async with build_services(bot_settings(tmp_path), nlp=nlp) as built:
        yield built


@pytest.fixture
def simcord_bot(services: Services) -> NewsBot:
    """The bot simcord's `simcord_env` fixture runs: the real one, unmodified."""
    return NewsBot(services)


@pytest.fixture
async def newsroom(simcord_env: simcord.Env, simcord_bot: NewsBot) -> Newsroom:
    """The real bot running in a simulated server, #newsroom already watched."""
    env = simcord_env
    guild = env.create_guild("Harbour Daily")
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = guild.add_member(env.create_user("editor"), roles=[editors])
    reporter = guild.add_member(env.create_user("reporter"))
    channel = guild.create_text_channel("newsroom")
    await simcord_bot.tree.sync()
    result = await editor.slash(channel, "watch")
    assert result.response is not None and "Watching" in result.response.content
    return Newsroom(env, simcord_bot, guild, channel, editor, reporter, result.response.id)
