"""Quotes with no cue of their own: runs of one quote, bare quote paragraphs."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from analysis.attribution.cue_verbs import Attribution, cue_text, is_cue_verb
from analysis.doc_text import text_of, token_index_at
from analysis.lexicon import DOUBLE_QUOTE_MARKS
from analysis.quotes.marks import QuoteSpan
from analysis.speakers.resolver import Speaker

# The names of the ways a quote with no cue of its own gets a speaker, as its rule.
PREVIOUS_QUOTE_RUNS_ON = "previous quote runs on"
PARAGRAPH_ABOVE = "paragraph above"
PREVIOUS_SPEAKER_PAST_NARRATIVE = "previous speaker past the narrative"
SHARED_WITHIN_RUN = "shared within the run"
UNCUED_RULES = (
    PREVIOUS_QUOTE_RUNS_ON,
    PARAGRAPH_ABOVE,
    PREVIOUS_SPEAKER_PAST_NARRATIVE,
    SHARED_WITHIN_RUN,
)

# Verbs that say someone was talking without reporting words: "Holm spoke in slogans."
_SPEAKING = frozenset(["speak", "talk", "address", "testify", "lecture", "preach", "rail", "riff"])


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


def narrative_between(text: str, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether a paragraph of the writer's own stands between the previous quote's paragraph
    and this quote: then the previous speaker is no longer the obvious one."""
    between = text[previous.end : span.open_mark]
    first_break = between.find("\n")
    if first_break < 0:
        return False
    return any(ch.isalnum() for ch in between[first_break:])


def _paragraph_is_only_quotes(text: str, span: QuoteSpan) -> bool:
    """Whether the words of span's paragraph outside the quote are nothing but its marks."""
    p_start = text.rfind("\n", 0, span.open_mark) + 1
    p_end = text.find("\n", span.end)
    p_end = len(text) if p_end < 0 else p_end
    outside = text[p_start : span.open_mark] + text[span.end + 1 : p_end]
    return not any(ch.isalnum() for ch in outside)


def share_within_runs(
    spans: list[QuoteSpan], speakers: list[Speaker | None], cued: list[bool]
) -> None:
    """Paragraphs of one multi-paragraph quote share one speaker: the one a cue inside the
    quote names (often in its last paragraph), before one carried over from an earlier quote."""
    run_start = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans) and spans[index].continued:
            continue
        members = range(run_start, index)
        named = [speakers[m] for m in members if cued[m] and speakers[m] is not None]
        found = named[0] if named else next((speakers[m] for m in members if speakers[m]), None)
        if found is not None:
            for member in members:
                mine = speakers[member]
                if mine is not found and (mine is None or not cued[member]):
                    speakers[member] = replace(found, rule=SHARED_WITHIN_RUN)
        run_start = index


def speaker_of_paragraph_above(doc: Doc, span: QuoteSpan) -> Attribution | None:
    """A paragraph that is only a quote, under one that tells who is talking:
    'Holm spoke in slogans during the interview.' then '“We have to be tougher.”'."""
    text = text_of(doc)
    if span.continued or not _paragraph_is_only_quotes(text, span):
        return None
    above = _paragraph_above(text, span.open_mark)
    if above is None:
        return None
    last = doc[token_index_at(doc, above[1] - 1)].sent
    quoted_above = any(mark in text[above[0] : above[1]] for mark in DOUBLE_QUOTE_MARKS)
    for verb in last:
        speaking = verb.pos_ == "VERB" and verb.lemma_.lower() in _SPEAKING
        # A reporting verb above only counts as the paragraph's main verb, with no quote of its
        # own: "Holm told the panel about her plans." then the quote below.
        reporting = verb.dep_ == "ROOT" and not quoted_above and is_cue_verb(verb)
        if not (speaking or reporting):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.idx >= above[0]]
        if subjects and subjects[0].pos_ == "PROPN":
            return Attribution(subjects[0], cue_text(verb))
    return None


def _paragraph_above(text: str, open_mark: int) -> tuple[int, int] | None:
    """Start and end of the last non-empty paragraph before the one holding open_mark."""
    end = text.rfind("\n", 0, open_mark)
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    return (start, end) if text[start:end].strip() else None
