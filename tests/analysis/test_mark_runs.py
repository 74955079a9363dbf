"""Long runs of marks reach spaCy's tokenizer broken up, with every offset kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analysis.mark_runs import KEPT_AT_EACH_END, LONGEST_MARK_RUN, break_mark_runs
from analysis.pipeline import analyze, parse
from intake.article import Article

LEAD = "The harbour authority said the strike would end on Friday, and the union agreed. "


def _longest_unspaced_token(tokens: list[str]) -> int:
    return max((len(t) for t in tokens if not t.isspace()), default=0)


@pytest.mark.parametrize("mark", ['"', "“", "'", "(", "!"])
def test_ten_thousand_marks_reach_the_tokenizer_in_short_pieces(nlp: Language, mark: str) -> None:
    text = LEAD + mark * 10_000 + " " + LEAD
    doc = parse(nlp, text)

    # The tokenizer's cost is quadratic in the length of a run without spaces: here every run
    # it sees is at most a kept end of the original run.
    assert len(doc.text) == len(text)
    assert all(
        run.isspace() or len(run) <= KEPT_AT_EACH_END
        for run in doc.text[len(LEAD) : len(LEAD) + 10_000].split(" ")
        if run
    )
    assert len(doc) < 100  # not 10,000 one-mark tokens
    assert doc.text[: len(LEAD)] == LEAD and doc.text.endswith(LEAD)


@pytest.mark.parametrize(
    "text",
    [
        '"We go."',
        'He said: "Why?!" and left.',
        "Ports ... and docks (or not) -- “yes”!!!",
        "?" * LONGEST_MARK_RUN,
        "a" * 20_000,
        "Dr. Smith's 'quote'.",
    ],
)
def test_ordinary_punctuation_is_left_as_it_is(text: str) -> None:
    assert break_mark_runs(text) == text


def test_a_broken_run_keeps_its_ends_and_its_length() -> None:
    broken = break_mark_runs("x " + "!" * 30 + '"' + " y")

    assert broken == "x " + "!!!!" + " " * 23 + '!!!"' + " y"


def test_a_quote_with_a_long_run_in_it_is_the_article_text_between_its_marks(
    nlp: Language,
) -> None:
    text = (
        'The mayor spoke after the vote. "We won the vote tonight'
        + "!" * 10_000
        + '" said Ingrid Holm, the mayor of Harbourton. The council meets again on Monday.'
    )
    report = analyze(nlp, Article(text=text))

    [quote] = report.quotes
    assert quote.text == text[quote.start : quote.end]
    assert quote.text.endswith("!" * 10_000)
    assert quote.speaker == "Ingrid Holm"
