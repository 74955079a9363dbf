"""Records across articles: one per person and organisation, linked by name, never guessed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from record_samples import GUILD, MONDAY, Sessions, person, report, store

from analysis.types import Entity, Report
from handlers.entity_records import resolve_links
from handlers.services import Services
from handlers.who_said import who_said
from storage.articles import ArticleRepository
from storage.entity_records import EntityRecordRepository
from storage.guilds import GuildRepository

# Discord's time when the quotes are searched for: after every sample article.
SEARCHED_AT = datetime(2027, 1, 1, tzinfo=UTC)


async def test_a_full_name_and_a_later_surname_are_one_record(
    sessionmaker: Sessions, services: Services
) -> None:
    monday = await store(
        sessionmaker,
        report(
            "Talks",
            (person("Moon Chung-in", "Mr. Moon"),),
            (("We are not there yet", "Moon Chung-in"),),
        ),
        MONDAY,
    )
    thursday = await store(
        sessionmaker,
        report("More talks", (person("Moon", "Mr. Moon"),), (("It will take years", "Moon"),)),
        MONDAY + timedelta(days=3),
    )
    assert monday["Moon Chung-in"] == thursday["Moon"]
    for query in ("Mr. Moon", "moon", "Moon Chung-in"):
        result = await who_said(services, GUILD, query, now=SEARCHED_AT)
        assert result.speaker == "Moon Chung-in"
        assert [q.text for q in result.quotes] == ["It will take years", "We are not there yet"]
        assert result.total == 2


async def test_people_sharing_a_surname_stay_apart_and_a_bare_surname_is_not_guessed(
    sessionmaker: Sessions,
) -> None:
    first = await store(
        sessionmaker,
        report("Port", (person("Park Ji-hoon", "Mr. Park"), person("Park Soo-ah", "Ms. Park")), ()),
        MONDAY,
    )
    later = await store(sessionmaker, report("Port again", (person("Park", "Park"),), ()), MONDAY)
    assert first["Park Ji-hoon"] != first["Park Soo-ah"]
    assert "Park" not in later


async def test_a_surname_seen_first_is_taken_over_by_the_full_name(sessionmaker: Sessions) -> None:
    early = await store(sessionmaker, report("Brief", (person("Delacroix"),), ()), MONDAY)
    full = await store(
        sessionmaker, report("Profile", (person("Emeka Delacroix", "Mr. Delacroix"),), ()), MONDAY
    )
    async with sessionmaker() as session:
        card = await EntityRecordRepository(session).card(GUILD, full["Emeka Delacroix"])
        gone = await EntityRecordRepository(session).card(GUILD, early["Delacroix"])
    assert card is not None and len(card.articles) == 2
    assert gone is None


async def test_an_organisation_joins_by_its_acronym(sessionmaker: Sessions) -> None:
    dnc = Entity("Democratic National Committee", "ORG", 4, ("DNC",))
    first = await store(sessionmaker, report("Party", (dnc,), ()), MONDAY)
    second = await store(sessionmaker, report("Party 2", (Entity("DNC", "ORG", 2),), ()), MONDAY)
    assert first["Democratic National Committee"] == second["DNC"]


async def test_records_belong_to_their_server(sessionmaker: Sessions) -> None:
    ours = await store(sessionmaker, report("A", (person("Maria Alvarez"),), ()), MONDAY, guild=1)
    theirs = await store(sessionmaker, report("B", (person("Maria Alvarez"),), ()), MONDAY, guild=2)
    assert ours["Maria Alvarez"] != theirs["Maria Alvarez"]
    async with sessionmaker.begin() as session:
        assert await EntityRecordRepository(session).card(2, ours["Maria Alvarez"]) is None
        await GuildRepository(session).forget_guild(1)
    async with sessionmaker() as session:
        records = EntityRecordRepository(session)
        assert await records.names(1) == []
        assert [n for n, _k, _i in await records.names(2)] == ["Maria Alvarez"]


async def test_joint_speakers_are_a_list_of_records(
    sessionmaker: Sessions, services: Services
) -> None:
    entities = (person("Donald Trump", "Trump"), person("Paul Ryan", "Ryan"))
    await store(
        sessionmaker,
        report("Joint", entities, (("We stand together on this", "Donald Trump and Paul Ryan"),)),
        MONDAY,
    )
    for name in ("Paul Ryan", "Donald Trump"):
        result = await who_said(services, GUILD, name, now=SEARCHED_AT)
        assert [q.text for q in result.quotes] == ["We stand together on this"]


async def _store_linked_as_written(sessionmaker: Sessions, r: Report) -> dict[str, int]:
    """Store a report as ingest does: records resolved first, the rows written linked."""
    async with sessionmaker.begin() as session:
        records = EntityRecordRepository(session)
        links = await resolve_links(records, GUILD, r.entities, r.quotes, MONDAY)
        await ArticleRepository(session).add(
            GUILD,
            r,
            channel_id=10,
            message_id=1,
            author_id=7,
            content_hash="linked as written",
            posted_at=MONDAY,
            entity_records=links.entities,
            quote_speakers=links.speakers,
        )
        return links.names


@pytest.mark.parametrize("written", [False, True], ids=["linked after", "linked as written"])
async def test_a_bare_surname_and_its_full_name_in_one_article_are_one_record(
    sessionmaker: Sessions, services: Services, written: bool
) -> None:
    mixed = report(
        "Mixed",
        (person("Delacroix"), person("Emeka Delacroix", "Mr. Delacroix")),
        (("We will see", "Delacroix"),),
    )
    if written:
        names = await _store_linked_as_written(sessionmaker, mixed)
    else:
        names = await store(sessionmaker, mixed, MONDAY)
    # The bare surname's record was taken over within the article: every link moved with it.
    assert names["Delacroix"] == names["Emeka Delacroix"]
    async with sessionmaker() as session:
        card = await EntityRecordRepository(session).card(GUILD, names["Emeka Delacroix"])
    assert card is not None and [a.title for a in card.articles] == ["Mixed", "Mixed"]
    result = await who_said(services, GUILD, "Emeka Delacroix", now=SEARCHED_AT)
    assert [q.text for q in result.quotes] == ["We will see"]


async def test_an_alias_one_entity_gives_is_found_by_a_later_one(sessionmaker: Sessions) -> None:
    # The second entity is named only by a form the first one's aliases hold.
    r = report(
        "Party",
        (Entity("Democratic National Committee", "ORG", 4, ("DNC",)), Entity("DNC", "ORG", 1)),
        (),
    )
    names = await _store_linked_as_written(sessionmaker, r)
    assert names["Democratic National Committee"] == names["DNC"]
