"""Text normalisation shared by what is stored and what is searched, so both sides match."""

from __future__ import annotations

import re

# Curly, low and prime marks all read as the straight ones: people type whichever is at hand.
_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_WHITESPACE = re.compile(r"\s+")
LIKE_ESCAPE = "\\"


def normalize_for_search(text: str) -> str:
    """Casefold, straighten quotation marks and apostrophes, and collapse whitespace."""
    return _WHITESPACE.sub(" ", text.casefold().translate(_MARKS)).strip()


def escape_like(text: str) -> str:
    """Escape LIKE's wildcards so the text matches only itself (use with LIKE_ESCAPE)."""
    return (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching any value that contains the normalised, escaped text."""
    return f"%{escape_like(normalize_for_search(text))}%"
