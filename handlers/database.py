"""Operating the database: migrations up and down, its revision, a server's export and import."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from handlers.errors import DatabaseNotReady
from storage.engine import (
    database_revision,
    downgrade_database,
    head_revision,
    make_engine,
    require_current_database,
    revision_order,
    upgrade_database,
)
from storage.errors import DatabaseNotCurrentError
from storage.transfer import TransferError, export_guild, import_guild

BASE_REVISION = "base"  # Alembic's name for "before the first migration"


@dataclass(frozen=True)
class DatabaseState:
    """Where a database's schema is, against what this version of the code needs."""

    revision: str | None
    head: str

    @property
    def current(self) -> bool:
        """Whether the database is at the code's head revision."""
        return self.revision == self.head


@dataclass(frozen=True)
class TransferResult:
    """A finished export or import: the server, the file's schema revision, rows by kind."""

    guild_id: int
    schema_revision: str | None
    rows: dict[str, int]


async def database_state(url: str) -> DatabaseState:
    """The database's revision and the code's."""
    return DatabaseState(await database_revision(url), head_revision())


async def upgrade(url: str, revision: str = "head") -> DatabaseState:
    """Migrate the database up to `revision` (the code's head by default)."""
    state = await database_state(url)
    _check_database_known(state)
    if revision != "head":
        _check_known(revision)
        if _order(revision) < _order(state.revision):
            raise DatabaseNotReady(
                f"{revision} is older than the database's revision {state.revision}:"
                " that is a downgrade (`newsbot db downgrade`)"
            )
    await upgrade_database(url, revision)
    return await database_state(url)


async def downgrade(url: str, revision: str) -> DatabaseState:
    """Migrate the database down to `revision` ("base" removes every table)."""
    _check_known(revision)
    state = await database_state(url)
    if state.revision is None:
        raise DatabaseNotReady("the database has no revision: there is nothing to downgrade")
    _check_database_known(state)
    if _order(revision) > _order(state.revision):
        raise DatabaseNotReady(
            f"{revision} is newer than the database's revision {state.revision}:"
            " that is an upgrade (`newsbot db upgrade`)"
        )
    await downgrade_database(url, revision)
    return await database_state(url)


async def export_history(url: str, guild_id: int, write: Callable[[str], object]) -> TransferResult:
    """Write a server's whole history as JSON lines, one line per call of `write`."""
    engine = make_engine(url)
    try:
        await require_current(engine)
        summary = await export_guild(engine, guild_id, lambda record: write(_json_line(record)))
    finally:
        await engine.dispose()
    return TransferResult(summary.guild_id, summary.schema_revision, summary.rows)


async def import_history(
    url: str,
    lines: Iterable[str],
    *,
    replace: bool = False,
    as_guild: int | None = None,
    upgrade_first: bool = True,
) -> TransferResult:
    """Read an export's JSON lines into the database, in one transaction (nothing is kept of
    a file that fails part-way); the database is upgraded first unless told not to."""
    engine = make_engine(url)
    try:
        if upgrade_first:
            await upgrade_database(engine)
        else:
            await require_current(engine)
        try:
            summary = await import_guild(
                engine, _records(lines), replace=replace, as_guild=as_guild
            )
        except TransferError as error:
            raise DatabaseNotReady(str(error)) from None
    finally:
        await engine.dispose()
    return TransferResult(summary.guild_id, summary.schema_revision, summary.rows)


async def require_current(engine: Any) -> None:
    """Raise DatabaseNotReady unless the database (an engine) is at the code's revision."""
    try:
        await require_current_database(engine)
    except DatabaseNotCurrentError as error:
        raise DatabaseNotReady(str(error)) from None


def _records(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DatabaseNotReady(f"line {number} is not JSON ({error.msg})") from None
        yield record


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _check_known(revision: str) -> None:
    known = revision_order()
    if revision != BASE_REVISION and revision not in known:
        raise DatabaseNotReady(
            f"no revision {revision!r}; the revisions are {', '.join(known)} (or {BASE_REVISION})"
        )


def _order(revision: str | None) -> int:
    # base (or no revision at all) comes before the first migration.
    if revision is None or revision == BASE_REVISION:
        return -1
    return revision_order().index(revision)


def _check_database_known(state: DatabaseState) -> None:
    if state.revision is not None and state.revision not in revision_order():
        raise DatabaseNotReady(
            f"the database is at revision {state.revision}, which this version of newsbot does"
            " not know: a newer version upgraded it. Use that version (its `newsbot db"
            " downgrade` can bring the database back to this one's revision)"
        )
