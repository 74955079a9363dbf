"""Texts long enough to be articles, each a story of its own: words in an order no other text
shares, so the same-story check never takes one for another's near copy."""

from __future__ import annotations

import random

# Words a story draws from, twelve a sentence.
_VOCABULARY = (
    "harbour authority union council budget vote strike mayor port ferry school court ruling "
    "workers wages minister plan housing river bridge police hospital tax fund board road"
)
WORDS = tuple(_VOCABULARY.split())


def distinct_story(number: int, first_line: str = "") -> str:
    """Fifteen sentences of 12 words drawn for `number`, after `first_line`."""
    rng = random.Random(number)
    sentences = [" ".join(rng.choices(WORDS, k=12)).capitalize() + "." for _ in range(15)]
    return " ".join([first_line or f"Article {number}.", *sentences])
