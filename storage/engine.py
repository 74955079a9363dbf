"""The engine and session factories, and the programmatic Alembic upgrade, downgrade and
revision check."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.ext.asyncio.session import _AsyncSessionContextManager
from sqlalchemy.pool import NullPool

from storage.errors import DatabaseNotCurrentError
from storage.models import Base

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///newsbot.db"
_STORAGE_DIR = Path(__file__).resolve().parent
# A URL option, not a driver one: make_engine turns it into the PostgreSQL search_path.
SCHEMA_URL_OPTION = "search_path"
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# How long a SQLite connection waits for another process's write lock before "database is
# locked"; writers of this process take turns (make_sessionmaker) and never wait on each other.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str, *, schema: str | None = None, **options: Any) -> AsyncEngine:
    """Build an async engine: SQLite in WAL mode with foreign keys on and a busy timeout;
    PostgreSQL with connections checked before use (pool_pre_ping) and an optional schema.

    A PostgreSQL URL may name its schema with `?search_path=name`; `schema` overrides it.
    Extra keyword options go to SQLAlchemy's create_async_engine (poolclass, echo...).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _create_parent_dir(parsed)
        engine = create_async_engine(parsed, **options)
        event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
        return engine
    # A connection the server or a restart dropped is replaced, not handed to the next message.
    options.setdefault("pool_pre_ping", True)
    schema = schema or parsed.query.get(SCHEMA_URL_OPTION)  # type: ignore[assignment]
    parsed = parsed.difference_update_query([SCHEMA_URL_OPTION])
    if schema:
        if not _SCHEMA_NAME.match(schema):
            raise ValueError(f"not a plain schema name: {schema!r}")
        connect_args = dict(options.pop("connect_args", {}))
        server_settings = dict(connect_args.get("server_settings", {}))
        server_settings["search_path"] = schema
        connect_args["server_settings"] = server_settings
        options["connect_args"] = connect_args
    return create_async_engine(parsed, **options)


# What the layers above hold to open units of work: `async with factory.begin() as session:`.
SessionFactory = async_sessionmaker[AsyncSession]


def make_sessionmaker(engine: AsyncEngine) -> SessionFactory:
    """The one session factory; objects stay readable after commit. On SQLite its units of
    work take turns."""
    if engine.dialect.name == "sqlite":
        return _TurnTakingSessionmaker(engine, expire_on_commit=False)
    return async_sessionmaker(engine, expire_on_commit=False)


class _TurnTakingSessionmaker(async_sessionmaker[AsyncSession]):
    """SQLite has one writer at a time, and a transaction that read before it writes fails at
    once ("database is locked") when another holds the write lock, whatever the busy timeout.
    So units of work opened with `begin()` run one at a time, waiting on an asyncio lock (the
    event loop stays free) instead of inside SQLite. Units of work are short: analysis runs
    outside them."""

    def __init__(self, engine: AsyncEngine, **options: Any) -> None:
        super().__init__(engine, **options)
        self._turn = asyncio.Lock()

    def begin(self) -> _AsyncSessionContextManager[AsyncSession]:
        """A session in a transaction, once every earlier unit of work has finished."""
        return _UnitOfWorkInTurn(self(), self._turn)


class _UnitOfWorkInTurn(_AsyncSessionContextManager[AsyncSession]):
    # SQLAlchemy's own context manager for sessionmaker.begin() (SQLAlchemy is pinned <2.1),
    # holding the turn from before the transaction begins until after it has ended.
    __slots__ = ("turn",)

    def __init__(self, session: AsyncSession, turn: asyncio.Lock) -> None:
        super().__init__(session)
        self.turn = turn

    async def __aenter__(self) -> AsyncSession:
        await self.turn.acquire()
        try:
            return await super().__aenter__()
        except BaseException:
            self.turn.release()
            raise

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        try:
            await super().__aexit__(type_, value, traceback)
        finally:
            self.turn.release()


async def upgrade_database(engine_or_url: AsyncEngine | str, revision: str = "head") -> None:
    """Run the Alembic migrations up to `revision` (head by default); safe to call inside a
    running event loop."""
    await _migrate(engine_or_url, command.upgrade, revision)


async def downgrade_database(engine_or_url: AsyncEngine | str, revision: str) -> None:
    """Run the Alembic migrations down to `revision` ("base" for an empty database)."""
    await _migrate(engine_or_url, command.downgrade, revision)


async def database_revision(engine_or_url: AsyncEngine | str) -> str | None:
    """The revision the database is at; None for a database no migration has touched."""
    if isinstance(engine_or_url, AsyncEngine):
        return await _revision_with_engine(engine_or_url)
    engine = make_engine(engine_or_url)
    try:
        return await _revision_with_engine(engine)
    finally:
        await engine.dispose()


async def require_current_database(engine: AsyncEngine) -> None:
    """Raise DatabaseNotCurrentError unless the database is at the code's head revision."""
    revision = await database_revision(engine)
    head = head_revision()
    if revision != head:
        raise DatabaseNotCurrentError(revision, head)


def head_revision() -> str:
    """The newest revision of the packaged migrations: what this code needs."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the migrations are linear and never empty
    return head


def revision_order() -> list[str]:
    """Every packaged revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


async def create_schema(url: str, schema: str) -> None:
    """Create a PostgreSQL schema (a benchmark's or a test's own)."""
    await _execute_once(url, f'CREATE SCHEMA "{_plain_schema(schema)}"')


async def drop_schema(url: str, schema: str) -> None:
    """Drop a PostgreSQL schema with everything in it."""
    await _execute_once(url, f'DROP SCHEMA "{_plain_schema(schema)}" CASCADE')


async def analyze_database(engine: AsyncEngine) -> None:
    """Refresh the planner's statistics (ANALYZE), as a long-lived database has them."""
    if engine.dialect.name != "postgresql":
        async with engine.begin() as connection:
            await connection.execute(text("ANALYZE"))
        return
    # VACUUM too, as autovacuum does in time: its visibility map lets an index-only scan
    # (a record's quote count) skip the table. Our tables only (the schema's, not the whole
    # database's), outside a transaction as VACUUM must be.
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    async with engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text(f"VACUUM ANALYZE {tables}"))


def _plain_schema(schema: str) -> str:
    if not _SCHEMA_NAME.match(schema):
        raise ValueError(f"not a plain schema name: {schema!r}")
    return schema


async def _execute_once(url: str, statement: str) -> None:
    engine = make_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


def alembic_config() -> Config:
    """The Alembic configuration of the packaged migrations."""
    config = Config(str(_STORAGE_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(_STORAGE_DIR / "migrations"))
    return config


async def _migrate(
    engine_or_url: AsyncEngine | str, step: Callable[[Config, str], None], revision: str
) -> None:
    engine = engine_or_url if isinstance(engine_or_url, AsyncEngine) else make_engine(engine_or_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_migrate_on_connection, step, revision)
    finally:
        if engine is not engine_or_url:
            await engine.dispose()


def _migrate_on_connection(
    connection: Connection, step: Callable[[Config, str], None], revision: str
) -> None:
    config = alembic_config()
    # env.py sees this connection and migrates through it instead of opening its own.
    config.attributes["connection"] = connection
    step(config, revision)


async def _revision_with_engine(engine: AsyncEngine) -> str | None:
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


def _create_parent_dir(url: URL) -> None:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # SQLite leaves foreign keys off per connection unless asked; ON DELETE CASCADE needs them.
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead logging: readers never block the writer, nor the writer them.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()
