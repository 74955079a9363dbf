"""Database fixtures shared by every test directory: each test gets its own migrated database.

`database_url` runs a test twice, on SQLite (a temporary file) and on PostgreSQL (a fresh
schema in NEWSBOT_TEST_POSTGRES_URL's database, dropped afterwards, so parallel runs never
meet). The fixtures are synchronous and do their async set-up on a private event loop in a
helper thread, so they work whatever event loop the test itself runs in.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from spacy.language import Language
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import NullPool

from analysis.nlp import load_pipeline
from storage.engine import SCHEMA_URL_OPTION, make_engine, make_sessionmaker, upgrade_database

POSTGRES_URL_ENV = "NEWSBOT_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "NEWSBOT_REQUIRE_POSTGRES"
DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
CONNECT_TIMEOUT_SECONDS = 5.0

T = TypeVar("T")


def run_on_private_loop(make_coroutine: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion on a fresh event loop in a helper thread."""

    async def main() -> T:
        return await make_coroutine()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


async def _execute_on_server(url: str, statement: str) -> None:
    engine = make_engine(url, poolclass=NullPool, connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})
    try:
        async with engine.begin() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The test PostgreSQL server's URL; skips (or fails, if required) when it cannot be reached."""
    url = os.environ.get(POSTGRES_URL_ENV, DEFAULT_POSTGRES_URL)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        run_on_private_loop(lambda: _execute_on_server(url, "SELECT 1"))
    except Exception as error:  # any failure to connect means the same thing here
        message = f"PostgreSQL not reachable at {shown}: {type(error).__name__}: {error}"
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database's URL: a temporary SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'newsbot.db'}"
        return
    server_url: str = request.getfixturevalue("postgres_server_url")
    schema = f"newsbot_test_{uuid.uuid4().hex[:20]}"
    run_on_private_loop(lambda: _execute_on_server(server_url, f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(server_url).update_query_dict({SCHEMA_URL_OPTION: schema})
        yield url.render_as_string(hide_password=False)
    finally:
        run_on_private_loop(
            lambda: _execute_on_server(server_url, f'DROP SCHEMA "{schema}" CASCADE')
        )


@pytest.fixture
def engine(database_url: str) -> Iterator[AsyncEngine]:
    """A migrated engine on `database_url`; without a pool, so any event loop may use it."""
    run_on_private_loop(lambda: upgrade_database(database_url))
    migrated = make_engine(database_url, poolclass=NullPool)
    yield migrated
    run_on_private_loop(migrated.dispose)


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The session factory on the migrated test database."""
    return make_sessionmaker(engine)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real spaCy pipeline, loaded once for the whole test session."""
    return load_pipeline()
