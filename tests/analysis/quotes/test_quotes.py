"""Finding quoted spans in raw text, and telling direct quotes from scare quotes and titles."""

from __future__ import annotations

import pytest

from analysis.quotes.marks import find_quote_spans, is_direct_quote


def quoted(text: str) -> list[str]:
    """The contents of every span found, in order."""
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def direct(text: str) -> list[str]:
    """The contents of the spans that count as direct quotes."""
    return [text[s.start : s.end] for s in find_quote_spans(text) if is_direct_quote(text, s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will not back down,” she said.", ["We will not back down,"]),
        ('"We will not back down," she said.', ["We will not back down,"]),
        ("``We will not back down,'' she said.", ["We will not back down,"]),
        ("''We will not back down,'' she said.", ["We will not back down,"]),
        (
            "“First part,” he said, “and the second part.”",
            ["First part,", "and the second part."],
        ),
        (
            "He said “don’t call it a ‘crisis’ yet” and left.",
            ["don’t call it a ‘crisis’ yet"],
        ),
        (
            "''This is less a 'refugee crisis' and more an occupation,'' she wrote.",
            ["This is less a 'refugee crisis' and more an occupation,"],
        ),
        (
            "''The answer is not to yell, 'China bad.''' He paused.",
            ["The answer is not to yell, 'China bad.'"],
        ),
        ("Jones' dog and the '90s don't count. \"Only this does,\" he said.", ["Only this does,"]),
        ("He said,“Look, no space here.”", ["Look, no space here."]),
    ],
)
def test_marks_are_paired(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_multi_paragraph_quote_gives_one_span_per_paragraph() -> None:
    text = (
        "“The first paragraph of a long statement goes here.\n\n"
        "“The second one carries on without a closing mark.\n\n"
        "“And the third one ends it,” she said.\n\nThe reporter's own line follows."
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph of a long statement goes here.",
        "The second one carries on without a closing mark.",
        "And the third one ends it,",
    ]
    assert [s.continued for s in spans] == [False, True, True]
    assert spans[0].close_mark is None and spans[2].close_mark is not None


def test_multi_paragraph_with_single_newlines() -> None:
    text = '"One paragraph of the quote ends open.\n"The next one closes it," he said.'
    assert quoted(text) == ["One paragraph of the quote ends open.", "The next one closes it,"]


def test_stray_marks_do_not_stop_the_article() -> None:
    text = (
        "A stray “ mark in the first paragraph.\n\n"
        "He is 6'2\" tall.\n\n"
        "“The real quote is here,” she said.\n\n"
        "“Another real quote,” he said."
    )
    assert quoted(text)[-2:] == ["The real quote is here,", "Another real quote,"]


def test_wrong_glyph_closing_mark_is_read_from_context() -> None:
    text = "“We are ready,“ he said. “Really ready.”"
    assert quoted(text) == ["We are ready,", "Really ready."]


def test_british_single_quotes_when_no_double_marks() -> None:
    text = "‘We will win this one,’ she said. The workers’ union agreed."
    assert quoted(text) == ["We will win this one,"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He called the plan “a total disaster for the city.”", ["a total disaster for the city."]),
        ("“No.” That was all she said.", ["No."]),
        ("The so-called “experts” disagreed.", []),  # scare quotes
        ("Critics call him “Big Tony” in private.", []),  # nickname
        ("The word “resilience” appears twice.", []),  # a mentioned word
        ("The report titled “Ports of the Future” was released.", []),  # a title
        ("She wrote the book “A Long Way Home” in 2010.", []),
        ("Rallies ended with “Make America Great Again” chants.", []),
        ("They call it the “line in the sand,” he said.", ["line in the sand,"]),
        # Capitalised words with a full stop inside are sentences, not a title.
        ("“Like Tromso. Or Kirkenes,” Dahl said.", ["Like Tromso. Or Kirkenes,"]),
        ("They watched “Mr. Holm Goes to Lindholm” twice.", []),  # an abbreviation, a title
        ("The logo read “Warner Bros. Pictures Presents” in gold.", []),
        ("She starred in “The Return of Capt. Marvel” last year.", []),
        # A markup attribute pasted with the text is not speech.
        ('<tweet tweet-date="March 9, 2016">We won the vote</tweet>', []),
    ],
)
def test_direct_quotes_only(text: str, expected: list[str]) -> None:
    assert direct(text) == expected


def test_empty_and_markless_text() -> None:
    assert find_quote_spans("") == []
    assert find_quote_spans("No quotes at all here.\n\nNone here either.") == []
