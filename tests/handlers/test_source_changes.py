"""The measure of an edit: how much of an article's wording it kept (word 3-shingles)."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from handlers.source_changes import REWRITTEN_BELOW, message_fingerprint, shingle_similarity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (SEEDS / "port-strike.txt").read_text(encoding="utf-8")
PARAGRAPHS = TEXT.split("\n\n")


@pytest.mark.parametrize(
    ("edited", "kept"),
    [
        (TEXT.replace("settle this at the table", "settle this before the holidays"), 0.97),
        (TEXT.replace("dockworkers", "dock workers", 1), 0.98),
        ("\n\n".join(PARAGRAPHS[:-1]), 0.97),  # the last paragraph cut
        ("\n\n".join(PARAGRAPHS[: len(PARAGRAPHS) // 2]), REWRITTEN_BELOW),  # half of it kept
        (TEXT.upper(), 1.0),  # case is not wording
    ],
)
def test_a_corrected_article_is_the_same_article(edited: str, kept: float) -> None:
    assert shingle_similarity(TEXT, edited) >= kept


def test_two_different_articles_share_almost_no_wording() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pairs = [shingle_similarity(a, b) for a, b in combinations(texts, 2)]
    assert len(pairs) == 45 and max(pairs) < 0.03 < REWRITTEN_BELOW


def test_the_fingerprint_changes_with_the_text_or_the_files_only() -> None:
    same = message_fingerprint("text https://a.example", [(1, "a.txt", 10)])
    assert same == message_fingerprint("text https://a.example", [(1, "a.txt", 10)])
    assert same != message_fingerprint("text https://b.example", [(1, "a.txt", 10)])
    assert same != message_fingerprint("text https://a.example", [])
    assert shingle_similarity("", "") == 1.0 and shingle_similarity("a b", "c d") == 0.0
