"""The database settings reach the engine: PostgreSQL's pool sizes, none forced on SQLite."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.pool import QueuePool

from bot.composition import engine_for
from bot.settings import Settings


async def test_the_pool_settings_size_a_postgresql_engine() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url="postgresql+asyncpg://newsbot@127.0.0.1:5432/newsbot",
        database_pool_size=3,
        database_max_overflow=7,
    )
    engine = engine_for(settings)  # no connection is opened until a query
    try:
        pool = engine.sync_engine.pool
        assert isinstance(pool, QueuePool)
        assert (pool.size(), pool._max_overflow) == (3, 7)
        assert pool._pre_ping
    finally:
        await engine.dispose()


async def test_sqlite_keeps_its_own_pool(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        database_pool_size=3,
    )
    engine = engine_for(settings)
    try:
        assert engine.sync_engine.pool.size() != 3  # type: ignore[attr-defined]
    finally:
        await engine.dispose()
