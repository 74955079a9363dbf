"""Rendering search results within one embed, never cutting silently."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.limits import EMBED_DESCRIPTION_CHARS
from bot.render import who_said_embed
from handlers.who_said import WhoSaidResult
from storage.records import StoredQuote


def a_quote(number: int, words: int) -> StoredQuote:
    text = " ".join(f"harbour{number}" for _ in range(words))
    return StoredQuote(
        id=number, article_id=1, guild_id=1, text=text, speaker="Park Ji-hoon",
        speaker_description=None, cue="said", start=0, end=len(text),
        article_title="Port strike", article_url=None, published=None,
        created_at=datetime(2026, 3, 3, tzinfo=UTC), channel_id=2, message_id=3,
    )  # fmt: skip


def test_long_results_are_shortened_and_counted() -> None:
    result = WhoSaidResult(query="Park", speaker="Park Ji-hoon", quotes=tuple(
        a_quote(n, 300) for n in range(10)
    ))  # fmt: skip
    description = who_said_embed(1, result).description or ""

    assert len(description) <= EMBED_DESCRIPTION_CHARS
    assert "…”" in description  # each long quote is visibly cut
    shown = description.count("**Park Ji-hoon**")
    assert 1 <= shown < 10
    assert description.endswith(f"*… and {10 - shown} more*")


def test_short_results_are_shown_whole() -> None:
    result = WhoSaidResult(query="Park", speaker="Park Ji-hoon", quotes=(a_quote(1, 12),))
    description = who_said_embed(1, result).description or ""
    assert "…" not in description and description.count("harbour1") == 12
    assert "2026-03-03" in description
