"""`newsbot db upgrade|downgrade|current`, and the start-up check with NEWSBOT_AUTO_MIGRATE."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from bot.cli import main
from bot.composition import build_services
from handlers.errors import DatabaseNotReady
from storage.engine import make_engine
from tests.bot.conftest import bot_settings

HEAD_SHOWN = "(head: what this version needs)"


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The database the commands find in NEWSBOT_DATABASE_URL (and no .env file)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", database_url)
    return database_url


def test_upgrade_downgrade_and_current(configured: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "current"]) == 1
    assert "no revision" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.strip().startswith("no revision -> ")
    assert main(["db", "current"]) == 0
    head = capsys.readouterr().out.split()[0]
    assert main(["db", "upgrade"]) == 0
    assert "nothing to do" in capsys.readouterr().out

    assert main(["db", "downgrade", "0004"]) == 0
    assert capsys.readouterr().out.strip() == f"{head} -> 0004"
    assert main(["db", "current"]) == 1
    shown = capsys.readouterr().out
    assert shown.startswith("0004,") and "newsbot db upgrade" in shown
    assert main(["db", "upgrade", "0005"]) == 0
    assert capsys.readouterr().out.strip() == "0004 -> 0005"
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    assert HEAD_SHOWN in capsys.readouterr().out
    assert main(["db", "downgrade", "base"]) == 0
    assert capsys.readouterr().out.strip() == f"{head} -> no revision (base)"


def test_wrong_revisions_are_refused_with_a_reason(
    configured: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "downgrade", "0003"]) == 1
    assert "nothing to downgrade" in capsys.readouterr().err
    assert main(["db", "upgrade", "0003"]) == 0
    capsys.readouterr()
    assert main(["db", "downgrade", "0099"]) == 1
    assert "no revision '0099'; the revisions are 0001, 0002" in capsys.readouterr().err
    assert main(["db", "downgrade", "0004"]) == 1
    assert "newer than the database's revision 0003" in capsys.readouterr().err
    assert main(["db", "upgrade", "0002"]) == 1
    assert "that is a downgrade" in capsys.readouterr().err


def test_without_auto_migrate_the_bot_refuses_a_database_that_is_behind(
    configured: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSBOT_AUTO_MIGRATE", "false")
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-token")  # never used: the check comes first
    assert main(["db", "upgrade", "0004"]) == 0
    capsys.readouterr()
    assert main(["run"]) == 2
    refused = capsys.readouterr().err
    assert "at revision 0004" in refused and "`newsbot db upgrade`" in refused
    assert main(["db", "current"]) == 1  # the refusal changed nothing
    assert capsys.readouterr().out.startswith("0004,")


async def test_with_auto_migrate_off_a_current_database_starts(
    nlp: Language, tmp_path: Path
) -> None:
    settings = bot_settings(tmp_path).model_copy(update={"auto_migrate": False})
    with pytest.raises(DatabaseNotReady, match="not set up"):
        async with build_services(settings, nlp=nlp):
            pass
    async with build_services(bot_settings(tmp_path), nlp=nlp):  # on by default: upgrades
        pass
    async with build_services(settings, nlp=nlp) as services:
        assert services.sessionmaker is not None


def test_a_database_from_a_newer_version_is_left_alone(
    configured: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0

    async def stamp_newer() -> None:
        engine = make_engine(configured, poolclass=NullPool)
        try:
            async with engine.begin() as connection:
                await connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
        finally:
            await engine.dispose()

    asyncio.run(stamp_newer())
    capsys.readouterr()
    assert main(["db", "current"]) == 1
    assert capsys.readouterr().out.startswith("0999, not this version's head")
    for command in (["db", "upgrade"], ["db", "downgrade", "0004"]):
        assert main(command) == 1
        assert "a newer version upgraded it" in capsys.readouterr().err
