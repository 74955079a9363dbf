"""The scorer of bench/entities.py on small hand-built reports (no spaCy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.types import Entity, Quote, Report
from bench.entities import (
    SEED_GOLD_DIR,
    SEED_TEXT_DIR,
    WIRE_DIR,
    is_strict_part,
    normalise_description,
    parse_sets,
    score_article,
    summarise,
)
from intake.article import Article

TEXT = (
    'SEOUL (Reuters) - "We will wait," said Park Ji-hoon, the director. Mr. Park added that '
    'Seoul was calm. "Nothing is settled," a senior port official said. "No," Park said.'
)


def quote(text: str, speaker: str | None, description: str | None = None) -> Quote:
    """A quote at its place in TEXT."""
    start = TEXT.index(text)
    return Quote(text, start, start + len(text), speaker, description, "said")


def report(entities: list[Entity], quotes: list[Quote]) -> Report:
    """A report on TEXT."""
    return Report(Article(TEXT), tuple(entities), tuple(quotes), ())


def gold(**changes: Any) -> dict[str, Any]:
    """A small gold file; keyword arguments replace its parts."""
    base: dict[str, Any] = {
        "quotes": [
            {"text": "We will wait,", "speaker": "Park Ji-hoon", "speaker_description": None},
            {
                "text": "Nothing is settled,",
                "speaker": None,
                "speaker_description": "a senior port official",
            },
            {"text": "No,", "speaker": None, "speaker_description": None},
        ],
        "people": [{"name": "Park Ji-hoon", "aliases": ["Mr. Park"]}],
        "organisations": ["Port Authority"],
        "entity_aliases": {"Port Authority": ["the Port Authority"]},
        "places": ["Seoul"],
        "not_entities": ["Reuters"],
        "not_people": [],
    }
    base.update(changes)
    return base


PARK = Entity("Park Ji-hoon", "PERSON", 3, ("Mr. Park",))
SEOUL = Entity("Seoul", "GPE", 2, ("SEOUL",))
AUTHORITY = Entity("Port Authority", "ORG", 1)
RIGHT_QUOTES = [
    quote("We will wait,", "Park Ji-hoon"),
    quote("Nothing is settled,", None, "a senior port official"),
    quote("No,", None),
]


def test_a_perfect_report_scores_everything_right() -> None:
    """Every quote found with its speaker, every entity in gold."""
    score = score_article("s", report([PARK, SEOUL, AUTHORITY], RIGHT_QUOTES), gold())
    figures = summarise([score])
    assert figures["quotes"] == {"gold": 3, "found": 3, "extra": 0, "recall": 1.0}
    assert figures["speaker_accuracy"]["share"] == 1.0
    assert figures["description_right"] == {"judged": 1, "right": 1, "share": 1.0}
    assert figures["people_found"]["share"] == 1.0
    assert figures["org_place_precision"] == {"predicted": 2, "right": 2, "share": 1.0}
    assert figures["org_recall"]["share"] == figures["place_recall"]["share"] == 1.0
    assert figures["person_precision"]["share"] == 1.0
    assert figures["people_twice"] == figures["partial_names"] == figures["not_entities"] == 0
    assert score.errors == {}


def test_a_wrong_speaker_is_counted_and_listed() -> None:
    """A found quote with another speaker is wrong; the error names both."""
    quotes = [quote("We will wait,", "Seoul"), *RIGHT_QUOTES[1:]]
    score = score_article("s", report([PARK, SEOUL, AUTHORITY], quotes), gold())
    assert (score.speaker_judged, score.speaker_right) == (3, 2)
    assert score.errors["wrong_speakers"] == [
        {"quote": "We will wait,", "gold": "Park Ji-hoon", "got": "Seoul", "cue": "said"}
    ]


def test_a_guessed_speaker_for_an_unsettled_quote_is_wrong() -> None:
    """Gold null without description: a predicted name is wrong, null is right."""
    quotes = [*RIGHT_QUOTES[:2], quote("No,", "Park Ji-hoon")]
    score = score_article("s", report([PARK], quotes), gold())
    assert score.speaker_right == 2
    assert score.description_judged == 1  # only the quote whose gold has a description


def test_a_null_speaker_where_gold_names_one_is_wrong() -> None:
    """Null is right only when gold is null."""
    quotes = [quote("We will wait,", None), *RIGHT_QUOTES[1:]]
    score = score_article("s", report([PARK], quotes), gold())
    assert score.speaker_right == 2


@pytest.mark.parametrize(
    ("speaker", "description", "right"),
    [
        (None, "A senior port official.", True),  # case and trailing punctuation do not count
        (None, "  a senior port official ", True),
        (None, "a port official", False),
        (None, None, False),
        ("Park Ji-hoon", "a senior port official", False),  # a name where gold has none
    ],
)
def test_description_right_needs_a_null_speaker_and_the_same_description(
    speaker: str | None, description: str | None, right: bool
) -> None:
    """description_right: predicted null speaker and the gold description, loosely compared."""
    quotes = [RIGHT_QUOTES[0], quote("Nothing is settled,", speaker, description), RIGHT_QUOTES[2]]
    score = score_article("s", report([PARK], quotes), gold())
    assert score.description_judged == 1
    assert score.description_right == int(right)
    assert score.speaker_right == (3 if speaker is None else 2)


def test_missing_and_extra_quotes() -> None:
    """A gold quote with no exact match is missing; an unmatched prediction is extra."""
    quotes = [quote("We will wait", "Park Ji-hoon"), *RIGHT_QUOTES[1:]]  # comma left out
    figures = summarise([score_article("s", report([PARK], quotes), gold())])
    assert figures["quotes"] == {"gold": 3, "found": 2, "extra": 1, "recall": 0.6667}
    assert figures["speaker_accuracy"]["judged"] == 2


def test_an_entity_in_the_wrong_category_counts_as_wrong() -> None:
    """A gold place labelled ORG is neither precise nor recalled as a place."""
    seoul_as_org = Entity("Seoul", "ORG", 2)
    score = score_article("s", report([PARK, seoul_as_org, AUTHORITY], RIGHT_QUOTES), gold())
    assert (score.org_place_predicted, score.org_place_right) == (2, 1)
    assert (score.gold_places, score.places_found) == (1, 0)
    assert score.errors["wrong_category"] == [{"name": "Seoul", "label": "ORG"}]
    assert score.errors["missed_places"] == ["Seoul"]


def test_an_organisation_matches_by_a_gold_alias_or_its_own_alias() -> None:
    """The Port Authority found as 'the Port Authority', or with its name among the aliases."""
    for entity in (
        Entity("the Port Authority", "ORG", 1),
        Entity("Harbour Port Authority", "ORG", 1, ("Port Authority",)),
    ):
        score = score_article("s", report([PARK, entity], RIGHT_QUOTES), gold())
        assert (score.org_place_right, score.orgs_found) == (1, 1), entity


def test_junk_entities_and_not_entities() -> None:
    """An entity outside gold lowers precision; one listed in not_entities is also counted."""
    junk = [Entity("Reuters", "ORG", 1), Entity("Mill Lane", "FAC", 1)]
    score = score_article("s", report([PARK, SEOUL, AUTHORITY, *junk], RIGHT_QUOTES), gold())
    assert (score.org_place_predicted, score.org_place_right) == (4, 2)
    assert score.not_entities_hit == 1
    assert {e["name"] for e in score.errors["junk_entities"]} == {"Reuters", "Mill Lane"}


def test_a_duplicated_person_is_twice_and_not_found() -> None:
    """Two PERSON entities for one gold person: found fails, people_twice counts it."""
    split = [Entity("Park Ji-hoon", "PERSON", 2), Entity("Mr. Park", "PERSON", 1)]
    score = score_article("s", report(split, RIGHT_QUOTES), gold())
    assert score.people_twice == 1
    assert score.people_found == 1  # the full name is still there exactly once
    assert score.persons_right == 1 and score.persons_predicted == 2
    assert score.errors["alias_as_entity"] == [{"name": "Mr. Park", "label": "PERSON"}]
    assert "junk_entities" not in score.errors
    doubled = [PARK, Entity("Park Ji-hoon", "PERSON", 1)]
    score = score_article("s", report(doubled, RIGHT_QUOTES), gold())
    assert score.people_found == 0
    assert score.people_twice == 1


def test_a_partial_name_is_counted_apart_from_junk() -> None:
    """'Park' for 'Park Ji-hoon' is a partial name; a PERSON of no gold name is junk."""
    persons = [Entity("Park", "PERSON", 2), Entity("Photo Gallery", "PERSON", 1)]
    score = score_article("s", report(persons, RIGHT_QUOTES), gold())
    assert score.partial_names == 1
    assert score.people_found == 0
    assert score.errors["partial_names"] == [{"name": "Park", "of": "Park Ji-hoon"}]
    assert score.errors["junk_entities"] == [{"name": "Photo Gallery", "label": "PERSON"}]


def test_strict_parts_and_descriptions() -> None:
    """The helpers behind partial names and description comparison."""
    assert is_strict_part("Lamb", "Curtis Lamb Jr.")
    assert is_strict_part("Curtis Lamb", "Curtis Lamb Jr.")
    assert not is_strict_part("Curtis Lamb Jr.", "Curtis Lamb Jr.")
    assert not is_strict_part("Lam", "Curtis Lamb Jr.")
    assert not is_strict_part("Jr. Curtis", "Curtis Lamb Jr.")
    assert normalise_description(" A Person familiar with it.” ") == "a person familiar with it"
    assert normalise_description(None) == ""


def test_summaries_add_articles_up() -> None:
    """Figures over several articles are sums of their counts."""
    good = score_article("a", report([PARK, SEOUL, AUTHORITY], RIGHT_QUOTES), gold())
    bad = score_article("b", report([], []), gold())
    figures = summarise([good, bad])
    assert figures["articles"] == 2
    assert figures["quotes"] == {"gold": 6, "found": 3, "extra": 0, "recall": 0.5}
    assert figures["people_found"] == {"gold": 2, "found": 1, "share": 0.5}
    assert figures["org_recall"] == {"gold": 2, "found": 1, "share": 0.5}
    assert summarise([])["speaker_accuracy"]["share"] is None


def test_the_command_line_pairs_dirs_with_texts(tmp_path: Path) -> None:
    """Default the wire set; --texts belongs to the --dir before it; --seeds adds the seeds."""
    sets, errors = parse_sets([])
    assert [(s.name, s.gold_dir, s.text_dir) for s in sets] == [("wire", WIRE_DIR, WIRE_DIR)]
    assert not errors
    sets, errors = parse_sets(
        [
            "--dir",
            str(tmp_path),
            "--dir",
            str(SEED_GOLD_DIR),
            "--texts",
            str(SEED_TEXT_DIR),
            "--errors",
        ]
    )
    assert [(s.gold_dir, s.text_dir) for s in sets] == [
        (tmp_path, tmp_path),
        (SEED_GOLD_DIR, SEED_TEXT_DIR),
    ]
    assert sets[1].name == "seeds" and errors
    sets, _ = parse_sets(["--seeds", "--form", "html"])
    assert [(s.name, s.suffix) for s in sets] == [("wire", "txt"), ("seeds", "html")]
    with pytest.raises(SystemExit):
        parse_sets(["--texts", str(tmp_path)])
