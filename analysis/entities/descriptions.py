"""Descriptions of people and organisations from appositions in the text."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_WINDOW_TOKENS = 40
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_DESCRIPTION_START = re.compile(r"^(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[\w'’-]+['’]s)\b")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)?")
_LEADING_DETERMINER = re.compile(r"^(A|An|The|His|Her|Its|Their)\b")
_AFTER_NAME = re.compile(
    r",\s+((?:a|an|the|his|her|its|their)\s[^,;:\"“”()\n]{2,140}?)"
    r"(?=,|\.|;|\s+(?:said|says|told)\b)"
)


def describe(doc: Doc, spans: list[tuple[int, int]]) -> str | None:
    """The first apposition that describes the entity: "a labour economist at ..."."""
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        found = _appos_after(doc, span) or _appos_before(doc, span) or _pattern_after(doc, span)
        if found:
            return found
    return None


def _is_description(span: Span | None) -> bool:
    """A noun phrase without a finite verb, not another name, of a sensible length."""
    if span is None or not 1 <= len(span) <= 25:
        return False
    for token in span:
        if token.tag_ in _RELATIVE_TAGS or token.lower_ == "that":
            break  # "a retired teacher who has lived here for 40 years" is still a description
        if token.tag_ in _FINITE_VERB_TAGS:
            return False
    if span[0].ent_type_ == "PERSON" or span[0].is_punct:
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in span)


def _clean_description(span: Span) -> str:
    text = _PARENTHETICAL.sub("", span.text).strip().strip(",;:—–- ").strip()
    # The description is shown after the name, so a sentence-initial "The" becomes "the".
    return _LEADING_DETERMINER.sub(lambda m: m.group(1).lower(), text)


def _appos_after(doc: Doc, span: Span) -> str | None:
    """ "Tomas Berg, a labour economist at the Baltic Institute, said ..." """
    for token in span:
        for child in token.children:
            if child.dep_ != "appos" or child.i < span.end:
                continue
            if doc[span.end].text != ",":
                continue
            described = _before_coordinated_name(doc[span.end + 1 : child.right_edge.i + 1])
            if _is_description(described) and described[0].pos_ in ("DET", "ADJ", "NOUN", "PRON"):
                return _clean_description(described)
    return None


def _before_coordinated_name(described: Span) -> Span:
    """ "a Chinese investor, and Long Meiling, the city's mayor": the description ends where a
    coordinated name begins."""
    for token in described:
        if token.dep_ == "cc" and token.i > described.start:
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if following is not None and following.pos_ == "PROPN":
                end = token.i - 1 if token.doc[token.i - 1].text == "," else token.i
                return token.doc[described.start : end]
    return described


def _appos_before(doc: Doc, span: Span) -> str | None:
    """ "the port authority's director, Park Ji-hoon, said ..." """
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or span.start < 2:
        return None
    if doc[span.start - 1].text != ",":
        return None
    described = doc[head.left_edge.i : span.start - 1]
    if not _DESCRIPTION_START.match(described.text) or not _is_description(described):
        return None
    return _clean_description(described)


def _pattern_after(doc: Doc, span: Span) -> str | None:
    """Fallback when the parse missed the apposition: ", a/the ... ," right after the name."""
    # Only a short window after the name is read: doc.text rebuilds the whole string.
    window = doc[span.end : span.end + _WINDOW_TOKENS]
    match = _AFTER_NAME.match(span[-1].whitespace_ + window.text)
    if match is None:
        return None
    start, end = span.end_char + match.start(1), span.end_char + match.end(1)
    described = doc.char_span(start, end, alignment_mode="expand")
    return _clean_description(described) if described and _is_description(described) else None
