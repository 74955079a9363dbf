"""`/who-said`: a known speaker lists what they said; anything else is searched for.

A speaker is found through the server's records first (name, alias, or the surname of the one
person of that name), so "Mr. Moon" finds Moon Chung-in's quotes from every article. Any other
query goes to the full-text search: a quoted part ("a line in the sand") is a phrase, the other
words must all be there (in the quote or its speaker's names), by stem; best and newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from analysis.entities.names import name_tokens
from analysis.text.terms import query_parts
from handlers.entity_records import name_key
from handlers.services import Services
from storage.entity_records import EntityRecordRepository
from storage.quotes import QuoteRepository
from storage.records import StoredQuote
from storage.search import RANKED_MATCHES, SearchRepository

PAGE = 10


@dataclass(frozen=True)
class WhoSaidResult:
    """Quotes found for a query; `speaker` is set when the query named a known speaker."""

    query: str
    speaker: str | None
    quotes: tuple[StoredQuote, ...]
    offset: int = 0
    total: int | None = None  # every match; the page is `quotes`
    # A search pages through its newest matches only: `total` is that many, and more match.
    more_than_total: bool = False


async def who_said(
    services: Services,
    guild_id: int,
    query: str,
    *,
    now: datetime,
    limit: int = PAGE,
    offset: int = 0,
) -> WhoSaidResult:
    """Find quotes by a known speaker (name, alias or surname), else by full-text search,
    newer quotes first among equals as of `now` (Discord's time)."""
    cleaned = query.strip().strip("\"'“”‘’").strip()
    async with services.sessionmaker.begin() as session:
        records = EntityRecordRepository(session)
        keys = list(dict.fromkeys([name_key(cleaned), name_key(" ".join(name_tokens(cleaned)))]))
        spoken = [(r, n) for r, n in await records.speaker_records(guild_id, keys) if n]
        if spoken:
            # The most quoted of the records the query names; the oldest among equals.
            record = max(spoken, key=lambda item: (item[1], -item[0].id))[0]
            found, total = await records.quotes_of(guild_id, record.id, limit=limit, offset=offset)
            return WhoSaidResult(cleaned, record.name, tuple(found), offset, total)
        quotes = QuoteRepository(session)
        speaker = await quotes.find_speaker(guild_id, cleaned)
        # Speakers only the quotes name, and phrases, page like records do ("1–10 of 14").
        more = False
        if speaker is not None:
            found = await quotes.by_speaker(guild_id, speaker, limit=limit, offset=offset)
            total = await quotes.count_by_speaker(guild_id, speaker)
        else:
            phrases, words = query_parts(query)
            terms = [[w] for w in words]
            search = SearchRepository(session)
            found = await search.quotes(
                guild_id, phrases=phrases, words=terms, now=now, limit=limit, offset=offset
            )
            total = await search.count_quotes(guild_id, phrases=phrases, words=terms)
            more = total >= RANKED_MATCHES
    return WhoSaidResult(cleaned, speaker, tuple(found), offset, total, more)


async def speaker_names(
    services: Services, guild_id: int, typed: str, limit: int = 25
) -> list[str]:
    """Known speakers' names containing what was typed, most quoted first, for autocomplete."""
    needle = name_key(typed)
    async with services.sessionmaker.begin() as session:
        speakers = await EntityRecordRepository(session).speakers(guild_id)
    return [name for name, _quotes in speakers if needle in name_key(name)][:limit]
