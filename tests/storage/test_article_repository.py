"""ArticleRepository: storing reports, duplicates, replies, deletion, recency and search."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from storage_samples import GUILD, add_article, at_hour, make_report, person

from analysis.types import Entity
from storage.articles import ArticleRepository
from storage.errors import DuplicateArticleError
from storage.models import EntityRow, QuoteRow

Sessions = async_sessionmaker[AsyncSession]


async def test_add_then_get_returns_everything_stored(sessionmaker: Sessions) -> None:
    entities = (
        person("Maria Alvarez", "Alvarez", "Ms. Alvarez", mentions=5),
        Entity("Harbour Authority", "ORG", 2, ("the authority",), "the port's operator"),
        Entity("Riga", "GPE", 1),
    )
    report = make_report(
        url="https://example.com/strike",
        quotes=(("We will not move an inch on this", "Maria Alvarez"), ("It is over", None)),
        entities=entities,
        digest=("First sentence.", "Second sentence."),
        notes=("a note",),
    )
    stored = await add_article(sessionmaker, report, "hash-1")
    async with sessionmaker() as session:
        loaded = await ArticleRepository(session).get(GUILD, stored.id)
    assert loaded == stored
    assert loaded.entities == entities
    assert loaded.digest == ("First sentence.", "Second sentence.")
    assert loaded.notes == ("a note",)
    assert (loaded.title, loaded.byline, loaded.published, loaded.site_name, loaded.language) == (
        "Port strike enters second week",
        "By Jane Doe",
        date(2025, 3, 10),
        "Harbour Times",
        "en",
    )
    assert (loaded.channel_id, loaded.message_id, loaded.author_id) == (10, 1000, 7)
    first, second = loaded.quotes
    assert loaded.text[first.start : first.end] == first.text == "We will not move an inch on this"
    assert (first.speaker, first.cue, first.article_title) == (
        "Maria Alvarez",
        "said",
        "Port strike enters second week",
    )
    assert (second.speaker, second.speaker_description) == (None, "a senior port official")


async def test_get_of_an_unknown_id_is_none(sessionmaker: Sessions) -> None:
    async with sessionmaker() as session:
        assert await ArticleRepository(session).get(GUILD, 12345) is None


async def test_find_existing_by_url_or_by_hash(sessionmaker: Sessions) -> None:
    stored = await add_article(sessionmaker, make_report(url="https://example.com/a"), "hash-a")
    async with sessionmaker() as session:
        articles = ArticleRepository(session)
        by_url = await articles.find_existing(
            GUILD, url="https://example.com/a", content_hash="other"
        )
        by_hash = await articles.find_existing(GUILD, url=None, content_hash="hash-a")
        by_hash_other_url = await articles.find_existing(
            GUILD, url="https://example.com/b", content_hash="hash-a"
        )
        neither = await articles.find_existing(
            GUILD, url="https://example.com/b", content_hash="other"
        )
    assert by_url is not None and by_url.id == stored.id
    assert by_hash is not None and by_hash.id == stored.id
    assert by_hash_other_url is not None and by_hash_other_url.id == stored.id
    assert neither is None
    async with sessionmaker() as session:
        assert (
            await ArticleRepository(session).find_existing(GUILD, url=None, content_hash=None)
            is None
        )


async def test_articles_without_url_are_not_duplicates_of_each_other(
    sessionmaker: Sessions,
) -> None:
    await add_article(sessionmaker, make_report(url=None), "pasted-1")
    async with sessionmaker() as session:
        found = await ArticleRepository(session).find_existing(
            GUILD, url=None, content_hash="pasted-2"
        )
    assert found is None


async def test_adding_the_same_hash_twice_raises_a_domain_error(sessionmaker: Sessions) -> None:
    await add_article(sessionmaker, make_report(), "same")
    with pytest.raises(DuplicateArticleError):
        await add_article(sessionmaker, make_report(), "same", hour=1)


async def test_replies_are_found_by_thread_or_by_message(sessionmaker: Sessions) -> None:
    first = await add_article(sessionmaker, make_report(), "h1")
    second = await add_article(sessionmaker, make_report(), "h2", hour=1)
    async with sessionmaker.begin() as session:
        articles = ArticleRepository(session)
        assert await articles.set_reply(GUILD, first.id, channel_id=500, message_id=501)
        assert await articles.set_reply(GUILD, second.id, channel_id=600, message_id=601)
        assert not await articles.set_reply(GUILD, 999_999, channel_id=1, message_id=2)
    async with sessionmaker() as session:
        articles = ArticleRepository(session)
        in_thread = await articles.find_by_reply(GUILD, channel_id=500)
        by_message = await articles.find_by_reply(GUILD, message_id=601)
        message_wins = await articles.find_by_reply(GUILD, channel_id=500, message_id=601)
        unknown = await articles.find_by_reply(GUILD, channel_id=1, message_id=2)
        nothing_asked = await articles.find_by_reply(GUILD)
        assert await articles.set_reply(GUILD, first.id, channel_id=None, message_id=502)
        no_thread = await articles.find_by_reply(GUILD, channel_id=500)
        replied_to = await articles.find_by_reply(GUILD, channel_id=500, message_id=502)
    assert no_thread is None
    assert replied_to is not None and replied_to.id == first.id
    assert in_thread is not None and in_thread.id == first.id
    assert (in_thread.reply_channel_id, in_thread.reply_message_id) == (500, 501)
    assert by_message is not None and by_message.id == second.id
    assert message_wins is not None and message_wins.id == second.id
    assert unknown is None and nothing_asked is None


async def _count(session: AsyncSession, model: type[QuoteRow] | type[EntityRow]) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_delete_removes_the_article_with_its_quotes_and_entities(
    sessionmaker: Sessions,
) -> None:
    report = make_report(
        quotes=(("We will not move an inch on this", "Maria Alvarez"),),
        entities=(person("Maria Alvarez"),),
    )
    doomed = await add_article(sessionmaker, report, "doomed")
    kept = await add_article(sessionmaker, report, "kept", hour=1)
    async with sessionmaker.begin() as session:
        assert await ArticleRepository(session).delete(GUILD, doomed.id) is True
    async with sessionmaker.begin() as session:
        articles = ArticleRepository(session)
        assert await articles.delete(GUILD, doomed.id) is False
        assert await articles.get(GUILD, doomed.id) is None
        assert await articles.get(GUILD, kept.id) == kept
        assert await _count(session, QuoteRow) == 1
        assert await _count(session, EntityRow) == 1


async def test_recent_is_newest_first_and_limited(sessionmaker: Sessions) -> None:
    added = [
        await add_article(sessionmaker, make_report(), f"h{hour}", hour=hour) for hour in range(4)
    ]
    async with sessionmaker() as session:
        recent = await ArticleRepository(session).recent(GUILD, limit=3)
    assert [a.id for a in recent] == [added[3].id, added[2].id, added[1].id]


async def test_posted_between_returns_a_window_by_posting_time_oldest_first(
    sessionmaker: Sessions,
) -> None:
    # Stored in the reverse order of posting: the reporter's posting time decides the window.
    stored = []
    for hour in range(4):
        async with sessionmaker.begin() as session:
            stored.append(
                await ArticleRepository(session).add(
                    GUILD,
                    make_report(),
                    channel_id=10,
                    message_id=1000 + hour,
                    author_id=7,
                    content_hash=f"h{hour}",
                    created_at=at_hour(10 - hour),
                    posted_at=at_hour(hour),
                    author_name=f"Reporter {hour}",
                )
            )
    async with sessionmaker() as session:
        window = await ArticleRepository(session).posted_between(GUILD, at_hour(1), at_hour(3))
    assert [a.id for a in window] == [stored[1].id, stored[2].id]
    assert [a.author_name for a in window] == ["Reporter 1", "Reporter 2"]
    assert window[0].posted_at == at_hour(1)


async def test_an_article_stored_outside_discord_is_posted_when_stored(
    sessionmaker: Sessions,
) -> None:
    article = await add_article(sessionmaker, make_report(), "h", hour=5)
    assert article.posted_at == article.created_at == at_hour(5)
    assert article.author_name is None


async def test_search_ranks_by_distinct_terms_then_recency(sessionmaker: Sessions) -> None:
    old_both = await add_article(
        sessionmaker,
        make_report(title="Harbour talks", lead="The PORT strike goes on; the port is shut."),
        "old-both",
        hour=0,
    )
    new_one = await add_article(
        sessionmaker,
        make_report(title="Weather", lead="Storms hit the port today."),
        "new-one",
        hour=2,
    )
    newer_one = await add_article(
        sessionmaker,
        make_report(title="Ferry", lead="A strike at the ferry line."),
        "newer",
        hour=3,
    )
    await add_article(
        sessionmaker, make_report(title="Budget", lead="The council met."), "none", hour=4
    )
    async with sessionmaker() as session:
        found = await ArticleRepository(session).search(GUILD, ["Port", "STRIKE", "port"])
    assert [a.id for a in found] == [old_both.id, newer_one.id, new_one.id]


async def test_search_matches_titles_case_and_curly_marks(sessionmaker: Sessions) -> None:
    stored = await add_article(
        sessionmaker,
        make_report(title="Alvarez\u2019s Line In The Sand", lead="Talks went on."),
        "title",
    )
    async with sessionmaker() as session:
        articles = ArticleRepository(session)
        assert [a.id for a in await articles.search(GUILD, ["alvarez's line"])] == [stored.id]
        assert await articles.search(GUILD, ["  "]) == []
        assert await articles.search(GUILD, []) == []


async def test_search_treats_wildcards_literally(sessionmaker: Sessions) -> None:
    literal = await add_article(
        sessionmaker, make_report(lead="Turnout was 100% at the dock_gate vote."), "lit"
    )
    await add_article(
        sessionmaker, make_report(lead="Turnout was 1000 at the dockXgate vote."), "other"
    )
    async with sessionmaker() as session:
        articles = ArticleRepository(session)
        assert [a.id for a in await articles.search(GUILD, ["100%"])] == [literal.id]
        assert [a.id for a in await articles.search(GUILD, ["dock_gate"])] == [literal.id]
        assert await articles.search(GUILD, ["%"]) == [literal]
        assert await articles.search(GUILD, ["_"]) == [literal]


async def test_search_limit(sessionmaker: Sessions) -> None:
    for hour in range(3):
        await add_article(sessionmaker, make_report(lead="The port strike."), f"h{hour}", hour=hour)
    async with sessionmaker() as session:
        assert len(await ArticleRepository(session).search(GUILD, ["port"], limit=2)) == 2


async def test_one_row_per_url_per_guild_whatever_the_content(sessionmaker: Sessions) -> None:
    url = "https://example.com/live"
    await add_article(sessionmaker, make_report(url=url), "live-1")
    with pytest.raises(DuplicateArticleError):  # a live page's second version, same URL
        await add_article(sessionmaker, make_report(url=url), "live-2")
    await add_article(sessionmaker, make_report(url=url), "live-3", guild_id=GUILD + 1)
    await add_article(sessionmaker, make_report(url=None), "pasted-1")
    await add_article(sessionmaker, make_report(url=None), "pasted-2")  # no URL is never the same


async def test_pending_answers_are_the_recent_unanswered_ones_of_every_guild(
    sessionmaker: Sessions,
) -> None:
    async with sessionmaker.begin() as session:
        repository = ArticleRepository(session)
        for content_hash, guild_id, hour in (("old", GUILD, 0), ("a", GUILD, 30), ("b", 7, 31)):
            await repository.add(
                guild_id,
                make_report(url=f"https://example.com/{content_hash}"),
                channel_id=10,
                message_id=hour,
                author_id=7,
                content_hash=content_hash,
                posted_at=at_hour(hour),
                answer_pending=True,
            )
        answered = await repository.add(
            GUILD,
            make_report(url="https://example.com/answered"),
            channel_id=10,
            message_id=32,
            author_id=7,
            content_hash="answered",
            posted_at=at_hour(32),
            answer_pending=True,
        )
        await repository.set_reply(GUILD, answered.id, None, 99)
    async with sessionmaker() as session:
        found = await ArticleRepository(session).pending_answers(at_hour(24), limit=10)
    assert [(a.content_hash, a.guild_id, a.answer_pending) for a in found] == [
        ("a", GUILD, True),
        ("b", 7, True),
    ]
