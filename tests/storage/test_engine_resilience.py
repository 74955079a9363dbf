"""The engine factory's defences: SQLite in WAL with a busy timeout, taking turns; PostgreSQL
connections checked before use."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine, make_sessionmaker


async def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    try:
        async with engine.connect() as connection:
            mode = (await connection.execute(text("PRAGMA journal_mode"))).scalar()
            timeout = (await connection.execute(text("PRAGMA busy_timeout"))).scalar()
    finally:
        await engine.dispose()
    assert (mode, timeout) == ("wal", SQLITE_BUSY_TIMEOUT_MS)


async def test_sqlite_units_of_work_take_turns(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    factory = make_sessionmaker(engine)
    inside = 0
    most_inside = 0

    async def unit_of_work() -> None:
        nonlocal inside, most_inside
        async with factory.begin() as session:
            inside += 1
            most_inside = max(most_inside, inside)
            await session.execute(text("SELECT 1"))
            await asyncio.sleep(0.001)
            inside -= 1

    try:
        await asyncio.gather(*(unit_of_work() for _ in range(20)))
    finally:
        await engine.dispose()
    assert most_inside == 1


async def test_a_failed_unit_of_work_gives_the_turn_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    factory = make_sessionmaker(engine)
    try:
        with pytest.raises(RuntimeError):
            async with factory.begin():
                raise RuntimeError("boom")
        async with factory.begin() as session:  # would wait for ever if the turn were kept
            assert (await session.execute(text("SELECT 1"))).scalar() == 1
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_a_postgres_connection_killed_on_the_server_is_replaced(
    postgres_server_url: str,
) -> None:
    engine = make_engine(postgres_server_url, pool_size=1, max_overflow=0)
    try:
        async with engine.connect() as connection:
            pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar()
        killer = make_engine(postgres_server_url)
        async with killer.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await killer.dispose()
        # The pool's one connection is dead; without pre-ping this query would fail.
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT 1"))).scalar() == 1
    finally:
        await engine.dispose()
