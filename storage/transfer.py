"""A server's whole history out of one database and into another, as plain records.

An export is a header record, one record per row of every table a server's data lives in
(`{"kind": "quote", "row": {column: value}}`, values as JSON has them, timestamps and dates in
ISO 8601), and an end record with the counts. An import
inserts them in the same order with new ids, rewriting every reference through the ids it
has given, so the history can move between databases and backends (SQLite to PostgreSQL).
Both work from the tables' own definitions: a column added to a table travels with it, and
a new table must be given a kind below (a test checks every table has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from alembic.migration import MigrationContext
from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    DateTime,
    Table,
    delete,
    exists,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.types import TypeDecorator

from storage.engine import make_engine, revision_order
from storage.models import Base

FORMAT = "newsbot-export"
FORMAT_VERSION = 1
HEADER_KIND = "header"
END_KIND = "end"
# The kind of record each table's rows become in an export.
KINDS: dict[str, str] = {
    "guilds": "guild_settings",
    "watched_channels": "watched_channel",
    "articles": "article",
    "entities": "entity",
    "quotes": "quote",
    "entity_records": "entity_record",
    "entity_record_aliases": "entity_record_alias",
    "quote_speakers": "quote_speaker",
    "digest_posts": "digest_post",
    "read_messages": "read_message",
    "channel_notes": "channel_note",
    "article_sentences": "sentence",
}
# Tables an export leaves out: rows rebuilt from the others (wording fingerprints are made again
# the first time the server's articles are compared), or this bot's own membership state (when
# it left a server), which means nothing to the database a newsroom moves to.
DERIVED_TABLES: frozenset[str] = frozenset(
    {"article_fingerprints", "article_bands", "guild_departures"}
)
# Columns copied from another table (quote_speakers.posted_at is its quote's article's
# posted_at): not written, and made again on import from the rows they copy, so a file from
# before the copy existed imports the same as one from after.
DERIVED_COLUMNS: dict[str, frozenset[str]] = {"quote_speakers": frozenset({"posted_at"})}
INSERT_BATCH = 500
Record = dict[str, Any]


class TransferError(Exception):
    """An export file that cannot be imported here, with what is wrong and what to do."""


@dataclass
class TransferSummary:
    """What an export wrote or an import read: the server, its schema revision, rows by kind."""

    guild_id: int
    schema_revision: str | None
    rows: dict[str, int] = field(default_factory=dict)


def history_tables() -> list[Table]:
    """The tables of a server's history, each after every table it refers to."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if table.name in KINDS and table.name not in DERIVED_TABLES
    ]


async def export_guild(
    engine_or_url: AsyncEngine | str, guild_id: int, write: Callable[[Record], object]
) -> TransferSummary:
    """Pass every record of a server's history to `write`, header first, end last; one
    consistent snapshot of the database."""
    engine = engine_or_url if isinstance(engine_or_url, AsyncEngine) else make_engine(engine_or_url)
    try:
        async with engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                # Every table read from one snapshot, though the bot writes while it runs.
                await connection.execution_options(isolation_level="REPEATABLE READ")
            revision = await connection.run_sync(_revision_of)
            summary = TransferSummary(guild_id, revision)
            write(
                {
                    "kind": HEADER_KIND,
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "schema_revision": revision,
                    "guild_id": guild_id,
                }
            )
            for table in history_tables():
                kind = KINDS[table.name]
                columns = _data_columns(table)
                statement = (
                    select(*columns).where(_in_guild(table, guild_id)).order_by(*table.primary_key)
                )
                count = 0
                async for row in await connection.stream(statement):
                    values = zip(columns, row, strict=True)
                    write({"kind": kind, "row": {c.name: _encode(v) for c, v in values}})
                    count += 1
                summary.rows[kind] = count
            write({"kind": END_KIND, "rows": summary.rows})
    finally:
        if engine is not engine_or_url:
            await engine.dispose()
    return summary


async def import_guild(
    engine_or_url: AsyncEngine | str,
    records: Iterable[Record],
    *,
    replace: bool = False,
    as_guild: int | None = None,
) -> TransferSummary:
    """Insert an export's records with new ids, in one transaction; the server must have no
    data here unless `replace`, which deletes what it has first. `as_guild` imports the
    history under another server's id."""
    engine = engine_or_url if isinstance(engine_or_url, AsyncEngine) else make_engine(engine_or_url)
    try:
        async with engine.begin() as connection:
            return await _Importer(connection, replace=replace, as_guild=as_guild).run(records)
    finally:
        if engine is not engine_or_url:
            await engine.dispose()


