"""Notes the bot gives once per channel, remembered across restarts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ChannelNote


class ChannelNoteRepository:
    """Claims a channel's one-time notes; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, guild_id: int, channel_id: int, note: str, at: datetime) -> bool:
        """Record that a note is given in a channel; False when it was given there before."""
        insert: Any = (
            postgresql.insert
            if self._session.get_bind().dialect.name == "postgresql"
            else sqlite.insert
        )
        statement = insert(ChannelNote).values(
            guild_id=guild_id, channel_id=channel_id, note=note, given_at=at
        )
        # Two messages at once in one channel: the unique row lets exactly one of them claim it.
        statement = statement.on_conflict_do_nothing(
            index_elements=["guild_id", "channel_id", "note"]
        )
        result = await self._session.execute(statement)
        return bool(result.rowcount)  # type: ignore[attr-defined]
