"""The whole analysis of one article: parse once, then entities, quotes, ranking, digest."""

from __future__ import annotations

from spacy.language import Language

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities
from analysis.entities.ranking import rank_entities
from analysis.text.digest import make_digest
from analysis.types import Report
from intake.article import Article


def analyze(nlp: Language, article: Article) -> Report:
    """Analyse an article's text into ranked entities, attributed quotes and a digest."""
    doc = nlp(article.text)
    clusters = cluster_entities(doc)
    quotes = attribute_quotes(doc, clusters)
    entities = rank_entities(clusters, quotes, len(article.text), article.title)
    digest = make_digest(doc, article.title, [(q.start, q.end) for q in quotes])
    return Report(
        article=article,
        entities=tuple(entities),
        quotes=tuple(quotes),
        digest=tuple(digest),
        notes=article.notes,
    )
