"""An entity card as an embed: name, kind, aliases, a description, articles and quotes."""

from __future__ import annotations

import discord

from bot.limits import EMBED_FIELD_VALUE_CHARS, EMBED_TITLE_CHARS, pack_lines, shorten
from bot.render import COLOUR, LINE_CHARS, answer_url, quote_line, safe
from handlers.entities import QUOTES_PER_PAGE, EntityCard
from storage.records import RecordMention

ARTICLES_SHOWN = 10
_KIND_NAMES = {"person": "Person", "organisation": "Organisation", "place": "Place"}


def entity_card_embed(guild_id: int, result: EntityCard) -> discord.Embed:
    """The card of one record, with one page of its quotes."""
    record = result.card.record
    articles = result.card.articles
    description = next((a.description for a in articles if a.description), None)
    lines = [f"**{_KIND_NAMES.get(record.kind, record.kind)}**"]
    if description:
        lines.append(safe(description))
    first, last = record.first_seen.date().isoformat(), record.last_seen.date().isoformat()
    lines.append(
        f"In {len(articles)} article{'s' if len(articles) != 1 else ''}, {first} to {last}"
    )
    embed = discord.Embed(
        title=shorten(safe(record.name), EMBED_TITLE_CHARS),
        description="\n".join(lines),
        colour=COLOUR,
    )
    if record.aliases:
        aliases = " · ".join(safe(a) for a in record.aliases)
        embed.add_field(name="Also", value=shorten(aliases, EMBED_FIELD_VALUE_CHARS), inline=False)
    if articles:
        shown = [_article_line(a) for a in articles[:ARTICLES_SHOWN]]
        if len(articles) > ARTICLES_SHOWN:
            shown.append(f"*… and {len(articles) - ARTICLES_SHOWN} more*")
        value = pack_lines(shown, EMBED_FIELD_VALUE_CHARS)[0]
        embed.add_field(name="Articles, newest first", value=value, inline=False)
    if result.total_quotes:
        quotes = [quote_line(q, LINE_CHARS // 4) for q in result.quotes]
        embed.add_field(
            name=f"Quotes {_range(result)} of {result.total_quotes}, newest first",
            value=pack_lines(quotes, EMBED_FIELD_VALUE_CHARS)[0],
            inline=False,
        )
    embed.set_footer(text=f"Page {result.page + 1} of {result.pages}")
    return embed


def _range(result: EntityCard) -> str:
    start = result.page * QUOTES_PER_PAGE + 1
    return f"{start}–{start + len(result.quotes) - 1}"


def _article_line(article: RecordMention) -> str:
    link = answer_url(article)
    title = safe(shorten(article.title or "Untitled article", 100))
    return f"• [{title}]({link}), {article.posted_at.date().isoformat()} ({article.mentions})"
