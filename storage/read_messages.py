"""The Discord messages the bot read in a guild: what edits and catch-ups are compared with."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ArticleRow, ReadMessage
from storage.records import StoredRead


class ReadMessageRepository:
    """Remembers which messages of a guild were read; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, guild_id: int, message_id: int) -> StoredRead | None:
        """The guild's record of one message, or None if the bot never read it."""
        row = await self._row(guild_id, message_id)
        return _stored(row) if row else None

    async def record(
        self, guild_id: int, channel_id: int, message_id: int, fingerprint: str, read_at: datetime
    ) -> None:
        """Remember (or update) that a message was read, holding what the fingerprint says."""
        row = await self._row(guild_id, message_id)
        if row is None:
            row = ReadMessage(guild_id=guild_id, channel_id=channel_id, message_id=message_id)
            self._session.add(row)
        row.fingerprint = fingerprint
        row.read_at = read_at
        await self._session.flush()

    async def forget(self, guild_id: int, message_id: int) -> bool:
        """Drop the record of a message (it was deleted); False if there was none."""
        result = await self._session.execute(
            delete(ReadMessage).where(
                ReadMessage.guild_id == guild_id, ReadMessage.message_id == message_id
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def was_read(self, guild_id: int, message_id: int) -> bool:
        """Whether the bot read this message, or stored an article from it before records."""
        if await self._row(guild_id, message_id) is not None:
            return True
        article = await self._session.scalar(
            select(ArticleRow.id)
            .where(ArticleRow.guild_id == guild_id, ArticleRow.message_id == message_id)
            .limit(1)
        )
        return article is not None

    async def _row(self, guild_id: int, message_id: int) -> ReadMessage | None:
        return await self._session.scalar(
            select(ReadMessage).where(
                ReadMessage.guild_id == guild_id, ReadMessage.message_id == message_id
            )
        )


def _stored(row: ReadMessage) -> StoredRead:
    return StoredRead(
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        message_id=row.message_id,
        fingerprint=row.fingerprint,
        read_at=row.read_at,
    )
