"""Table tests of the pure name helpers."""

from __future__ import annotations

import pytest

from analysis.entities.names import (
    honorific_gender,
    is_alias_of,
    is_family_name_first,
    name_tokens,
    pronoun_gender,
    surname,
    surname_word,
)


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Mr. Park", ("Park",)),
        ("Ms. Alvarez's", ("Alvarez",)),
        ("Dr. Tomas Berg", ("Tomas", "Berg")),
        ("Park Ji-hoon", ("Park", "Ji-hoon")),
        ("Martin Luther King Jr.", ("Martin", "Luther", "King")),
        ("Mr.", ("Mr.",)),
    ],
)
def test_name_tokens(name: str, tokens: tuple[str, ...]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Maria Alvarez", "Alvarez"),
        ("Park Ji-hoon", "Park"),
        ("Li Wenjun", "Li"),
        ("Kim Dong-hyun", "Kim"),
        ("Bruce Lee", "Lee"),
        ("Jim Yong Kim", "Kim"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Ms. Haddad", "Haddad"),
        ("Tomas Berg", "Berg"),
    ],
)
def test_surname(name: str, family: str) -> None:
    assert surname(name) == family


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Bill de Blasio", "Blasio"),
        ("Ursula von der Leyen", "Leyen"),
        ("Park Ji-hoon", "Park"),
        ("Yosef ben Ami", "Ami"),
        ("Tomas Berg", "Berg"),
        ("", ""),
    ],
)
def test_surname_word(name: str, word: str) -> None:
    assert surname_word(name) == word


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("Park", "Ji-hoon"), True),
        (("Nguyen", "Van", "An"), True),
        (("Maria", "Alvarez"), False),
        (("Park",), False),
        (("Bruce", "Lee"), False),
    ],
)
def test_family_name_first(tokens: tuple[str, ...], expected: bool) -> None:
    assert is_family_name_first(tokens) is expected


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Mr. Park", "Park Ji-hoon", True),
        ("Park", "Park Soo-ah", True),
        ("Ms. Alvarez", "Maria Alvarez", True),
        ("Ms. Li", "Li Wenjun", True),
        ("Maria Alvarez", "Maria Elena Alvarez", True),
        ("Mr. Smith", "Lee Smith", True),
        ("Park Ji-hoon", "Park Soo-ah", False),
        ("Mr. Ji-hoon", "Park Ji-hoon", False),
        ("Ms. Maria", "Maria Alvarez", False),
        ("Jordan", "Jordan Peterson", False),
        ("Mr. Berg", "Maria Alvarez", False),
        ("Maria Lopez", "Maria Elena Alvarez", False),
        ("Park Ji-hoon Kim", "Park Ji-hoon", False),
    ],
)
def test_is_alias_of(short: str, full: str, expected: bool) -> None:
    assert is_alias_of(short, full) is expected


@pytest.mark.parametrize(
    ("word", "gender"),
    [("she", "f"), ("Her", "f"), ("himself", "m"), ("his", "m"), ("they", None), ("it", None)],
)
def test_pronoun_gender(word: str, gender: str | None) -> None:
    assert pronoun_gender(word) == gender


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Mr.", "m"), ("Mr", "m"), ("Ms.", "f"), ("Mrs.", "f"), ("Dr.", None), ("Paris", None)],
)
def test_honorific_gender(word: str, gender: str | None) -> None:
    assert honorific_gender(word) == gender
