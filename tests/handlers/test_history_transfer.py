"""`newsbot export` / `newsbot import`: a server's history moves whole, between backends too."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy.pool import NullPool

from bot.cli import main
from handlers.database import export_history, import_history
from handlers.errors import DatabaseNotReady
from handlers.ingest import Origin, ingest_text, record_reply
from handlers.services import Services
from handlers.settings import set_digest, set_min_article_words, set_quiet_day_note
from handlers.watch import watch_channel
from intake.fetch import Fetcher
from intake.policy import FetchPolicy
from intake.session import make_session
from storage.channel_notes import ChannelNoteRepository
from storage.digests import DigestPostRepository
from storage.engine import make_engine, make_sessionmaker, upgrade_database
from storage.models import Base
from storage.read_messages import ReadMessageRepository
from storage.transfer import DERIVED_TABLES, KINDS, history_tables

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NEWSROOM = 7
OTHER_SERVER = 8
POSTED = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=UTC)
Record = dict[str, Any]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A second database, always SQLite: the other end of a move."""
    return f"sqlite+aiosqlite:///{tmp_path / 'other.db'}"


@asynccontextmanager
async def services_on(url: str, nlp: Language) -> AsyncIterator[Services]:
    """Real services on a migrated database at `url`."""
    await upgrade_database(url)
    engine = make_engine(url, poolclass=NullPool)
    policy = FetchPolicy()
    http = make_session(policy)
    try:
        with ThreadPoolExecutor(1) as executor:
            yield Services(
                sessionmaker=make_sessionmaker(engine),
                nlp=nlp,
                fetcher=Fetcher(http, policy),
                executor=executor,
            )
    finally:
        await http.close()
        await engine.dispose()


async def fill_newsroom(url: str, nlp: Language) -> None:
    """A server's history touching every table, and another server's beside it."""
    async with services_on(url, nlp) as services:
        await watch_channel(services, NEWSROOM, 100, POSTED - timedelta(days=3))
        await watch_channel(services, NEWSROOM, 101, POSTED - timedelta(days=2))
        await set_digest(services, NEWSROOM, 200, "18:00", "Europe/London", POSTED)
        await set_quiet_day_note(services, NEWSROOM, True)
        await set_min_article_words(services, NEWSROOM, 150)
        # Two articles quote the same people: records, aliases and speakers are shared.
        for number, seed in enumerate(["port-strike", "harbour-levy", "storm-ingrid"]):
            origin = Origin(
                NEWSROOM,
                100,
                1000 + number,
                50 + number,
                posted_at=POSTED + timedelta(hours=number),
                author_name=f"Reporter {number} “Zoë”",
            )
            result = await ingest_text(services, origin, _seed(seed))
            await record_reply(services, NEWSROOM, result.article.id, 3000 + number, 4000 + number)
        await ingest_text(services, Origin(OTHER_SERVER, 900, 9000, 90), _seed("court-ruling"))
        async with services.sessionmaker.begin() as session:
            digests = DigestPostRepository(session)
            await digests.claim(
                NEWSROOM, date(2026, 3, 2), claimer="bot-1", now=POSTED, stale_after=timedelta(1)
            )
            await digests.mark_posted(
                NEWSROOM,
                date(2026, 3, 2),
                claimer="bot-1",
                now=POSTED,
                channel_id=200,
                message_id=5000,
                articles=3,
            )
            await ReadMessageRepository(session).record(NEWSROOM, 100, 1000, "f" * 64, POSTED)
            await ReadMessageRepository(session).record(OTHER_SERVER, 900, 9000, "e" * 64, POSTED)
            await ChannelNoteRepository(session).claim(NEWSROOM, 100, "short brief", POSTED)


async def export_lines(url: str, guild_id: int = NEWSROOM) -> list[Record]:
    """An export, parsed back line by line."""
    lines: list[str] = []
    await export_history(url, guild_id, lines.append)
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    return [json.loads(line) for line in lines]


def canonical(records: list[Record]) -> list[Record]:
    """The records with every id and reference replaced by the row's place in the file."""
    references = {
        KINDS[table.name]: {
            column.name: KINDS[key.column.table.name]
            for column in table.columns
            for key in column.foreign_keys
        }
        for table in history_tables()
    }
    places: dict[str, dict[int, int]] = {}
    for record in records:
        if record["kind"] in references and record["kind"] != "guild_settings":
            ids = places.setdefault(record["kind"], {})
            ids[record["row"]["id"]] = len(ids)
    result = []
    for record in records:
        kind = record["kind"]
        if kind not in references:
            result.append(record)
            continue
        row = dict(record["row"])
        if kind in places:
            row["id"] = places[kind][row["id"]]
        for column, parent in references[kind].items():
            if row[column] is not None:
                row[column] = places[parent][row[column]]
        result.append({"kind": kind, "row": row})
    return result


def test_every_table_is_exported_or_declared_derived() -> None:
    tables = set(Base.metadata.tables)
    assert tables == set(KINDS) | DERIVED_TABLES
    assert len(set(KINDS.values())) == len(KINDS)


