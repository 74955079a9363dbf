"""Rules against naming the wrong speaker, each with cases they must not match."""

from __future__ import annotations

import pytest
from conftest import SpeakersOf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quote inside a subordinate clause with its own cue: that clause's subject speaks.
        (
            'After Berg said that poor students might do better at "much smaller colleges," '
            'Holm said: "I do not like what he said."',
            ["Nils Berg", "Ada Holm"],
        ),
        (
            "In 2009, under what Mr. Berg called ''the old pricing model,'' the Harbor Club, a "
            "private course near the coast, charged a fee.",
            ["Nils Berg"],
        ),
        (
            "As America prepares for what Ada Holm called “the loudest, most contentious election "
            "in modern history,” the former House Speaker is intrigued by the opportunity.",
            ["Ada Holm"],
        ),
        # Must not match: the clause holding the quote is the reported one, not subordinate.
        ('Holm called the plan "a reckless waste of money," Berg said.', ["Nils Berg"]),
        (
            'After the vote, Holm said the result was "a disgrace to us all," Berg added.',
            ["Nils Berg"],
        ),
    ],
)
def test_subordinate_clause_cue(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    intro = "Ada Holm and Nils Berg met on Monday.\n\n"
    assert speakers_of(intro + text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'who X called "…"': the relative pronoun is the one spoken about.
        (
            "Much of Holm’s ire was also directed at Bannon, who Holm on Wednesday called “a "
            "horrible, despicable human being.”",
            ["Holm"],
        ),
        # Must not match: the relative pronoun is the speaker.
        (
            "Much of the anger came from Lind, who called Holm “a thoroughly dishonest man.”",
            ["Lind"],
        ),
        # The participle's clause has two subjects in the parse: the person speaks, not the place.
        (
            "Speaking at a town hall event in Salem, New Hampshire, Holm went after Lind, calling "
            "him “a total stiff.”",
            ["Holm"],
        ),
    ],
)
def test_relatives_and_places(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title parsed as the subject with the person joined to it.
        (
            "Harbor Radio Vice President for news and talk Dave Gorab called the show “the "
            "conservative news show of record.”",
            ["Dave Gorab"],
        ),
        # Must not match: two people joined by 'and' are not a title and a name; both speak.
        (
            "Dave Gorab and Ada Holm called the show “the news show of record.”",
            ["Dave Gorab and Ada Holm"],
        ),
        # A rank with its period split off is still part of the name after the quote.
        (
            "“The candidates just don’t understand the military,” said Army Capt. Christian "
            "Pardo, who said he would not vote.",
            ["Christian Pardo"],
        ),
        # A manner adverb between the verb and the colon.
        (
            "After Holm suggested that the city would sue, Lind fired back forcefully: “If they "
            "sue us in a court in Miami, we will win.”",
            ["Lind"],
        ),
        # Must not match: the adverb's verb has no named subject.
        (
            "When Holm arrived, the crowd cheered loudly: “If they sue us in a court in Miami, "
            "we will win.”",
            [None],
        ),
    ],
)
def test_titles_and_colons(speakers_of: SpeakersOf, text: str, expected: list[str | None]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The colon closes a clause whose verb is further up than the word it hangs on.
        (
            "Council Leader Ada Holm delivered a blunt message to Nils Berg: “It is time to "
            "stop attacking the people you ran against.”",
            ["Ada Holm"],
        ),
        # A name signed between a dash and the colon beats a cue earlier in the line.
        (
            "Pollsters agree - Ada Holm: “One of the biggest lessons was a simple one.”",
            ["Ada Holm"],
        ),
        # The one quoted speaks, not the one quoting.
        (
            "The historian Ada Holm quotes former harbour master Nils Berg:\n"
            "“I would love the dockers to be worse off.”",
            ["Nils Berg"],
        ),
    ],
)
def test_the_clause_a_colon_closes(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words a document says are its maker's.
        (
            "To sell the courses, Ada Holm released a video that said, “We will have teachers "
            "who are absolutely terrific.”",
            ["Ada Holm"],
        ),
        (
            "The Harbour Gazette recently ran a piece that noted the levy “would help wealthy "
            "owners more than poor ones.”",
            ["Harbour Gazette"],
        ),
        (
            "Ada Holm added the caption which reads, “The ferry was late again this morning.”",
            ["Ada Holm"],
        ),
        # Must not match: a relative clause on a person is still that person.
        ("Ada Holm, who said “the levy is dead,” left early.", ["Ada Holm"]),
        # 'It' names no one when the clause inside names the speaker.
        (
            "It has become such a presence that Ada Holm on Sunday thanked its members “for "
            "their support in my campaign.”",
            ["Ada Holm"],
        ),
    ],
)
def test_documents_and_empty_subjects(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one named in a passive naming verb is not the one naming.
        (
            "The ferry was branded “a floating relic of the old harbour” last year, Ada Holm "
            "wrote.",
            ["Ada Holm"],
        ),
        (
            "Nils Berg was described as “a careful and stubborn man” by his rivals.",
            [None],
        ),
        # Must not match: the active verb's subject names.
        ("Ada Holm described the ferry as “a floating relic.”", ["Ada Holm"]),
    ],
)
def test_passive_naming_verbs(
    speakers_of: SpeakersOf, text: str, expected: list[str | None]
) -> None:
    assert speakers_of(text) == expected
