"""What an analysis worker process runs: the pipeline loaded once, results as plain data.

A worker process holds its pipeline in a module variable: the process is the worker, and its
initializer is the one place that sets it. The bot's own process never touches it.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from dataclasses import dataclass

from spacy.language import Language

from analysis.nlp import load_pipeline
from analysis.pipeline import analyze
from analysis.types import Report
from intake.article import Article

_pipeline: Language | None = None
PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class AnalysisFailure:
    """An analysis that raised in a worker, carried back as text (exceptions may not pickle)."""

    kind: str  # the exception's type name
    message: str
    details: str  # its traceback, for the bot's log


def start_worker(model_name: str) -> None:
    """A worker's initializer: load the pipeline once, and leave stopping to the bot."""
    global _pipeline
    # Ctrl-C reaches the whole process group, and a service manager's SIGTERM often does too:
    # the bot stops its workers itself, after the analyses in flight (see AnalysisPool.close).
    # A worker whose bot is gone still ends: its parent watch sees the bot gone.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    exit_with_parent()
    _pipeline = load_pipeline(model_name)


def exit_with_parent() -> None:
    """End this worker when the process that started it is gone (killed with SIGKILL, or out
    of memory), instead of holding its few hundred MB with no bot to serve."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)  # no clean-up to wait for: a worker holds nothing but its pipeline

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def worker_ready() -> bool:
    """True once the worker's pipeline is loaded (a no-op job that waits for the initializer)."""
    return _pipeline is not None


def analyze_in_worker(article: Article) -> Report | AnalysisFailure:
    """Analyse an article with the worker's pipeline; a failure comes back as data."""
    if _pipeline is None:
        return AnalysisFailure("RuntimeError", "the worker has no pipeline", "")
    try:
        return analyze(_pipeline, article)
    except Exception as error:  # anything: it must reach the bot as data, not kill the pool
        return AnalysisFailure(type(error).__name__, str(error), traceback.format_exc())
