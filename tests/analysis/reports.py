"""Shared helpers of the analysis tests: a whole article's report and its quotes' speakers."""

from __future__ import annotations

from spacy.language import Language

from analysis.pipeline import analyze
from analysis.types import Report
from intake.article import Article

HEADLINE = "A story\n\n"


def report_of(nlp: Language, body: str) -> Report:
    """The full analysis of a headline and the given paragraphs."""
    return analyze(nlp, Article(text=HEADLINE + body))


def speakers(report: Report) -> list[str | None]:
    """Each quote's speaker, or its description for an unnamed source, in text order."""
    return [q.speaker or q.speaker_description for q in report.quotes]
