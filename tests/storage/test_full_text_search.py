"""Full-text search on both engines: word forms, phrases, ranking, the guild, the migration."""

from __future__ import annotations

import inspect as signatures
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from spacy.language import Language
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.pool import NullPool

from analysis.pipeline import analyze
from analysis.text.terms import query_parts, question_terms
from intake.article import Article
from storage import search
from storage.articles import ArticleRepository
from storage.digests import DigestPostRepository
from storage.engine import alembic_config, make_engine, make_sessionmaker, upgrade_database
from storage.entity_records import EntityRecordRepository
from storage.guilds import GuildRepository
from storage.quotes import QuoteRepository
from storage.read_messages import ReadMessageRepository
from storage.search import SearchRepository

OURS, THEIRS = 1, 2
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
STORIES = [
    (
        "Westmar results",
        "Westmar lost $3 million in the third quarter, the company said on Friday. "
        '"We drew a line in the sand on costs," said Maria Alvarez, its finance chief. '
        "The cities of Tallin and Riga had lent it money. Three workers were injured at the plant.",
    ),
    (
        "Harbour strike",
        "Dockworkers walked out at 3 p.m. Friday. "
        '"This strike is a line we will not cross," said Park Soo-ah, the union leader. '
        "The city council met the union. Injuries at the port rose last year, the union said. "
        '"Nobody will lose their pay," said Maria Alvarez, who chairs the port board.',
    ),
    (
        "Budget vote",
        "The council will vote on the budget next week. "
        '"A line in the sand is no policy," said Park Soo-ah. '
        "Every city department expects to lose staff.",
    ),
]


async def _store(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language, guild: int = OURS
) -> list[int]:
    ids = []
    async with sessionmaker.begin() as session:
        for days, (title, body) in enumerate(STORIES):
            report = analyze(nlp, Article(text=body, title=title))
            stored = await ArticleRepository(session).add(
                guild,
                report,
                channel_id=2,
                message_id=days,
                author_id=3,
                content_hash=f"{guild}-{days}",
                posted_at=NOW - timedelta(days=10 * (len(STORIES) - days)),
            )
            ids.append(stored.id)
    return ids


async def _who_said(session: AsyncSession, query: str, guild: int = OURS) -> list[str]:
    phrases, words = query_parts(query)
    found = await SearchRepository(session).quotes(
        guild, phrases=phrases, words=[[w] for w in words], now=NOW
    )
    return [q.text for q in found]


async def _asked(session: AsyncSession, nlp: Language, question: str) -> list[str]:
    found = await SearchRepository(session).sentences(OURS, question_terms(nlp, question))
    return [s.text for s in found]


async def test_word_forms_meet_by_stem_and_lemma(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language
) -> None:
    await _store(sessionmaker, nlp)
    async with sessionmaker() as session:
        lose = await _asked(session, nlp, "How much did Westmar lose?")
        lost = await _asked(session, nlp, "Who lost staff?")
        city = await _asked(session, nlp, "Which city lent money?")
        injured = await _asked(session, nlp, "How many were injured at the port?")
        injuries = await _asked(session, nlp, "Were there injuries at the plant?")
    assert any("Westmar lost $3 million" in s for s in lose)  # a lemma: lost -> lose
    assert any("expects to lose staff" in s for s in lost)  # the question's lemma
    assert any("The cities of Tallin" in s for s in city)  # the stemmer: citi
    assert any("Injuries at the port" in s for s in injured)  # injure / injury
    assert any("workers were injured at the plant" in s for s in injuries)


async def test_port_does_not_match_support(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language
) -> None:
    await _store(sessionmaker, nlp)
    async with sessionmaker() as session:
        assert await _asked(session, nlp, "What about support?") == []


async def test_sentences_are_spacys_not_a_regex_splitters(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language
) -> None:
    ids = await _store(sessionmaker, nlp)
    async with sessionmaker() as session:
        sentences = await SearchRepository(session).article_sentences(OURS, ids[1])
    assert sentences[0].text == "Dockworkers walked out at 3 p.m. Friday."


