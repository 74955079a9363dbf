"""Attributions a punctuation mark introduces: a colon or dash before the quote (in its own
sentence or closing the paragraph above), a name signed by a dash ('"…" ― Martha Aguilar',
'Pollsters agree - Ana Holm: "…"', '- Bernie Sanders.' on the line below)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from analysis.attribution.cue_verbs import (
    Attribution,
    cue_in,
    named_first,
    subject_of,
)
from analysis.doc_text import name_head, text_of, token_index_at
from analysis.lexicon import (
    SENTENCE_ENDS,
    SIGNATURE_DASHES,
    SPEAKER_LABELS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
)
from analysis.quotes.marks import QuoteSpan

_DASHES = "-–—―"
_ASIDE_DASHES = frozenset({"--", "-", "–", "—"})
_SIGNATURE = re.compile(r"[ \t]*[-–—―]+[ \t]*(?=\w)")


def dash_signature(after: list[Token], opens_line: bool = True) -> Attribution | None:
    """'"…" ― Martha Aguilar': a name signed after a dash. Past a first word that is not a
    name, only a quote standing at the start of its line is signed ('Holm called it “…” — a
    view few shared' is the writer's)."""
    if len(after) < 2 or after[0].text not in SIGNATURE_DASHES:
        return None
    name = _signed_name(after[1:]) if opens_line else _first_name(after[1:])
    if name is None:
        return None
    while name.dep_ in {"compound", "flat"} and name.head.i == name.i + 1:
        name = name.head
    return Attribution(name, after[0].text)


def signed_below(doc: Doc, span: QuoteSpan) -> Attribution | None:
    """A name signed on the line below the quote."""
    name = signature_below(doc, span.end)
    return Attribution(name, "—") if name is not None else None


def signature_below(doc: Doc, quote_end: int) -> Token | None:
    """'"…"' then a paragraph '- Bernie Sanders.': the name signed under a quote."""
    text = text_of(doc)
    p_end = text.find("\n", quote_end)
    if p_end < 0 or text[quote_end:p_end].strip(" \t\"”'’.,"):
        return None
    p_start = p_end
    while p_start < len(text) and text[p_start].isspace():
        p_start += 1
    match = _SIGNATURE.match(text, p_start)
    if match is None:
        return None
    index = token_index_at(doc, match.end())
    if index >= len(doc):
        return None
    token = doc[index]
    if token.text.lstrip(_DASHES)[:1].isupper() and token.pos_ == "PROPN":
        return name_head(token)
    return None


def _signed_name(signature: list[Token]) -> Token | None:
    """Who signs a quote after a dash: the first person before the line's first comma or
    bracket ('― GOP strategist Rick Wilson', '― former Gov. Jeb Bush'), else its first word
    when a name ('― Trump at a rally'), else a person in apposition after the comma ('― a
    spokesman, Brian Fallon'), an organisation, or an unnamed source ('― a senior aide')."""
    line = _until(signature, {",", "(", ";", ":"})
    person = _first_person(line)
    if person is not None:
        return person
    first = line[0] if line else signature[0]
    if first.pos_ == "PROPN":
        return first
    person = _first_person(_until(signature, {"(", ";"}))
    if person is not None:
        return person
    organisation = next((t for t in line if t.ent_type_ == "ORG" and t.pos_ == "PROPN"), None)
    if organisation is not None:
        return organisation
    if first.lower_ in {"a", "an"}:
        inside = {t.i for t in line}
        return next((t for t in line if t.pos_ == "NOUN" and t.head.i not in inside), None)
    return None


def _first_name(signature: list[Token]) -> Token | None:
    return signature[0] if signature[0].pos_ == "PROPN" else None


def _until(tokens: list[Token], stops: set[str]) -> list[Token]:
    for index, token in enumerate(tokens):
        if token.text in stops:
            return tokens[:index]
    return tokens


def _first_person(tokens: list[Token]) -> Token | None:
    return next((t for t in tokens if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"), None)


def colon_introduction(before: list[Token]) -> Attribution | None:
    """'The minister was blunt: "…"', 'Pew Research: "…"': who the colon introduces (a name
    signed before the colon is `signed_before_colon`'s, tried first)."""
    before = [t for t in before if not t.is_space]
    if not before or before[-1].text != ":":
        return None
    verb = _clause_verb(before[-1], before)
    quoted = _quoted_person(verb)
    if quoted is not None:
        return quoted
    subject = subject_of(verb, before) if verb is not None else None
    if verb is not None and subject is not None and subject.pos_ in {"PROPN", "PRON", "NOUN"}:
        return Attribution(subject, verb.text)
    named = [t for t in before if t.ent_type_ in SPEAKER_LABELS]
    return Attribution(named[-1], ":") if named else None


def _quoted_person(verb: Token | None) -> Attribution | None:
    """'Frank quotes the adviser Alfred Kahn: "…"': the one quoted speaks, not the one quoting."""
    if verb is None or verb.lemma_.lower() != "quote":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
    return Attribution(objects[0], verb.text) if objects else None


def _clause_verb(mark: Token, window: list[Token]) -> Token | None:
    """The verb of the clause a mark closes, climbing from the word the parser hangs it on:
    'McConnell delivered a message to Trump:' gives 'delivered', not 'Trump'."""
    in_window = {t.i for t in window}
    current = mark.head
    for _ in range(4):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head is current or current.head.i not in in_window:
            return None
        current = current.head
    return None


def dash_introduction(before: list[Token]) -> Attribution | None:
    """'Trump also embraced the idea -- "…"': a clause ending in a dash hands its named subject
    the quote that follows."""
    words = [t for t in before if not t.is_space]
    if not words or words[-1].text not in {"--", "—", "–"}:
        return None
    for verb in reversed(words):
        if verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c in words]
        if subjects:
            subject = named_first(subjects)
            named = subject.pos_ == "PROPN" or subject.lower_ in SPEAKER_PRONOUNS
            return Attribution(subject, verb.text) if named and subject.lower_ != "i" else None
    return None


def dashed_aside(before: list[Token], after: list[Token]) -> Attribution | None:
    """'including Mitt Romney -- "…" -- and Fred Goldberg': a quote set off by dashes right
    after a person's name is that person's."""
    words = [t for t in before if not t.is_space]
    following = [t for t in after if not t.is_space]
    if len(words) < 2 or not following:
        return None
    if words[-1].text not in _ASIDE_DASHES or following[0].text not in _ASIDE_DASHES:
        return None
    name = words[-2]
    return Attribution(name, "--") if name.ent_type_ == "PERSON" else None


def signed_before_colon(before: list[Token]) -> Attribution | None:
    """'Turnout rose - Ana Holm: "…"': the capitalised name between a dash and the colon."""
    before = [t for t in before if not t.is_space]
    if not before or before[-1].text != ":":
        return None
    dashes = [i for i, t in enumerate(before) if t.text in {"-", "–", "—", "--"}]
    if not dashes:
        return None
    name = before[dashes[-1] + 1 : -1]
    words = [t for t in name if t.lower_ not in {"and", "&", "."}]
    if not 1 <= len(words) <= 6 or not all(t.text[:1].isupper() for t in words):
        return None
    return Attribution(name[-1], ":")


def introduced_above(doc: Doc, span: QuoteSpan) -> Attribution | None:
    """'Cruz continued:' closing the paragraph above a quote that opens its own."""
    above = introducing_paragraph(doc, span.open_mark)
    if not above:
        return None
    return cue_in(above, near_end=True) or signed_before_colon(above) or colon_introduction(above)


def introducing_paragraph(doc: Doc, open_mark: int) -> list[Token]:
    """The last sentence of the previous paragraph when it ends with a colon and the quote
    opens its own paragraph: 'Cruz continued:' then the quote below it."""
    text = text_of(doc)
    p_start = text.rfind("\n", 0, open_mark) + 1
    if text[p_start:open_mark].strip():
        return []
    above = text[:p_start].rstrip()
    if not above.endswith(":"):
        return []
    end = token_index_at(doc, len(above) - 1)
    if end >= len(doc):
        return []
    tokens: list[Token] = []
    for token in reversed(doc[: end + 1]):
        if "\n" in token.text or (token.text in SENTENCE_ENDS and tokens):
            break
        if not token.is_space:
            tokens.append(token)
    tokens.reverse()
    return tokens
