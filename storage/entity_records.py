"""A server's records of people, organisations and places, and what links to them.

The handlers decide which record an article's entity is (they know names); this module finds
records by the keys the handlers computed, creates them, and links entities and quotes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import ColumnElement

from storage.mapping import quote_from_row, speaker_link_values
from storage.models import (
    ArticleRow,
    Base,
    EntityRecord,
    EntityRecordAlias,
    EntityRow,
    QuoteRow,
    QuoteSpeaker,
)
from storage.records import RecordCard, RecordMention, StoredQuote, StoredRecord


def _record(row: EntityRecord) -> StoredRecord:
    return StoredRecord(
        id=row.id,
        guild_id=row.guild_id,
        kind=row.kind,
        label=row.label,
        name=row.name,
        aliases=tuple(sorted(a.alias for a in row.aliases)),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )


@dataclass(frozen=True)
class KnownRecord:
    """A record with the keys it is found by: its name's, its surname's and its aliases'."""

    record: StoredRecord
    name_key: str
    surname_key: str | None
    alias_keys: frozenset[str]


def _known(row: EntityRecord) -> KnownRecord:
    return KnownRecord(
        record=_record(row),
        name_key=row.name_key,
        surname_key=row.surname_key,
        alias_keys=frozenset(a.alias_key for a in row.aliases),
    )


def _newest_first(row: tuple[QuoteRow, ArticleRow]) -> tuple[float, int, int]:
    """The order of a record's quotes: newest article first, then in text order."""
    quote, article = row
    return (-article.posted_at.timestamp(), -article.id, quote.position)


def _records_with_alias(guild_id: int, keys: Sequence[str]) -> Select[tuple[int]]:
    """The ids of the guild's records with an alias of one of these keys."""
    return select(EntityRecordAlias.record_id).where(
        EntityRecordAlias.guild_id == guild_id, EntityRecordAlias.alias_key.in_(keys)
    )


