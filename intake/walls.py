"""Recognising paywalls and consent walls: a teaser is not the article."""

from __future__ import annotations

import re

# Phrases that mean the page withholds the article until the reader pays, logs in or consents.
_WALL_MARKERS = re.compile(
    r"subscribe to (?:continue|read|keep reading|unlock)"
    r"|already a subscriber|subscribers only|for subscribers"
    r"|to continue reading|continue reading with|sign in to (?:continue|read)"
    r"|log in to (?:continue|read)|create a free account|register to (?:continue|read)"
    r"|this (?:article|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)"
    r"|accept (?:all )?cookies|cookie consent|we value your privacy|consent to (?:the use of )?cookies"
    r"|manage (?:your )?(?:cookie|privacy) (?:settings|preferences)",
    re.IGNORECASE,
)
# A wall's teaser is short; a full article that merely mentions subscriptions is not a wall.
_TEASER_MAX_WORDS = 250


def wall_note(text: str, page: str) -> str | None:
    """A note when a short text comes with paywall or consent-wall wording, else None."""
    words = len(text.split())
    if words >= _TEASER_MAX_WORDS:
        return None
    if not (_WALL_MARKERS.search(text) or _WALL_MARKERS.search(_visible_text(page))):
        return None
    return f"this looks paywalled: {words} words came back"


def _visible_text(page: str) -> str:
    """The page with tags, scripts and styles removed, roughly, for marker search."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    return re.sub(r"<[^>]+>", " ", page)
