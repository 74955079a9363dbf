"""Ingest, re-ingest, who-said and ask, with real storage on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from handlers.ask import ask
from handlers.errors import NotAnArticle
from handlers.ingest import Origin, ingest_text
from handlers.services import Services
from handlers.who_said import who_said

# Discord's time when the quotes are searched for: after every sample article.
SEARCHED_AT = datetime(2027, 1, 1, tzinfo=UTC)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NEWSROOM = Origin(guild_id=1, channel_id=10, message_id=100, author_id=7)
OTHER_SERVER = Origin(guild_id=2, channel_id=20, message_id=200, author_id=8)


def seed(slug: str) -> str:
    return (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")


async def test_ingest_stores_the_analysis_once(services: Services) -> None:
    first = await ingest_text(services, NEWSROOM, seed("port-strike"))
    again = await ingest_text(services, NEWSROOM, seed("port-strike").upper().lower())

    assert not first.duplicate and again.duplicate
    assert again.article.id == first.article.id
    speakers = {q.speaker for q in first.article.quotes}
    assert {"Park Soo-ah", "Park Ji-hoon"} <= speakers
    assert 2 <= len(first.article.digest) <= 4


async def test_short_text_is_conversation(services: Services) -> None:
    with pytest.raises(NotAnArticle, match="too short"):
        await ingest_text(services, NEWSROOM, "Has anyone seen the port story? It is big.")


async def test_who_said_by_surname_alias_and_phrase(services: Services) -> None:
    await ingest_text(services, NEWSROOM, seed("port-strike"))

    by_surname = await who_said(services, 1, "soo-ah", now=SEARCHED_AT)
    by_phrase = await who_said(services, 1, "EVERY CHANCE to settle", now=SEARCHED_AT)
    curly_phrase = await who_said(services, 1, "“Our door remains open”", now=SEARCHED_AT)

    assert by_surname.speaker == "Park Soo-ah" and by_surname.quotes
    assert all(q.speaker == "Park Soo-ah" for q in by_surname.quotes)
    assert by_phrase.speaker is None
    assert [q.speaker for q in by_phrase.quotes] == ["Park Soo-ah"]
    assert [q.speaker for q in curly_phrase.quotes] == ["Park Ji-hoon"]


async def test_servers_never_see_each_other(services: Services) -> None:
    await ingest_text(services, NEWSROOM, seed("port-strike"))

    assert (await who_said(services, 2, "every chance to settle", now=SEARCHED_AT)).quotes == ()
    assert (await ask(services, 2, "Why did the dockworkers strike?")).answers == ()
    other = await ingest_text(services, OTHER_SERVER, seed("port-strike"))
    assert not other.duplicate  # the same article is new to another server


async def test_ask_answers_with_sources_or_says_it_does_not_know(services: Services) -> None:
    stored = await ingest_text(services, NEWSROOM, seed("port-strike"))

    answered = await ask(services, 1, "How many container ships are waiting at anchor?")
    unknown = await ask(services, 1, "Who won the cycling championship in Oslo?")

    assert answered.answers
    assert "container ships" in answered.answers[0].text
    assert answered.answers[0].article_id == stored.article.id
    assert unknown.answers == ()
