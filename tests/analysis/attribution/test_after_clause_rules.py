"""Which clause after a quote speaks for it: rules from training errors, with cases that must
not match."""

from __future__ import annotations

import pytest
from conftest import SpeakersOf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A colon clause after a finished quote introduces the next quote, not this one.
        (
            "“We are fishermen,” Ada Holm said. “We are not smugglers.” Nils Berg said: "
            "“The raid was the work of the coast guard.”",
            ["Ada Holm", "Ada Holm", "Nils Berg"],
        ),
        # Must not match: after a comma, the colon clause still attributes the first quote.
        (
            "“If they close the pier, nothing you can do, folks,” Ada Holm said before adding: "
            "“Maybe the ferry people can.”",
            ["Ada Holm", "Ada Holm"],
        ),
        # A finished quote followed by a whole sentence of the writer's: that sentence is not
        # its attribution; the quote runs on from the one before.
        (
            "“It is a sad day,” Ada Holm told reporters outside the hall. “This is what "
            "their campaign has become.” Mayor Nils Berg said he would have fired the manager "
            "if such an incident had happened in his own office.",
            ["Ada Holm", "Ada Holm"],
        ),
        # Must not match: a short attribution after a finished quote still counts.
        ("“The pier will open in May.” Nils Berg said.", ["Nils Berg"]),
    ],
)
def test_clause_after_a_finished_quote(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The cue after the quote whose subject stands before it.
        (
            "Mr. Berg, citing “the unique appeal of the harbour,” said the town could draw "
            "visitors from the whole coast.",
            ["Berg"],
        ),
        # The clause right after the quote wins over a later one naming someone else.
        (
            "“I never said that. I never said that,” Ada Holm said, after the host Nils Berg "
            "said she had called the levy a mistake.",
            ["Ada Holm"],
        ),
        # A partial quote governed by the clause before it; a later clause joined by 'and'
        # is someone else's.
        (
            "Ada Holm said she would make the harbour “shine in the dark,” for instance, and "
            "Nils Berg vowed to “sink the levy” before winter.",
            ["Ada Holm", "Nils Berg"],
        ),
        (
            "As the debate went on, Ada Holm stood by her remark that “the levy hurts us all,” "
            "refusing to apologise, and Nils Berg again tried to rebuke her.",
            ["Ada Holm"],
        ),
        # A subordinate clause before the quote holds it, not the main clause after it.
        (
            "While Mr. Berg, speaking for the harbour board, laid out a plan for “a pier that "
            "pays for itself,” Ada Holm used her speech to call the levy a mistake.",
            ["Berg"],
        ),
        (
            "When Ada Holm pointed out that Nils Berg refers to it as “a pier for all,” "
            "Lars Dahl seized upon the reference, repeating his line that the levy is unfair.",
            ["Ada Holm"],
        ),
        # Must not match: 'though' as an adverb opens no subordinate clause.
        (
            "Holm, though, would have to “go more to the centre,” Nils Berg said.",
            ["Nils Berg"],
        ),
        # Must not match: 'according to' after the quote speaks for the whole sentence.
        (
            "Viktor Lund said the plan was “a waste of money,” according to Ingrid Solberg.",
            ["Ingrid Solberg"],
        ),
    ],
)
def test_clause_around_a_partial_quote(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


def test_words_inside_quotation_marks_never_name_the_speaker(speakers_of: SpeakersOf) -> None:
    text = (
        "“There are places in this country that are dangerous.”\n\n"
        "“Like Oakland. Or Ferguson,” Ada Holm said. “The crime numbers are worse.”"
    )
    assert speakers_of(text) == [None, "Ada Holm", "Ada Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ada Holm spoke in Lindholm on Monday. Holm also embraced the harbour levy -- "
            "“I think the levy is small compared to what they want.”",
            ["Ada Holm"],
        ),
        (
            "When Ada Holm finally wrapped up — “I will fight for you, and I will win for "
            "you!” — the balloons came down.",
            ["Ada Holm"],
        ),
        # Must not match: a dash after a noun phrase with no one speaking.
        ("The harbour plan — “a pier for every family” — failed in May.", [None]),
    ],
)
def test_a_clause_ending_in_a_dash_introduces_the_quote(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected
