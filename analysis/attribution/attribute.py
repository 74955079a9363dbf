"""Who said each direct quote: the first rule of the table that reads a cue around it, its
speaker resolved to a canonical name; for a quote with no cue, the fallbacks of `uncued`. Each
quote records the name of the rule that gave its speaker."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from analysis.attribution.cue_verbs import Attribution
from analysis.attribution.reporters import reporter_of
from analysis.attribution.rules import find_attribution, first_token
from analysis.attribution.uncued import (
    PARAGRAPH_ABOVE,
    PREVIOUS_QUOTE_RUNS_ON,
    PREVIOUS_SPEAKER_PAST_NARRATIVE,
    inherited_speaker,
    narrative_between,
    share_within_runs,
    speaker_of_paragraph_above,
)
from analysis.doc_text import text_of
from analysis.quotes.marks import QuoteSpan, find_quote_spans, is_direct_quote
from analysis.speakers.resolver import Speaker, SpeakerResolver
from analysis.types import EntityCluster, Quote

__all__ = ["attribute_quotes", "find_attribution"]


def attribute_quotes(doc: Doc, clusters: list[EntityCluster]) -> list[Quote]:
    """The direct quotes of a parsed article, each with its speaker, in text order."""
    text = text_of(doc)
    every_span = find_quote_spans(text)
    spans = [s for s in every_span if is_direct_quote(text, s)]
    # Words between quotation marks never name the speaker, even in a quote too short to report.
    quoted = [(s.open_mark, s.end + 1) for s in every_span]
    resolver = SpeakerResolver(doc, clusters)
    resolver.quoted = [(s.open_mark, s.end + 1) for s in spans]
    speakers: list[Speaker | None] = []
    cued: list[bool] = []  # whether each quote's speaker came from a cue of its own
    for index, span in enumerate(spans):
        previous = spans[index - 1] if index else None
        following = spans[index + 1] if index + 1 < len(spans) else None
        attribution = find_attribution(doc, span, previous, following, quoted)
        speaker = None
        if attribution is not None:
            attribution = reporter_of(attribution, first_token(doc, span))
            speaker = _resolved(resolver, attribution, span, attribution.rule)
        cued.append(speaker is not None)
        if speaker is None:
            last = speakers[-1] if speakers else None
            speaker = _speaker_without_cue(doc, resolver, span, previous, last)
        speakers.append(speaker)
        if speaker is not None and speaker.name is not None:
            resolver.last_speakers.append((span.start, speaker))
    share_within_runs(spans, speakers, cued)
    return [_quote(text, span, speaker) for span, speaker in zip(spans, speakers, strict=True)]


def _speaker_without_cue(
    doc: Doc,
    resolver: SpeakerResolver,
    span: QuoteSpan,
    previous: QuoteSpan | None,
    last: Speaker | None,
) -> Speaker | None:
    """A quote with no cue of its own: the previous speaker where the quotes run on; after a
    paragraph of the writer's own, whoever that paragraph says is talking, else still the
    previous speaker."""
    text = text_of(doc)
    inherited = inherited_speaker(text, span, previous, last) if previous else None
    if inherited is not None and previous and not narrative_between(text, previous, span):
        return replace(inherited, rule=PREVIOUS_QUOTE_RUNS_ON)
    above = speaker_of_paragraph_above(doc, span)
    told = _resolved(resolver, above, span, PARAGRAPH_ABOVE) if above else None
    if told is not None:
        return told
    return replace(inherited, rule=PREVIOUS_SPEAKER_PAST_NARRATIVE) if inherited else None


def _resolved(
    resolver: SpeakerResolver, attribution: Attribution, span: QuoteSpan, rule: str
) -> Speaker | None:
    """The speaker the attribution names, given the name of the rule that found it."""
    speaker = resolver.resolve(attribution, span)
    return replace(speaker, rule=rule) if speaker is not None else None


def _quote(text: str, span: QuoteSpan, speaker: Speaker | None) -> Quote:
    if speaker is None:
        return Quote(text[span.start : span.end], span.start, span.end, None)
    return Quote(
        text[span.start : span.end],
        span.start,
        span.end,
        speaker.name,
        None if speaker.name else speaker.description,
        speaker.cue,
        speaker.rule,
    )
