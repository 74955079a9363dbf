"""The same words across articles: near copies by the same speaker, measured on invented pairs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from record_samples import MONDAY, Sessions, person, report, store_with_echoes

from handlers.echoes import NEAR_COPY, is_near_copy, near_copy_score

ALVAREZ = (person("Maria Alvarez", "Ms. Alvarez"),)
KESSLER = (person("Tomas Kessler", "Mr. Kessler"),)


@pytest.mark.parametrize(
    ("new", "earlier"),
    [
        ("We will not move an inch on this", "We will not move one inch on this"),
        (
            "Every percentage point is a family that cannot make its loan payments",
            "Every percentage point is a family that can no longer make its loan payments",
        ),
        (
            "Not today and not tomorrow: we will not move an inch on this",
            "We will not move an inch on this, not today and not tomorrow",
        ),
        ("We are not there yet, and we know it", "We are not there yet, and we know it."),
    ],
    ids=["a word changed", "two words changed", "order changed", "same words"],
)
def test_near_copies_are_found(new: str, earlier: str) -> None:
    assert is_near_copy(new, earlier), near_copy_score(new, earlier)


@pytest.mark.parametrize(
    ("new", "earlier"),
    [
        ("We will not move an inch on this", "The harbour needs more money for dredging"),
        ("It is a good deal", "It is a bad deal"),
        (
            "The council has failed the families on the east side",
            "The families on the east side will decide the next election",
        ),
    ],
    ids=["unrelated", "short and opposite", "shared words, other sense"],
)
def test_other_quotes_are_not(new: str, earlier: str) -> None:
    assert not is_near_copy(new, earlier), near_copy_score(new, earlier)
    assert near_copy_score(new, earlier) < NEAR_COPY or len(new.split()) < 5


async def test_a_speaker_quoted_again_nearly_word_for_word_is_pointed_out(
    sessionmaker: Sessions,
) -> None:
    await store_with_echoes(
        sessionmaker,
        report("Monday", ALVAREZ, (("We will not move an inch on this", "Maria Alvarez"),)),
        MONDAY,
    )
    echoes = await store_with_echoes(
        sessionmaker,
        report(
            "Tuesday",
            ALVAREZ,
            (
                ("We will not move one inch on this", "Maria Alvarez"),
                ("The harbour needs more money for dredging", "Maria Alvarez"),
            ),
        ),
        MONDAY + timedelta(days=1),
    )
    assert [(e.position, e.earlier.text, e.same_words) for e in echoes] == [
        (0, "We will not move an inch on this", False)
    ]
    assert echoes[0].earlier.article_title == "Monday"


async def test_the_same_words_from_another_speaker_are_not_an_echo(sessionmaker: Sessions) -> None:
    await store_with_echoes(
        sessionmaker,
        report("Monday", ALVAREZ, (("We will not move an inch on this", "Maria Alvarez"),)),
        MONDAY,
    )
    echoes = await store_with_echoes(
        sessionmaker,
        report("Tuesday", KESSLER, (("We will not move an inch on this", "Tomas Kessler"),)),
        MONDAY,
    )
    assert echoes == []
