"""Answering a question from stored sentences: which of the search engine's candidates answer.

Pure and cheap (no parse): the sentences and their lemmas were stored at ingest, the question's
terms come from analysis.text.terms.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.text.terms import matches, sentence_words

# Retrieval below this share of the question's (idf-weighted) terms is too weak to answer.
MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Passage:
    """A candidate sentence that answers a question."""

    candidate: int  # index into the candidates passed to best_passages
    text: str
    score: float
    coverage: float


def best_passages(
    terms: Sequence[tuple[str, ...]], candidates: Sequence[tuple[str, str]], limit: int = 3
) -> list[Passage]:
    """Rank candidate sentences (text, lemmas) for the question's terms (each a tuple of the
    forms that stand for it); return only convincing answers."""
    if not terms:
        return []
    sentences = [sentence_words(text, lemmas) for text, lemmas in candidates]
    idf = _inverse_document_frequency(terms, sentences)
    total = sum(idf.values())
    ranked: list[Passage] = []
    for index, words in enumerate(sentences):
        matched = [t for t in terms if matches(t, words)]
        weight = sum(idf[t] for t in matched)
        coverage = weight / total
        if not matched or coverage < MIN_COVERAGE:
            continue
        # Shorter sentences with the same terms are more to the point.
        score = weight / math.log(len(words) + 2)
        ranked.append(Passage(index, candidates[index][0], score, coverage))
    ranked.sort(key=lambda p: (-p.coverage, -p.score, p.candidate))
    return ranked[:limit]


def _inverse_document_frequency(
    terms: Sequence[tuple[str, ...]], sentence_words: list[set[str]]
) -> dict[tuple[str, ...], float]:
    counts = Counter(t for words in sentence_words for t in terms if matches(t, words))
    n = len(sentence_words) + 1
    # A term found in no candidate weighs half, so it lowers confidence without vetoing an
    # otherwise good match.
    return {t: math.log(1 + n / (1 + counts[t])) * (1.0 if counts[t] else 0.5) for t in terms}
