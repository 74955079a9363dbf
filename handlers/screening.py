"""What is read of a text before it is analysed: its wording's fingerprint (is it a story the
server read in another form?) and its language (is it English?).

Both are pure Python and hold the GIL for 15-20 ms on a seed, so under `newsbot run` they run
in the analysis workers with the analyses, not in the bot's process beside its event loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.text.fingerprints import fingerprint
from analysis.types import Fingerprint
from intake.article import Article
from intake.quality import language_note


@dataclass(frozen=True)
class Screening:
    """A text's fingerprint, and the note to store when it is not English (else None)."""

    fingerprint: Fingerprint
    foreign_note: str | None


def screen(article: Article) -> Screening:
    """Fingerprint the article's wording and tell its language."""
    return Screening(fingerprint=fingerprint(article.text), foreign_note=language_note(article))
