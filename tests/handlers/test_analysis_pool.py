"""Analyses in worker processes: a real pool of one worker, results and failures as data."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from analysis.pipeline import analyze
from analysis.text.fingerprints import fingerprint
from analysis.text.terms import question_terms
from analysis.workers import PARENT_CHECK_SECONDS, AnalysisFailure, analyze_in_worker
from handlers.analysis_pool import AnalysisCrashed, AnalysisPool
from intake.article import Article
from tests.bot.conftest import seed_text

QUESTION = "Who warned about the strikes at the harbour?"


def _article(text: str) -> Article:
    return Article(text=text, title="Dockworkers walk out", published=date(2025, 3, 10))


def test_a_report_survives_the_trip_between_processes(nlp: Language) -> None:
    report = analyze(nlp, _article(seed_text("port-strike")))
    assert pickle.loads(pickle.dumps(report)) == report


def test_a_failure_in_a_worker_comes_back_as_data() -> None:
    outcome = analyze_in_worker(_article("no pipeline in this process"))
    assert isinstance(outcome, AnalysisFailure)
    assert pickle.loads(pickle.dumps(outcome)) == outcome


async def test_a_worker_process_analyses_like_the_thread_does(nlp: Language) -> None:
    article = _article(seed_text("port-strike"))
    pool = AnalysisPool("en_core_web_sm", workers=1)
    try:
        await pool.start()
        assert len(pool.worker_pids()) == 1
        report = await pool(article)
        with pytest.raises(AnalysisCrashed):
            await pool(_article(None))  # type: ignore[arg-type]
        again = await pool(article)  # a failure does not break the worker
        # /ask's questions are read in the worker too: the bot's process loads no pipeline.
        terms = await pool.question_terms(QUESTION)
        # So is the wording fingerprint made before an analysis.
        print_ = await pool.fingerprint(article.text)
    finally:
        pool.close()
    assert report == analyze(nlp, article) == again
    assert print_ == fingerprint(article.text) and print_.shingles > 100
    assert terms == question_terms(nlp, QUESTION)
    assert terms[0] == ("warned", "warn")  # lemmas, not the words alone
    assert pool.worker_pids() == []


# A bot that starts one worker (the parent watch alone, no pipeline), says its pid, and waits.
ORPHANING_BOT = """
import concurrent.futures, multiprocessing, os, sys, time
from analysis.workers import exit_with_parent
if __name__ == "__main__":
    pool = concurrent.futures.ProcessPoolExecutor(
        1, mp_context=multiprocessing.get_context("spawn"), initializer=exit_with_parent
    )
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(60)
"""


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_worker_ends_when_its_bot_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "bot.py"
    script.write_text(ORPHANING_BOT)
    root = Path(__file__).resolve().parents[2]
    bot = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        assert bot.stdout is not None
        worker = int(bot.stdout.readline())
        assert _running(worker)
    finally:
        bot.kill()  # SIGKILL: the bot gets no chance to stop its workers
        bot.wait()
    deadline = time.monotonic() + 10 * PARENT_CHECK_SECONDS
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(worker), "the worker outlived its bot"
