"""The attribution rules, in the order they are tried: the first that finds a speaker token for a
quote attributes it, and the Attribution it returns carries the rule's name.

Each rule is a small function of a QuoteContext, which reads the words around the quote once
(the windows before and after it, the verbs above it) and only as far as the rules ask.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

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
    dashed_aside,
    introduced_above,
    signed_before_colon,
    signed_below,
)
from analysis.attribution.sentence_cues import (
    aside,
    bare_verb_after,
    clause_subject,
    governing_cue,
    inverted_cue_after,
    statement_object,
    subordinate_cue,
    verb_leading_in,
)
from analysis.attribution.sentence_goes_on import (
    beyond_continuation,
    continues_sentence,
    has_subject,
)
from analysis.attribution.words_after import (
    governs_quote,
    introduces_next_quote,
    leading_clause,
    starts_new_sentence,
    straddling_cue,
)
from analysis.doc_text import text_of, token_index_at
from analysis.quotes.marks import QuoteSpan
from analysis.quotes.windows import (
    after_window,
    ancestors_outside,
    before_window,
    in_quoted,
    previous_sentence,
)

# How a quote that ends like speech ends: '"…," she said', '"…?" he asked', '"…—"'.
_SPEECH_ENDINGS = (",", "?", "!", "—", "–", "-", "...")


@dataclass
class QuoteContext:
    """One quote and the words around it, each piece read once, when a rule first asks."""

    doc: Doc
    span: QuoteSpan
    previous: QuoteSpan | None
    following: QuoteSpan | None
    quoted: Sequence[tuple[int, int]]  # the article's quoted stretches, marks included

    @cached_property
    def content(self) -> str:
        """The quote's words, trailing space dropped."""
        return text_of(self.doc)[self.span.start : self.span.end].rstrip()

    @cached_property
    def before(self) -> list[Token]:
        """The words of the quote's sentence before it, outside any quote."""
        return _unquoted(before_window(self.doc, self.span, self.previous), self.quoted)

    @cached_property
    def after(self) -> list[Token]:
        """The words of the quote's sentence after it, outside any quote; none when they end in
        a colon that introduces the next quote instead."""
        after = _unquoted(after_window(self.doc, self.span, self.following), self.quoted)
        next_open = self.following.open_mark if self.following else None
        return [] if introduces_next_quote(self.content, after, next_open) else after

    @cached_property
    def ends_like_speech(self) -> bool:
        """'"…," she said': the quote ends in a comma, question or exclamation mark, or dash."""
        return self.content.endswith(_SPEECH_ENDINGS)

    @cached_property
    def leads_into_after(self) -> bool:
        """Whether the clause after the quote is read first: it ends like speech, or stands
        first in its sentence ('"…." Holm said.'). A partial quote inside the reporter's
        sentence takes the sentence's own cue first."""
        return bool(self.after) and (
            self.ends_like_speech
            or not (self.before or starts_new_sentence(self.content, self.after))
        )

    @cached_property
    def sentence_goes_on(self) -> bool:
        """'Cruz said Trump represents "New York values," stating …': the words after the
        quote carry the sentence on, so its cue is before the quote."""
        return self.leads_into_after and bool(self.before) and continues_sentence(self.after)

    @cached_property
    def after_first(self) -> bool:
        """Whether the clause after the quote speaks for it before the words before it do."""
        return self.leads_into_after and not self.sentence_goes_on

    @cached_property
    def may_use_after(self) -> bool:
        """Whether a cue after the quote may still speak for it: the quote is not a finished
        sentence of its own."""
        return bool(self.after) and not self.content.endswith(".")

    @cached_property
    def ancestors(self) -> list[Token]:
        """The verbs above the quote's first word that stand before it, lowest first; none inside
        another quote ('the department "does not comment on …" and that it took "…"')."""
        return _unquoted(ancestors_outside(self.doc, self.span), self.quoted)

    @cached_property
    def first_token(self) -> Token | None:
        """The quote's first token."""
        return first_token(self.doc, self.span)

    @cached_property
    def held(self) -> Attribution | None:
        """'…his comment that "Islam hates us," refusing …, Rubio tried': when no clause after
        the quote governs it, the named clause before it that does."""
        if not self.before or governs_quote(self.after, self.first_token):
            return None
        return _named(governing_cue(self.ancestors, self.span)) or clause_subject(
            self.ancestors, self.span
        )

    @cached_property
    def clause_right_after(self) -> Attribution | None:
        """'"…," Trump said, after CNBC's Becky Quick said …': the clause up to the first
        comma after the quote."""
        return leading_clause(self.after)

    @cached_property
    def straddling(self) -> Attribution | None:
        """'Mr. Manafort, citing "…," said': a cue after the quote, its subject before it."""
        return straddling_cue(self.before, self.after) if self.before else None

    @cached_property
    def cue_after(self) -> Attribution | None:
        """Any reporting cue after the quote, nearest first."""
        return cue_in(self.after, near_end=False)

    @cached_property
    def bare_verb(self) -> Attribution | None:
        """'"…," Oliver barked': any verb in a short clause after a quote ending like speech."""
        return bare_verb_after(self.after) if self.ends_like_speech else None

    @cached_property
    def named_after(self) -> Attribution | None:
        """The clause after the quote that names its speaker, tried as the rules after it are."""
        return self.clause_right_after or self.straddling or self.cue_after or self.bare_verb


