"""What repositories return: plain frozen dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from analysis.types import Entity


@dataclass(frozen=True)
class StoredQuote:
    """A stored direct quote, with what a reply needs about its article (title, link, date)."""

    id: int
    article_id: int
    guild_id: int
    text: str
    speaker: str | None
    speaker_description: str | None
    cue: str | None
    start: int
    end: int
    article_title: str | None
    article_url: str | None
    published: date | None
    created_at: datetime  # when the article was read
    channel_id: int  # where the article was posted, for a jump link
    message_id: int


@dataclass(frozen=True)
class StoredArticle:
    """A stored article with its ranked entities and its quotes in text order."""

    id: int
    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    reply_channel_id: int | None
    reply_message_id: int | None
    url: str | None
    content_hash: str
    title: str | None
    byline: str | None
    published: date | None
    site_name: str | None
    language: str | None
    text: str
    digest: tuple[str, ...]
    notes: tuple[str, ...]
    created_at: datetime
    posted_at: datetime  # when the reporter's message was posted: the article's day
    author_name: str | None = None
    answer_pending: bool = False  # stored, its answer not yet sent
    entities: tuple[Entity, ...] = ()
    quotes: tuple[StoredQuote, ...] = ()


@dataclass(frozen=True)
class GuildSettings:
    """A guild's settings; a guild never configured gets the defaults."""

    guild_id: int
    digest_channel_id: int | None = None
    digest_time: str | None = None  # "HH:MM" in `timezone`
    timezone: str = "UTC"
    digest_set_at: datetime | None = None
    quiet_day_note: bool = False
    min_article_words: int | None = None  # None: the bot-wide setting applies
    watched_channel_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DigestPostRecord:
    """What happened to one server's digest of one local date."""

    guild_id: int
    local_date: date
    status: str  # one of DIGEST_STATUSES
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    channel_id: int | None
    message_id: int | None
    articles: int
    updated_at: datetime


# claimed: a process is posting it; posted; skipped: a quiet day, nothing to post;
# failed: the last try failed (retried at next_attempt_at, none once the day is over).
DIGEST_STATUSES = ("claimed", "posted", "skipped", "failed")


@dataclass(frozen=True)
class StoredRecord:
    """A server's record of a person, organisation or place."""

    id: int
    guild_id: int
    kind: str  # person, organisation or place
    label: str
    name: str
    aliases: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class RecordMention:
    """One article that names a record, with what it said of it."""

    article_id: int
    guild_id: int
    title: str | None
    posted_at: datetime
    channel_id: int
    message_id: int
    reply_channel_id: int | None
    reply_message_id: int | None
    mentions: int
    description: str | None


@dataclass(frozen=True)
class RecordCard:
    """A record and the articles that name it, newest first."""

    record: StoredRecord
    articles: tuple[RecordMention, ...]


@dataclass(frozen=True)
class StoredRead:
    """A message the bot read: where, when, and the fingerprint of what it held then."""

    guild_id: int
    channel_id: int
    message_id: int
    fingerprint: str
    read_at: datetime
