"""Reading `/ask`'s questions in an analysis worker, so the bot's own process loads no pipeline.

The worker's pipeline is the one `analysis.workers` loads when the worker starts; a question
is read with it as the thread path (tests, the demo) reads it with the bot's pipeline.
"""

from __future__ import annotations

from analysis import workers
from analysis.text.terms import question_terms


def question_terms_in_worker(question: str) -> list[tuple[str, ...]]:
    """A question's content words with their lemmas and other forms, read in a worker."""
    # Before the pipeline has loaded, the words alone (question_terms' own fallback).
    return question_terms(workers._pipeline, question)
