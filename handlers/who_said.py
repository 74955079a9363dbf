"""`/who-said`: a known speaker lists what they said; anything else is a phrase to find."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.services import Services
from storage.quotes import QuoteRepository
from storage.records import StoredQuote


@dataclass(frozen=True)
class WhoSaidResult:
    """Quotes found for a query; `speaker` is set when the query named a known speaker."""

    query: str
    speaker: str | None
    quotes: tuple[StoredQuote, ...]


async def who_said(services: Services, guild_id: int, query: str, limit: int = 10) -> WhoSaidResult:
    """Find quotes by a known speaker (name or alias), else quotes containing the phrase."""
    cleaned = query.strip().strip("\"'“”‘’").strip()
    async with services.sessionmaker.begin() as session:
        quotes = QuoteRepository(session)
        speaker = await quotes.find_speaker(guild_id, cleaned)
        if speaker is not None:
            found = await quotes.by_speaker(guild_id, speaker, limit=limit)
        else:
            found = await quotes.by_phrase(guild_id, cleaned, limit=limit)
    return WhoSaidResult(query=cleaned, speaker=speaker, quotes=tuple(found))