async def guild_row_counts(connection: AsyncConnection, guild_id: int) -> dict[str, int]:
    """How many rows each kind has for a server (kinds with none left out)."""
    counts: dict[str, int] = {}
    for table in history_tables():
        statement = select(func.count()).select_from(table).where(_in_guild(table, guild_id))
        count = (await connection.execute(statement)).scalar_one()
        if count:
            counts[KINDS[table.name]] = count
    return counts


class _Importer:
    """One import: reads records in order, inserts them in batches, maps old ids to new."""

    def __init__(self, connection: AsyncConnection, *, replace: bool, as_guild: int | None) -> None:
        self._connection = connection
        self._replace = replace
        self._as_guild = as_guild
        self._tables = {KINDS[t.name]: t for t in history_tables()}
        self._new_ids: dict[str, dict[int, int]] = {t.name: {} for t in history_tables()}
        self._pending: list[tuple[int | None, Record]] = []
        self._pending_table: Table | None = None
        self._seen_kinds: list[str] = []
        self._summary: TransferSummary | None = None
        self._source_guild = 0
        # What the derived columns are made from: new article id -> posted_at, and new quote
        # id -> new article id.
        self._article_posted: dict[int, datetime] = {}
        self._quote_article: dict[int, int] = {}

    async def run(self, records: Iterable[Record]) -> TransferSummary:
        ended = False
        for line, record in enumerate(records, start=1):
            if not isinstance(record, dict) or "kind" not in record:
                raise TransferError(f"line {line}: not a record of a newsbot export")
            if ended:
                raise TransferError(f"line {line}: records after the end record")
            if self._summary is None:
                self._summary = await self._start(line, record)
            elif record["kind"] == END_KIND:
                await self._flush()
                self._check_end(line, record)
                ended = True
            else:
                await self._add(line, record)
        if self._summary is None:
            raise TransferError("the file is empty: not a newsbot export")
        if not ended:
            raise TransferError("the file ends before its end record: it was cut short")
        return self._summary

    async def _start(self, line: int, header: Record) -> TransferSummary:
        if header.get("kind") != HEADER_KIND or header.get("format") != FORMAT:
            raise TransferError(f"line {line}: not a newsbot export (no header)")
        if header.get("version") != FORMAT_VERSION:
            raise TransferError(
                f"export format version {header.get('version')}; this newsbot reads"
                f" version {FORMAT_VERSION}"
            )
        source_guild = header.get("guild_id")
        if not isinstance(source_guild, int):
            raise TransferError(f"line {line}: the header names no server")
        await self._check_revision(header.get("schema_revision"))
        guild_id = source_guild if self._as_guild is None else self._as_guild
        self._source_guild = source_guild
        existing = await guild_row_counts(self._connection, guild_id)
        if existing and not self._replace:
            held = ", ".join(f"{count} {kind}" for kind, count in existing.items())
            raise TransferError(
                f"server {guild_id} already has data in this database ({held}); nothing was"
                " imported. Import with --replace to delete that data first and put the"
                " file's in its place"
            )
        if existing:
            await self._delete_guild(guild_id)
        return TransferSummary(guild_id, header.get("schema_revision"))

    async def _check_revision(self, revision: object) -> None:
        known = revision_order()
        here = await self._connection.run_sync(_revision_of)
        if not isinstance(revision, str) or revision not in known:
            raise TransferError(
                f"the file was made at schema revision {revision!r}, which this newsbot does"
                " not know: import it with the newsbot version that exported it, or a newer one"
            )
        if here is None or known.index(revision) > known.index(here):
            raise TransferError(
                f"the file was made at schema revision {revision}, newer than this database"
                f" ({here}): run `newsbot db upgrade` first"
            )

    async def _delete_guild(self, guild_id: int) -> None:
        # Children first, so no reference is left dangling whatever the foreign keys say.
        for table in reversed(history_tables()):
            await self._connection.execute(delete(table).where(_in_guild(table, guild_id)))

    async def _add(self, line: int, record: Record) -> None:
        kind = record["kind"]
        table = self._tables.get(kind)
        if table is None:
            raise TransferError(f"line {line}: unknown kind of record {kind!r}")
        if table is not self._pending_table:
            await self._flush()
            if kind in self._seen_kinds:
                raise TransferError(f"line {line}: {kind} records must come together")
            self._seen_kinds.append(kind)
            self._pending_table = table
        row = record.get("row")
        if not isinstance(row, dict):
            raise TransferError(f"line {line}: {kind} record without its row")
        values = self._row_values(line, table, kind, row)
        old_id = row.get("id") if _has_own_ids(table) else None
        self._pending.append((old_id, values))
        if len(self._pending) >= INSERT_BATCH:
            await self._flush()

    def _row_values(self, line: int, table: Table, kind: str, row: Record) -> Record:
        values: Record = {}
        for name, raw in row.items():
            if name == "id" and _has_own_ids(table):
                continue
            column = table.c.get(name)
            if column is None or column.computed is not None:
                raise TransferError(f"line {line}: {kind} has a column {name!r} unknown here")
            value = _decode(column, raw)
            if name == "guild_id" or (table.name == "guilds" and name == "id"):
                if value != self._source_guild:
                    raise TransferError(f"line {line}: {kind} of another server ({value})")
                value = self._summary_guild()
            for key in column.foreign_keys:
                parent = key.column.table.name
                if value is not None:
                    mapped = self._new_ids[parent].get(value)
                    if mapped is None:
                        raise TransferError(
                            f"line {line}: {kind} refers to {KINDS[parent]} {value},"
                            " not in the file before it"
                        )
                    value = mapped
            values[name] = value
        return self._with_derived(table, values)

    def _with_derived(self, table: Table, values: Record) -> Record:
        derived = DERIVED_COLUMNS.get(table.name, frozenset())
        values = {name: value for name, value in values.items() if name not in derived}
        if table.name == "quote_speakers":
            article_id = self._quote_article[values["quote_id"]]
            values["posted_at"] = self._article_posted[article_id]
        return values

    def _summary_guild(self) -> int:
        assert self._summary is not None
        return self._summary.guild_id

    async def _flush(self) -> None:
        table = self._pending_table
        if table is None or not self._pending:
            return
        rows = [values for _, values in self._pending]
        if _has_own_ids(table):
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            new_ids = (await self._connection.execute(statement, rows)).scalars().all()
            mapping = self._new_ids[table.name]
            for (old, values), new in zip(self._pending, new_ids, strict=True):
                if old is not None:
                    mapping[old] = new
                self._remember(table, new, values)
        else:
            await self._connection.execute(insert(table), rows)
        assert self._summary is not None
        kind = KINDS[table.name]
        self._summary.rows[kind] = self._summary.rows.get(kind, 0) + len(rows)
        self._pending = []

    def _remember(self, table: Table, new_id: int, values: Record) -> None:
        """Keep what later rows' derived columns are made from."""
        if table.name == "articles":
            self._article_posted[new_id] = values["posted_at"]
        elif table.name == "quotes":
            self._quote_article[new_id] = values["article_id"]

    def _check_end(self, line: int, end: Record) -> None:
        assert self._summary is not None
        expected = {kind: count for kind, count in (end.get("rows") or {}).items() if count}
        if expected != self._summary.rows:
            raise TransferError(
                f"line {line}: the end record counts {expected}, the file holds"
                f" {self._summary.rows}: the file is damaged"
            )


def _data_columns(table: Table) -> list[Column[Any]]:
    # A generated column (a search vector) is the database's to fill, a derived one the import's.
    derived = DERIVED_COLUMNS.get(table.name, frozenset())
    return [c for c in table.columns if c.computed is None and c.name not in derived]


def _has_own_ids(table: Table) -> bool:
    key = list(table.primary_key.columns)
    return len(key) == 1 and key[0].name == "id" and key[0].autoincrement is not False


def _in_guild(table: Table, guild_id: int) -> ColumnElement[bool]:
    """The rows of `table` that belong to the server, directly or through their parent."""
    if table.name == "guilds":
        return table.c.id == guild_id
    if "guild_id" in table.c:
        return table.c.guild_id == guild_id
    for column in table.columns:
        for key in column.foreign_keys:
            parent = key.column.table
            if not column.nullable and parent.name in KINDS:
                return exists().where(key.column == column, _in_guild(parent, guild_id))
    raise AssertionError(f"{table.name} is not tied to a server")


def _revision_of(connection: Connection) -> str | None:
    revision = MigrationContext.configure(connection).get_current_revision()
    return revision if isinstance(revision, str) else None


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode(column: Column[Any], value: Any) -> Any:
    if not isinstance(value, str):
        return value
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value