async def test_who_said_phrase_words_and_ranking_are_the_same_on_both_engines(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language
) -> None:
    # The same corpus and queries give these lists on SQLite and on PostgreSQL alike.
    await _store(sessionmaker, nlp)
    async with sessionmaker() as session:
        phrase = await _who_said(session, '"a line in the sand"')
        words = await _who_said(session, "line sand")
        speaker_words = await _who_said(session, "alvarez pay")
        curly = await _who_said(session, "“line we will not cross”")
        nothing = await _who_said(session, '"line in the harbour"')
    assert phrase == [
        "A line in the sand is no policy,",
        "We drew a line in the sand on costs,",
    ]
    assert words == phrase  # all-of, newest first among equals
    assert speaker_words == ["Nobody will lose their pay,"]  # the speaker's names count
    assert curly == ["This strike is a line we will not cross,"]
    assert nothing == []


async def test_a_search_ranks_and_counts_only_its_newest_matches(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three quotes hold "line"; with room for two, the oldest is neither ranked nor counted.
    await _store(sessionmaker, nlp)
    monkeypatch.setattr(search, "RANKED_MATCHES", 2)
    async with sessionmaker() as session:
        found = await _who_said(session, "line")
        counted = await SearchRepository(session).count_quotes(OURS, words=[["line"]])
    assert sorted(found) == [
        "A line in the sand is no policy,",
        "This strike is a line we will not cross,",
    ]
    assert counted == 2


async def test_search_keeps_to_its_guild_and_follows_deletes(
    sessionmaker: async_sessionmaker[AsyncSession], nlp: Language
) -> None:
    ids = await _store(sessionmaker, nlp)
    async with sessionmaker() as session:
        assert await _who_said(session, "line sand", guild=THEIRS) == []
        theirs = await SearchRepository(session).sentences(THEIRS, [["westmar"]])
        assert theirs == []
        assert not await SearchRepository(session).has_speaker_named(THEIRS, "alvarez")
    async with sessionmaker.begin() as session:
        await ArticleRepository(session).delete(OURS, ids[2])
    async with sessionmaker() as session:
        assert await _who_said(session, '"a line in the sand"') == [
            "We drew a line in the sand on costs,"
        ]
        assert await SearchRepository(session).sentences(OURS, [["budget"]]) == []


REPOSITORIES = [
    ArticleRepository,
    QuoteRepository,
    SearchRepository,
    EntityRecordRepository,
    GuildRepository,
    DigestPostRepository,
    ReadMessageRepository,
]
# Reads across every guild on purpose: a starting bot answers each in its own guild, the
# digest scheduler plans every guild's post, link_quotes takes ids a store just returned.
ACROSS_GUILDS = {"pending_answers", "link_quotes", "digest_schedules"}


@pytest.mark.parametrize("repository", REPOSITORIES, ids=lambda r: r.__name__)
def test_every_repository_call_takes_the_guild(repository: type) -> None:
    public = [
        (name, f)
        for name, f in vars(repository).items()
        if callable(f) and not name.startswith("_") and name not in ACROSS_GUILDS
    ]
    assert public
    for name, method in public:
        parameters = list(signatures.signature(method).parameters)
        assert parameters[1:2] == ["guild_id"], f"{repository.__name__}.{name}"


def _downgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


async def test_upgrade_back_fills_the_index_of_what_was_stored(
    database_url: str, nlp: Language
) -> None:
    # A database at 0007 with articles in it (stored by head, taken down with them) is
    # upgraded: its sentences and quotes are found, its speakers' aliases too.
    engine = make_engine(database_url, poolclass=NullPool)
    try:
        await upgrade_database(engine)
        await _store(make_sessionmaker(engine), nlp)
        async with engine.begin() as connection:
            await connection.run_sync(_downgrade_to, "0007")
            tables = await connection.execute(text("SELECT count(*) FROM quotes"))
            assert tables.scalar() == 4
        await upgrade_database(engine)
        async with make_sessionmaker(engine)() as session:
            assert await _who_said(session, '"a line in the sand"')
            found = await SearchRepository(session).sentences(OURS, [["tallin"]])
            assert [s.text for s in found] == ["The cities of Tallin and Riga had lent it money."]
            assert await SearchRepository(session).has_speaker_named(OURS, "soo-ah")
            titles = await session.execute(
                text("SELECT count(*) FROM article_sentences WHERE position = 0")
            )
            assert titles.scalar() == 3
    finally:
        await engine.dispose()
