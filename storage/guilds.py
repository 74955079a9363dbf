"""Per-guild settings and watched channels."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.mapping import settings_from_row
from storage.models import (
    ArticleRow,
    ChannelNote,
    DigestPost,
    EntityRecord,
    Guild,
    WatchedChannel,
)
from storage.records import GuildSettings


class GuildRepository:
    """Reads and changes one guild's settings at a time; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def watch(self, guild_id: int, channel_id: int) -> bool:
        """Watch a channel; False if it was watched already."""
        if await self.is_watched(guild_id, channel_id):
            return False
        self._session.add(WatchedChannel(guild_id=guild_id, channel_id=channel_id))
        await self._session.flush()
        return True

    async def unwatch(self, guild_id: int, channel_id: int) -> bool:
        """Stop watching a channel; False if it was not watched."""
        result = await self._session.execute(
            delete(WatchedChannel).where(
                WatchedChannel.guild_id == guild_id, WatchedChannel.channel_id == channel_id
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def is_watched(self, guild_id: int, channel_id: int) -> bool:
        """Whether the bot reads articles posted in this channel of this guild."""
        found = await self._session.scalar(
            select(WatchedChannel.id).where(
                WatchedChannel.guild_id == guild_id, WatchedChannel.channel_id == channel_id
            )
        )
        return found is not None

    async def watched_channels(self, guild_id: int) -> list[int]:
        """The ids of the guild's watched channels, in the order they were added."""
        rows = await self._session.scalars(
            select(WatchedChannel.channel_id)
            .where(WatchedChannel.guild_id == guild_id)
            .order_by(WatchedChannel.id)
        )
        return list(rows)

    async def set_digest_channel(
        self,
        guild_id: int,
        channel_id: int,
        time_hhmm: str,
        timezone: str,
        *,
        set_at: datetime | None = None,
    ) -> GuildSettings:
        """Post the daily digest here at this local time (checked by the caller: HH:MM, IANA)."""
        guild = await self._guild_row(guild_id)
        guild.digest_channel_id = channel_id
        guild.digest_time = time_hhmm
        guild.timezone = timezone
        guild.digest_set_at = set_at
        await self._session.flush()
        return await self.get_settings(guild_id)

    async def disable_digest(self, guild_id: int) -> bool:
        """Stop the automatic digest; False if there was none."""
        guild = await self._session.get(Guild, guild_id)
        if guild is None or guild.digest_channel_id is None:
            return False
        guild.digest_channel_id = None
        await self._session.flush()
        return True

    async def set_quiet_day_note(self, guild_id: int, enabled: bool) -> GuildSettings:
        """Post a short note on days with no articles (True) or nothing at all (False)."""
        guild = await self._guild_row(guild_id)
        guild.quiet_day_note = enabled
        await self._session.flush()
        return await self.get_settings(guild_id)

    async def set_min_article_words(self, guild_id: int, words: int | None) -> GuildSettings:
        """The fewest words a text needs to be read as an article here; None for the default."""
        guild = await self._guild_row(guild_id)
        guild.min_article_words = words
        await self._session.flush()
        return await self.get_settings(guild_id)

    async def get_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings, defaults when it never set any."""
        row = await self._session.get(Guild, guild_id)
        return settings_from_row(guild_id, row, await self.watched_channels(guild_id))

    async def digest_schedules(self) -> list[GuildSettings]:
        """The settings of every guild with an automatic digest, for the scheduler."""
        rows = await self._session.scalars(
            select(Guild).where(Guild.digest_channel_id.is_not(None)).order_by(Guild.id)
        )
        return [settings_from_row(row.id, row, []) for row in rows]

    async def forget_guild(self, guild_id: int) -> None:
        """Delete everything stored for a guild: settings, channels, articles, quotes, entities."""
        # Quotes and entities go with their articles (ON DELETE CASCADE).
        await self._session.execute(delete(ArticleRow).where(ArticleRow.guild_id == guild_id))
        await self._session.execute(
            delete(WatchedChannel).where(WatchedChannel.guild_id == guild_id)
        )
        await self._session.execute(delete(DigestPost).where(DigestPost.guild_id == guild_id))
        await self._session.execute(delete(EntityRecord).where(EntityRecord.guild_id == guild_id))
        await self._session.execute(delete(ChannelNote).where(ChannelNote.guild_id == guild_id))
        await self._session.execute(delete(Guild).where(Guild.id == guild_id))

    async def _guild_row(self, guild_id: int) -> Guild:
        guild = await self._session.get(Guild, guild_id)
        if guild is None:
            guild = Guild(id=guild_id, timezone="UTC")
            self._session.add(guild)
            await self._session.flush()
        return guild
