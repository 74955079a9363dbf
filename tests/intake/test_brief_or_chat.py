"""A short brief reads as prose; chat does not, however long it runs."""

from __future__ import annotations

import pytest

from intake.quality import looks_like_brief
from tests.bot.test_briefs_and_follow_ups import BRIEF


@pytest.mark.parametrize(
    ("text", "brief"),
    [
        (BRIEF, True),
        ("Morning all, coffee is on the second floor.", False),
        ("Lunch at noon? " * 30, False),  # many words, three of them different
        ("ok. " * 60, False),
        ("Thanks! Great. Will do. See you at the meeting later. " * 4, False),
        (BRIEF.split(". ")[0] + ".", False),  # one sentence
    ],
)
def test_looks_like_brief(text: str, brief: bool) -> None:
    assert looks_like_brief(text) is brief
