"""The daily digest as Discord embeds, within Discord's limits, nothing cut mid-word or dropped.

A header embed (the day, how many articles, shared by whom, the most mentioned, the chart), then
the stories as fields of as many embeds as they need (a story too long for one field goes on in
the next), then the notable quotes. `pack_embeds` spreads them over messages.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import discord

from bot.limits import (
    EMBED_DESCRIPTION_CHARS,
    EMBED_FIELD_VALUE_CHARS,
    EMBED_FIELDS,
    EMBED_TITLE_CHARS,
    EMBED_TOTAL_CHARS,
    pack_lines,
    shorten,
)
from bot.render import COLOUR, answer_url, safe
from handlers.daily_digest import DailyDigest, DigestArticle, NotableQuote, Story

SUMMARY_CHARS = 300
FIELD_NAME_CHARS = 256
HEADER_ENTITIES = 8
SHARERS_SHOWN = 10


def chart_filename(digest: DailyDigest) -> str:
    """The attachment's name, which the header embed shows as its image."""
    return f"digest-{digest.window.day.isoformat()}.png"


def chart_title(digest: DailyDigest) -> str:
    """The chart's own title."""
    return f"Most mentioned · {_long_date(digest)}"


def digest_embeds(digest: DailyDigest, *, with_chart: bool) -> list[discord.Embed]:
    """Every embed of a day's digest, in order."""
    if digest.empty:
        return [_quiet_day_embed(digest)]
    return [
        _header_embed(digest, with_chart),
        *_story_embeds(digest),
        *_quote_embeds(digest),
    ]


def _long_date(digest: DailyDigest) -> str:
    day = digest.window.day
    return f"{day:%A} {day.day} {day:%B %Y}"


def _header_embed(digest: DailyDigest, with_chart: bool) -> discord.Embed:
    count = len(digest.articles)
    noun = "article" if count == 1 else "articles"
    lines = [
        f"**{count} {noun}** in {len(digest.stories)} "
        f"{'story' if len(digest.stories) == 1 else 'stories'}, shared by {_sharers(digest)}.",
        f"*{_window_text(digest)}*",
    ]
    embed = discord.Embed(
        title=shorten(f"Daily digest · {_long_date(digest)}", EMBED_TITLE_CHARS),
        description=shorten("\n".join(lines), EMBED_DESCRIPTION_CHARS),
        colour=COLOUR,
    )
    if digest.top_entities:
        names = " · ".join(
            f"{safe(e.name)} ({e.mentions})" for e in digest.top_entities[:HEADER_ENTITIES]
        )
        embed.add_field(
            name="Most mentioned", value=shorten(names, EMBED_FIELD_VALUE_CHARS), inline=False
        )
    if with_chart:
        embed.set_image(url=f"attachment://{chart_filename(digest)}")
    return embed


def _sharers(digest: DailyDigest) -> str:
    names = [safe(name) for name in digest.sharers[:SHARERS_SHOWN]]
    hidden = len(digest.sharers) - len(names)
    if hidden:
        names.append(f"{hidden} more")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _window_text(digest: DailyDigest) -> str:
    window = digest.window
    zone = ZoneInfo(window.zone)
    return f"Posted from {_when(window.start, zone)} to {_when(window.end, zone)} ({window.zone})."


def _when(instant: datetime, zone: ZoneInfo) -> str:
    local = instant.astimezone(zone)
    return f"{local:%H:%M} {local:%a} {local.day} {local:%b}"


def _story_embeds(digest: DailyDigest) -> list[discord.Embed]:
    fields: list[tuple[str, str]] = []
    for number, story in enumerate(digest.stories, start=1):
        fields += _story_fields(number, story)
    return _embeds_of_fields("Stories", fields)


def _story_fields(number: int, story: Story) -> list[tuple[str, str]]:
    lead = story.articles[0]
    name = shorten(f"{number} · {safe(lead.title or 'Untitled article')}", FIELD_NAME_CHARS)
    lines: list[str] = []
    if story.summary:
        lines.append(shorten(safe(story.summary), SUMMARY_CHARS))
    lines += [_article_line(article) for article in story.articles]
    if story.quoted:
        quoted = ", ".join(f"{safe(name)} ({count})" for name, count in story.quoted)
        lines.append(f"Most quoted: {quoted}")
    chunks = pack_lines(lines, EMBED_FIELD_VALUE_CHARS)
    continued = shorten(f"{name} (continued)", FIELD_NAME_CHARS)
    return [(name if i == 0 else continued, chunk) for i, chunk in enumerate(chunks)]


def _article_line(article: DigestArticle) -> str:
    title = safe(shorten(article.title or "Untitled article", 120))
    who = safe(article.author_name) if article.author_name else f"<@{article.author_id}>"
    return f"• [{title}]({answer_url(article)}) · {who}"


def _quote_embeds(digest: DailyDigest) -> list[discord.Embed]:
    if not digest.quotes:
        return []
    lines = [_quote_line(quote) for quote in digest.quotes]
    return [
        discord.Embed(title="Notable quotes", description=chunk, colour=COLOUR)
        for chunk in pack_lines(lines, EMBED_DESCRIPTION_CHARS)
    ]


def _quote_line(quote: NotableQuote) -> str:
    title = safe(shorten(quote.article.title or "an article", 120))
    # A quote cut by its attribution ends in the comma before "she said": not worth showing.
    text = quote.text.rstrip().rstrip(",")
    return f"“{safe(text)}”\n— **{safe(quote.speaker)}**, in [{title}]({answer_url(quote.article)})"


def _embeds_of_fields(title: str, fields: list[tuple[str, str]]) -> list[discord.Embed]:
    """Fields spread over embeds of at most 25 fields and 6,000 characters each."""
    embeds: list[discord.Embed] = []
    current = discord.Embed(title=title, colour=COLOUR)
    for name, value in fields:
        full = len(current.fields) == EMBED_FIELDS
        if full or len(current) + len(name) + len(value) > EMBED_TOTAL_CHARS:
            embeds.append(current)
            current = discord.Embed(title=f"{title} (continued)", colour=COLOUR)
        current.add_field(name=name, value=value, inline=False)
    if current.fields:
        embeds.append(current)
    return embeds


def _quiet_day_embed(digest: DailyDigest) -> discord.Embed:
    return discord.Embed(
        title=shorten(f"Daily digest · {_long_date(digest)}", EMBED_TITLE_CHARS),
        description=f"A quiet day: no articles were shared. *{_window_text(digest)}*",
        colour=COLOUR,
    )