class EntityRecordRepository:
    """Finds, creates and links one guild's entity records; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find(self, guild_id: int, kind: str, keys: Sequence[str]) -> StoredRecord | None:
        """The oldest record of this kind whose name or an alias has one of the keys."""
        if not keys:
            return None
        by_alias = _records_with_alias(guild_id, keys)
        row = await self._session.scalar(
            self._records(guild_id)
            .where(EntityRecord.kind == kind)
            .where(or_(EntityRecord.name_key.in_(keys), EntityRecord.id.in_(by_alias)))
            .order_by(EntityRecord.id)
            .limit(1)
        )
        return _record(row) if row else None

    async def known(
        self, guild_id: int, keys: Sequence[str], surname_keys: Sequence[str]
    ) -> list[KnownRecord]:
        """The guild's records an article's names can meet, in one read: those whose name or
        an alias has one of the keys, and the people of these surnames; oldest first."""
        if not keys and not surname_keys:
            return []
        conditions: list[ColumnElement[bool]] = [
            EntityRecord.name_key.in_(keys),
            EntityRecord.id.in_(_records_with_alias(guild_id, keys)),
        ]
        if surname_keys:
            conditions.append(
                and_(EntityRecord.kind == "person", EntityRecord.surname_key.in_(surname_keys))
            )
        rows = await self._session.scalars(
            self._records(guild_id).where(or_(*conditions)).order_by(EntityRecord.id)
        )
        return [_known(row) for row in rows]

    async def add_alias_rows(self, guild_id: int, aliases: Sequence[tuple[int, str, str]]) -> None:
        """Store new forms of records' names, (record id, key, as written), in one statement;
        the caller knows each is new to its record."""
        if not aliases:
            return
        await self._session.execute(
            insert(EntityRecordAlias),
            [
                {"record_id": record_id, "guild_id": guild_id, "alias": alias, "alias_key": key}
                for record_id, key, alias in aliases
            ],
        )

    async def set_seen(self, guild_id: int, times: Mapping[int, tuple[datetime, datetime]]) -> None:
        """Set records' first and last seen (record id -> (first, last)), in one statement."""
        if not times:
            return
        table = Base.metadata.tables[EntityRecord.__tablename__]
        await self._session.execute(
            update(table)
            .where(table.c.id == bindparam("record_id"), table.c.guild_id == guild_id)
            .values(first_seen=bindparam("first"), last_seen=bindparam("last")),
            [
                {"record_id": record_id, "first": first, "last": last}
                for record_id, (first, last) in times.items()
            ],
        )

    async def create(
        self,
        guild_id: int,
        *,
        kind: str,
        label: str,
        name: str,
        name_key: str,
        surname_key: str | None,
        seen_at: datetime,
    ) -> StoredRecord:
        """A new record, first and last seen now."""
        values = {
            "guild_id": guild_id,
            "kind": kind,
            "label": label,
            "name": name,
            "name_key": name_key,
            "surname_key": surname_key,
            "first_seen": seen_at,
            "last_seen": seen_at,
        }
        # One Core statement: no ORM object to flush and refresh for a row that has no aliases.
        statement = insert(EntityRecord).values(values).returning(EntityRecord.id)
        if self._session.get_bind().dialect.name != "postgresql":
            # SQLite: the bot's units of work take turns (storage/engine.py), so no race.
            record_id = (await self._session.execute(statement)).scalar_one()
        else:
            try:
                # Another article of the server may create the same record at the same moment.
                async with self._session.begin_nested():
                    record_id = (await self._session.execute(statement)).scalar_one()
            except IntegrityError:
                found = await self.find(guild_id, kind, [name_key])
                if found is None:
                    raise
                return found
        return StoredRecord(
            id=record_id,
            guild_id=guild_id,
            kind=kind,
            label=label,
            name=name,
            aliases=(),
            first_seen=seen_at,
            last_seen=seen_at,
        )

    async def link_entity(self, guild_id: int, article_id: int, rank: int, record_id: int) -> None:
        """The article's entity of this rank is this record."""
        article = select(ArticleRow.id).where(
            ArticleRow.id == article_id, ArticleRow.guild_id == guild_id
        )
        await self._session.execute(
            update(EntityRow)
            .where(EntityRow.article_id.in_(article), EntityRow.rank == rank)
            .values(record_id=record_id)
        )

    async def link_speakers(
        self, guild_id: int, article_id: int, position: int, record_ids: Sequence[int]
    ) -> None:
        """The article's quote at this position was given by these records, in order."""
        found = await self._session.execute(
            select(QuoteRow.id, ArticleRow.posted_at)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .where(
                QuoteRow.guild_id == guild_id,
                QuoteRow.article_id == article_id,
                QuoteRow.position == position,
            )
        )
        quote = found.first()
        if quote is None:
            return
        quote_id, posted_at = quote
        links = speaker_link_values(quote_id, record_ids, posted_at)
        self._session.add_all(QuoteSpeaker(**values) for values in links)
        await self._session.flush()

    async def link_quotes(self, links: Sequence[tuple[int, Sequence[int]]]) -> None:
        """Link many stored quotes (their ids, just returned by a store) to their records."""
        found = await self._session.execute(
            select(QuoteRow.id, ArticleRow.posted_at)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .where(QuoteRow.id.in_([quote_id for quote_id, _records in links]))
        )
        posted = dict(found.tuples().all())
        self._session.add_all(
            QuoteSpeaker(**values)
            for quote_id, record_ids in links
            if quote_id in posted
            for values in speaker_link_values(quote_id, record_ids, posted[quote_id])
        )
        await self._session.flush()

    async def absorb(self, guild_id: int, keep_id: int, gone_id: int) -> None:
        """Move everything linked to one record onto another and delete the first."""
        for table in (EntityRow, QuoteSpeaker):
            await self._session.execute(
                update(table).where(table.record_id == gone_id).values(record_id=keep_id)
            )
        await self._session.execute(
            delete(EntityRecord).where(
                EntityRecord.id == gone_id, EntityRecord.guild_id == guild_id
            )
        )
        await self._session.flush()

    async def speaker_records(
        self, guild_id: int, keys: Sequence[str]
    ) -> list[tuple[StoredRecord, int]]:
        """Records named by a query (name, alias or surname key) with their quote counts."""
        if not keys:
            return []
        by_alias = _records_with_alias(guild_id, keys)
        rows = await self._session.scalars(
            self._records(guild_id)
            .where(
                or_(
                    EntityRecord.name_key.in_(keys),
                    EntityRecord.surname_key.in_(keys),
                    EntityRecord.id.in_(by_alias),
                )
            )
            .order_by(EntityRecord.id)
        )
        records = list(rows)
        # Counted for these records only, on the index (record_id, posted_at) alone.
        found = await self._session.execute(
            select(QuoteSpeaker.record_id, func.count())
            .where(QuoteSpeaker.record_id.in_([r.id for r in records]))
            .group_by(QuoteSpeaker.record_id)
        )
        counts = {record_id: count for record_id, count in found.tuples()}
        return [(_record(row), int(counts.get(row.id, 0))) for row in records]

    async def speakers(self, guild_id: int) -> list[tuple[str, int]]:
        """The guild's records who gave quotes, with how many, most quoted first."""
        rows = await self._session.execute(
            select(EntityRecord.name, func.count())
            .join(QuoteSpeaker, QuoteSpeaker.record_id == EntityRecord.id)
            .where(EntityRecord.guild_id == guild_id)
            .group_by(EntityRecord.id, EntityRecord.name)
            .order_by(func.count().desc(), EntityRecord.name)
        )
        return [(name, int(count)) for name, count in rows.tuples()]

    async def quotes_of(
        self, guild_id: int, record_id: int, *, limit: int, offset: int = 0
    ) -> tuple[list[StoredQuote], int]:
        """What a record said, newest article first, one page; and how many in all."""
        if not await self._owns(guild_id, record_id):
            return [], 0
        # Counted on the index alone: a much-quoted record's quotes are never all read.
        total = await self._session.scalar(
            select(func.count()).where(QuoteSpeaker.record_id == record_id)
        )
        page = await self._page(guild_id, record_id, limit=limit, offset=offset)
        return [quote_from_row(q, a) for q, a in page], int(total or 0)

    async def earlier_quotes(
        self, guild_id: int, record_ids: Sequence[int], *, before_article: int, limit: int
    ) -> list[StoredQuote]:
        """Quotes these records gave in the guild's other articles, newest first."""
        found: dict[int, tuple[QuoteRow, ArticleRow]] = {}
        for record_id in dict.fromkeys(record_ids):
            # Each record's newest `limit` hold the newest `limit` of them all.
            page = await self._page(guild_id, record_id, limit=limit, skip_article=before_article)
            found |= {quote.id: (quote, article) for quote, article in page}
        newest = sorted(found.values(), key=_newest_first)[:limit]
        return [quote_from_row(q, a) for q, a in newest]

    async def _owns(self, guild_id: int, record_id: int) -> bool:
        owner = await self._session.scalar(
            select(EntityRecord.guild_id).where(EntityRecord.id == record_id)
        )
        return owner == guild_id

    async def _page(
        self,
        guild_id: int,
        record_id: int,
        *,
        limit: int,
        offset: int = 0,
        skip_article: int | None = None,
    ) -> list[tuple[QuoteRow, ArticleRow]]:
        """One page of a record's quotes, newest article first, then in text order.

        Read off the index (record_id, posted_at) newest first and stopped after the page:
        only the ties at its edge (one message's articles share a time) are sorted."""
        statement = (
            select(QuoteRow, ArticleRow)
            .select_from(QuoteSpeaker)
            .join(QuoteRow, QuoteRow.id == QuoteSpeaker.quote_id)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .where(QuoteSpeaker.record_id == record_id, QuoteRow.guild_id == guild_id)
            .order_by(QuoteSpeaker.posted_at.desc(), ArticleRow.id.desc(), QuoteRow.position)
            .limit(limit)
            .offset(offset)
        )
        if skip_article is not None:
            statement = statement.where(QuoteRow.article_id != skip_article)
        rows = await self._session.execute(statement)
        return list(rows.tuples())

    async def card(self, guild_id: int, record_id: int) -> RecordCard | None:
        """A record with the articles that name it (newest first) and its descriptions."""
        row = await self._session.scalar(
            self._records(guild_id).where(EntityRecord.id == record_id)
        )
        if row is None:
            return None
        mentions = await self._session.execute(
            select(EntityRow, ArticleRow)
            .join(ArticleRow, EntityRow.article_id == ArticleRow.id)
            .where(ArticleRow.guild_id == guild_id, EntityRow.record_id == record_id)
            .order_by(ArticleRow.posted_at.desc(), ArticleRow.id.desc())
        )
        seen = [
            RecordMention(
                article_id=article.id,
                guild_id=article.guild_id,
                title=article.title,
                posted_at=article.posted_at,
                channel_id=article.channel_id,
                message_id=article.message_id,
                reply_channel_id=article.reply_channel_id,
                reply_message_id=article.reply_message_id,
                mentions=entity.mentions,
                description=entity.description,
            )
            for entity, article in mentions.tuples()
        ]
        return RecordCard(record=_record(row), articles=tuple(seen))

    async def names(self, guild_id: int) -> list[tuple[str, str, int]]:
        """Every (name or alias, kind, record id) of the guild, for autocomplete and 'nearest'."""
        records = await self._session.scalars(self._records(guild_id))
        found: list[tuple[str, str, int]] = []
        for row in records:
            found.append((row.name, row.kind, row.id))
            found += [(a.alias, row.kind, row.id) for a in row.aliases]
        return found

    async def forget_orphans(self, guild_id: int) -> int:
        """Delete the guild's records that no article entity or quote links to any more."""
        linked = select(EntityRow.record_id).where(EntityRow.record_id.is_not(None))
        spoken = select(QuoteSpeaker.record_id)
        result = await self._session.execute(
            delete(EntityRecord).where(
                EntityRecord.guild_id == guild_id,
                EntityRecord.id.not_in(linked),
                EntityRecord.id.not_in(spoken),
            )
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def _records(self, guild_id: int) -> Select[tuple[EntityRecord]]:
        # Every read starts here, so no query can forget the guild.
        return (
            select(EntityRecord)
            .where(EntityRecord.guild_id == guild_id)
            .options(selectinload(EntityRecord.aliases))
        )