async def test_export_import_export_gives_the_same_history(
    database_url: str, sqlite_url: str, nlp: Language
) -> None:
    # From each backend into an empty SQLite database, and (below) from SQLite into each.
    await fill_newsroom(database_url, nlp)
    first = await export_lines(database_url)

    header, *rows, end = first
    assert header["kind"] == "header" and header["guild_id"] == NEWSROOM
    assert header["format"] == "newsbot-export" and header["version"] == 1
    kinds = {row["kind"] for row in rows}
    assert kinds == set(KINDS.values())  # every table of the history has rows in it
    assert end == {"kind": "end", "rows": {k: sum(r["kind"] == k for r in rows) for k in kinds}}
    assert all(r["row"].get("guild_id", NEWSROOM) == NEWSROOM for r in rows)
    assert [r["row"]["id"] for r in rows if r["kind"] == "guild_settings"] == [NEWSROOM]

    result = await import_history(sqlite_url, [json.dumps(r) for r in first])
    assert result.guild_id == NEWSROOM and result.rows == end["rows"]
    second = await export_lines(sqlite_url)
    assert canonical(second) == canonical(first)
    assert len(await export_lines(sqlite_url, OTHER_SERVER)) == 2  # only what was asked for


async def test_a_newsroom_moves_from_sqlite_to_either_backend(
    database_url: str, sqlite_url: str, nlp: Language
) -> None:
    await fill_newsroom(sqlite_url, nlp)
    # The target already holds another server's history: ids there are taken, so they change.
    await fill_newsroom(database_url, nlp)
    exported = await export_lines(sqlite_url)
    there = await export_lines(database_url)
    await import_history(database_url, [json.dumps(r) for r in exported], as_guild=NEWSROOM + 100)
    moved = await export_lines(database_url, NEWSROOM + 100)
    assert [r["row"]["id"] for r in moved if r["kind"] == "article"] != [
        r["row"]["id"] for r in exported if r["kind"] == "article"
    ]
    renamed = [_renamed_guild(r, NEWSROOM + 100, NEWSROOM) for r in canonical(moved)]
    assert renamed == canonical(exported)
    # The server that was there is untouched.
    assert await export_lines(database_url) == there


async def test_a_server_with_data_is_refused_unless_replaced(
    database_url: str, sqlite_url: str, nlp: Language
) -> None:
    await fill_newsroom(database_url, nlp)
    exported = [json.dumps(r) for r in await export_lines(database_url)]
    with pytest.raises(DatabaseNotReady, match=r"already has data .* --replace"):
        await import_history(database_url, exported)
    before = canonical(await export_lines(database_url))
    await import_history(database_url, exported, replace=True)
    assert canonical(await export_lines(database_url)) == before
    assert len(await export_lines(database_url, OTHER_SERVER)) > 2  # the other server stays


async def test_a_damaged_file_imports_nothing(
    sqlite_url: str, tmp_path: Path, nlp: Language
) -> None:
    source = f"sqlite+aiosqlite:///{tmp_path / 'source.db'}"
    await fill_newsroom(source, nlp)
    lines = [json.dumps(r) for r in await export_lines(source)]
    cut = lines[: len(lines) // 2]
    with pytest.raises(DatabaseNotReady, match="cut short"):
        await import_history(sqlite_url, cut)
    with pytest.raises(DatabaseNotReady, match="line 3 is not JSON"):
        await import_history(sqlite_url, [*lines[:2], "{oops", *lines[2:]])
    dangling = [json.loads(line) for line in lines]
    quote = next(r for r in dangling if r["kind"] == "quote")
    quote["row"]["article_id"] = 10**9
    with pytest.raises(DatabaseNotReady, match="refers to article 1000000000"):
        await import_history(sqlite_url, [json.dumps(r) for r in dangling])
    with pytest.raises(DatabaseNotReady, match="not a newsbot export"):
        await import_history(sqlite_url, lines[1:])
    newer = {**json.loads(lines[0]), "schema_revision": "9999"}
    with pytest.raises(DatabaseNotReady, match="9999"):
        await import_history(sqlite_url, [json.dumps(newer), *lines[1:]])
    assert len(await export_lines(sqlite_url)) == 2  # header and end: nothing was kept


def test_the_commands_write_and_read_a_file(
    tmp_path: Path,
    nlp: Language,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    import asyncio

    source = f"sqlite+aiosqlite:///{tmp_path / 'source.db'}"
    target = f"sqlite+aiosqlite:///{tmp_path / 'target.db'}"
    asyncio.run(fill_newsroom(source, nlp))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", source)
    assert main(["export", str(NEWSROOM)]) == 0
    captured = capsysbinary.readouterr()
    assert b"exported " in captured.err
    (tmp_path / "newsroom.jsonl").write_bytes(captured.out)
    assert main(["export", "12345"]) == 1
    assert b"server 12345 has nothing stored here" in capsysbinary.readouterr().err

    monkeypatch.setenv("NEWSBOT_DATABASE_URL", target)
    assert main(["import", "newsroom.jsonl"]) == 0
    assert f"imported into server {NEWSROOM}: ".encode() in capsysbinary.readouterr().out
    assert main(["import", "newsroom.jsonl"]) == 1
    assert b"--replace" in capsysbinary.readouterr().err
    assert main(["import", "--replace", "newsroom.jsonl"]) == 0
    assert main(["import", "missing.jsonl"]) == 1
    assert b"cannot read missing.jsonl" in capsysbinary.readouterr().err
    exported = [json.loads(line) for line in captured.out.decode("utf-8").splitlines()]
    again = asyncio.run(export_lines(target))
    assert canonical(again) == canonical(exported)


def _renamed_guild(record: Record, old: int, new: int) -> Record:
    """The record as it would be under server `new` instead of `old`."""
    if record["kind"] == "header":
        return {**record, "guild_id": new if record["guild_id"] == old else record["guild_id"]}
    if "row" not in record:
        return record
    row = dict(record["row"])
    for key in ("guild_id", "id") if record["kind"] == "guild_settings" else ("guild_id",):
        if row.get(key) == old:
            row[key] = new
    return {**record, "row": row}


def _seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
