"""Migration 0006 (servers the bot left) runs down and up again on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from storage.engine import alembic_config, make_engine, upgrade_database


def _migrate(connection: Connection, direction: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, direction)(config, revision)


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_guild_departures_go_down_to_0005_and_come_back(database_url: str) -> None:
    engine = make_engine(database_url, poolclass=NullPool)
    try:
        await upgrade_database(engine)
        async with engine.begin() as connection:
            assert "guild_departures" in await connection.run_sync(_tables)
            await connection.run_sync(_migrate, "downgrade", "0005")
            assert "guild_departures" not in await connection.run_sync(_tables)
            assert "read_messages" in await connection.run_sync(_tables)
            await connection.run_sync(_migrate, "upgrade", "0006")
            assert "guild_departures" in await connection.run_sync(_tables)
    finally:
        await engine.dispose()