@dataclass(frozen=True)
class Rule:
    """One way the words around a quote name its speaker."""

    name: str
    find: Callable[[QuoteContext], Attribution | None]


def _sentence_goes_on(c: QuoteContext) -> Attribution | None:
    if not c.sentence_goes_on:
        return None
    return cue_in(beyond_continuation(c.after), near_end=False)


def _held_over_after(c: QuoteContext) -> Attribution | None:
    # 'according to' speaks for the whole sentence, whatever the parse hangs it on.
    if not c.after_first or c.named_after is None or c.named_after.cue == "according to":
        return None
    return c.held


def _previous_sentence(c: QuoteContext) -> Attribution | None:
    if has_subject(c.before):
        return None
    sentence = previous_sentence(c.doc, c.before, c.span, c.previous)
    return cue_in(_unquoted(sentence, c.quoted), near_end=True)


# The order is the precedence: the first rule that finds a speaker token attributes the quote.
RULES: tuple[Rule, ...] = (
    # The sentence runs on past the quote ('…," stating that …, CNN reported'): a cue beyond.
    Rule("cue beyond the sentence going on", _sentence_goes_on),
    # Signatures: '"…" ― Martha Aguilar', '- Bernie Sanders.' on the line below.
    Rule("dash signature", lambda c: dash_signature(c.after, opens_line=not c.before)),
    Rule("signed below", lambda c: signed_below(c.doc, c.span)),
    # 'After Berg said poor students do better at "…," Holm said': Berg's clause speaks.
    Rule(
        "subordinate clause cue",
        lambda c: subordinate_cue(c.ancestors, c.span) if c.after_first and c.before else None,
    ),
    # The clause after a quote ending like speech ('"…," she said'); a named clause before it
    # that governs the quote comes first, unless the clause after says 'according to'.
    Rule("clause holding the quote, over the clause after", _held_over_after),
    Rule("clause right after", lambda c: c.clause_right_after if c.after_first else None),
    Rule("cue straddling the quote", lambda c: c.straddling if c.after_first else None),
    Rule("cue after", lambda c: c.cue_after if c.after_first else None),
    Rule("bare verb after", lambda c: c.bare_verb if c.after_first else None),
    Rule(
        "verb then speaker after", lambda c: inverted_cue_after(c.after) if c.after_first else None
    ),
    # The sentence before the quote.
    Rule("name signed before a colon", lambda c: signed_before_colon(c.before)),
    Rule("as they put it", lambda c: aside(c.before)),
    Rule("verb leading in", lambda c: verb_leading_in(c.before)),
    Rule("statement issued", lambda c: statement_object(c.before)),
    Rule("aside between dashes", lambda c: dashed_aside(c.before, c.after)),
    Rule("reporting verb above", lambda c: governing_cue(c.ancestors, c.span)),
    Rule("cue before", lambda c: cue_in(c.before, near_end=True)),
    Rule("colon introduction", lambda c: colon_introduction(c.before)),
    Rule("dash introduction", lambda c: dash_introduction(c.before)),
    Rule("owner of the words before", lambda c: possessed_words(c.before)),
    Rule("owner around the quote", lambda c: owner_around(c.before, c.after)),
    Rule("owner of the view after", lambda c: in_their_view_after(c.after)),
    Rule("clause holding the quote", lambda c: c.held),
    # A partial quote inside the reporter's sentence: a cue later in it, or its subject.
    Rule(
        "cue later in the sentence",
        lambda c: c.cue_after if c.may_use_after and not c.after_first else None,
    ),
    Rule(
        "subject of the sentence",
        lambda c: clause_subject(c.ancestors, c.span) if c.before else None,
    ),
    # Above the quote: the sentence before it, or a paragraph ending in a colon.
    Rule("cue in the sentence above", _previous_sentence),
    Rule(
        "colon closing the paragraph above",
        lambda c: None if c.span.continued else introduced_above(c.doc, c.span),
    ),
)


def find_attribution(
    doc: Doc,
    span: QuoteSpan,
    previous: QuoteSpan | None,
    following: QuoteSpan | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """The cue and speaker token the sentence around a quote gives it, if any, named after the
    rule that found them; `quoted` holds the article's quoted stretches (marks included), whose
    words never name the speaker."""
    context = QuoteContext(doc, span, previous, following, quoted)
    for rule in RULES:
        found = rule.find(context)
        if found is not None:
            return Attribution(found.speaker, found.cue, rule.name)
    return None


def first_token(doc: Doc, span: QuoteSpan) -> Token | None:
    """The quote's first token, if the text has one there."""
    index = token_index_at(doc, span.start)
    return doc[index] if index < len(doc) else None


def _unquoted(window: list[Token], quoted: Sequence[tuple[int, int]]) -> list[Token]:
    return [t for t in window if not in_quoted(t, quoted)]


def _named(attribution: Attribution | None) -> Attribution | None:
    """The attribution when its speaker token is a name or a pronoun, not a common noun."""
    if attribution is None or attribution.speaker is None:
        return None
    return attribution if attribution.speaker.pos_ in {"PROPN", "PRON"} else None
