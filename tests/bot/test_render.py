"""Rendering search results within one embed, never cutting silently."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.limits import EMBED_DESCRIPTION_CHARS, pack_embeds
from bot.render import QUOTES_PER_ANSWER, article_embeds, who_said_embed
from bot.replies import thread_name
from handlers.who_said import WhoSaidResult
from storage.records import StoredArticle, StoredQuote


def a_quote(number: int, words: int) -> StoredQuote:
    text = " ".join(f"harbour{number}" for _ in range(words))
    return StoredQuote(
        id=number, article_id=1, guild_id=1, text=text, speaker="Park Ji-hoon",
        speaker_description=None, cue="said", start=0, end=len(text),
        article_title="Port strike", article_url=None, published=None,
        created_at=datetime(2026, 3, 3, tzinfo=UTC), channel_id=2, message_id=3,
    )  # fmt: skip


def test_long_results_are_shortened_and_counted() -> None:
    result = WhoSaidResult(query="Park", speaker="Park Ji-hoon", quotes=tuple(
        a_quote(n, 300) for n in range(10)
    ))  # fmt: skip
    description = who_said_embed(1, result).description or ""

    assert len(description) <= EMBED_DESCRIPTION_CHARS
    assert "…”" in description  # each long quote is visibly cut
    shown = description.count("**Park Ji-hoon**")
    assert 1 <= shown < 10
    assert description.endswith(f"*… and {10 - shown} more*")


def test_short_results_are_shown_whole() -> None:
    result = WhoSaidResult(query="Park", speaker="Park Ji-hoon", quotes=(a_quote(1, 12),))
    description = who_said_embed(1, result).description or ""
    assert "…" not in description and description.count("harbour1") == 12
    assert "2026-03-03" in description


@pytest.mark.parametrize(("more", "footer"), [(False, "1–2 of 14"), (True, "1–2 of 500+")])
def test_a_search_footer_says_when_more_match_than_it_pages(more: bool, footer: str) -> None:
    quotes = (a_quote(1, 12), a_quote(2, 12))
    total = 500 if more else 14
    result = WhoSaidResult("harbour", None, quotes, 0, total, more_than_total=more)
    assert who_said_embed(1, result).footer.text == footer


def an_article(quotes: int, words_each: int = 12) -> StoredArticle:
    return StoredArticle(
        id=1, guild_id=1, channel_id=2, message_id=3, author_id=4, reply_channel_id=None,
        reply_message_id=None, url=None, content_hash="x", title="Port strike", byline=None,
        published=None, site_name=None, language="en", text="", digest=("A digest.",), notes=(),
        created_at=datetime(2026, 3, 3, tzinfo=UTC), posted_at=datetime(2026, 3, 3, tzinfo=UTC),
        quotes=tuple(a_quote(n, words_each) for n in range(quotes)),
    )  # fmt: skip


def test_five_thousand_quotes_show_twenty_five_and_say_how_many_more() -> None:
    embeds = article_embeds(an_article(5_000))
    text = "\n".join(e.description or "" for e in embeds)

    assert text.count("**Park Ji-hoon**") == QUOTES_PER_ANSWER
    assert "and 4,975 more quotes, all stored" in text and "/who-said" in text
    assert embeds[1].title == "Quotes (5,000)"
    assert len(pack_embeds(embeds)) == 1


def test_long_quotes_are_cut_visibly_so_one_answer_stays_a_few_messages() -> None:
    embeds = article_embeds(an_article(5_000, words_each=400))

    assert "…”" in (embeds[1].description or "")
    assert len(pack_embeds(embeds)) <= 6


def test_twenty_five_quotes_or_fewer_are_all_shown_without_a_tail() -> None:
    text = "\n".join(e.description or "" for e in article_embeds(an_article(QUOTES_PER_ANSWER)))
    assert text.count("**Park Ji-hoon**") == QUOTES_PER_ANSWER and "more quote" not in text


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Port strike enters second week", "Port strike enters second week"),
        ("@everyone the port is **closed**", "@\u200beveryone the port is closed"),
        ("Ask <@&123456789012345678> or @here", "Ask <@\u200b&123456789012345678> or @\u200bhere"),
        ("A title\nover two lines", "A title over two lines"),
        ("**~~||**", "Article"),
    ],
)
def test_thread_names_are_plain_text_that_pings_no_one(title: str, name: str) -> None:
    assert thread_name(title) == name


def test_a_long_title_makes_a_thread_name_within_discords_limit() -> None:
    name = thread_name("Harbour " * 40)
    assert len(name) <= 100 and name.endswith("…")
