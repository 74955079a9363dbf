"""The whole analysis of one article: parse once, then entities, quotes, ranking, digest."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities
from analysis.entities.ranking import rank_entities
from analysis.mark_runs import break_mark_runs
from analysis.text.digest import make_digest
from analysis.text.terms import sentences_of
from analysis.types import Quote, Report
from intake.article import Article


def analyze(nlp: Language, article: Article) -> Report:
    """Analyse an article's text into ranked entities, attributed quotes and a digest."""
    doc = parse(nlp, article.text)
    clusters = cluster_entities(doc)
    quotes = _in_original_text(attribute_quotes(doc, clusters), article.text)
    entities = rank_entities(clusters, quotes, len(article.text), article.title)
    digest = make_digest(doc, article.title, [(q.start, q.end) for q in quotes])
    return Report(
        article=article,
        entities=tuple(entities),
        quotes=tuple(quotes),
        digest=tuple(digest),
        notes=article.notes,
        sentences=tuple(sentences_of(doc)),
    )


def parse(nlp: Language, text: str) -> Doc:
    """The spaCy parse of the text, long runs of marks broken first (offsets unchanged)."""
    return nlp(break_mark_runs(text))


def _in_original_text(quotes: list[Quote], text: str) -> list[Quote]:
    # The parse saw runs of marks broken up; a quote shows them as the article wrote them.
    return [replace(q, text=text[q.start : q.end]) for q in quotes]
