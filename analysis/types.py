"""The result types of analysis: what the rest of the bot reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.article import Article


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place in the article, aliases merged."""

    name: str  # canonical: the fullest form the article gives
    label: str  # spaCy's English label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    mentions: int  # every mention, aliases and resolved references included
    aliases: tuple[str, ...] = ()  # other surface forms, the name itself excluded
    description: str | None = None  # from an apposition: "a labour economist at ..."


# Speakers who speak together ("Trump and Ryan issued a statement") share one speaker string:
# their full names joined by JOINT_SEPARATOR.
JOINT_SEPARATOR = " and "


def joint_members(speaker: str) -> tuple[str, ...]:
    """The speakers a joint speaker string names, or () for a single speaker. Every member is a
    full name, so "Johnson and Johnson" or "Procter and Gamble" stay one speaker."""
    parts = speaker.split(JOINT_SEPARATOR)
    if len(parts) < 2 or any(len(part.split()) < 2 for part in parts):
        return ()
    return tuple(parts)


@dataclass(frozen=True)
class Quote:
    """A direct quote: exactly text[start:end], between the quotation marks."""

    text: str
    start: int
    end: int
    speaker: str | None  # canonical name, or None when unnamed or not settled
    speaker_description: str | None = None  # "a senior port official" for unnamed sources
    cue: str | None = None  # the reporting expression as written: "said", "according to"
    # The attribution rule that gave the speaker ("clause right after", "paragraph above"), to
    # trace an error to its rule; not stored.
    rule: str | None = None


@dataclass
class EntityCluster:
    """Internal: one entity's mentions in a Doc, before ranking.

    `spans` are (start_char, end_char) of every mention in the text, in text order;
    `surfaces` the distinct surface forms as written.
    """

    name: str
    label: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    description: str | None = None
    gender: str | None = None  # "m" or "f" where the article shows it, for pronouns


@dataclass(frozen=True)
class Sentence:
    """A sentence as spaCy's parse found it: the article's text[start:end].

    `lemmas` holds the lemmas of its words where they differ from the words ("lose" for
    "lost"), space-separated, so search meets other forms of a word.
    """

    start: int
    end: int
    lemmas: str = ""


@dataclass(frozen=True)
class Report:
    """Everything analysis found in one article."""

    article: Article
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    digest: tuple[str, ...]
    notes: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()  # in text order, as the parse found them


@dataclass(frozen=True)
class Fingerprint:
    """A text's wording in brief (analysis.text.fingerprints): a MinHash signature and how many
    distinct word shingles it summarises, so two texts compare without either text."""

    signature: tuple[int, ...]  # values below 2**32
    shingles: int
