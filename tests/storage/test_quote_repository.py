"""QuoteRepository: who said what, by speaker (name, surname, alias) and by phrase."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from storage_samples import GUILD, add_article, at_hour, make_report, person

from storage.quotes import QuoteRepository
from storage.records import StoredArticle

Sessions = async_sessionmaker[AsyncSession]


@pytest.fixture
async def newsroom(sessionmaker: Sessions) -> tuple[StoredArticle, StoredArticle]:
    """Two articles: Alvarez is quoted three times, Park once (known also as "Mr. Park")."""
    older = await add_article(
        sessionmaker,
        make_report(
            title="Strike begins",
            url="https://example.com/begins",
            quotes=(
                ("We will draw a line in the sand", "Maria Alvarez"),
                ("The ships can wait", "Park Ji-hoon"),
            ),
            entities=(person("Maria Alvarez", "Alvarez"), person("Park Ji-hoon", "Mr. Park")),
        ),
        "older",
        hour=0,
    )
    newer = await add_article(
        sessionmaker,
        make_report(
            title="Strike goes on",
            quotes=(
                ("We\u2019re not moving, not for 100% of the wages", "Maria Alvarez"),
                ("Talks resume Monday", "Maria Alvarez"),
                ("Nobody asked us", None),
            ),
            entities=(person("Maria Alvarez", "Ms. Alvarez"),),
        ),
        "newer",
        hour=5,
    )
    return older, newer


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("Maria Alvarez", "Maria Alvarez"),
        ("maria alvarez", "Maria Alvarez"),
        ("ALVAREZ", "Maria Alvarez"),
        ("  alvarez ", "Maria Alvarez"),
        ("Ms. Alvarez", "Maria Alvarez"),
        ("park ji-hoon", "Park Ji-hoon"),
        ("Mr. Park", "Park Ji-hoon"),
        ("park", "Park Ji-hoon"),
        ("a line in the sand", None),
        ("ji", None),
        ("", None),
    ],
)
async def test_find_speaker(
    sessionmaker: Sessions, newsroom: object, query: str, speaker: str | None
) -> None:
    async with sessionmaker() as session:
        assert await QuoteRepository(session).find_speaker(GUILD, query) == speaker


async def test_find_speaker_prefers_the_most_quoted(sessionmaker: Sessions) -> None:
    await add_article(
        sessionmaker,
        make_report(quotes=(("We are ready for the talks", "Luis Alvarez"),)),
        "luis",
    )
    await add_article(
        sessionmaker,
        make_report(
            quotes=(("The port stays shut", "Maria Alvarez"), ("No deal tonight", "Maria Alvarez"))
        ),
        "maria",
        hour=1,
    )
    async with sessionmaker() as session:
        quotes = QuoteRepository(session)
        assert await quotes.find_speaker(GUILD, "alvarez") == "Maria Alvarez"
        assert await quotes.find_speaker(GUILD, "luis alvarez") == "Luis Alvarez"


async def test_by_speaker_is_newest_first_then_in_text_order(
    sessionmaker: Sessions, newsroom: tuple[StoredArticle, StoredArticle]
) -> None:
    older, newer = newsroom
    async with sessionmaker() as session:
        said = await QuoteRepository(session).by_speaker(GUILD, "Maria Alvarez")
    assert [q.text for q in said] == [
        "We\u2019re not moving, not for 100% of the wages",
        "Talks resume Monday",
        "We will draw a line in the sand",
    ]
    assert [q.article_id for q in said] == [newer.id, newer.id, older.id]
    last = said[-1]
    assert (last.article_title, last.article_url, last.channel_id, last.message_id) == (
        "Strike begins",
        "https://example.com/begins",
        10,
        1000,
    )
    assert last.created_at == at_hour(0)
    assert older.text[last.start : last.end] == last.text


async def test_by_speaker_limit(sessionmaker: Sessions, newsroom: object) -> None:
    async with sessionmaker() as session:
        said = await QuoteRepository(session).by_speaker(GUILD, "maria alvarez", limit=1)
    assert [q.text for q in said] == ["We\u2019re not moving, not for 100% of the wages"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("A LINE IN THE SAND", ["We will draw a line in the sand"]),
        ("we're not moving", ["We\u2019re not moving, not for 100% of the wages"]),
        ("We\u2019re  NOT moving", ["We\u2019re not moving, not for 100% of the wages"]),
        ("100%", ["We\u2019re not moving, not for 100% of the wages"]),
        ("10_%", []),
        ("line%sand", []),
        ("nobody asked", ["Nobody asked us"]),
        ("the port is closed", []),
        ("", []),
    ],
)
async def test_by_phrase(
    sessionmaker: Sessions, newsroom: object, phrase: str, expected: list[str]
) -> None:
    async with sessionmaker() as session:
        found = await QuoteRepository(session).by_phrase(GUILD, phrase)
    assert [q.text for q in found] == expected


async def test_by_phrase_with_straight_marks_stored_and_curly_asked(
    sessionmaker: Sessions,
) -> None:
    await add_article(
        sessionmaker, make_report(quotes=(("It's a 'final' offer", "Maria Alvarez"),)), "straight"
    )
    async with sessionmaker() as session:
        found = await QuoteRepository(session).by_phrase(GUILD, "it\u2019s a \u2018FINAL\u2019")
    assert [(q.text, q.speaker) for q in found] == [("It's a 'final' offer", "Maria Alvarez")]


async def test_by_phrase_newest_first_and_limited(sessionmaker: Sessions, newsroom: object) -> None:
    async with sessionmaker() as session:
        quotes = QuoteRepository(session)
        every = await quotes.by_phrase(GUILD, "e")
        first_two = await quotes.by_phrase(GUILD, "e", limit=2)
    assert [q.text for q in every] == [
        "We\u2019re not moving, not for 100% of the wages",
        "Talks resume Monday",
        "Nobody asked us",
        "We will draw a line in the sand",
        "The ships can wait",
    ]
    assert first_two == every[:2]


async def test_a_joint_speaker_counts_for_each_member(sessionmaker: Sessions) -> None:
    await add_article(
        sessionmaker,
        make_report(
            quotes=(
                ("The harbour stays open", "Ada Holm"),
                ("A very positive step toward unification", "Ada Holm and Nils Berg"),
                ("We meet again in May", "Ada Holm and Nils Berg"),
                ("We will hold the line", "Nils Bergman"),
            ),
        ),
        "joint",
    )
    async with sessionmaker() as session:
        quotes = QuoteRepository(session)
        # The member, not the pair, even where the pair has more quotes than her solo ones.
        assert await quotes.find_speaker(GUILD, "Holm") == "Ada Holm"
        assert await quotes.find_speaker(GUILD, "Berg") == "Nils Berg"
        holm = await quotes.by_speaker(GUILD, "Ada Holm")
        berg = await quotes.by_speaker(GUILD, "nils berg")
        wildcard = await quotes.by_speaker(GUILD, "Nils B_rg")
    assert [q.text for q in holm] == [
        "The harbour stays open",
        "A very positive step toward unification",
        "We meet again in May",
    ]
    # Neither a longer name ("Bergman") nor a LIKE wildcard typed in the query matches.
    assert [q.text for q in berg] == [
        "A very positive step toward unification",
        "We meet again in May",
    ]
    assert wildcard == []


async def test_a_company_named_with_and_stays_one_speaker(sessionmaker: Sessions) -> None:
    await add_article(
        sessionmaker,
        make_report(
            quotes=(
                ("Our products are safe", "Johnson and Johnson"),
                ("I will not comment", "Johnson"),
            ),
        ),
        "company",
    )
    async with sessionmaker() as session:
        quotes = QuoteRepository(session)
        johnson = await quotes.by_speaker(GUILD, "Johnson")
        company = await quotes.by_speaker(GUILD, "Johnson and Johnson")
    assert [q.text for q in johnson] == ["I will not comment"]
    assert [q.text for q in company] == ["Our products are safe"]
