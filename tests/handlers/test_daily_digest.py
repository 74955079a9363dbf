"""The day's digest from stored articles: the window, stories, people, quotes; and its posting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from handlers.daily_digest import daily_digest, digest_of_day
from handlers.digest_posting import (
    claim_digest,
    due_digests,
    next_wakeup,
    record_failed,
    record_posted,
    retry_delay,
)
from handlers.digest_schedule import digest_window
from handlers.errors import NotAnArticle
from handlers.ingest import Origin, ingest_text
from handlers.services import Services
from handlers.settings import InvalidSetting, set_digest, set_min_article_words

ARTICLES = Path(__file__).resolve().parent / "articles"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GUILD = 1
# Tuesday 1 December 2026, 10:00 in London (UTC in winter).
MORNING = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


async def post(
    services: Services, text: str, at: datetime, *, guild: int = GUILD, who: str = "Ana"
) -> None:
    message_id = int(at.timestamp() * 1000) + len(text)
    origin = Origin(guild, 10, message_id, 7, posted_at=at, author_name=who)
    await ingest_text(services, origin, text)


async def test_articles_of_one_event_are_one_story_and_others_are_not(
    services: Services,
) -> None:
    await post(services, text_of(ARTICLES / "ferry-strike-wire.txt"), MORNING, who="Ana")
    await post(services, text_of(ARTICLES / "orchard-frost.txt"), MORNING + timedelta(hours=1))
    later = MORNING + timedelta(hours=2)
    await post(services, text_of(ARTICLES / "ferry-strike-paper.txt"), later, who="Ben")
    await post(services, text_of(SEEDS / "port-strike.txt"), later + timedelta(minutes=5))

    digest = await digest_of_day(services, GUILD, None, MORNING + timedelta(hours=3))

    stories = [[a.title for a in story.articles] for story in digest.stories]
    assert sorted(map(len, stories)) == [1, 1, 2]
    ferry = next(story for story in digest.stories if len(story.articles) == 2)
    assert {a.author_name for a in ferry.articles} == {"Ana", "Ben"}
    assert ferry.summary is not None and "CalNor" in ferry.summary
    assert {name for name, _count in ferry.quoted} >= {"Ewan MacLeod", "Morag Innes"}
    assert digest.sharers == ("Ana", "Ben")
    names = [e.name for e in digest.top_entities]
    assert names.count("CalNor Ferries") == 1 and names.count("Ewan MacLeod") == 1
    # Mentions add up across the two ferry articles.
    calnor = next(e for e in digest.top_entities if e.name == "CalNor Ferries")
    assert calnor.articles == 2
    assert all(q.speaker and q.text for q in digest.quotes)
    assert len({q.speaker for q in digest.quotes}) == len(digest.quotes)


async def test_a_day_is_the_days_of_the_messages_in_the_servers_zone(
    services: Services,
) -> None:
    # Seoul is UTC+9: 20:00 UTC on 30 November is 05:00 on 1 December there.
    await set_digest(services, GUILD, 20, "18:00", "Asia/Seoul", MORNING - timedelta(days=5))
    await post(services, text_of(SEEDS / "port-strike.txt"), datetime(2026, 11, 30, 20, tzinfo=UTC))
    await post(
        services, text_of(SEEDS / "night-trains.txt"), datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    )

    first = await digest_of_day(services, GUILD, date(2026, 12, 1), MORNING)
    second = await digest_of_day(services, GUILD, date(2026, 12, 2), MORNING)

    # The digest hour is 18:00 in Seoul (09:00 UTC): 09:30 UTC belongs to the next day's digest.
    assert len(first.articles) == 1 and len(second.articles) == 1
    assert first.window.end == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert second.window.start == first.window.end


async def test_digests_of_two_servers_never_mix(services: Services) -> None:
    await post(services, text_of(SEEDS / "port-strike.txt"), MORNING, guild=1)
    await post(services, text_of(SEEDS / "night-trains.txt"), MORNING, guild=2)
    window = digest_window(date(2026, 12, 1), "UTC", None)
    ours, theirs = await daily_digest(services, 1, window), await daily_digest(services, 2, window)
    assert [a.guild_id for a in ours.articles] == [1]
    assert [a.guild_id for a in theirs.articles] == [2]
    assert {a.title for a in ours.articles}.isdisjoint({a.title for a in theirs.articles})


async def test_a_digest_falls_due_at_its_hour_and_is_claimed_once(services: Services) -> None:
    set_at = datetime(2026, 11, 20, 12, tzinfo=UTC)
    await set_digest(services, GUILD, 20, "18:00", "Europe/London", set_at)
    before, after = (
        datetime(2026, 12, 1, 17, 59, tzinfo=UTC),
        datetime(2026, 12, 1, 18, 1, tzinfo=UTC),
    )

    assert await due_digests(services, before) == []
    assert await next_wakeup(services, before) == datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    (due,) = await due_digests(services, after)
    assert (due.guild_id, due.channel_id, due.window.day) == (GUILD, 20, date(2026, 12, 1))

    assert await claim_digest(services, GUILD, due.window.day, "a", after)
    assert await due_digests(services, after) == []
    await record_posted(services, due, "a", after, message_id=99, articles=0)
    assert await due_digests(services, after + timedelta(hours=5)) == []
    # The next day's digest falls due at the next 18:00.
    assert await next_wakeup(services, after) == datetime(2026, 12, 2, 18, 0, tzinfo=UTC)


async def test_a_digest_hour_already_past_when_set_waits_for_the_next_day(
    services: Services,
) -> None:
    set_at = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    await set_digest(services, GUILD, 20, "18:00", "UTC", set_at)
    assert await due_digests(services, set_at + timedelta(minutes=1)) == []
    (due,) = await due_digests(services, datetime(2026, 12, 2, 18, 0, tzinfo=UTC))
    assert due.window.day == date(2026, 12, 2)


async def test_a_failed_post_is_retried_with_back_off_until_the_day_ends(
    services: Services,
) -> None:
    await set_digest(services, GUILD, 20, "23:00", "UTC", MORNING - timedelta(days=1))
    at = datetime(2026, 12, 1, 23, 0, tzinfo=UTC)
    (due,) = await due_digests(services, at)
    retries = []
    while True:
        assert await claim_digest(services, GUILD, due.window.day, "a", at)
        retry_at = await record_failed(services, due, "a", at, "500 Internal Server Error")
        if retry_at is None:
            break
        retries.append(retry_at - at)
        assert await due_digests(services, retry_at - timedelta(seconds=1)) == []
        at = retry_at
        (due,) = await due_digests(services, at)
    assert retries == [retry_delay(n) for n in range(1, len(retries) + 1)]
    assert retries[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert at < datetime(2026, 12, 2, 0, 0, tzinfo=UTC)
    assert await due_digests(services, at + timedelta(minutes=30)) == []


async def test_bad_settings_are_refused_with_what_is_accepted(services: Services) -> None:
    with pytest.raises(InvalidSetting, match="HH:MM"):
        await set_digest(services, GUILD, 20, "6pm", "UTC", MORNING)
    with pytest.raises(InvalidSetting, match="IANA"):
        await set_digest(services, GUILD, 20, "18:00", "Mars/Olympus", MORNING)
    with pytest.raises(InvalidSetting, match="20 to 5000"):
        await set_min_article_words(services, GUILD, 5)


async def test_the_servers_article_minimum_decides_what_is_an_article(
    services: Services,
) -> None:
    text = text_of(ARTICLES / "orchard-frost.txt")
    await set_min_article_words(services, GUILD, 400)
    with pytest.raises(NotAnArticle, match="too short"):
        await post(services, text, MORNING)
    await post(services, text, MORNING, guild=2)  # another server keeps the default
