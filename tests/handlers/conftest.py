"""Handlers with real services, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor

import aiohttp
import pytest
from spacy.language import Language
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.services import Services
from intake.fetch import Fetcher
from intake.policy import FetchPolicy
from intake.session import make_session


@pytest.fixture
async def services(
    nlp: Language, sessionmaker: async_sessionmaker[AsyncSession]
) -> AsyncIterator[Services]:
    """Services on the migrated test database; fetching allowed on loopback only."""
    policy = FetchPolicy(allow_loopback=True, total_timeout=5)
    http: aiohttp.ClientSession = make_session(policy)
    with ThreadPoolExecutor(1) as executor:
        yield Services(
            sessionmaker=sessionmaker, nlp=nlp, fetcher=Fetcher(http, policy), executor=executor
        )
    await http.close()
