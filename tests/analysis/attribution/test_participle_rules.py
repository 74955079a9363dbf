"""Participle cues ('…, arguing that "…"') and sentences that go on past a quote."""

from __future__ import annotations

import pytest
from conftest import SpeakersOf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle coordinated with a finite verb still borrows the main clause's subject.
        (
            "Ingrid Solberg pushed back on Tuesday, saying that the levy had the right safeguards "
            "but was undone by distrust - and arguing that she and Lund shared "
            "“nearly all the same views on the harbour.”",
            ["Ingrid Solberg"],
        ),
        # A participle after a subordinate clause belongs to the main clause.
        (
            "Ingrid Solberg spoke on the radio after the young councillor easily won his seat, "
            "remarking that the harbour was “still the heart of this town.”",
            ["Ingrid Solberg"],
        ),
        # Must not match: a participle with its own subject is that subject's.
        (
            "Ingrid Solberg left the hall, with Viktor Lund saying the plan was "
            "“a betrayal of the harbour.”",
            ["Viktor Lund"],
        ),
    ],
)
def test_participle_borrows_the_main_subject(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # '…," stating' goes on with the sentence: the reporter before the quote speaks.
        (
            "Ingrid Solberg said last week that Lund stands for “old harbour values,” stating "
            "during the debate that they were out of date.",
            ["Ingrid Solberg"],
        ),
        (
            "Ingrid Solberg said the levy was “going to close half the boatyards,” while trying "
            "to explain her plan for the harbour.",
            ["Ingrid Solberg"],
        ),
        # A reporter standing beyond the continuing clause still counts.
        (
            "Viktor Lund welcomed the vote, saying the council was “doing the right thing,” "
            "suggesting he might run again, the Harbour Gazette reported.",
            ["Harbour Gazette"],
        ),
        # Must not match: a name right after the quote is its speaker as usual.
        (
            "In the end, “we will rebuild the pier,” Ingrid Solberg said.",
            ["Ingrid Solberg"],
        ),
        # Must not match: 'according to' after the quote is an attribution, not a continuation.
        (
            "Viktor Lund said the plan was “a waste of money,” according to Ingrid Solberg.",
            ["Ingrid Solberg"],
        ),
    ],
)
def test_sentence_going_on_past_a_quote(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


def test_a_sentence_with_its_own_subject_does_not_borrow_the_cue_above(
    speakers_of: SpeakersOf,
) -> None:
    text = (
        "Viktor Lund struggled to answer a question about the ferry. And Ingrid Solberg, "
        "after posting a video about the “harbour of the future,” rewrote her speech."
    )
    assert speakers_of(text) != ["Viktor Lund"]


def test_owner_of_a_plan_is_not_the_speaker(speakers_of: SpeakersOf) -> None:
    text = (
        "The meeting ran late. Then “the ferry will not run on Sundays,” while trying to "
        "explain her plan."
    )
    assert speakers_of(text) == [None]


def test_a_participle_after_a_noun_clause_borrows_the_main_subject(
    speakers_of: SpeakersOf,
) -> None:
    text = (
        "Reached by the Gazette, Nils Berg denied the notion that a campaign shakeup is coming, "
        "explaining that he was unaware of Holm’s interview because he was “taking a day off.”"
    )
    assert speakers_of(text) == ["Nils Berg"]
