"""Answering a question from stored articles: lexical retrieval of the best sentences.

Pure and cheap (no parse), so `/ask` stays fast over a server's whole history.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

# spaCy's own English stop words, not a hand list.
_STOPWORDS = frozenset(STOP_WORDS)
_ABBREVIATIONS = (
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "St.",
    "Jr.",
    "Sr.",
    "Prof.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Gen.",
    "No.",
    "U.S.",
    "U.K.",
    "Inc.",
    "Co.",
    "Corp.",
    "Ltd.",
    "vs.",
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Retrieval below this share of the question's (idf-weighted) terms is too weak to answer.
MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class Passage:
    """A sentence that answers a question, located in one of the documents given."""

    document: int  # index into the documents passed to best_passages
    start: int
    end: int
    text: str
    score: float
    coverage: float


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split text into sentence spans, keeping abbreviations such as "Mr." inside."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start() + 1]
        if head.rstrip().endswith(_ABBREVIATIONS):
            continue
        _append_span(text, start, match.start() + 1 + _closing_len(match.group()), spans)
        start = match.end()
    _append_span(text, start, len(text), spans)
    return spans


def content_terms(text: str) -> list[str]:
    """The words of a text that carry meaning, lower-cased and lightly stemmed."""
    words = (w.casefold().replace("’", "'") for w in _WORD.findall(text))
    return [_stem(w) for w in words if w not in _STOPWORDS and len(w) > 1]


def best_passages(question: str, documents: Sequence[str], limit: int = 3) -> list[Passage]:
    """Rank the documents' sentences for the question; return only convincing answers."""
    terms = set(content_terms(question))
    if not terms:
        return []
    sentences = [
        (index, start, end, set(content_terms(text[start:end])))
        for index, text in enumerate(documents)
        for start, end in split_sentences(text)
    ]
    idf = _inverse_document_frequency(terms, [words for *_, words in sentences])
    total = sum(idf.values())
    ranked: list[Passage] = []
    for index, start, end, words in sentences:
        matched = terms & words
        if not matched:
            continue
        weight = sum(idf[t] for t in matched)
        coverage = weight / total
        if coverage < MIN_COVERAGE:
            continue
        # Shorter sentences with the same terms are more to the point.
        score = weight / math.log(len(words) + 2)
        text = documents[index][start:end]
        ranked.append(Passage(index, start, end, text, score, coverage))
    ranked.sort(key=lambda p: (-p.coverage, -p.score, p.document, p.start))
    return ranked[:limit]


def _inverse_document_frequency(
    terms: set[str], sentence_words: list[set[str]]
) -> dict[str, float]:
    counts = Counter(t for words in sentence_words for t in terms & words)
    n = len(sentence_words) + 1
    # A word found nowhere in the history (often a verb in another tense: "begin" for "began")
    # weighs half, so it lowers confidence without vetoing an otherwise good match.
    return {t: math.log(1 + n / (1 + counts[t])) * (1.0 if counts[t] else 0.5) for t in terms}


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    for suffix in ("ing", "ers", "ies", "es", "ed", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _closing_len(separator: str) -> int:
    return len(separator.rstrip()) - 1 if separator.strip() else 0


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
