"""`/who-said` totals for phrases and for speakers only the quotes name, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from record_samples import GUILD, MONDAY, Sessions, report, store

from handlers.services import Services
from handlers.who_said import who_said

# Discord's time when the quotes are searched for: after every sample article.
SEARCHED_AT = datetime(2027, 1, 1, tzinfo=UTC)


async def test_phrase_and_quoted_speaker_results_say_how_many_in_all(
    sessionmaker: Sessions, services: Services
) -> None:
    # No entity for the speaker: only the quotes name her, so no record answers.
    said = tuple((f"The levy is item {n} on the list", "Maria Alvarez") for n in range(12))
    await store(sessionmaker, report("Notes", (), said), MONDAY)

    phrase = await who_said(services, GUILD, "on the list", now=SEARCHED_AT)
    later = await who_said(services, GUILD, "on the list", offset=10, now=SEARCHED_AT)
    speaker = await who_said(services, GUILD, "Maria Alvarez", offset=10, now=SEARCHED_AT)
    nothing = await who_said(services, GUILD, "not said by anyone", now=SEARCHED_AT)

    assert (phrase.speaker, len(phrase.quotes), phrase.total) == (None, 10, 12)
    assert (len(later.quotes), later.offset, later.total) == (2, 10, 12)
    assert (speaker.speaker, len(speaker.quotes), speaker.total) == ("Maria Alvarez", 2, 12)
    assert (nothing.quotes, nothing.total) == ((), 0)
