"""Recognising paywalls and consent walls: a teaser is not the article."""

from __future__ import annotations

import re

# Wording that means the page withholds the article until the reader pays or logs in.
_PAYWALL_MARKERS = re.compile(
    r"subscribe (?:now )?to (?:continue|read|keep reading|unlock)"
    r"|already a (?:subscriber|member)|subscribers only|exclusive(?:ly)? for subscribers"
    r"|to continue reading|continue reading with|sign in to (?:continue|read)"
    r"|log in to (?:continue|read)|create a free account to|register to (?:continue|read)"
    r"|(?:article|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)",
    re.IGNORECASE,
)
# Wording of a cookie or consent wall standing in front of the page.
_CONSENT_MARKERS = re.compile(
    r"accept (?:all )?cookies|cookie consent|we value your privacy"
    r"|consent to (?:the use of )?cookies|manage (?:your )?(?:cookie|privacy) (?:settings|choices)",
    re.IGNORECASE,
)
# A wall's teaser is short; a full article that merely mentions subscriptions is not a wall.
_TEASER_MAX_WORDS = 250
PAYWALL_NOTE = "this looks paywalled"
CONSENT_NOTE = "this looks like a cookie or consent wall"


def wall_note(text: str, page: str) -> str | None:
    """A note when a short text comes with paywall or consent-wall wording, else None."""
    words = len(text.split())
    if words >= _TEASER_MAX_WORDS:
        return None
    visible = _visible_text(page)
    if _PAYWALL_MARKERS.search(text) or _PAYWALL_MARKERS.search(visible):
        return f"{PAYWALL_NOTE}: {words} words came back"
    if _CONSENT_MARKERS.search(text) or _CONSENT_MARKERS.search(visible):
        return f"{CONSENT_NOTE}: {words} words came back"
    return None


def is_wall_note(note: str) -> bool:
    """Whether an article note says the page is a paywall or consent wall, not the story."""
    return note.startswith((PAYWALL_NOTE, CONSENT_NOTE))


def _visible_text(page: str) -> str:
    """The page with tags, scripts and styles removed, roughly, for marker search."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    return re.sub(r"<[^>]+>", " ", page)
