"""The same words across articles: a new quote that nearly copies one its speaker gave before.

Two quotes of one speaker (the same record) are near copies when their words, case and
punctuation folded, score at least NEAR_COPY on rapidfuzz's `ratio` or `token_sort_ratio`
(the second forgives a changed order). Quotes under MIN_WORDS words are left out: "It is a good
deal" and "It is a bad deal" differ by one word and mean the opposite (they score 85).
Measured on the invented pairs of tests/handlers/test_echoes.py: one or two words changed in
8–13 words score 94–95, the same clauses reordered 100, quotes sharing half their words in
another sense 72, unrelated quotes 41.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from handlers.entity_records import speaker_records
from storage.entity_records import EntityRecordRepository
from storage.records import StoredArticle, StoredQuote

NEAR_COPY = 88
MIN_WORDS = 5
EARLIER_QUOTES = 300  # of the speaker, newest first: the ones compared


@dataclass(frozen=True)
class Echo:
    """A new quote (by its position in the article) and the earlier one it nearly copies."""

    position: int
    earlier: StoredQuote
    same_words: bool  # word for word, case and punctuation aside


def near_copy_score(a: str, b: str) -> float:
    """How alike two quotes' words are, 0 to 100, order of words forgiven."""
    left, right = default_process(a), default_process(b)
    return max(fuzz.ratio(left, right), fuzz.token_sort_ratio(left, right))


def is_near_copy(a: str, b: str) -> bool:
    """Whether two quotes of one speaker are the same words, or nearly."""
    if min(len(a.split()), len(b.split())) < MIN_WORDS:
        return default_process(a) == default_process(b)
    return near_copy_score(a, b) >= NEAR_COPY


async def find_echoes(
    records: EntityRecordRepository, article: StoredArticle, linked: Mapping[str, int]
) -> list[Echo]:
    """For each quote of a just-stored article, the closest earlier near copy by its speaker."""
    echoes: list[Echo] = []
    # A speaker quoted five times in the article has their earlier quotes read once.
    earlier_of: dict[tuple[int, ...], list[StoredQuote]] = {}
    for position, quote in enumerate(article.quotes):
        ids = tuple(speaker_records(quote.speaker, linked))
        if not ids:
            continue
        if ids not in earlier_of:
            earlier_of[ids] = await records.earlier_quotes(
                article.guild_id, ids, before_article=article.id, limit=EARLIER_QUOTES
            )
        close = [q for q in earlier_of[ids] if is_near_copy(quote.text, q.text)]
        if close:
            best = max(close, key=lambda q: near_copy_score(quote.text, q.text))
            same = default_process(best.text) == default_process(quote.text)
            echoes.append(Echo(position, best, same))
    return echoes
