"""Speaker rules learned from training errors, each with a case it must not match."""

from __future__ import annotations

import pytest
from conftest import SpeakersOf


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
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


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
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bare quote paragraphs under a paragraph that says who was talking.
        (
            "Ingrid Solberg spoke only in slogans during the rally.\n\n"
            "“We will take the harbour back.”\n\n"
            "“Nobody will stop us this time.”",
            ["Ingrid Solberg", "Ingrid Solberg"],
        ),
        (
            "Viktor Lund told the council about his plans for the port.\n\n"
            "“We will dredge the channel by spring.”",
            ["Viktor Lund"],
        ),
        # Must not match: the paragraph above says nothing about anyone talking.
        (
            "Ingrid Solberg sailed into the harbour on Monday.\n\n“We will take the harbour back.”",
            [None],
        ),
        # Must not match: a quote with words of its own around it is not a bare paragraph.
        (
            "Ingrid Solberg spoke at the rally.\n\n"
            "Then came the banner: “We will take the harbour back,” it read.",
            [None],
        ),
    ],
)
def test_bare_quote_paragraph_under_a_speaker(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative pronoun speaks for the name it hangs on.
        (
            "The panel heard from Ingrid Solberg, who said the harbour was “dying by inches.”",
            ["Ingrid Solberg"],
        ),
        # Must not match: a relative standing for a thing names no one.
        (
            "The harbour board released a letter that said the port was “dying by inches.”",
            [None],
        ),
        # A statement issued or posted, then the words.
        (
            "After the vote, Ingrid Solberg issued a statement: “The harbour belongs to us.”",
            ["Ingrid Solberg"],
        ),
        # Must not match: the statement is someone's object, nobody issues it here.
        ("The council read out the statement, “The harbour belongs to all of us.”", [None]),
    ],
)
def test_relatives_and_statements(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


def test_surname_the_tagger_calls_a_noun_is_the_person_of_that_name(
    speakers_of: SpeakersOf,
) -> None:
    text = (
        "Ingrid Hannesdottir chairs the harbour board.\n\n"
        "“We will not sell the docks,” Hannesdottir said."
    )
    assert speakers_of(text) == ["Ingrid Hannesdottir"]


def test_capitalised_plural_is_not_a_name(speakers_of: SpeakersOf) -> None:
    text = "The harbour board met on Monday. “We will not sell the docks,” Officials said."
    assert speakers_of(text) == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words owned by their speaker.
        (
            "In Ingrid Solberg's view, “the harbour cannot survive another winter like this.”",
            ["Ingrid Solberg"],
        ),
        (
            "Viktor Lund's campaign slogan is “a port for every family in the county.”",
            ["Viktor Lund"],
        ),
        # Must not match: another verb, others' words, between the owner's noun and the quote.
        (
            "Viktor Lund's speech drew protesters who chanted “a port for every family in "
            "the county.”",
            [None],
        ),
        (
            "“The whole fleet is rotting at anchor,” from the hulls to the engines, in Ingrid "
            "Solberg's view.",
            ["Ingrid Solberg"],
        ),
        # Must not match: a reporting verb after the quote names its own speaker.
        (
            "“The whole fleet is rotting at anchor,” Viktor Lund said, in a nod to Ingrid "
            "Solberg's view.",
            ["Viktor Lund"],
        ),
        # A name signed between a dash and a colon.
        (
            "Turnout rose in every district - Ingrid Solberg: “We have never seen lines like "
            "these at the polls.”",
            ["Ingrid Solberg"],
        ),
        # Must not match: lower-case words after the dash are no signature.
        (
            "Turnout rose in every district - or so it seemed: “We have never seen lines like "
            "these at the polls.”",
            [None],
        ),
    ],
)
def test_owned_words_and_signatures(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


def test_calling_without_an_object_is_no_cue(speakers_of: SpeakersOf) -> None:
    text = "Ingrid Solberg said harbour officials were calling “every fifteen minutes or so.”"
    assert speakers_of(text) == ["Ingrid Solberg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A noun of a reporting verb owned by a name: the owner said the words.
        (
            "It was Mr. Holm’s lyrical rejection of “a politics of cynicism” that won the hall.",
            ["Holm"],
        ),
        # The words sit between the owner and the noun.
        (
            'It is the persistent pull of Holm\'s "if you like your pier, you can keep it" '
            "promise.",
            ["Holm"],
        ),
        # Must not match: someone else's verb takes the owned words as its object.
        (
            "Ada Holm denounced Nils Berg’s remarks as “hurtful and humiliating.”",
            ["Ada Holm"],
        ),
    ],
)
def test_words_owned_by_a_name(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An aside that runs on to the comma before the quote.
        (
            "As the Harbour Boys sang back in the 1980s, “They will turn us all into beggars.”",
            ["Harbour Boys"],
        ),
        # A phrase with no subject of its own hangs on the clause after the quote.
        (
            "And Ada Holm, after pushing out a new video about the “clash of two harbours,” "
            "revamped her plans for Monday.",
            ["Ada Holm"],
        ),
        # Must not match: an unnamed subject gives no name.
        (
            "The report, after citing “sources close to the harbour board,” said the levy "
            "would pass.",
            [None],
        ),
    ],
)
def test_asides_and_hosting_clauses(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


def test_after_a_paragraph_of_narrative_the_paragraph_above_says_who_talks(
    speakers_of: SpeakersOf,
) -> None:
    text = (
        "“The levy will pass,” Ingrid Solberg said on Monday.\n\n"
        "Solberg was joined at the town hall by Viktor Lund, a ferry captain.\n\n"
        "Lund praised the harbour board for its work after the storm.\n\n"
        "“We need someone who cuts through the noise and brings people together.”"
    )
    assert speakers_of(text) == ["Ingrid Solberg", "Viktor Lund"]


def test_quotes_running_on_keep_the_previous_speaker(speakers_of: SpeakersOf) -> None:
    text = (
        "“The levy will pass,” Ingrid Solberg said on Monday.\n\n"
        "“We need someone who cuts through the noise and brings people together.”"
    )
    assert speakers_of(text) == ["Ingrid Solberg", "Ingrid Solberg"]


def test_coordinated_speakers_speak_together(speakers_of: SpeakersOf) -> None:
    text = (
        "Ada Holm and Nils Berg met at the harbour office on Thursday.\n\n"
        "Holm and Berg issued a statement describing the meeting as “a very positive step "
        "toward unification.”"
    )
    assert speakers_of(text) == ["Ada Holm and Nils Berg"]


def test_one_of_a_pair_still_speaks_alone(speakers_of: SpeakersOf) -> None:
    text = "Ada Holm met Nils Berg on Thursday. “We will meet again,” Holm said."
    assert speakers_of(text) == ["Ada Holm"]
