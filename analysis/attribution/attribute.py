"""Who said each direct quote: cue verbs in the parse, speakers resolved to canonical names."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from analysis.attribution.cue_verbs import Attribution, cue_in
from analysis.attribution.possessive_sources import (
    in_their_view_after,
    owner_around,
    possessed_words,
)
from analysis.attribution.punctuation_cues import (
    colon_introduction,
    dash_introduction,
    dash_signature,
    introduced_above,
    signed_before_colon,
    signed_below,
)
from analysis.attribution.reporters import reporter_of
from analysis.attribution.sentence_cues import (
    aside,
    bare_verb_after,
    clause_subject,
    governing_cue,
    statement_object,
    subordinate_cue,
    verb_leading_in,
)
from analysis.attribution.sentence_goes_on import (
    beyond_continuation,
    continues_sentence,
    has_subject,
)
from analysis.attribution.uncued import (
    inherited_speaker,
    narrative_between,
    share_within_runs,
    speaker_of_paragraph_above,
)
from analysis.attribution.words_after import (
    governs_quote,
    introduces_next_quote,
    leading_clause,
    starts_new_sentence,
    straddling_cue,
)
from analysis.doc_text import text_of, token_index_at
from analysis.quotes.marks import QuoteSpan, find_quote_spans, is_direct_quote
from analysis.quotes.windows import (
    after_window,
    ancestors_outside,
    before_window,
    in_quoted,
    previous_sentence,
)
from analysis.speakers.resolver import Speaker, SpeakerResolver
from analysis.types import EntityCluster, Quote

__all__ = ["Attribution", "attribute_quotes", "find_attribution"]


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
    for index, span in enumerate(spans):
        previous = spans[index - 1] if index else None
        following = spans[index + 1] if index + 1 < len(spans) else None
        attribution = find_attribution(doc, span, previous, following, quoted)
        if attribution is not None:
            attribution = reporter_of(attribution, _first_token(doc, span))
        speaker = resolver.resolve(attribution, span) if attribution else None
        if speaker is None:
            last = speakers[-1] if speakers else None
            speaker = _speaker_without_cue(doc, resolver, span, previous, last)
        speakers.append(speaker)
        if speaker is not None and speaker.name is not None:
            resolver.last_speakers.append((span.start, speaker))
    share_within_runs(spans, speakers)
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
        return inherited
    above = speaker_of_paragraph_above(doc, span)
    told = resolver.resolve(above, span) if above else None
    return told or inherited


def _first_token(doc: Doc, span: QuoteSpan) -> Token | None:
    index = token_index_at(doc, span.start)
    return doc[index] if index < len(doc) else None


def _unquoted(window: list[Token], quoted: Sequence[tuple[int, int]]) -> list[Token]:
    return [t for t in window if not in_quoted(t, quoted)]


def _named(attribution: Attribution | None) -> Attribution | None:
    """The attribution when its speaker token is a name or a pronoun, not a common noun."""
    if attribution is None or attribution.speaker is None:
        return None
    return attribution if attribution.speaker.pos_ in {"PROPN", "PRON"} else None


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
    )


def find_attribution(
    doc: Doc,
    span: QuoteSpan,
    previous: QuoteSpan | None,
    following: QuoteSpan | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """The cue and speaker token the sentence around a quote gives it, if any; `quoted` holds
    the article's quoted stretches (marks included), whose words never name the speaker."""
    after = _unquoted(after_window(doc, span, following), quoted)
    before = _unquoted(before_window(doc, span, previous), quoted)
    content = text_of(doc)[span.start : span.end].rstrip()
    if introduces_next_quote(content, after, following.open_mark if following else None):
        after = []
    ends_like_speech = content.endswith((",", "?", "!", "—", "–", "-", "..."))
    # A quote ending in a comma ('"…," she said') or standing first takes the clause after it;
    # a partial quote inside the reporter's sentence takes the sentence's own cue first.
    after_first = bool(after) and (
        ends_like_speech or not (before or starts_new_sentence(content, after))
    )
    if after_first and before and continues_sentence(after):
        # 'Cruz said Trump represents "New York values," stating …': the cue is before.
        after_first = False
        reported = cue_in(beyond_continuation(after), near_end=False)
        if reported is not None:
            return reported
    may_use_after = bool(after) and not content.endswith(".")
    dashed = dash_signature(after) or signed_below(doc, span)
    if dashed is not None:
        return dashed
    ancestors = ancestors_outside(doc, span)
    if after_first and before:
        embedded = subordinate_cue(ancestors, span)
        if embedded is not None:
            return embedded
    held = _held_before(doc, span, before, after, ancestors)
    if after_first:
        found = _named_after(before, after, ends_like_speech)
        if found is not None:
            # 'according to' speaks for the whole sentence, whatever the parse hangs it on.
            return found if found.cue == "according to" else held or found
    return (
        signed_before_colon(before)
        or aside(before)
        or verb_leading_in(before)
        or statement_object(before)
        or governing_cue(ancestors, span)
        or cue_in(before, near_end=True)
        or colon_introduction(before)
        or dash_introduction(before)
        or possessed_words(before)
        or owner_around(before, after)
        or in_their_view_after(after)
        or held
        or (cue_in(after, near_end=False) if may_use_after and not after_first else None)
        or (clause_subject(ancestors, span) if before else None)
        or (
            None
            if has_subject(before)
            else cue_in(
                _unquoted(previous_sentence(doc, before, span, previous), quoted), near_end=True
            )
        )
        or (None if span.continued else introduced_above(doc, span))
    )


def _held_before(
    doc: Doc, span: QuoteSpan, before: list[Token], after: list[Token], ancestors: list[Token]
) -> Attribution | None:
    """'…his comment that "Islam hates us," refusing …, Rubio tried': when no clause after the
    quote governs it, the named clause before it that does."""
    if not before or governs_quote(after, _first_token(doc, span)):
        return None
    return _named(governing_cue(ancestors, span)) or clause_subject(ancestors, span)


def _named_after(
    before: list[Token], after: list[Token], ends_like_speech: bool
) -> Attribution | None:
    """The clause after a quote that names its speaker: the one right after it, a cue whose
    subject stands before the quote, any cue, or a bare verb after a comma ('…," Oliver barked')."""
    found = (
        leading_clause(after)
        or (straddling_cue(before, after) if before else None)
        or cue_in(after, near_end=False)
    )
    if found is None and ends_like_speech:
        found = bare_verb_after(after)
    return found
