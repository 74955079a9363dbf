"""Articles' wording fingerprints and their LSH bands: finding the same story by index."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from analysis.types import Fingerprint
from storage.models import ArticleBand, ArticleFingerprint, ArticleRow


@dataclass(frozen=True)
class ArticleText:
    """An article's id, text and content hash: what a fingerprint is made from."""

    article_id: int
    content_hash: str
    text: str


class FingerprintRepository:
    """Stores one guild's article fingerprints and finds candidates by band; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def put(
        self,
        guild_id: int,
        article_id: int,
        content_hash: str,
        fingerprint: Fingerprint,
        band_keys: Sequence[int],
    ) -> bool:
        """Store (or replace) an article's fingerprint and its band keys; False (and nothing
        stored) when the article is gone, forgotten since it was read."""
        exists = await self._session.scalar(
            select(ArticleRow.id).where(ArticleRow.id == article_id)
        )
        if exists is None:
            return False
        await self._session.execute(delete(ArticleBand).where(ArticleBand.article_id == article_id))
        await self._session.execute(
            delete(ArticleFingerprint).where(ArticleFingerprint.article_id == article_id)
        )
        await self._session.execute(
            insert(ArticleFingerprint).values(
                article_id=article_id,
                guild_id=guild_id,
                content_hash=content_hash,
                signature=_pack(fingerprint.signature),
                shingles=fingerprint.shingles,
            )
        )
        # One statement for every band row (executemany), not one ORM object each.
        await self._session.execute(
            insert(ArticleBand),
            [
                {"guild_id": guild_id, "band_key": key, "article_id": article_id}
                for key in dict.fromkeys(band_keys)
            ],
        )
        return True

    async def candidates(
        self, guild_id: int, band_keys: Sequence[int], limit: int
    ) -> list[tuple[int, Fingerprint]]:
        """The guild's articles sharing a band key, most shared bands first, with fingerprints."""
        if not band_keys:
            return []
        shared = func.count().label("shared")
        keys = list(dict.fromkeys(band_keys))
        matches = (
            select(ArticleBand.article_id, shared)
            .where(ArticleBand.guild_id == guild_id, ArticleBand.band_key.in_(keys))
            .group_by(ArticleBand.article_id)
            .order_by(shared.desc(), ArticleBand.article_id)
            .limit(limit)
            .subquery()
        )
        rows = await self._session.execute(
            select(ArticleFingerprint, matches.c.shared)
            .join(matches, matches.c.article_id == ArticleFingerprint.article_id)
            .where(ArticleFingerprint.guild_id == guild_id)
            .order_by(matches.c.shared.desc(), ArticleFingerprint.article_id)
        )
        return [(row.article_id, _fingerprint_of(row)) for row, _ in rows.tuples()]

    async def stale(self, guild_id: int, limit: int) -> list[ArticleText]:
        """The guild's articles with no fingerprint, or one made from another text, oldest first."""
        rows = await self._session.execute(
            select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.text)
            .outerjoin(ArticleFingerprint, ArticleFingerprint.article_id == ArticleRow.id)
            .where(
                ArticleRow.guild_id == guild_id,
                or_(
                    ArticleFingerprint.article_id.is_(None),
                    ArticleFingerprint.content_hash != ArticleRow.content_hash,
                ),
            )
            .order_by(ArticleRow.id)
            .limit(limit)
        )
        return [ArticleText(id_, content_hash, text) for id_, content_hash, text in rows.tuples()]


def _pack(signature: Sequence[int]) -> bytes:
    return struct.pack(f"<{len(signature)}I", *signature)


def _fingerprint_of(row: ArticleFingerprint) -> Fingerprint:
    values = struct.unpack(f"<{len(row.signature) // 4}I", row.signature)
    return Fingerprint(signature=values, shingles=row.shingles)
