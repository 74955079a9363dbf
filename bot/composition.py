"""The composition root: settings, engine, HTTP session and spaCy pipeline, built once."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from spacy.language import Language
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from analysis.nlp import load_pipeline
from bot.settings import Settings
from handlers.analysis_pool import AnalysisPool
from handlers.analyze import Reader
from handlers.database import require_current
from handlers.services import QuestionReader, Services
from handlers.turns import ServerTurns
from intake.fetch import Fetcher
from intake.policy import FetchPolicy
from intake.quality import language_identifier
from intake.session import make_session
from storage.engine import SessionFactory, make_engine, make_sessionmaker, upgrade_database


def fetch_policy(settings: Settings) -> FetchPolicy:
    """The fetching rules the settings ask for."""
    return FetchPolicy(
        connect_timeout=settings.fetch_connect_timeout_seconds,
        total_timeout=settings.fetch_timeout_seconds,
        max_bytes=settings.fetch_max_bytes,
        max_redirects=settings.fetch_max_redirects,
        allow_loopback=settings.fetch_allow_loopback,
        user_agent=settings.user_agent,
    )


def engine_for(settings: Settings) -> AsyncEngine:
    """The database engine the settings ask for (PostgreSQL with their pool sizes)."""
    if make_url(settings.database_url).get_backend_name() != "postgresql":
        return make_engine(settings.database_url)
    return make_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
    )


async def load_nlp(settings: Settings) -> Language:
    """Load the spaCy pipeline in a thread: it takes a second and must not block the loop."""
    return await asyncio.to_thread(load_pipeline, settings.spacy_model)


async def load_language_model() -> None:
    """Load the language identifier in a thread now, not on the loop at the first article."""
    await asyncio.to_thread(language_identifier)


@asynccontextmanager
async def build_reader(settings: Settings) -> AsyncIterator[Reader]:
    """What `newsbot analyze` needs: the pipeline and a fetcher, no database."""
    policy = fetch_policy(settings)
    nlp = await load_nlp(settings)
    await load_language_model()
    async with make_session(policy) as http:
        yield Reader(
            nlp=nlp,
            fetcher=Fetcher(http, policy),
            min_article_words=settings.min_article_words,
            max_article_chars=settings.max_article_chars,
        )


@asynccontextmanager
async def build_database(settings: Settings) -> AsyncIterator[SessionFactory]:
    """What the database commands need: the migrated database alone, no pipeline, no HTTP."""
    engine = engine_for(settings)
    try:
        await upgrade_database(engine)
        yield make_sessionmaker(engine)
    finally:
        await engine.dispose()


@asynccontextmanager
async def build_services(
    settings: Settings, *, nlp: Language | None = None, processes: bool = False
) -> AsyncIterator[Services]:
    """Build everything handlers need, and close it all on exit.

    With `processes` (`newsbot run`) analyses run in NEWSBOT_ANALYSIS_WORKERS worker
    processes and this process loads no pipeline; otherwise in a thread on `nlp` (loaded
    here when not given).
    """
    engine = engine_for(settings)
    executor = ThreadPoolExecutor(settings.analysis_threads, thread_name_prefix="analysis")
    policy = fetch_policy(settings)
    http = make_session(policy)
    pool: AnalysisPool | None = None
    question_reader: QuestionReader | None = None
    try:
        if settings.auto_migrate:
            await upgrade_database(engine)
        else:
            # A database behind the code stops the bot before it serves anything.
            await require_current(engine)
        if processes:
            pool = AnalysisPool(settings.spacy_model, settings.analysis_workers)
            await pool.start()
            pipeline = None
            # Questions too are read in the workers: a pipeline here would add ~45 MB to the
            # bot's process, and a question waits at most for the analyses already running.
            question_reader = pool.question_terms
            slots = settings.analysis_workers
        else:
            pipeline = nlp if nlp is not None else await load_nlp(settings)
            slots = settings.analysis_threads
        await load_language_model()
        if processes:
            # A long-running bot: what start-up built lives as long as the process, so the
            # collector stops walking it; a full collection under a backlog then pauses the
            # event loop for a few milliseconds instead of 100 (bench/load.py's stall).
            gc.freeze()
        yield Services(
            sessionmaker=make_sessionmaker(engine),
            nlp=pipeline,
            fetcher=Fetcher(http, policy),
            executor=executor,
            min_article_words=settings.min_article_words,
            attachment_max_bytes=settings.attachment_max_bytes,
            max_article_chars=settings.max_article_chars,
            max_links_per_message=settings.max_links_per_message,
            analyzer=pool,
            question_reader=question_reader,
            fingerprinter=pool.fingerprint if pool is not None else None,
            forget_deleted_sources=settings.forget_deleted_sources,
            catch_up_hours=settings.catch_up_hours,
            catch_up_messages=settings.catch_up_messages,
            newspaper_reaction=settings.newspaper_reaction,
            analysis_turns=ServerTurns(slots),
        )
    finally:
        await http.close()
        # Analyses in flight finish before the database closes under them.
        await asyncio.to_thread(executor.shutdown, wait=True)
        if pool is not None:
            await asyncio.to_thread(pool.close)
        await engine.dispose()
