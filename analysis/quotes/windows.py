"""Token windows around a quote: its own sentence before and after, the sentence above."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from analysis.doc_text import text_of, token_index_at
from analysis.lexicon import QUOTE_MARKS, SENTENCE_ENDS, SIGNATURE_DASHES, SUBJECT_DEPS
from analysis.quotes.marks import QuoteSpan


def ancestors_outside(doc: Doc, span: QuoteSpan) -> list[Token]:
    """The verbs governing the quote's first word that stand before it, lowest first."""
    index = token_index_at(doc, span.start)
    if index >= len(doc):
        return []
    paragraph_start = text_of(doc).rfind("\n", 0, span.open_mark) + 1
    chain = [t for t in doc[index].ancestors if t.pos_ in {"VERB", "AUX"}]
    return [t for t in chain[:8] if paragraph_start <= t.idx < span.open_mark]


def subjects_before(verb: Token, span: QuoteSpan) -> list[Token]:
    """The verb's subjects inside the quote's paragraph and before its opening mark."""
    paragraph_start = text_of(verb.doc).rfind("\n", 0, span.open_mark) + 1
    return [
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS and paragraph_start <= c.idx < span.open_mark
    ]


def previous_sentence(
    doc: Doc, before: list[Token], span: QuoteSpan, previous: QuoteSpan | None
) -> list[Token]:
    """The sentence before the quote's own, inside its paragraph: '"…," he said. "…"'."""
    index = (before[0].i if before else token_index_at(doc, span.open_mark)) - 1
    while index >= 0 and (is_mark(doc[index]) or doc[index].is_space):
        if "\n" in doc[index].text:
            return []
        index -= 1
    if index < 0 or doc[index].text not in SENTENCE_ENDS:
        return []
    floor = previous.open_mark if previous else 0
    tokens = _sentence_back_from(doc, index - 1, floor)
    return [t for t in tokens if not is_mark(t) and not _inside(t, previous)]


def _inside(token: Token, span: QuoteSpan | None) -> bool:
    return span is not None and span.start <= token.idx < span.end


def after_window(doc: Doc, span: QuoteSpan, following: QuoteSpan | None) -> list[Token]:
    """Tokens after the closing mark up to the sentence's end, the next quote or paragraph."""
    if span.close_mark is None:
        return []
    limit = following.open_mark if following else len(text_of(doc))
    tokens: list[Token] = []
    first_index = token_index_at(doc, span.close_mark + 1)
    for token in _tokens_from(doc, span.close_mark + 1):
        if token.idx >= limit or "\n" in token.text:
            break
        if token.is_space:
            continue
        # 'said Army Capt. Jo Pardo' with the period its own token inside the name; '”. ― Name'
        # with the quote's full stop outside the marks before a signature.
        if token.text in SENTENCE_ENDS and token.dep_ not in {"compound", "flat"}:
            if not (token.i == first_index and _dash_follows(doc, token)):
                break
            continue
        tokens.append(token)
    return [t for t in tokens if not is_mark(t)]


def before_window(doc: Doc, span: QuoteSpan, previous: QuoteSpan | None) -> list[Token]:
    """Tokens before the opening mark back to the sentence's start, a quote or paragraph."""
    floor = previous.end + 1 if previous else 0
    tokens = _sentence_back_from(doc, token_index_at(doc, span.open_mark) - 1, floor)
    return [t for t in tokens if not is_mark(t)]


def _sentence_back_from(doc: Doc, index: int, floor: int) -> list[Token]:
    """Tokens from doc[index] back to the sentence's start, a paragraph or `floor`, in order."""
    tokens: list[Token] = []
    while index >= 0:
        token = doc[index]
        if token.idx < floor or "\n" in token.text or token.text in SENTENCE_ENDS:
            break
        tokens.append(token)
        index -= 1
    tokens.reverse()
    return tokens


def is_mark(token: Token) -> bool:
    """Whether the token is a quotation mark of any style."""
    return token.text in QUOTE_MARKS


def _dash_follows(doc: Doc, token: Token) -> bool:
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and following.text in SIGNATURE_DASHES


def _tokens_from(doc: Doc, char: int) -> Iterator[Token]:
    """The tokens from the one at char on, one at a time: callers stop after a sentence."""
    for index in range(token_index_at(doc, char), len(doc)):
        yield doc[index]


def in_quoted(token: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the token lies inside one of the quoted stretches (start, end) of the text."""
    return any(start <= token.idx < end for start, end in quoted)
