"""The pipeline loader: the PyPI repack stands in for the official model, quotes tokenised."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities
from analysis.nlp import load_pipeline


def test_the_official_name_loads_the_repack_when_the_official_model_is_absent(
    nlp: Language,
) -> None:
    assert nlp.meta["version"] == "3.8.0"
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


def test_an_unknown_model_is_an_error() -> None:
    with pytest.raises(OSError):
        load_pipeline("en_no_such_model")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ('Holm said,"We go."', ["Holm", "said", ",", '"', "We", "go", ".", '"']),
        ("He said:“We go.”", ["He", "said", ":", "“", "We", "go", ".", "”"]),
        ("the '90s, 'tis", ["the", "'", "90s", ",", "'", "tis"]),  # apostrophes untouched
    ],
)
def test_a_quote_mark_glued_to_punctuation_is_its_own_token(
    nlp: Language, text: str, tokens: list[str]
) -> None:
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_a_glued_quote_still_finds_its_speaker(nlp: Language) -> None:
    doc = nlp('Mayor Ingrid Holm said,"We will rebuild the harbour wall before the spring."')
    [quote] = attribute_quotes(doc, cluster_entities(doc))
    assert quote.speaker == "Ingrid Holm"
    assert quote.text.startswith("We will rebuild")
