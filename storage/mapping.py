"""Turning rows into the dataclasses the rest of the bot reads, and reports into rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from analysis.types import Entity, Report, joint_members
from storage.columns import utc_now
from storage.models import ArticleRow, DigestPost, EntityRow, Guild, QuoteRow, SentenceRow
from storage.records import DigestPostRecord, GuildSettings, StoredArticle, StoredQuote
from storage.text import normalize_for_search


def entity_from_row(row: EntityRow) -> Entity:
    """The analysis Entity a row stores."""
    return Entity(
        name=row.name,
        label=row.label,
        mentions=row.mentions,
        aliases=tuple(row.aliases or ()),
        description=row.description,
    )


def quote_from_row(row: QuoteRow, article: ArticleRow) -> StoredQuote:
    """A StoredQuote from a quote row and the row of its article."""
    return StoredQuote(
        id=row.id,
        article_id=row.article_id,
        guild_id=row.guild_id,
        text=row.text,
        speaker=row.speaker,
        speaker_description=row.speaker_description,
        cue=row.cue,
        start=row.start,
        end=row.end,
        article_title=article.title,
        article_url=article.url,
        published=article.published,
        created_at=article.created_at,
        channel_id=article.channel_id,
        message_id=article.message_id,
    )


def article_from_row(row: ArticleRow) -> StoredArticle:
    """A StoredArticle from a row whose entities and quotes were loaded."""
    return StoredArticle(
        id=row.id,
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        message_id=row.message_id,
        author_id=row.author_id,
        reply_channel_id=row.reply_channel_id,
        reply_message_id=row.reply_message_id,
        url=row.url,
        content_hash=row.content_hash,
        title=row.title,
        byline=row.byline,
        published=row.published,
        site_name=row.site_name,
        language=row.language,
        text=row.text,
        digest=tuple(row.digest or ()),
        notes=tuple(row.notes or ()),
        created_at=row.created_at,
        posted_at=row.posted_at,
        author_name=row.author_name,
        answer_pending=row.answer_pending,
        entities=tuple(entity_from_row(entity) for entity in row.entities),
        quotes=tuple(quote_from_row(quote, row) for quote in row.quotes),
    )


def settings_from_row(guild_id: int, row: Guild | None, watched: list[int]) -> GuildSettings:
    """A guild's settings, defaults where it has no row."""
    if row is None:
        return GuildSettings(guild_id=guild_id, watched_channel_ids=tuple(watched))
    return GuildSettings(
        guild_id=guild_id,
        digest_channel_id=row.digest_channel_id,
        digest_time=row.digest_time,
        timezone=row.timezone,
        digest_set_at=row.digest_set_at,
        quiet_day_note=row.quiet_day_note,
        min_article_words=row.min_article_words,
        watched_channel_ids=tuple(watched),
    )


def digest_post_from_row(row: DigestPost) -> DigestPostRecord:
    """The record of one server's digest of one day."""
    return DigestPostRecord(
        guild_id=row.guild_id,
        local_date=row.local_date,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        channel_id=row.channel_id,
        message_id=row.message_id,
        articles=row.articles,
        updated_at=row.updated_at,
    )


def article_values(
    guild_id: int,
    report: Report,
    *,
    channel_id: int,
    message_id: int,
    author_id: int,
    content_hash: str,
    created_at: datetime | None = None,
    posted_at: datetime | None = None,
    author_name: str | None = None,
    answer_pending: bool = False,
) -> dict[str, Any]:
    """Column values of an analysed article's row (its children aside)."""
    article = report.article
    stored_at = created_at or utc_now()
    return {
        "guild_id": guild_id,
        "channel_id": channel_id,
        "message_id": message_id,
        "author_id": author_id,
        "url": article.url,
        "content_hash": content_hash,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "site_name": article.site_name,
        "language": article.language,
        "text": article.text,
        "search_text": normalize_for_search(f"{article.title or ''}\n{article.text}"),
        "digest": list(report.digest),
        "notes": list(dict.fromkeys((*article.notes, *report.notes))),
        "created_at": stored_at,
        "posted_at": posted_at or stored_at,
        "author_name": author_name,
        "answer_pending": answer_pending,
    }


def entity_values(report: Report) -> list[dict[str, Any]]:
    """Column values of a report's entities; rank keeps their order, most important first."""
    return [
        {
            "name": entity.name,
            "label": entity.label,
            "mentions": entity.mentions,
            "aliases": list(entity.aliases),
            "description": entity.description,
            "rank": rank,
        }
        for rank, entity in enumerate(report.entities)
    ]


def entity_rows(report: Report) -> list[EntityRow]:
    """Rows for a report's entities, in rank order."""
    return [EntityRow(**values) for values in entity_values(report)]


def quote_values(guild_id: int, report: Report) -> list[dict[str, Any]]:
    """Column values of a report's quotes, in text order, with normalised text for searching."""
    return [
        {
            "guild_id": guild_id,
            "position": position,
            "text": quote.text,
            "normalized_text": normalize_for_search(quote.text),
            "speaker": quote.speaker,
            "speaker_normalized": normalize_for_search(quote.speaker) if quote.speaker else None,
            "speaker_description": quote.speaker_description,
            "cue": quote.cue,
            "start": quote.start,
            "end": quote.end,
            "speaker_names": speaker_names(quote.speaker, report.entities),
        }
        for position, quote in enumerate(report.quotes)
    ]


def quote_rows(guild_id: int, report: Report) -> list[QuoteRow]:
    """Rows for a report's quotes, in text order."""
    return [QuoteRow(**values) for values in quote_values(guild_id, report)]


def speaker_names(speaker: str | None, entities: tuple[Entity, ...]) -> str | None:
    """The speaker's name with every other name the article gave them (each member's, for
    speakers speaking together), for the full-text index."""
    if not speaker:
        return None
    members = joint_members(speaker) or (speaker,)
    names = dict.fromkeys([speaker, *members])
    for entity in entities:
        if entity.name in members:
            names.update(dict.fromkeys(entity.aliases))
    return " | ".join(names)


def speaker_link_values(
    quote_id: int, record_ids: Sequence[int], posted_at: datetime
) -> list[dict[str, Any]]:
    """quote_speakers rows of a quote: each record once, in order, with the quote's article's
    posting time (copied so a record's page of quotes is read from one index)."""
    return [
        {"quote_id": quote_id, "record_id": record_id, "position": order, "posted_at": posted_at}
        for order, record_id in enumerate(dict.fromkeys(record_ids))
    ]


def sentence_values(guild_id: int, report: Report) -> list[dict[str, Any]]:
    """Column values of the article's title (position 0) and its sentences as the parse
    found them."""
    article = report.article
    title = {"guild_id": guild_id, "position": 0, "start": -1, "end": -1, "text": article.title}
    # Every row names the same columns: a bulk insert takes its columns from the first.
    title["lemmas"] = ""
    rows: list[dict[str, Any]] = [title] if article.title else []
    rows += [
        {
            "guild_id": guild_id,
            "position": position,
            "start": sentence.start,
            "end": sentence.end,
            "text": article.text[sentence.start : sentence.end],
            "lemmas": sentence.lemmas,
        }
        for position, sentence in enumerate(report.sentences, start=1)
    ]
    return rows


def sentence_rows(guild_id: int, report: Report) -> list[SentenceRow]:
    """Rows for the article's title and sentences."""
    return [SentenceRow(**values) for values in sentence_values(guild_id, report)]
