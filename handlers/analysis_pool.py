"""Analyses in a pool of worker processes, so spaCy never holds the bot's event loop."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from analysis.question_worker import question_terms_in_worker
from analysis.text.fingerprints import fingerprint
from analysis.types import Fingerprint, Report
from analysis.workers import AnalysisFailure, analyze_in_worker, start_worker, worker_ready
from intake.article import Article

log = logging.getLogger(__name__)
A = TypeVar("A")
T = TypeVar("T")


class AnalysisCrashed(Exception):
    """An analysis failed in its worker (the bot logs it and tells the user it went wrong)."""


class AnalysisPool:
    """`workers` processes, each with its own pipeline; called like an analyzer."""

    def __init__(self, model_name: str, workers: int) -> None:
        self.model_name = model_name
        self.workers = workers
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: a fork of a process with a running event loop, database threads and
        # open sockets copies them all into the worker.
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(self.model_name,),
        )

    async def start(self) -> None:
        """Start every worker and wait until each has loaded its pipeline."""
        loop = asyncio.get_running_loop()
        # Each job submitted while no worker is idle starts one more process, up to `workers`.
        jobs = [loop.run_in_executor(self._pool, worker_ready) for _ in range(self.workers)]
        await asyncio.gather(*jobs)

    async def __call__(self, article: Article) -> Report:
        """Analyse an article in a worker."""
        outcome = await self._in_worker(analyze_in_worker, article)
        if isinstance(outcome, AnalysisFailure):
            log.error("analysis failed in a worker: %s", outcome.details)
            raise AnalysisCrashed(f"{outcome.kind}: {outcome.message}")
        return outcome

    async def fingerprint(self, text: str) -> Fingerprint:
        """A text's wording fingerprint, made in a worker."""
        return await self._in_worker(fingerprint, text)

    async def question_terms(self, question: str) -> list[tuple[str, ...]]:
        """Read a question's words and lemmas in a worker (the bot's process has no pipeline).

        It skips the servers' turns: it waits at most for the analyses already running."""
        return await self._in_worker(question_terms_in_worker, question)

    async def _in_worker(self, job: Callable[[A], T], given: A) -> T:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool, job, given)
        except BrokenProcessPool as error:
            # A worker died (killed, out of memory): later jobs get a fresh pool.
            log.error("an analysis worker died; starting new workers")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            raise AnalysisCrashed("the analysis worker stopped") from error

    def close(self) -> None:
        """Let analyses in flight finish, then stop the workers (blocks: call in a thread)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def worker_pids(self) -> list[int]:
        """The process ids of the live workers (for memory figures)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return [p.pid for p in processes.values() if p.pid is not None]
