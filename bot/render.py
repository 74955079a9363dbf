"""Turning handler results into embeds a newsroom reads at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import discord
from discord.utils import escape_markdown

from analysis.types import Entity
from bot.limits import (
    EMBED_DESCRIPTION_CHARS,
    EMBED_FIELD_VALUE_CHARS,
    EMBED_TITLE_CHARS,
    pack_lines,
    shorten,
)
from handlers.ask import AskResult
from handlers.echoes import Echo
from handlers.who_said import WhoSaidResult
from storage.records import StoredArticle, StoredQuote

COLOUR = discord.Colour.from_rgb(41, 98, 160)
ENTITY_GROUPS = (
    ("People", ("PERSON",)),
    ("Organisations", ("ORG",)),
    ("Places", ("GPE", "LOC", "FAC")),
)
ENTITIES_PER_GROUP = 12
# A search result shows at most this much of one quote or sentence, marked with "…" if cut.
LINE_CHARS = 1000
# One answer lists at most this many quotes, each at most LINE_CHARS long, so a paste with
# thousands of quotes still gets a few messages (every quote is stored for /who-said).
QUOTES_PER_ANSWER = 25


def safe(text: str) -> str:
    """Escape Markdown so article text is shown exactly, never interpreted."""
    return escape_markdown(text, as_needed=False)


def jump_url(guild_id: int, channel_id: int, message_id: int) -> str:
    """A link that opens a message in Discord."""
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


class Answered(Protocol):
    """Where an article was posted and where the bot answered it."""

    @property
    def guild_id(self) -> int: ...
    @property
    def channel_id(self) -> int: ...
    @property
    def message_id(self) -> int: ...
    @property
    def reply_channel_id(self) -> int | None: ...
    @property
    def reply_message_id(self) -> int | None: ...


def answer_url(article: Answered) -> str:
    """A link to the bot's answer to an article (in its thread when it made one), else to the
    reporter's own message."""
    if article.reply_message_id is not None:
        channel = article.reply_channel_id or article.channel_id
        return jump_url(article.guild_id, channel, article.reply_message_id)
    return jump_url(article.guild_id, article.channel_id, article.message_id)


def already_read_text(article: StoredArticle, same_story: bool = False) -> str:
    """The pointer a repeated article gets instead of a second analysis: the same text, or the
    same story in another form (a link to a pasted article, another outlet's copy)."""
    title = safe(article.title or "this article")
    if same_story:
        return f"Same story as **{title}**, read earlier: see {answer_url(article)}"
    return f"Already read: **{title}**, see {answer_url(article)}"


def article_embeds(article: StoredArticle, echoes: Sequence[Echo] = ()) -> list[discord.Embed]:
    """The analysis: headline card with digest and entities, then the quotes (each with the
    earlier article its speaker said the same words in, if any)."""
    card = discord.Embed(
        title=shorten(safe(article.title or "Untitled article"), EMBED_TITLE_CHARS),
        url=article.url,
        description=_digest_text(article),
        colour=COLOUR,
    )
    source = _source_line(article)
    if source:
        card.add_field(name="Source", value=shorten(source, EMBED_FIELD_VALUE_CHARS), inline=False)
    for label, kinds in ENTITY_GROUPS:
        value = _entity_line([e for e in article.entities if e.label in kinds])
        if value:
            card.add_field(name=label, value=value, inline=False)
    analysed = bool(article.digest or article.entities or article.quotes)
    if not analysed and article.notes:  # not analysed (another language): no "no quotes" claim
        return [card]
    return [card, *_quote_embeds(article.quotes, {e.position: e for e in echoes})]


def quote_line(quote: StoredQuote, limit: int | None = None) -> str:
    """One quote as `Speaker — “text”`, the speaker in bold, the text shortened to `limit`."""
    if quote.speaker:
        who = f"**{safe(quote.speaker)}**"
    elif quote.speaker_description:
        who = f"*{safe(quote.speaker_description)}*"
    else:
        who = "*speaker not given*"
    text = safe(quote.text)
    return f"{who} — “{shorten(text, limit) if limit else text}”"


def _quote_embeds(quotes: tuple[StoredQuote, ...], echoes: dict[int, Echo]) -> list[discord.Embed]:
    if not quotes:
        return [discord.Embed(title="Quotes", description="No direct quotes.", colour=COLOUR)]
    lines = [
        quote_line(q, LINE_CHARS) + _echo_text(echoes.get(n))
        for n, q in enumerate(quotes[:QUOTES_PER_ANSWER])
    ]
    hidden = len(quotes) - QUOTES_PER_ANSWER
    if hidden > 0:
        lines.append(more_quotes_line(hidden))
    chunks = pack_lines(lines, EMBED_DESCRIPTION_CHARS)
    embeds = []
    for index, chunk in enumerate(chunks):
        title = f"Quotes ({len(quotes):,})" if index == 0 else "Quotes (continued)"
        embeds.append(discord.Embed(title=title, description=chunk, colour=COLOUR))
    return embeds


