"""Speaker rules learned from training errors, each with a case it must not match."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities


def speakers_of(nlp: Language, text: str) -> list[str | None]:
    doc = nlp(text)
    return [q.speaker for q in attribute_quotes(doc, cluster_entities(doc))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X said Y was “…”": the reporter speaks, not the subject of the reported clause.
        (
            "Ingrid Solberg said on Friday that Viktor Lund was “a danger to the harbour.”",
            ["Ingrid Solberg"],
        ),
        (
            "Ingrid Solberg said Viktor Lund was “a danger to the harbour” while Anna Kask is "
            "“a fine mayor.”",
            ["Ingrid Solberg", "Ingrid Solberg"],
        ),
        (
            "Ingrid Solberg said that Viktor Lund phoned her twice and “would have begged” if "
            "she had let him.",
            ["Ingrid Solberg"],
        ),
        # An aside naming the reporter in the middle of the sentence.
        (
            "Viktor Lund, Ingrid Solberg said, had sat on the board for “a hundred years.”",
            ["Ingrid Solberg"],
        ),
        # Must not match: the embedded subject is reported speaking in her own words.
        (
            "Ingrid Solberg said Anna Kask told her, “The vote is lost.”",
            ["Anna Kask"],
        ),
        # Must not match: no reporting verb above, the clause's subject is the one quoted.
        (
            "Viktor Lund was “a danger to the harbour,” according to Ingrid Solberg.",
            ["Ingrid Solberg"],
        ),
    ],
)
def test_reporter_above_a_reported_clause(
    nlp: Language, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # '"…," saying the fund was': the reported clause's subject is not the speaker.
        (
            "Ingrid Solberg defended what she called “the best plan this harbour has seen,” "
            "saying the fund was “solid as rock.”",
            ["Ingrid Solberg", "Ingrid Solberg"],
        ),
        # Must not match: an inverted cue with its subject right behind it.
        ("“The plan is solid,” said Viktor Lund, the port director.", ["Viktor Lund"]),
    ],
)
def test_participle_takes_no_subject_of_its_reported_clause(
    nlp: Language, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(nlp, text) == expected
