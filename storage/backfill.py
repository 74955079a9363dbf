"""Articles stored before the entity records existed (migration 0004): found to be linked."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.mapping import article_from_row
from storage.models import ArticleRow, EntityRow
from storage.records import StoredArticle


class UnlinkedArticleRepository:
    """Finds, across every server, the articles none of whose entities has a record; never
    commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def unlinked(
        self, labels: Collection[str], *, after_id: int = 0, limit: int = 20
    ) -> list[StoredArticle]:
        """Oldest first, after `after_id`: articles with an entity of one of these labels (the
        kinds that get records) and no entity linked to a record."""
        has_kind = exists().where(
            EntityRow.article_id == ArticleRow.id, EntityRow.label.in_(labels)
        )
        linked = exists().where(
            EntityRow.article_id == ArticleRow.id, EntityRow.record_id.is_not(None)
        )
        rows = await self._session.scalars(
            select(ArticleRow)
            .where(ArticleRow.id > after_id, has_kind, ~linked)
            .options(selectinload(ArticleRow.entities), selectinload(ArticleRow.quotes))
            .order_by(ArticleRow.id)
            .limit(limit)
        )
        return [article_from_row(row) for row in rows]
