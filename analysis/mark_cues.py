"""Attributions a punctuation mark introduces: a colon or dash before the quote (in its own
sentence or closing the paragraph above), a name signed by a dash ('"…" ― Martha Aguilar',
'Pollsters agree - Ana Holm: "…"')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.cue_finders import SPEAKER_LABELS, Attribution, cue_in, named_first, subject_of
from analysis.cues import introducing_paragraph
from analysis.lexicon import SPEAKER_PRONOUNS
from analysis.quotes import QuoteSpan

_SUBJECTS = {"nsubj", "nsubjpass"}


def dash_signature(after: list[Token]) -> Attribution | None:
    """'"…" ― Martha Aguilar': a name signed after a dash."""
    if len(after) < 2 or after[0].text not in {"―", "—", "–", "-", "--"}:
        return None
    name = after[1]
    if name.pos_ != "PROPN":
        return None
    while name.dep_ in {"compound", "flat"} and name.head.i == name.i + 1:
        name = name.head
    return Attribution(name, after[0].text)


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
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c in words]
        if subjects:
            subject = named_first(subjects)
            named = subject.pos_ == "PROPN" or subject.lower_ in SPEAKER_PRONOUNS
            return Attribution(subject, verb.text) if named and subject.lower_ != "i" else None
    return None


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