def _echo_text(echo: Echo | None) -> str:
    """Under a quote: the earlier article with the same words, and its wording where it differs."""
    if echo is None:
        return ""
    earlier = echo.earlier
    link = jump_url(earlier.guild_id, earlier.channel_id, earlier.message_id)
    title = safe(shorten(earlier.article_title or "an earlier article", 100))
    day = (earlier.published or earlier.created_at.date()).isoformat()
    text = f"\n↳ also quoted in [{title}]({link}) ({day})"
    if not echo.same_words:
        text += f", as “{shorten(safe(earlier.text), LINE_CHARS // 2)}”"
    return text


def more_quotes_line(hidden: int) -> str:
    """The line under a capped quote list: how many more, and how to find them."""
    quotes = "quote" if hidden == 1 else "quotes"
    return (
        f"*… and {hidden:,} more {quotes}, all stored: "
        "`/who-said` searches them by speaker or phrase.*"
    )


def _digest_text(article: StoredArticle) -> str:
    lines = [safe(sentence) for sentence in article.digest]
    lines += [f"*{safe(note)}*" for note in article.notes]
    return shorten("\n\n".join(lines), EMBED_DESCRIPTION_CHARS) if lines else "*No digest.*"


def _source_line(article: StoredArticle) -> str:
    parts = [article.site_name, article.byline]
    if article.published is not None:
        parts.append(article.published.isoformat())
    return " · ".join(safe(p) for p in parts if p)


def _entity_line(entities: list[Entity]) -> str:
    items: list[str] = []
    length = 0
    for entity in entities[:ENTITIES_PER_GROUP]:
        item = f"{safe(entity.name)} ({entity.mentions})"
        # Room is kept for the " · and N more" tail.
        if length + len(item) + 3 > EMBED_FIELD_VALUE_CHARS - 20:
            break
        items.append(item)
        length += len(item) + 3
    line = " · ".join(items)
    hidden = len(entities) - len(items)
    return f"{line} · and {hidden} more" if items and hidden else line


def who_said_embed(guild_id: int, result: WhoSaidResult) -> discord.Embed:
    """Quotes by a speaker, or quotes containing a phrase, each with its article and date."""
    if result.speaker is not None:
        title = f"What {result.speaker} said"
    else:
        title = f"Who said “{result.query}”"
    embed = discord.Embed(title=shorten(safe(title), EMBED_TITLE_CHARS), colour=COLOUR)
    if not result.quotes:
        embed.description = "No quotes in this server's history match that."
        return embed
    lines = [_quote_with_source(guild_id, q) for q in result.quotes]
    embed.description = _fit_lines(lines)
    if result.total is not None and result.total > len(result.quotes):
        first = result.offset + 1
        of = f"{result.total}+" if result.more_than_total else f"{result.total}"
        embed.set_footer(text=f"{first}–{result.offset + len(result.quotes)} of {of}")
    return embed


def ask_embed(guild_id: int, result: AskResult) -> discord.Embed:
    """The sentences that answer a question, each with its source."""
    embed = discord.Embed(title=shorten(safe(result.question), EMBED_TITLE_CHARS), colour=COLOUR)
    if not result.answers:
        embed.description = "Nothing in the history answers that."
        return embed
    lines = []
    for answer in result.answers:
        link = jump_url(guild_id, answer.channel_id, answer.message_id)
        source = safe(answer.article_title or "an article")
        who = f" ({safe(answer.speaker)})" if answer.speaker else ""
        lines.append(f"> {shorten(safe(answer.text), LINE_CHARS)}\n— [{source}]({link}){who}")
    embed.description = _fit_lines(lines)
    return embed


def _fit_lines(entries: list[str]) -> str:
    """As many whole entries as one embed holds, saying how many more there were."""
    shown: list[str] = []
    for entry in entries:
        if len("\n\n".join([*shown, entry])) > EMBED_DESCRIPTION_CHARS - 40:
            break
        shown.append(entry)
    hidden = len(entries) - len(shown)
    text = "\n\n".join(shown)
    return f"{text}\n\n*… and {hidden} more*" if hidden else text


def _quote_with_source(guild_id: int, quote: StoredQuote) -> str:
    link = jump_url(guild_id, quote.channel_id, quote.message_id)
    title = safe(quote.article_title or "an article")
    day = quote.published or quote.created_at.date()
    return f"{quote_line(quote, LINE_CHARS)}\n— [{title}]({link}), {day.isoformat()}"
