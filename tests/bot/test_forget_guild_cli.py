"""`newsbot forget-guild ID`: a server's data goes at once, another server's stays."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.composition import build_database
from bot.database_cmd import run_forget_guild
from bot.settings import Settings
from storage.guild_data import GuildDataRepository
from storage.guilds import GuildRepository
from storage.models import Base
from tests.bot.conftest import bot_settings


async def _watch(settings: Settings, *guild_ids: int) -> None:
    async with build_database(settings) as sessionmaker, sessionmaker.begin() as session:
        for guild_id in guild_ids:
            await GuildRepository(session).watch(guild_id, 10)
            await GuildRepository(session).set_quiet_day_note(guild_id, True)


async def _rows(settings: Settings, guild_id: int) -> int:
    async with build_database(settings) as sessionmaker, sessionmaker() as session:
        return sum((await GuildDataRepository(session).count(guild_id)).values())


async def test_forget_guild_deletes_at_once_and_prints_rows_per_kind(tmp_path: Path) -> None:
    settings = bot_settings(tmp_path)
    await _watch(settings, 111, 222)
    out, err = io.StringIO(), io.StringIO()

    status = await run_forget_guild(settings, 111, out=out, err=err)

    assert status == 0 and err.getvalue() == ""
    lines = out.getvalue().splitlines()
    assert lines[0] == "forgot server 111: 2 rows deleted"
    printed = dict(line.split() for line in lines[1:])
    assert set(printed) == set(Base.metadata.tables)
    assert (printed["guilds"], printed["watched_channels"], printed["articles"]) == ("1", "1", "0")
    assert await _rows(settings, 111) == 0
    assert await _rows(settings, 222) == 2


async def test_forget_guild_of_a_server_with_nothing_stored_fails_clearly(tmp_path: Path) -> None:
    settings = bot_settings(tmp_path)
    await _watch(settings, 222)
    out, err = io.StringIO(), io.StringIO()
    assert await run_forget_guild(settings, 111, out=out, err=err) == 1
    assert err.getvalue() == "Nothing is stored for server 111.\n" and out.getvalue() == ""
    assert await _rows(settings, 222) == 2


@pytest.mark.parametrize("given", ["abc", "0", "-5", str(1 << 64)])
def test_forget_guild_refuses_what_is_not_a_server_id(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["forget-guild", given])
    assert exited.value.code == 2
    assert "not a Discord server id" in capsys.readouterr().err
