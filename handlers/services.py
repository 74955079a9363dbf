"""What handlers need, built once by the composition root and passed down."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.language import Language

from analysis.pipeline import analyze
from analysis.types import Report
from handlers.input_cap import DEFAULT_MAX_ARTICLE_CHARS
from handlers.single_flight import KeyedLocks
from intake.article import Article
from intake.fetch import Fetcher
from storage.engine import SessionFactory

T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    """The long-lived parts every handler call shares."""

    sessionmaker: SessionFactory
    nlp: Language
    fetcher: Fetcher
    executor: Executor
    min_article_words: int = 120
    attachment_max_bytes: int = 2 * 1024 * 1024
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    # (server, "url" or "text", canonical URL or content hash): one reading of each at a time.
    ingest_locks: KeyedLocks[tuple[int, str, str]] = field(default_factory=KeyedLocks)

    async def run_blocking(self, func: Callable[..., T], *args: object) -> T:
        """Run CPU-heavy work off the event loop, so the gateway heartbeat never starves."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, func, *args)

    async def analyze(self, article: Article) -> Report:
        """Analyse an article in the executor."""
        return await self.run_blocking(analyze, self.nlp, article)
