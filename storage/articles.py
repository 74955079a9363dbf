"""Articles read in a guild, with their entities and quotes."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import reduce

from sqlalchemy import Select, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import UnaryExpression

from analysis.types import Report
from storage.bulk import NewArticle, insert_articles
from storage.errors import DuplicateArticleError
from storage.mapping import (
    article_from_row,
    entity_rows,
    quote_rows,
    sentence_rows,
)
from storage.models import ArticleRow
from storage.records import StoredArticle
from storage.text import LIKE_ESCAPE, contains_pattern, normalize_for_search


def _articles(guild_id: int) -> Select[tuple[ArticleRow]]:
    # Every read starts here, so no query can forget the guild or the related rows.
    return (
        select(ArticleRow)
        .where(ArticleRow.guild_id == guild_id)
        .options(selectinload(ArticleRow.entities), selectinload(ArticleRow.quotes))
    )


def _newest_first() -> tuple[UnaryExpression[datetime], UnaryExpression[int]]:
    return (ArticleRow.created_at.desc(), ArticleRow.id.desc())


class ArticleRepository:
    """Stores and finds one guild's articles; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find_existing(
        self, guild_id: int, *, url: str | None, content_hash: str | None
    ) -> StoredArticle | None:
        """The guild's earlier copy of an article: same canonical URL or same content hash."""
        conditions = []
        if content_hash:
            conditions.append(ArticleRow.content_hash == content_hash)
        if url:  # pasted articles have no URL, and no URL is never "the same URL"
            conditions.append(ArticleRow.url == url)
        if not conditions:
            return None
        same = or_(*conditions)
        row = await self._session.scalar(_articles(guild_id).where(same).order_by(ArticleRow.id))
        return article_from_row(row) if row else None

    async def add(
        self,
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
        entity_records: Mapping[int, int] | None = None,
        quote_speakers: Mapping[int, Sequence[int]] | None = None,
    ) -> StoredArticle:
        """Store an analysed article with its entities and quotes; raises DuplicateArticleError.

        `posted_at` is when the reporter's message was posted (the article's day in a digest);
        without one (an article loaded outside Discord) it is the time the article was stored.
        `answer_pending` marks an article whose answer is still to be sent (set_reply clears it).
        `entity_records` (rank -> record) and `quote_speakers` (position -> records) link the
        rows to the guild's records as they are written.
        """
        new = NewArticle(
            report=report,
            channel_id=channel_id,
            message_id=message_id,
            author_id=author_id,
            content_hash=content_hash,
            created_at=created_at,
            posted_at=posted_at,
            author_name=author_name,
            answer_pending=answer_pending,
            entity_records=entity_records or {},
            quote_speakers=quote_speakers or {},
        )
        # Core statements, a few for the whole article, not an ORM object per row.
        [article_id] = await self.add_many(guild_id, [new])
        stored = await self.get(guild_id, article_id)
        assert stored is not None  # just written in this unit of work
        return stored

    async def add_many(self, guild_id: int, articles: Sequence[NewArticle]) -> list[int]:
        """Store many articles at once (a history loaded in bulk), with their links to the
        guild's records, in a few statements; their ids. Raises DuplicateArticleError."""
        try:
            return await insert_articles(self._session, guild_id, articles)
        except IntegrityError as error:
            which = articles[0].content_hash if len(articles) == 1 else "one of many"
            raise DuplicateArticleError(which) from error

    async def set_reply(
        self, guild_id: int, article_id: int, channel_id: int | None, message_id: int | None
    ) -> bool:
        """Remember where the bot answered (its thread, and its message); False if unknown.

        Pass channel_id=None when the bot answered in the article's own channel rather than
        in a thread it made, so later messages there are not taken for follow-ups.
        The answer is no longer pending.
        """
        result = await self._session.execute(
            update(ArticleRow)
            .where(ArticleRow.guild_id == guild_id, ArticleRow.id == article_id)
            .values(reply_channel_id=channel_id, reply_message_id=message_id, answer_pending=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def drop_pending_answer(self, guild_id: int, article_id: int) -> bool:
        """Stop trying to answer an article (its message is gone); False if unknown."""
        result = await self._session.execute(
            update(ArticleRow)
            .where(ArticleRow.guild_id == guild_id, ArticleRow.id == article_id)
            .values(answer_pending=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def find_by_reply(
        self, guild_id: int, *, channel_id: int | None = None, message_id: int | None = None
    ) -> StoredArticle | None:
        """The article the bot answered in this thread, or with this message.

        Pass `channel_id` only for a thread the bot made: an article answered in its own
        channel has that channel as reply_channel_id, shared with every later message there.
        A message match wins over a channel match; among equals the newest article wins.
        """
        conditions = []
        if message_id is not None:
            conditions.append(ArticleRow.reply_message_id == message_id)
        if channel_id is not None:
            conditions.append(ArticleRow.reply_channel_id == channel_id)
        if not conditions:
            return None
        message_first = case((ArticleRow.reply_message_id == message_id, 0), else_=1)
        row = await self._session.scalar(
            _articles(guild_id)
            .where(or_(*conditions))
            .order_by(message_first, ArticleRow.id.desc())
            .limit(1)
        )
        return article_from_row(row) if row else None

    async def pending_answers(self, posted_since: datetime, limit: int) -> list[StoredArticle]:
        """Articles of every guild posted since then whose answer was never sent, oldest first.

        The one read across guilds: a starting bot answers each in its own guild's channel.
        """
        rows = await self._session.scalars(
            select(ArticleRow)
            .where(ArticleRow.answer_pending.is_(True), ArticleRow.posted_at >= posted_since)
            .options(selectinload(ArticleRow.entities), selectinload(ArticleRow.quotes))
            .order_by(ArticleRow.posted_at, ArticleRow.id)
            .limit(limit)
        )
        return [article_from_row(row) for row in rows]

    async def from_message(self, guild_id: int, message_id: int) -> list[StoredArticle]:
        """The articles read from one Discord message of the guild, in the order read."""
        rows = await self._session.scalars(
            _articles(guild_id).where(ArticleRow.message_id == message_id).order_by(ArticleRow.id)
        )
        return [article_from_row(row) for row in rows]

    async def replace_report(
        self, guild_id: int, article_id: int, report: Report, *, content_hash: str
    ) -> StoredArticle | None:
        """Store a new reading of an article in place (same id, poster and answer): its text
        and metadata change, its entities and quotes are replaced. None if the guild has no
        such article; raises DuplicateArticleError when the new text or URL is another's."""
        # The old sentences are loaded to be replaced; other reads never load them.
        with_sentences = _articles(guild_id).options(selectinload(ArticleRow.sentences))
        row = await self._session.scalar(with_sentences.where(ArticleRow.id == article_id))
        if row is None:
            return None
        article = report.article
        row.url = article.url
        row.content_hash = content_hash
        row.title = article.title
        row.byline = article.byline
        row.published = article.published
        row.site_name = article.site_name
        row.language = article.language
        row.text = article.text
        row.search_text = normalize_for_search(f"{article.title or ''}\n{article.text}")
        row.digest = list(report.digest)
        row.notes = list(dict.fromkeys((*article.notes, *report.notes)))
        # delete-orphan: the old rows go (and their speakers' links, ON DELETE CASCADE).
        row.entities = entity_rows(report)
        row.quotes = quote_rows(guild_id, report)
        row.sentences = sentence_rows(guild_id, report)
        try:
            await self._session.flush()
        except IntegrityError as error:
            raise DuplicateArticleError(content_hash) from error
        return article_from_row(row)

    async def get(self, guild_id: int, article_id: int) -> StoredArticle | None:
        """One article of the guild by id."""
        row = await self._session.scalar(_articles(guild_id).where(ArticleRow.id == article_id))
        return article_from_row(row) if row else None

    async def delete(self, guild_id: int, article_id: int) -> bool:
        """Delete an article with its quotes and entities; False if the guild has none such."""
        row = await self._session.scalar(
            select(ArticleRow).where(ArticleRow.guild_id == guild_id, ArticleRow.id == article_id)
        )
        if row is None:
            return False
        # The ORM cascade hands the children to the database's ON DELETE CASCADE (passive).
        await self._session.delete(row)
        await self._session.flush()
        return True

    async def recent(self, guild_id: int, limit: int = 20, offset: int = 0) -> list[StoredArticle]:
        """The guild's latest articles, newest first."""
        rows = await self._session.scalars(
            _articles(guild_id).order_by(*_newest_first()).limit(limit).offset(offset)
        )
        return [article_from_row(row) for row in rows]

    async def count(self, guild_id: int) -> int:
        """How many articles the guild has stored."""
        total = await self._session.scalar(
            select(func.count(ArticleRow.id)).where(ArticleRow.guild_id == guild_id)
        )
        return int(total or 0)

    async def posted_between(
        self, guild_id: int, start: datetime, end: datetime
    ) -> list[StoredArticle]:
        """The guild's articles whose messages were posted in [start, end), oldest first."""
        rows = await self._session.scalars(
            _articles(guild_id)
            .where(ArticleRow.posted_at >= start, ArticleRow.posted_at < end)
            .order_by(ArticleRow.posted_at, ArticleRow.id)
        )
        return [article_from_row(row) for row in rows]

    async def search(self, guild_id: int, terms: list[str], limit: int = 20) -> list[StoredArticle]:
        """Articles whose title or text has any term; most terms matched, then newest, first.

        A LIKE scan of every article of the guild: /ask searches the full-text index
        (storage/search); this is the baseline bench/storage.py measures it against."""
        wanted = [term for term in terms if normalize_for_search(term)]
        patterns = list(dict.fromkeys(contains_pattern(term) for term in wanted))
        if not patterns:
            return []
        # One point per distinct term found: portable SQL, the same ranking on every backend.
        matched = reduce(
            operator.add,
            [
                case((ArticleRow.search_text.like(p, escape=LIKE_ESCAPE), 1), else_=0)
                for p in patterns
            ],
        )
        rows = await self._session.scalars(
            _articles(guild_id)
            .where(matched > 0)
            .order_by(matched.desc(), *_newest_first())
            .limit(limit)
        )
        return [article_from_row(row) for row in rows]
