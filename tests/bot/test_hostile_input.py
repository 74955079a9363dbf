"""Hostile input through the real bot, as a table: whatever is pasted or attached, a clear reply
or a normal answer, never "Something went wrong", and nothing stored from what could not be
read."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from bot.exts.errors import UNEXPECTED
from storage.models import ArticleRow
from tests.bot.conftest import Newsroom, seed_text
from tests.intake.intake_samples import tiny_pdf

BODY = seed_text("port-strike").split("\n\n", 1)[1]


def _image_only_pdf() -> bytes:
    # A page that draws a box and no text: what a scanned page gives a text extractor.
    return tiny_pdf("").replace(b"BT /F1 12 Tf 72 720 Td () Tj ET", b"0 0 m 100 100 l S")


def _junk(size: int) -> bytes:
    return random.Random(7).randbytes(size)


# (what, file name, bytes, stored, said): an article is stored, anything unreadable is not,
# and the reply says why.
ATTACHMENTS = [
    (
        "right-to-left and zero-width marks in an article",
        "message.txt",
        ("\u202e\u200b" + BODY.replace(" the ", " the\u200d\u2067 ")).encode(),
        True,
        "",
    ),
    (
        "ten thousand quotation marks",
        "message.txt",
        ("Quotes everywhere\n\n" + "\u201c" * 10_000 + "\n\n" + BODY).encode(),
        True,
        "",
    ),
    (
        "one paragraph of a million characters",
        "message.txt",
        ("word " * 200_000).encode(),
        False,
        "up to 60,000 characters",
    ),
    (
        "random HTML",
        "page.html",
        b"<html><body>" + b"<div><p>" * 500 + b"</i></b>&amp;&#x0;" * 200 + b"</body>",
        False,
        "no readable text",
    ),
    ("binary junk named as text", "notes.txt", _junk(40_000), False, "binary data"),
    ("a PDF that is only images", "scan.pdf", _image_only_pdf(), False, "no text layer"),
    ("an empty file", "message.txt", b"", False, "is empty"),
]


async def _stored(newsroom: Newsroom) -> int:
    async with newsroom.bot.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(ArticleRow)) or 0)


@pytest.mark.parametrize(
    ("data", "name", "stored", "said"),
    [
        pytest.param(data, name, stored, said, id=what)
        for what, name, data, stored, said in ATTACHMENTS
    ],
)
async def test_hostile_attachments_get_a_clear_answer_and_store_only_articles(
    newsroom: Newsroom, data: bytes, name: str, stored: bool, said: str
) -> None:
    await newsroom.reporter.send(newsroom.channel, "", attachments=[(name, data)])

    replies = [m.content for m in newsroom.bot_messages()]
    assert all(UNEXPECTED not in reply for reply in replies), replies
    assert await _stored(newsroom) == (1 if stored else 0)
    if stored:
        assert newsroom.channel.threads, "an article gets its answer in a thread"
    else:
        assert any(said in reply for reply in replies), replies
    # The bot goes on: the next article is read as usual.
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", seed_text("night-trains").encode())]
    )
    assert await _stored(newsroom) == (2 if stored else 1)


@pytest.mark.parametrize(
    "text",
    [
        "\u202e\u2066\u200b" * 300,
        "\u201c" * 1900,
        "@everyone " + "\u0000\u0007\ufffd" * 400,
        "لا " * 500,
    ],
    ids=["bidi controls", "marks", "control characters", "right-to-left words"],
)
async def test_hostile_pastes_never_fail_and_store_nothing(newsroom: Newsroom, text: str) -> None:
    await newsroom.reporter.send(newsroom.channel, text[:2000])

    assert all(UNEXPECTED not in m.content for m in newsroom.bot_messages())
    assert await _stored(newsroom) == 0
