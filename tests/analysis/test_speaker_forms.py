"""Forms of attribution studied this round: a signature dash glued to the closing mark, an
'-ing' cue right after the name of the one speaking, and a document that speaks for its
owner. Each has a case it must not match."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.reports import report_of, speakers


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Readers' reactions signed after the closing mark, with and without a space.
        (
            "Readers wrote in after the debate.\n\n"
            "“He never answered a single question about the port.”― Maria Oyelaran\n\n"
            "“I am voting for the first time this year.”—Tomasz Wierzbicki.",
            ["Maria Oyelaran", "Tomasz Wierzbicki"],
        ),
        # Must not match: a dash after the closing mark that opens the writer's own remark.
        (
            "Holm called the plan “a work of fiction”— a view few on the council shared.",
            ["Holm"],
        ),
    ],
)
def test_a_signature_glued_to_the_closing_mark_signs_the_quote(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The advert closes with footage of Amara Okafor asking, “Who will pay for the "
            "bridge when the tolls are gone?”",
            ["Amara Okafor"],
        ),
        (
            "Dana Whitcombe, the council leader, walked out. A camera caught her saying, “This "
            "meeting is a farce and everyone here knows it.”",
            ["Dana Whitcombe"],
        ),
        # Must not match: a comma before the participle leaves it to the clause's subject.
        (
            "Mayor Joel Brandt met Amara Okafor at the depot, saying, “We will keep every "
            "route open until the spring.”",
            ["Joel Brandt"],
        ),
    ],
)
def test_an_ing_cue_right_after_a_name_is_that_person_speaking(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "“The recovery will be slower than we hoped a year ago,” the OECD report stated.",
            ["OECD"],
        ),
        (
            "Prices fell again in May.\n\n“Demand for new homes has weakened in every region,” "
            "a Halvard Bank survey said.",
            ["Halvard Bank"],
        ),
        # Must not match: a spokesman is described by his organisation; he is not it.
        (
            "“We will appeal the ruling,” an OECD spokesman said.",
            ["an OECD spokesman"],
        ),
    ],
)
def test_a_document_speaks_for_its_owner(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A phrase of time between the reporting verb and the quote it opens.
        (
            "The advert ends with footage of Ada Holm saying at the debate last week, “That "
            "makes me careful,” when Nils Berg pressed her on the budget.",
            ["Ada Holm"],
        ),
        (
            "Nils Berg told reporters at the harbour on Friday, “We will not sell the ferries.”",
            ["Nils Berg"],
        ),
        # Must not match: a scene set before the quote, its speaker named after it.
        (
            "When Ada Holm arrived at the hearing on Monday, “It was chaos,” said Nils Berg.",
            ["Nils Berg"],
        ),
    ],
)
def test_a_reporting_verb_opens_its_quote_across_a_phrase_of_time(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The dateline parsed as the subject, the name in apposition to it.
        (
            "HALDEN -- Mayor Ada Holm, opening the new ferry terminal on Saturday, said it would "
            "tell the town's story, one of “storms and stubborn people, of nets mended by hand.”",
            ["Ada Holm"],
        ),
        # Must not match: a person telling inside the report still speaks.
        (
            "Nils Berg said Ada Holm told him she would “fight for every ferry.”",
            ["Ada Holm"],
        ),
    ],
)
def test_the_one_reporting_speaks_past_a_dateline_and_a_thing_telling(
    nlp: Language, body: str, expected: list[str | None]
) -> None:
    assert speakers(report_of(nlp, body)) == expected
