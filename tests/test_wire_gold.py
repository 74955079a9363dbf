"""The wire articles' gold files are consistent with their texts (no analysis involved).

Both sets are checked: tests/wire, and the held-out set tests/wire_heldout (written to measure
the analysis on text no rule was tuned on).

Every gold quote is exactly the characters between a pair of quotation marks (or between an
opening mark and the end of its paragraph, for a quote running on to the next paragraph), the
gold lists every marked span in text order as a quote or a not-quote, and every name the gold
gives is written in the article. The real analysis is scored on these files by bench/entities.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from intake.files import read_article_file

TESTS_DIR = Path(__file__).resolve().parent
WIRE_DIRS = (
    TESTS_DIR / "wire",
    TESTS_DIR / "wire_heldout",
    TESTS_DIR / "wire_study",
    TESTS_DIR / "wire_study2",
)
STYLES = ("AP", "Reuters", "BBC", "NYT")
KEYS = {
    "style",
    "not_quotes",
    "quotes",
    "people",
    "organisations",
    "entity_aliases",
    "places",
    "not_entities",
    "not_people",
    "descriptions",
    "digest_forbidden",
}
MIN_WORDS, MAX_WORDS = 350, 650
OPENING, CLOSING = "“", "”"
STRAIGHT = '"'


def wire_slugs(wire_dir: Path) -> list[str]:
    """Every article of a set with a gold file."""
    return sorted(path.stem for path in wire_dir.glob("*.json"))


def wire_articles() -> list[Any]:
    """Every article of both sets, as (directory, slug) parameters named "set/slug"."""
    return [
        pytest.param(wire_dir, slug, id=f"{wire_dir.name}/{slug}")
        for wire_dir in WIRE_DIRS
        for slug in wire_slugs(wire_dir)
    ]


@cache
def load(wire_dir: Path, slug: str) -> tuple[str, dict[str, Any]]:
    """The article text as intake reads it, and its gold."""
    article = read_article_file(wire_dir / f"{slug}.txt")
    gold: dict[str, Any] = json.loads((wire_dir / f"{slug}.json").read_text(encoding="utf-8"))
    return article.text, gold


def marked_spans(text: str) -> list[str]:
    """The text between quotation marks, paragraph by paragraph, in text order.

    A straight mark opens when none is open and closes otherwise; a curly opening mark always
    opens. A mark left open at a paragraph's end runs to that end (the quote goes on in the next
    paragraph, which repeats the opening mark).
    """
    spans = []
    for paragraph in text.split("\n\n"):
        open_at: int | None = None
        for i, char in enumerate(paragraph):
            if char == OPENING or (char == STRAIGHT and open_at is None):
                open_at = i + 1
            elif char in (CLOSING, STRAIGHT) and open_at is not None:
                spans.append(paragraph[open_at:i])
                open_at = None
        if open_at is not None:
            spans.append(paragraph[open_at:])
    return spans


def occurs(form: str, text: str) -> bool:
    """Whether a name is written in the text as a whole word sequence."""
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


@pytest.mark.parametrize("wire_dir", WIRE_DIRS, ids=lambda wire_dir: wire_dir.name)
def test_the_set_has_every_style_and_both_kinds_of_marks(wire_dir: Path) -> None:
    """At least eight articles, two of each style, straight and curly marks both used."""
    slugs = wire_slugs(wire_dir)
    assert len(slugs) >= 8, slugs
    styles = Counter(load(wire_dir, slug)[1]["style"] for slug in slugs)
    assert all(styles[style] >= 2 for style in STYLES), styles
    texts = [load(wire_dir, slug)[0] for slug in slugs]
    assert any(OPENING in text for text in texts)
    assert any(STRAIGHT in text for text in texts)


@pytest.mark.parametrize("wire_dir", WIRE_DIRS, ids=lambda wire_dir: wire_dir.name)
def test_every_article_has_its_gold(wire_dir: Path) -> None:
    """No text without gold and no gold without text."""
    texts = {path.stem for path in wire_dir.glob("*.txt")}
    assert texts == set(wire_slugs(wire_dir))


@pytest.mark.parametrize(("wire_dir", "slug"), wire_articles())
def test_gold_is_well_formed(wire_dir: Path, slug: str) -> None:
    """The gold has every key, a known style, and quotes of the documented shape."""
    _, gold = load(wire_dir, slug)
    assert set(gold) == KEYS, set(gold) ^ KEYS
    assert gold["style"] in STYLES
    for quote in gold["quotes"]:
        assert set(quote) == {"text", "speaker", "speaker_description"}, quote
        if quote["speaker"] is not None:
            assert quote["speaker_description"] is None, quote
    for person in gold["people"]:
        assert set(person) == {"name", "aliases"}, person
    canonical = set(gold["organisations"]) | set(gold["places"])
    assert set(gold["entity_aliases"]) <= canonical, set(gold["entity_aliases"]) - canonical


@pytest.mark.parametrize(("wire_dir", "slug"), wire_articles())
def test_body_length(wire_dir: Path, slug: str) -> None:
    """350 to 650 words after the headline."""
    words = len(load(wire_dir, slug)[0].split())
    assert MIN_WORDS <= words <= MAX_WORDS, words


@pytest.mark.parametrize(("wire_dir", "slug"), wire_articles())
def test_gold_quotes_are_exactly_the_marked_spans(wire_dir: Path, slug: str) -> None:
    """Every marked span, in order, is a gold quote or a listed not-quote, and nothing else."""
    text, gold = load(wire_dir, slug)
    quotes = {quote["text"] for quote in gold["quotes"]}
    spans = marked_spans(text)
    assert [span for span in spans if span in quotes] == [q["text"] for q in gold["quotes"]]
    assert [span for span in spans if span not in quotes] == gold["not_quotes"]
    for quote in gold["quotes"]:
        assert quote["text"] in text, quote["text"]
        raw = (wire_dir / f"{slug}.txt").read_text(encoding="utf-8")
        assert quote["text"] in raw, quote["text"]


@pytest.mark.parametrize(("wire_dir", "slug"), wire_articles())
def test_speakers_are_gold_entities(wire_dir: Path, slug: str) -> None:
    """A named speaker is a gold person, organisation or place, written in its fullest form."""
    _, gold = load(wire_dir, slug)
    known = {p["name"] for p in gold["people"]} | set(gold["organisations"]) | set(gold["places"])
    for quote in gold["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in known, quote


@pytest.mark.parametrize(("wire_dir", "slug"), wire_articles())
def test_every_gold_form_is_written_in_the_article(wire_dir: Path, slug: str) -> None:
    """Names, aliases, places, junk strings, descriptions and digest traps are in the text."""
    text, gold = load(wire_dir, slug)
    forms = [p["name"] for p in gold["people"]] + [a for p in gold["people"] for a in p["aliases"]]
    forms += [alias for aliases in gold["entity_aliases"].values() for alias in aliases]
    forms += gold["not_entities"] + gold["not_people"]
    missing = [form for form in forms if not occurs(form, text)]
    # A place may be written only in another form ("BOISE" in a dateline for Boise).
    for name in gold["organisations"] + gold["places"]:
        if not any(occurs(f, text) for f in (name, *gold["entity_aliases"].get(name, []))):
            missing.append(name)
    missing += [line for line in gold["digest_forbidden"] if line not in text]
    described = list(gold["descriptions"].values())
    described += [q["speaker_description"] for q in gold["quotes"] if q["speaker_description"]]
    missing += [d for d in described if d.casefold() not in text.casefold()]
    assert not missing, missing


@pytest.mark.parametrize(("wire_dir", "slug"), wire_articles())
def test_entities_and_junk_do_not_overlap(wire_dir: Path, slug: str) -> None:
    """No string is both a gold entity (or alias) and a not-entity; descriptions name people."""
    _, gold = load(wire_dir, slug)
    entities = {p["name"] for p in gold["people"]}
    entities |= {alias for p in gold["people"] for alias in p["aliases"]}
    entities |= set(gold["organisations"]) | set(gold["places"])
    entities |= {alias for aliases in gold["entity_aliases"].values() for alias in aliases}
    junk = set(gold["not_entities"]) | set(gold["not_people"])
    assert not entities & junk, entities & junk
    assert set(gold["descriptions"]) <= {p["name"] for p in gold["people"]}
