"""The digest's embeds stay within Discord's limits on a busy day, and drop nothing."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PIL import Image

from bot.digest_chart import mentions_chart
from bot.digest_render import chart_filename, digest_embeds
from bot.limits import (
    EMBED_DESCRIPTION_CHARS,
    EMBED_FIELD_VALUE_CHARS,
    EMBED_FIELDS,
    EMBED_TITLE_CHARS,
    EMBED_TOTAL_CHARS,
    EMBEDS_PER_MESSAGE,
    pack_embeds,
)
from handlers.daily_digest import DailyDigest, build_digest
from handlers.digest_schedule import digest_window
from storage.records import StoredArticle, StoredQuote
from tests.bot.digest_samples import busy_day_reports, posting_times

DAY = date(2026, 12, 1)
START = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)


def _stored(number: int, posted_at: datetime) -> StoredArticle:
    report = busy_day_reports(number + 1)[number]
    article = report.article
    quotes = tuple(
        StoredQuote(
            id=number * 10 + i,
            article_id=number,
            guild_id=1,
            text=q.text,
            speaker=q.speaker,
            speaker_description=None,
            cue=q.cue,
            start=q.start,
            end=q.end,
            article_title=article.title,
            article_url=None,
            published=None,
            created_at=posted_at,
            channel_id=10,
            message_id=1000 + number,
        )
        for i, q in enumerate(report.quotes)
    )
    return StoredArticle(
        id=number,
        guild_id=1,
        channel_id=10,
        message_id=1000 + number,
        author_id=7,
        reply_channel_id=2000 + number,
        reply_message_id=3000 + number,
        url=None,
        content_hash=str(number),
        title=article.title,
        byline=None,
        published=None,
        site_name=None,
        language="en",
        text=article.text,
        digest=report.digest,
        notes=(),
        created_at=posted_at,
        posted_at=posted_at,
        author_name=f"Reporter {number % 3}",
        entities=report.entities,
        quotes=quotes,
    )


def _busy_digest(count: int = 40) -> DailyDigest:
    stored = [_stored(n, t) for n, t in enumerate(posting_times(START, count))]
    return build_digest(1, digest_window(DAY, "Europe/London", "18:00"), stored)


def test_a_forty_article_day_fits_discords_limits_and_lists_every_article() -> None:
    digest = _busy_digest(40)
    embeds = digest_embeds(digest, with_chart=True)
    messages = pack_embeds(embeds)

    assert len(digest.stories) == 40
    for group in messages:
        assert len(group) <= EMBEDS_PER_MESSAGE
        assert sum(len(embed) for embed in group) <= EMBED_TOTAL_CHARS
    for embed in embeds:
        assert len(embed.title or "") <= EMBED_TITLE_CHARS
        assert len(embed.description or "") <= EMBED_DESCRIPTION_CHARS
        assert len(embed.fields) <= EMBED_FIELDS
        for field in embed.fields:
            assert len(field.name or "") <= 256
            assert len(field.value or "") <= EMBED_FIELD_VALUE_CHARS
    shown = "\n".join(f.value or "" for e in embeds for f in e.fields)
    for article in digest.articles:
        assert f"/channels/1/{article.reply_channel_id}/{article.reply_message_id})" in shown
    assert len(messages) > 1, "a busy day goes on over several messages"


def test_long_lines_are_shortened_between_words() -> None:
    digest = _busy_digest(3)
    embeds = digest_embeds(digest, with_chart=False)
    for embed in embeds:
        for field in embed.fields:
            for line in (field.value or "").splitlines():
                if line.endswith("…"):
                    assert re.search(r"\w…$", line) and not re.search(r"\s…$", line)
    names = [f.name or "" for e in embeds for f in e.fields]
    assert all(len(name) <= 256 for name in names)


def test_the_header_says_the_day_the_count_and_who_shared() -> None:
    digest = _busy_digest(4)
    header = digest_embeds(digest, with_chart=True)[0]
    assert header.title == "Daily digest · Tuesday 1 December 2026"
    assert "**4 articles** in 4 stories, shared by Reporter 0, Reporter 1 and Reporter 2" in (
        header.description or ""
    )
    assert "18:00 Mon 30 Nov to 18:00 Tue 1 Dec (Europe/London)" in (header.description or "")
    assert header.image.url == f"attachment://{chart_filename(digest)}"


def test_a_quiet_day_says_so() -> None:
    digest = build_digest(1, digest_window(DAY, "UTC", None), [])
    (embed,) = digest_embeds(digest, with_chart=False)
    assert "no articles were shared" in (embed.description or "")


def test_text_from_articles_is_escaped() -> None:
    digest = _busy_digest(1)
    article = replace(digest.articles[0], title="**Bold** _claims_ @everyone")
    story = replace(digest.stories[0], articles=(article,))
    embeds = digest_embeds(replace(digest, stories=(story,), quotes=()), with_chart=False)
    value = embeds[1].fields[0].value or ""
    assert "\\*\\*Bold\\*\\*" in value and "\\_claims\\_" in value


def test_the_chart_is_a_legible_png(tmp_path: Path) -> None:
    digest = _busy_digest(12)
    png = mentions_chart(digest.top_entities, "Most mentioned · Tuesday 1 December 2026")
    path = tmp_path / "chart.png"
    path.write_bytes(png)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (1000, 560)
