"""Analyses in worker processes: a real pool of one worker, results and failures as data."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from spacy.language import Language

from analysis.pipeline import analyze
from analysis.text.terms import question_terms
from analysis.workers import AnalysisFailure, analyze_in_worker
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
    finally:
        pool.close()
    assert report == analyze(nlp, article) == again
    assert terms == question_terms(nlp, QUESTION)
    assert terms[0] == ("warned", "warn")  # lemmas, not the words alone
    assert pool.worker_pids() == []
