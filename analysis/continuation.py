"""Quotes with no cue of their own: runs of one quote, bare quote paragraphs."""

from __future__ import annotations

from analysis.quotes import QuoteSpan
from analysis.speaker_mentions import Speaker


def inherited_speaker(
    text: str, span: QuoteSpan, previous: QuoteSpan | None, last: Speaker | None
) -> Speaker | None:
    """A quote with no cue of its own keeps the previous speaker where the text runs on.

    Same paragraph (`"…," he said. "…"`), or a paragraph holding nothing but the quote.
    """
    if previous is None or last is None:
        return None
    between = text[previous.end : span.open_mark]
    if "\n" not in between or span.continued:
        return last
    if _paragraph_is_only_quotes(text, span):
        return last
    return None


def _paragraph_is_only_quotes(text: str, span: QuoteSpan) -> bool:
    """Whether the words of span's paragraph outside the quote are nothing but its marks."""
    p_start = text.rfind("\n", 0, span.open_mark) + 1
    p_end = text.find("\n", span.end)
    p_end = len(text) if p_end < 0 else p_end
    outside = text[p_start : span.open_mark] + text[span.end + 1 : p_end]
    return not any(ch.isalnum() for ch in outside)


def share_within_runs(spans: list[QuoteSpan], speakers: list[Speaker | None]) -> None:
    """Paragraphs of one multi-paragraph quote share the speaker found in any of them."""
    run_start = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans) and spans[index].continued:
            continue
        found = next((s for s in speakers[run_start:index] if s is not None), None)
        if found is not None:
            for member in range(run_start, index):
                speakers[member] = speakers[member] or found
        run_start = index
