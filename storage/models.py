"""The database tables, in SQLAlchemy 2's typed declarative style; private to storage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false

from storage.columns import UtcDateTime, utc_now

# Named constraints keep migrations reproducible across backends.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The declarative base of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, str: Text}


class Guild(Base):
    """A Discord server's own settings."""

    __tablename__ = "guilds"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    digest_channel_id: Mapped[int | None] = mapped_column(BigInteger)
    digest_time: Mapped[str | None] = mapped_column(String(5))  # "HH:MM", local time
    # When the digest was set: an hour already past then is not that day's digest.
    digest_set_at: Mapped[datetime | None]
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    quiet_day_note: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # None: the bot-wide NEWSBOT_MIN_ARTICLE_WORDS applies.
    min_article_words: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class WatchedChannel(Base):
    """A channel whose links and pasted articles the bot reads."""

    __tablename__ = "watched_channels"
    __table_args__ = (UniqueConstraint("guild_id", "channel_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ArticleRow(Base):
    """One article read in one guild, with where it was posted and where the bot answered."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("guild_id", "content_hash"),
        # One row per canonical URL per server, even when two posts race past the check.
        Index(
            "uq_articles_guild_id_url",
            "guild_id",
            "url",
            unique=True,
            sqlite_where=sql_text("url IS NOT NULL"),
            postgresql_where=sql_text("url IS NOT NULL"),
        ),
        Index("ix_articles_guild_id_created_at", "guild_id", "created_at"),
        Index("ix_articles_guild_id_posted_at", "guild_id", "posted_at"),
        Index("ix_articles_guild_id_reply_message_id", "guild_id", "reply_message_id"),
        Index("ix_articles_guild_id_reply_channel_id", "guild_id", "reply_channel_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    author_id: Mapped[int] = mapped_column(BigInteger)
    # The poster's display name when the article was read, for the digest's "shared by".
    author_name: Mapped[str | None]
    reply_channel_id: Mapped[int | None] = mapped_column(BigInteger)
    reply_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # Stored before its answer is sent: true until the answer is out, so a failed send is
    # posted again (on a re-post, or when the bot starts) instead of being lost.
    answer_pending: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    url: Mapped[str | None]
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None]
    byline: Mapped[str | None]
    published: Mapped[date | None] = mapped_column(Date)
    site_name: Mapped[str | None]
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str]
    # Title and text through normalize_for_search, so matching is the same on every backend.
    search_text: Mapped[str]
    digest: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # When the reporter's message was posted (Discord's clock): the article's day in a digest.
    posted_at: Mapped[datetime]

    entities: Mapped[list[EntityRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EntityRow.rank",
    )
    quotes: Mapped[list[QuoteRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="QuoteRow.position",
    )
    sentences: Mapped[list[SentenceRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SentenceRow.position",
    )


class EntityRow(Base):
    """A person, organisation or place in an article; rank 0 is the most important."""

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_article_id_name", "article_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    name: Mapped[str]
    label: Mapped[str] = mapped_column(String(32))
    mentions: Mapped[int] = mapped_column(Integer)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None]
    rank: Mapped[int] = mapped_column(Integer)
    # The server's record of this person, organisation or place; None when not settled.
    record_id: Mapped[int | None] = mapped_column(
        ForeignKey("entity_records.id", ondelete="SET NULL"), index=True
    )

    article: Mapped[ArticleRow] = relationship(back_populates="entities")


class QuoteRow(Base):
    """A direct quote from an article, in text order (position), with its speaker."""

    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_guild_id_speaker_normalized", "guild_id", "speaker_normalized"),
        Index("ix_quotes_article_id", "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # Repeated from the article so who-said queries filter on one table.
    guild_id: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str]
    normalized_text: Mapped[str]
    speaker: Mapped[str | None]
    speaker_normalized: Mapped[str | None]
    speaker_description: Mapped[str | None]
    cue: Mapped[str | None]
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # The speaker and the other names its article gave them, for the full-text index.
    speaker_names: Mapped[str | None]

    article: Mapped[ArticleRow] = relationship(back_populates="quotes")


class SentenceRow(Base):
    """A sentence of an article as spaCy found it at ingest (or its title, position 0), with
    its words' lemmas; what /ask searches. Indexed by the full-text engine (storage/search)."""

    __tablename__ = "article_sentences"
    __table_args__ = (
        Index("ix_article_sentences_article_id_position", "article_id", "position"),
        Index("ix_article_sentences_guild_id", "guild_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # Repeated from the article so searches filter on one table.
    guild_id: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(Integer)  # 0 is the title, 1 the first sentence
    start: Mapped[int] = mapped_column(Integer)  # in the article's text; -1 for the title
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str]
    lemmas: Mapped[str] = mapped_column(default="")

    article: Mapped[ArticleRow] = relationship(back_populates="sentences")


class DigestPost(Base):
    """One server's digest of one local date: claimed, posted, skipped or failed, once."""

    __tablename__ = "digest_posts"
    __table_args__ = (UniqueConstraint("guild_id", "local_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    local_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None]
    channel_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    articles: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]


class EntityRecord(Base):
    """A server's one record of a person, organisation or place, across its articles."""

    __tablename__ = "entity_records"
    __table_args__ = (
        UniqueConstraint("guild_id", "kind", "name_key"),
        Index("ix_entity_records_guild_id_surname_key", "guild_id", "surname_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))  # person, organisation or place
    label: Mapped[str] = mapped_column(String(32))  # spaCy's label as first seen
    name: Mapped[str]
    name_key: Mapped[str]  # the name normalised, as the handlers key it
    surname_key: Mapped[str | None]  # people only: found by "Mr. Moon" when the only Moon
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]

    aliases: Mapped[list[EntityRecordAlias]] = relationship(
        back_populates="record", cascade="all, delete-orphan", passive_deletes=True
    )


class EntityRecordAlias(Base):
    """Another form of a record's name that an article gave."""

    __tablename__ = "entity_record_aliases"
    __table_args__ = (
        UniqueConstraint("record_id", "alias_key"),
        Index("ix_entity_record_aliases_guild_id_alias_key", "guild_id", "alias_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("entity_records.id", ondelete="CASCADE"))
    guild_id: Mapped[int] = mapped_column(BigInteger)
    alias: Mapped[str]
    alias_key: Mapped[str]

    record: Mapped[EntityRecord] = relationship(back_populates="aliases")


class QuoteSpeaker(Base):
    """One of the records who gave a quote; joint speakers are several rows, in order."""

    __tablename__ = "quote_speakers"
    __table_args__ = (
        UniqueConstraint("quote_id", "record_id"),
        # A record's page of quotes, newest first, read off the index (migration 0009).
        Index("ix_quote_speakers_record_id_posted_at", "record_id", "posted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(ForeignKey("entity_records.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    # The quote's article's posted_at, copied (an article's never changes once stored).
    posted_at: Mapped[datetime]


class ReadMessage(Base):
    """A Discord message the bot read (an article, a pointer or a refusal came of it).

    What edits are compared with (a fingerprint of its text, links and files), and where a
    catch-up after downtime starts; the message's text itself is not kept here.
    """

    __tablename__ = "read_messages"
    __table_args__ = (
        UniqueConstraint("guild_id", "message_id"),
        Index("ix_read_messages_guild_id_channel_id", "guild_id", "channel_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    fingerprint: Mapped[str] = mapped_column(String(64))
    read_at: Mapped[datetime]


class GuildDeparture(Base):
    """When the bot was removed from a server; its data is deleted once the grace period ends."""

    __tablename__ = "guild_departures"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    left_at: Mapped[datetime]  # Discord's clock when the bot left (or was found gone)


class ArticleFingerprint(Base):
    """An article's wording in brief (a MinHash signature), to know the same story in another
    form; made from the text whose content_hash it keeps, so a changed text is made again."""

    __tablename__ = "article_fingerprints"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    guild_id: Mapped[int] = mapped_column(BigInteger)
    content_hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[bytes] = mapped_column(LargeBinary)  # 32-bit values, little-endian
    shingles: Mapped[int] = mapped_column(Integer)


class ArticleBand(Base):
    """One LSH band of an article's signature: articles sharing a band key are candidates."""

    __tablename__ = "article_bands"
    __table_args__ = (Index("ix_article_bands_article_id", "article_id"),)

    # The key leads the lookup "this server's articles with any of these keys".
    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


class ChannelNote(Base):
    """A one-time note the bot gave in a channel (such as "too short to read as an article"),
    kept so it is given once per channel, across restarts."""

    __tablename__ = "channel_notes"
    __table_args__ = (UniqueConstraint("guild_id", "channel_id", "note"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(32))
    given_at: Mapped[datetime]
