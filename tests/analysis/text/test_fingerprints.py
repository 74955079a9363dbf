"""The wording fingerprint: deterministic, blind to layout and case, not to word order."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.text.fingerprints import (
    BANDS,
    SIGNATURE_SIZE,
    band_keys,
    fingerprint,
    is_same_story,
    normalised_words,
    resemblance,
    same_story_score,
    shingle_hashes,
)

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(slug: str) -> str:
    return (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The Port's  DIRECTOR, said:", ["the", "port", "s", "director", "said"]),
        ("“Our door remains open,” Mr. Park", ["our", "door", "remains", "open", "mr", "park"]),
        ("Straße\nSTRASSE", ["strasse", "strasse"]),
        ("ﬁve — 5 %", ["five", "5"]),  # NFKC: the ligature is two letters
        ("", []),
    ],
)
def test_normalised_words(text: str, words: list[str]) -> None:
    assert normalised_words(text) == words


def test_the_fingerprint_is_the_same_every_time_and_fixed_in_value() -> None:
    first = fingerprint(seed("port-strike"))
    assert first == fingerprint(seed("port-strike"))
    assert len(first.signature) == SIGNATURE_SIZE and len(band_keys(first)) == BANDS
    assert all(0 <= value < 2**32 for value in first.signature)
    # Stored fingerprints are compared for years: the values must not drift between versions.
    known = fingerprint("the harbour wall must be rebuilt")
    assert known.signature[:3] == (614081685, 673469136, 1696095963)
    assert band_keys(known)[:2] == (4150844405208377289, 5207891843342014974)


def test_layout_case_and_punctuation_do_not_change_it() -> None:
    text = seed("court-ruling")
    reflowed = " ".join(text.split()).upper().replace("“", '"').replace("”", '"')
    assert fingerprint(reflowed) == fingerprint(text)


def test_word_order_changes_it() -> None:
    sentence = "the council approved the budget after a long meeting on tuesday night"
    forward, backward = fingerprint(sentence), fingerprint(" ".join(reversed(sentence.split())))
    assert forward != backward
    assert same_story_score(forward, backward) < 0.2


def test_a_short_text_is_one_shingle_and_an_empty_one_none() -> None:
    assert len(shingle_hashes(["two", "words"])) == 1
    empty = fingerprint("  …  ")
    assert empty.shingles == 0
    assert same_story_score(empty, fingerprint(seed("port-strike"))) == 0.0
    assert resemblance(empty, empty) == 0.0


def test_a_trimmed_copy_is_the_same_story_and_another_seed_is_not() -> None:
    text = seed("storm-ingrid")
    paragraphs = text.split("\n\n")
    half = "\n\n".join(paragraphs[: len(paragraphs) // 2])
    whole, trimmed = fingerprint(text), fingerprint(half)
    assert same_story_score(whole, trimmed) > 0.8
    assert resemblance(whole, trimmed) < same_story_score(whole, trimmed)  # containment forgives
    assert is_same_story(whole, trimmed) and is_same_story(trimmed, whole)
    assert set(band_keys(whole)) & set(band_keys(trimmed))
    other = fingerprint(seed("hospital-merger"))
    assert not is_same_story(whole, other)
    assert not set(band_keys(whole)) & set(band_keys(other))
