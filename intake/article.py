"""The Article: what intake hands to analysis, whatever the article came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The names a byline gives: capitalised words, joined by "and" or a name's particles ("By Maria
# de la Cruz and Tomas Berg"). Intake reads them off a "By" line; analysis leaves such a line
# out of the story. One pattern for both, so what intake calls a byline analysis skips.
BYLINE_NAMES = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|der|la))*"


@dataclass(frozen=True)
class Article:
    """An article's text and metadata, after extraction."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: date | None = None
    url: str | None = None  # canonical URL, for de-duplication and links
    site_name: str | None = None
    language: str | None = None  # ISO 639-1 where known ("en")
    # What intake noticed but still passed on ("too short to be an article (74 words)").
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def word_count(self) -> int:
        """Count whitespace-separated words in the text."""
        return len(self.text.split())
