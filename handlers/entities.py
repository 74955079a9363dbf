"""`/entity`: a server's record of a person, organisation or place, as a card."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from handlers.entity_records import name_key
from handlers.errors import NotFound
from handlers.services import Services
from storage.entity_records import EntityRecordRepository
from storage.records import RecordCard, StoredQuote

QUOTES_PER_PAGE = 5
NEAREST = 5


@dataclass(frozen=True)
class EntityCard:
    """A record's card and one page of what it said, newest first."""

    card: RecordCard
    quotes: tuple[StoredQuote, ...]
    total_quotes: int
    page: int
    pages: int


async def entity_card(services: Services, guild_id: int, name: str, page: int = 0) -> EntityCard:
    """The card of the record a name or alias names; NotFound with the nearest names."""
    wanted = name_key(name)
    async with services.sessionmaker.begin() as session:
        records = EntityRecordRepository(session)
        names = await records.names(guild_id)
        matches = [record_id for shown, _kind, record_id in names if name_key(shown) == wanted]
        if not matches:
            raise NotFound(_not_found(name, [shown for shown, _k, _i in names]))
        record_id = min(matches)
        card = await records.card(guild_id, record_id)
        page = max(page, 0)
        quotes, total = await records.quotes_of(
            guild_id, record_id, limit=QUOTES_PER_PAGE, offset=page * QUOTES_PER_PAGE
        )
        pages = max(1, -(-total // QUOTES_PER_PAGE))
    assert card is not None
    return EntityCard(card, tuple(quotes), total, min(page, pages - 1), pages)


async def entity_names(services: Services, guild_id: int, typed: str, limit: int = 25) -> list[str]:
    """Names and aliases of the server's records that contain what was typed, for autocomplete."""
    needle = name_key(typed)
    async with services.sessionmaker.begin() as session:
        names = await EntityRecordRepository(session).names(guild_id)
    shown = sorted(
        {n for n, _k, _i in names}, key=lambda n: (not name_key(n).startswith(needle), n)
    )
    return [n for n in shown if needle in name_key(n)][:limit]


def _not_found(name: str, known: list[str]) -> str:
    nearest = difflib.get_close_matches(name, sorted(set(known)), n=NEAREST, cutoff=0.5)
    text = f"No person, organisation or place called “{name}” in this server's articles."
    return f"{text} Nearest: {', '.join(nearest)}." if nearest else text
