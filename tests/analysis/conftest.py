"""Fixtures for the analysis tests: the speakers an article's quotes are given."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities

SpeakersOf = Callable[[str], list[str | None]]


@pytest.fixture
def speakers_of(nlp: Language) -> SpeakersOf:
    """A function giving the speaker of each quote of a text, in text order."""

    def speakers(text: str) -> list[str | None]:
        doc = nlp(text)
        return [q.speaker for q in attribute_quotes(doc, cluster_entities(doc))]

    return speakers
