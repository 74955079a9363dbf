"""Whom "she" can stand for: the news list of given names, then gender-guesser's dictionary."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.entities.given_names import likely_gender
from tests.analysis.reports import report_of, speakers


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Halima", "f"),  # only in the dictionary
        ("Keisha", "f"),
        ("Rodrigo", "m"),
        ("Siân", "f"),  # accents folded as the news list folds them
        ("Bernie", "m"),  # the news list first: the dictionary says "mostly female"
        ("Kim", None),  # either sex in the dictionary
        ("Ray", None),  # "mostly male": not clear enough to rule anyone out
        ("Park", None),  # a family name, no given name
    ],
)
def test_a_given_names_gender_is_known_only_where_it_is_clear(
    name: str, gender: str | None
) -> None:
    assert likely_gender(name) == gender


def test_she_passes_over_a_man_named_later_whose_name_only_the_dictionary_knows(
    nlp: Language,
) -> None:
    body = (
        "Prosecutor Halima Odhiambo asked for 11 years. The defence lawyer, Rodrigo Salcedo, "
        "had asked for five.\n\n"
        "“This was not one bad decision. It was two hundred of them,” she said."
    )
    assert speakers(report_of(nlp, body)) == ["Halima Odhiambo"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A nearer name whose sex nothing shows does not take "she" from a woman just named.
        (
            "Harbour director Halima Odhiambo said no worker would lose a job. Kiprono Wekesa "
            "has said the union never saw the contract.\n\n"
            "“Every worker on the payroll today will be on it next year,” she said.",
            ["Halima Odhiambo"],
        ),
        # Must not match: with no woman named nearby, the nearer name still stands.
        (
            "Harbour director Nils Berg said no worker would lose a job. Kiprono Wekesa "
            "has said the union never saw the contract.\n\n"
            "“Nobody has shown us a single page,” she said.",
            ["Kiprono Wekesa"],
        ),
    ],
)
def test_a_pronoun_prefers_someone_shown_to_be_of_its_sex(
    nlp: Language, body: str, expected: list[str]
) -> None:
    assert speakers(report_of(nlp, body)) == expected
