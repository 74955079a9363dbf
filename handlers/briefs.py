"""Short briefs: a text under the server's minimum that reads as news, not chat, gets one note
per channel, so a desk learns why the bot stayed quiet and how to change it, and is not told
again (the note is remembered in the database, across restarts)."""

from __future__ import annotations

from datetime import datetime

from handlers.services import Services
from handlers.settings import article_minimum
from intake.quality import looks_like_brief
from storage.channel_notes import ChannelNoteRepository

SHORT_BRIEF_NOTE = "short brief"


def short_brief_note(words: int) -> str:
    """The one line a short brief gets."""
    return f"too short to read as an article: {words} words; /settings lowers the minimum"


async def brief_words(services: Services, guild_id: int, text: str) -> int | None:
    """How many words a pasted text has, when it is a brief under the server's minimum."""
    words = len(text.split())
    if words >= await article_minimum(services, guild_id) or not looks_like_brief(text):
        return None
    return words


async def note_brief_once(
    services: Services, guild_id: int, channel_id: int, words: int, now: datetime
) -> str | None:
    """The note for a short brief the first time in this channel; None ever after."""
    async with services.sessionmaker.begin() as session:
        first = await ChannelNoteRepository(session).claim(
            guild_id, channel_id, SHORT_BRIEF_NOTE, now
        )
    return short_brief_note(words) if first else None
