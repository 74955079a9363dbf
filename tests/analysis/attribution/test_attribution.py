"""Speakers and cues of direct quotes, over real-looking sentences, with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities
from analysis.types import Quote

ROOT = Path(__file__).resolve().parents[3]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return attribute_quotes(doc, cluster_entities(doc))


def speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes_of(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maria Alvarez runs the port. “We will not back down,” Ms. Alvarez said.",
            [("We will not back down,", "Maria Alvarez")],
        ),
        (
            "“It is a line in the sand,” said Park Ji-hoon, the port authority's director.",
            [("It is a line in the sand,", "Park Ji-hoon")],
        ),
        (
            "Park Ji-hoon spoke first. Mr. Park said the offer was “the most we can afford.”",
            [("the most we can afford.", "Park Ji-hoon")],
        ),
        (
            "Li Wenjun chairs the board. “We have no choice,” Ms. Li told reporters.",
            [("We have no choice,", "Li Wenjun")],
        ),
        (
            "“We gave them every chance,” Tomas Berg said, “and they chose a shutdown.”",
            [
                ("We gave them every chance,", "Tomas Berg"),
                ("and they chose a shutdown.", "Tomas Berg"),
            ],
        ),
        (
            "According to Tomas Berg, “the strike will cost the region dearly.”",
            [("the strike will cost the region dearly.", "Tomas Berg")],
        ),
        (
            "Sarah Lindqvist said staff had “no guarantees whatsoever about jobs” and left.",
            [("no guarantees whatsoever about jobs", "Sarah Lindqvist")],
        ),
        (
            "“Any merger of this size will receive close scrutiny,” the Competition Authority "
            "said in a statement.",
            [("Any merger of this size will receive close scrutiny,", "Competition Authority")],
        ),
        (
            "Ms. Park spoke last, adding, “Our members kept this port running.”",
            # The text never gives more than the surname, so the surname is the name.
            [("Our members kept this port running.", "Park")],
        ),
    ],
)
def test_speaker_is_named(nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(nlp, text) == expected


def test_adding_takes_the_main_clause_subject(nlp: Language) -> None:
    text = (
        "Park Soo-ah leads the union. Ms. Park said the union was tired, adding, "
        "“Our members kept this port running through storms.”"
    )
    assert speakers(nlp, text) == [
        ("Our members kept this port running through storms.", "Park Soo-ah")
    ]


def test_pronoun_takes_the_most_recent_compatible_person(nlp: Language) -> None:
    text = (
        "Maria Alvarez met Tomas Berg on Monday. Mr. Berg left early.\n\n"
        "“Nobody wins a long strike,” he said.\n\n"
        "“We will see,” she said."
    )
    assert speakers(nlp, text) == [
        ("Nobody wins a long strike,", "Tomas Berg"),
        ("We will see,", "Maria Alvarez"),
    ]


def test_title_resolves_to_the_person_given_it(nlp: Language) -> None:
    text = (
        "Interior Minister Rafael Duarte said the ruling would be respected. "
        "“We accept the court’s judgment,” the minister said."
    )
    assert speakers(nlp, text) == [("We accept the court’s judgment,", "Rafael Duarte")]


def test_unnamed_source_is_described_not_named(nlp: Language) -> None:
    quotes = quotes_of(nlp, "“We cannot let the oil run dry,” a senior port official said.")
    assert [(q.speaker, q.speaker_description, q.cue) for q in quotes] == [
        (None, "a senior port official", "said")
    ]


def test_paragraph_of_only_a_quote_continues_the_speaker(nlp: Language) -> None:
    text = (
        "“The question is who blinks first,” said Tomas Berg, an economist.\n\n"
        "“Neither side looks ready to blink. It could last weeks.”\n\n"
        "The talks resume on Friday."
    )
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Tomas Berg", "Tomas Berg"]


def test_multi_paragraph_quote_shares_its_speaker(nlp: Language) -> None:
    text = (
        "Maria Alvarez addressed the crowd.\n\n"
        "“We have waited long enough for a fair offer from the company.\n\n"
        "“We will wait no longer,” Ms. Alvarez said."
    )
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Maria Alvarez", "Maria Alvarez"]


def test_no_speaker_is_guessed(nlp: Language) -> None:
    text = "The mood was grim.\n\n“It is the end of an era for this town.”"
    assert [q.speaker for q in quotes_of(nlp, text)] == [None]


def test_scare_quotes_and_titles_are_not_quotes(nlp: Language) -> None:
    text = (
        "The so-called “experts” published a report titled “Ports of the Future” on Monday. "
        "Critics call the director “Big Tony.”"
    )
    assert quotes_of(nlp, text) == []


def test_quote_text_is_the_slice_of_the_text(nlp: Language) -> None:
    text = "''That wasn't a good way to treat me,'' he complained to an American afterward."
    for quote in quotes_of(nlp, text):
        assert quote.text == text[quote.start : quote.end]


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_seed_quotes_and_speakers_match_gold(nlp: Language, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
    found = [(q.text, q.speaker, q.speaker_description) for q in quotes_of(nlp, text)]
    expected = [(q["text"], q["speaker"], q["speaker_description"]) for q in gold["quotes"]]
    assert [(t, s) for t, s, _ in found] == [(t, s) for t, s, _ in expected]
    for (_, speaker, description), (_, _, gold_description) in zip(found, expected, strict=True):
        if speaker is None and gold_description is not None:
            assert description == gold_description


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A paragraph ending in a colon introduces the quote below it.
        (
            "Lena Ostrova ended her speech with a warning:\n\n“The harbour will not wait for us.”",
            ["Lena Ostrova"],
        ),
        ("The hall fell silent.\n\n“The harbour will not wait for us.”", [None]),
        # A name signed under a quote, after a dash.
        ("“Keep the night buses running.”\n\n- Aino Virtanen, Tampere", ["Aino Virtanen"]),
        ("“Keep the night buses running.”\n\nThe council meets on Monday.", [None]),
        # "As X put it" names the speaker of what follows.
        (
            "As Rosa Delgado put it, “nobody reads the fine print until it bites.”",
            ["Rosa Delgado"],
        ),
        (
            "As Rosa Delgado left the room, Omar Haddad said the vote was “lost for good now.”",
            ["Omar Haddad"],
        ),
        # The verb leading into the quote, whatever it is, over a cue in a subordinate clause.
        (
            "After Omar Haddad criticized the plan, Rosa Delgado shot back, “Then bring a "
            "better one.”",
            ["Rosa Delgado"],
        ),
        ("Omar Haddad said, and I quote, “the port is finished.”", ["Omar Haddad"]),
        # The one called something is not the speaker.
        (
            "Rosa Delgado praised the crew and called Omar Haddad “the best negotiator we have.”",
            ["Rosa Delgado"],
        ),
        # "vowed to" reports; the second speaker keeps her own quote.
        (
            "Omar Haddad said the fund would grow, and Rosa Delgado vowed to “fight it in every "
            "court.”",
            ["Rosa Delgado"],
        ),
    ],
)
def test_attribution_patterns(nlp: Language, text: str, expected: list[str | None]) -> None:
    assert [q.speaker for q in quotes_of(nlp, text)] == expected


def test_pronoun_prefers_the_main_subject_to_the_last_name(nlp: Language) -> None:
    text = (
        "Tomas Berg said he would vote for Omar Haddad, whom he called “the only honest man "
        "in the race.”"
    )
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Tomas Berg"]


def test_pronoun_skips_a_subject_of_the_other_gender(nlp: Language) -> None:
    text = (
        "Maria Alvarez spoke to Tomas Berg on Monday.\n\n"
        "Later he told reporters that the deal was “as good as done.”"
    )
    assert [q.speaker for q in quotes_of(nlp, text)] == ["Tomas Berg"]
