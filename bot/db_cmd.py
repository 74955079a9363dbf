"""`newsbot db upgrade|downgrade|current`, `newsbot export` and `newsbot import`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.settings import Settings
from handlers.database import (
    DatabaseState,
    TransferResult,
    database_state,
    downgrade,
    export_history,
    import_history,
    upgrade,
)
from handlers.errors import DatabaseNotReady

STDIN = "-"


async def run_db(
    settings: Settings, action: str, revision: str | None, *, out: TextIO | None = None
) -> int:
    """Upgrade, downgrade or show the database's revision; 1 on failure or, for `current`,
    when the database is not at this version's revision."""
    out = out or sys.stdout
    url = settings.database_url
    try:
        if action == "upgrade":
            before = await database_state(url)
            after = await upgrade(url, revision or "head")
            print(_moved(before, after), file=out)
            return 0
        if action == "downgrade":
            assert revision is not None
            before = await database_state(url)
            after = await downgrade(url, revision)
            print(_moved(before, after), file=out)
            return 0
        state = await database_state(url)
    except DatabaseNotReady as error:
        print(f"newsbot db {action}: {error.message}", file=sys.stderr)
        return 1
    print(describe_state(state), file=out)
    return 0 if state.current else 1


def describe_state(state: DatabaseState) -> str:
    """One line saying where the database's schema is against the code's."""
    if state.current:
        return f"{state.revision} (head: what this version needs)"
    if state.revision is None:
        return (
            f"no revision: the database has no newsbot tables yet; `newsbot db upgrade`"
            f" creates them (head is {state.head})"
        )
    return (
        f"{state.revision}, not this version's head {state.head}: run `newsbot db upgrade`"
        " (or, for a database newer than the code, upgrade newsbot)"
    )


async def run_export(settings: Settings, guild_id: int, *, out: BinaryIO | None = None) -> int:
    """Write a server's history to standard output as JSON lines; 1 if it has none here."""
    stream = out or sys.stdout.buffer
    try:
        result = await export_history(
            settings.database_url, guild_id, lambda line: stream.write(line.encode("utf-8"))
        )
    except DatabaseNotReady as error:
        print(f"newsbot export: {error.message}", file=sys.stderr)
        return 1
    stream.flush()
    print(f"exported {_rows(result)}", file=sys.stderr)
    if not any(result.rows.values()):
        print(f"newsbot export: server {guild_id} has nothing stored here", file=sys.stderr)
        return 1
    return 0


async def run_import(
    settings: Settings,
    path: str,
    *,
    replace: bool = False,
    as_guild: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Read an export file (or standard input, `-`) into the configured database."""
    out = out or sys.stdout
    try:
        if path == STDIN:
            result = await _import_from(settings, sys.stdin, replace, as_guild)
        else:
            # A command of its own: nothing else runs on this loop for the reads to hold up.
            with Path(path).open(encoding="utf-8") as lines:  # noqa: ASYNC230
                result = await _import_from(settings, lines, replace, as_guild)
    except OSError as error:
        print(f"newsbot import: cannot read {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    except DatabaseNotReady as error:
        print(f"newsbot import: {error.message}", file=sys.stderr)
        return 1
    print(f"imported into server {result.guild_id}: {_rows(result)}", file=out)
    return 0


async def _import_from(
    settings: Settings, lines: TextIO, replace: bool, as_guild: int | None
) -> TransferResult:
    return await import_history(
        settings.database_url,
        lines,
        replace=replace,
        as_guild=as_guild,
        upgrade_first=settings.auto_migrate,
    )


def _moved(before: DatabaseState, after: DatabaseState) -> str:
    if before.revision == after.revision:
        return f"already at {after.revision or 'no revision'}; nothing to do"
    return f"{before.revision or 'no revision'} -> {after.revision or 'no revision (base)'}"


def _rows(result: TransferResult) -> str:
    counts = ", ".join(f"{count} {kind}" for kind, count in result.rows.items() if count)
    return f"{counts or 'no rows'} (schema revision {result.schema_revision})"
