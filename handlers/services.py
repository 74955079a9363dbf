"""What handlers need, built once by the composition root and passed down."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.language import Language

from analysis.pipeline import analyze
from analysis.text.fingerprints import fingerprint
from analysis.text.terms import question_terms
from analysis.types import Fingerprint, Report
from handlers.input_cap import DEFAULT_MAX_ARTICLE_CHARS
from handlers.single_flight import KeyedLocks
from handlers.turns import ServerTurns
from intake.article import Article
from intake.fetch import Fetcher
from intake.quality import language_note
from storage.engine import SessionFactory

T = TypeVar("T")
# Analyses an article off the event loop: a pool of worker processes in `newsbot run`.
Analyzer = Callable[[Article], Awaitable[Report]]
# Reads a question's words and lemmas for /ask: in a worker process in `newsbot run`.
QuestionReader = Callable[[str], Awaitable[list[tuple[str, ...]]]]
# Makes a text's wording fingerprint: in a worker process in `newsbot run`.
Fingerprinter = Callable[[str], Awaitable[Fingerprint]]
DEFAULT_MAX_LINKS_PER_MESSAGE = 5


@dataclass(frozen=True)
class Screening:
    """What is read of a text before its analysis: its wording's fingerprint (is it a story
    the server read in another form?) and the note to store when it is not English."""

    fingerprint: Fingerprint
    foreign_note: str | None


@dataclass(frozen=True)
class Services:
    """The long-lived parts every handler call shares.

    Analyses go to `analyzer` when there is one (worker processes, each with its own
    pipeline); otherwise they run on `nlp` in `executor`, a thread (tests, the demo).
    """

    sessionmaker: SessionFactory
    nlp: Language | None
    fetcher: Fetcher
    executor: Executor
    min_article_words: int = 120
    attachment_max_bytes: int = 2 * 1024 * 1024
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    max_links_per_message: int = DEFAULT_MAX_LINKS_PER_MESSAGE
    analyzer: Analyzer | None = None
    # Reads questions for /ask (their lemmas) where analyses run in worker processes, so the
    # bot's own process loads no pipeline; None: `nlp` does, in `executor`.
    question_reader: QuestionReader | None = None
    # Fingerprints texts before analysis where analyses run in worker processes (pure
    # Python, 15 ms a seed: beside the event loop it would hold the GIL); None: in `executor`.
    fingerprinter: Fingerprinter | None = None
    # Keeping up with the channel (bot/settings.py has what each means).
    forget_deleted_sources: bool = False
    catch_up_hours: float = 24.0
    catch_up_messages: int = 200
    newspaper_reaction: bool = True
    # As many slots as analyses run side by side: servers take turns for them.
    analysis_turns: ServerTurns = field(default_factory=ServerTurns)
    # (server, "url" or "text", canonical URL or content hash): one reading of each at a time.
    ingest_locks: KeyedLocks[tuple[int, str, str]] = field(default_factory=KeyedLocks)

    async def run_blocking(self, func: Callable[..., T], *args: object) -> T:
        """Run CPU-heavy work off the event loop, so the gateway heartbeat never starves."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, func, *args)

    async def read_question(self, question: str) -> list[tuple[str, ...]]:
        """A question's content words, each with the forms that may stand for it."""
        if self.question_reader is not None:
            return await self.question_reader(question)
        return await self.run_blocking(question_terms, self.nlp, question)

    async def screen(self, article: Article) -> Screening:
        """Fingerprint a text and tell its language, off the event loop (call it in the
        server's turn: analysis_turns)."""
        # The language here: this process holds the identifier for pages anyway, and a copy
        # in each worker would cost 75 MB.
        foreign = await self.run_blocking(language_note, article)
        return Screening(await self.fingerprint(article.text), foreign)

    async def fingerprint(self, text: str) -> Fingerprint:
        """A text's wording fingerprint, made off the event loop (in a worker, if any)."""
        if self.fingerprinter is not None:
            return await self.fingerprinter(text)
        return await self.run_blocking(fingerprint, text)

    async def analyze(self, article: Article, guild_id: int = 0) -> Report:
        """Analyse an article off the event loop, when its server's turn comes."""
        async with self.analysis_turns.turn(guild_id):
            return await self.analyze_in_turn(article)

    async def analyze_in_turn(self, article: Article) -> Report:
        """Analyse an article off the event loop, in a turn the caller holds."""
        if self.analyzer is not None:
            return await self.analyzer(article)
        if self.nlp is None:
            raise RuntimeError("Services has neither an analyzer nor a pipeline")
        return await self.run_blocking(analyze, self.nlp, article)
