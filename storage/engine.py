"""The engine and session factories, and the programmatic Alembic upgrade."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///newsbot.db"
_STORAGE_DIR = Path(__file__).resolve().parent
# A URL option, not a driver one: make_engine turns it into the PostgreSQL search_path.
SCHEMA_URL_OPTION = "search_path"
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def make_engine(url: str, *, schema: str | None = None, **options: Any) -> AsyncEngine:
    """Build an async engine; SQLite gets foreign keys on, PostgreSQL an optional schema.

    A PostgreSQL URL may name its schema with `?search_path=name`; `schema` overrides it.
    Extra keyword options go to SQLAlchemy's create_async_engine (poolclass, echo...).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _create_parent_dir(parsed)
        engine = create_async_engine(parsed, **options)
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
        return engine
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
    """The one session factory; objects stay readable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def upgrade_database(engine_or_url: AsyncEngine | str) -> None:
    """Run the Alembic migrations up to head; safe to call inside a running event loop."""
    if isinstance(engine_or_url, AsyncEngine):
        await _upgrade_with_engine(engine_or_url)
        return
    engine = make_engine(engine_or_url)
    try:
        await _upgrade_with_engine(engine)
    finally:
        await engine.dispose()


def alembic_config() -> Config:
    """The Alembic configuration of the packaged migrations."""
    config = Config(str(_STORAGE_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(_STORAGE_DIR / "migrations"))
    return config


async def _upgrade_with_engine(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade_on_connection)


def _upgrade_on_connection(connection: Connection) -> None:
    config = alembic_config()
    # env.py sees this connection and migrates through it instead of opening its own.
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _create_parent_dir(url: URL) -> None:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite leaves foreign keys off per connection unless asked; ON DELETE CASCADE needs them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
