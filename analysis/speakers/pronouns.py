"""Who a speaking "he" or "she" stands for: subjects and speakers before recency.

A pronoun that reports speech almost always continues the sentence's or the previous
sentence's subject, or the last speaker quoted ("Cross said he would vote for Clinton, whom
he called '…'"): the person mentioned last (Clinton) is often someone spoken about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.lexicon import SUBJECT_DEPS
from analysis.quotes.windows import in_quoted

_SENTENCES_BACK = 3


@dataclass(frozen=True)
class Person:
    """A person a pronoun may stand for: the canonical name and gender, if known."""

    name: str
    gender: str | None


PersonAt = Callable[[Token], Person | None]


@dataclass(frozen=True)
class SpokenBefore:
    """A quote already attributed: where it starts and who said it."""

    start: int
    person: Person


def subject_antecedent(
    pronoun: Token,
    gender: str,
    person_at: PersonAt,
    spoken: list[SpokenBefore],
    quoted: list[tuple[int, int]],
) -> Person | None:
    """The subject before the pronoun in its sentence, else the last speaker or subject of the
    nearest earlier sentence that has one; None when neither is compatible."""
    found = _candidates(pronoun, person_at, spoken, quoted)
    return next((p for p in found if _compatible(p, gender)), None)


def _candidates(
    pronoun: Token, person_at: PersonAt, spoken: list[SpokenBefore], quoted: list[tuple[int, int]]
) -> list[Person]:
    """The people a pronoun may stand for, likeliest first: its own sentence's subjects (the
    main clause's first: "Reid said Rubio and Cruz are '…', but he gave"), then the speaker or
    subject of each earlier sentence of the paragraph, nearest first."""
    doc = pronoun.doc
    sentence = pronoun.sent
    before = [t for t in doc[sentence.start : pronoun.i] if not in_quoted(t, quoted)]
    found = [
        person
        for token in sorted(reversed(before), key=_depth)
        if (person := _person_subject(token, person_at)) is not None
    ]
    for _ in range(_SENTENCES_BACK):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
        if _crosses_paragraphs(doc, sentence):
            break
        person = _speaker_or_subject(sentence, person_at, spoken, quoted)
        if person is not None:
            found.append(person)
    return found


def _speaker_or_subject(
    sentence: Span, person_at: PersonAt, spoken: list[SpokenBefore], quoted: list[tuple[int, int]]
) -> Person | None:
    speakers = [s.person for s in spoken if sentence.start_char <= s.start < sentence.end_char]
    if speakers:
        return speakers[-1]
    for token in sentence:
        if not in_quoted(token, quoted):
            found = _person_subject(token, person_at)
            if found is not None:
                return found
    return None


def _person_subject(token: Token, person_at: PersonAt) -> Person | None:
    if token.dep_ not in SUBJECT_DEPS:
        return None
    named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if token.pos_ == "NOUN" and named:
        token = named[0]  # "His neighbour, Carmen Ruiz, a retired teacher, said …"
    # A name, or an age standing for one ("The 51-year-old is expected to …").
    if token.pos_ != "PROPN" and not (token.lower_ == "old" and token.i > 1):
        return None
    return person_at(token)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _compatible(person: Person, gender: str) -> bool:
    return person.gender in (None, gender)


def _crosses_paragraphs(doc: Doc, sentence: Span) -> bool:
    """A sentence reaching back over a blank line: a headline or dateline, not the story."""
    return "\n\n" in sentence.text.strip()
