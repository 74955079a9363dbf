"""`/entity` and `/who-said` through the server's records, with the real bot in simcord."""

from __future__ import annotations

from pathlib import Path

import discord

from analysis.types import Entity, Quote, Report
from handlers.entity_records import link_article
from intake.article import Article
from storage.articles import ArticleRepository
from storage.entity_records import EntityRecordRepository
from tests.bot.conftest import Newsroom

ARTICLES = Path(__file__).resolve().parents[1] / "handlers" / "articles"


async def _paste(newsroom: Newsroom, name: str) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8").encode()
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text)])


def _embed(result: object) -> discord.Embed:
    response = result.response  # type: ignore[attr-defined]
    assert response is not None
    return response.embeds[0]


async def test_a_person_in_two_articles_has_one_card(newsroom: Newsroom) -> None:
    await _paste(newsroom, "ferry-strike-wire.txt")
    await _paste(newsroom, "ferry-strike-paper.txt")

    card = _embed(await newsroom.reporter.slash(newsroom.channel, "entity", name="Ewan MacLeod"))

    assert card.title == "Ewan MacLeod"
    assert "Person" in (card.description or "") and "In 2 articles" in (card.description or "")
    fields = {f.name: f.value or "" for f in card.fields}
    assert "Islanders stranded" in fields["Articles, newest first"]
    assert "Ferry crews walk out" in fields["Articles, newest first"]
    quotes = next(v for k, v in fields.items() if k.startswith("Quotes"))
    assert "Our members have crewed these boats" in quotes


async def test_who_said_by_surname_finds_every_article(newsroom: Newsroom) -> None:
    await _paste(newsroom, "ferry-strike-wire.txt")
    await _paste(newsroom, "ferry-strike-paper.txt")
    embed = _embed(await newsroom.reporter.slash(newsroom.channel, "who-said", query="Innes"))
    assert embed.title == "What Morag Innes said"
    text = embed.description or ""
    assert "Every extra point on the pay bill" in text and "our door remains open" in text


async def test_a_name_not_known_gets_the_nearest_names(newsroom: Newsroom) -> None:
    await _paste(newsroom, "ferry-strike-wire.txt")
    result = await newsroom.reporter.slash(newsroom.channel, "entity", name="Ewen McLeod")
    assert result.response is not None and result.response.ephemeral
    assert "Nearest: Ewan MacLeod" in result.response.content


async def test_names_autocomplete_from_the_servers_records(newsroom: Newsroom) -> None:
    await _paste(newsroom, "ferry-strike-wire.txt")
    entity = await newsroom.reporter.autocomplete(newsroom.channel, "entity", "name", "calnor")
    speaker = await newsroom.reporter.autocomplete(newsroom.channel, "who-said", "query", "mac")
    assert "CalNor Ferries" in [c["value"] for c in entity]
    assert [c["value"] for c in speaker] == ["Ewan MacLeod"]


async def test_a_long_answer_pages_with_buttons(newsroom: Newsroom) -> None:
    said = [f"Quote number {n} about the harbour and its future" for n in range(14)]
    text, quotes = "Harbour notes. ", []
    for line in said:
        text += "\u201c"
        quotes.append(Quote(line, len(text), len(text) + len(line), "Maria Alvarez", cue="said"))
        text += line + ",\u201d Maria Alvarez said. "
    report = Report(
        Article(text=text, title="Harbour notes"),
        (Entity("Maria Alvarez", "PERSON", 14, ("Ms. Alvarez",)),),
        tuple(quotes),
        (),
    )
    async with newsroom.bot.services.sessionmaker.begin() as session:
        stored = await ArticleRepository(session).add(
            newsroom.guild.id, report, channel_id=newsroom.channel.id, message_id=1,
            author_id=newsroom.reporter.id, content_hash="notes",
        )  # fmt: skip
        await link_article(EntityRecordRepository(session), stored, stored.posted_at)

    result = await newsroom.reporter.slash(newsroom.channel, "who-said", query="Ms. Alvarez")
    first = _embed(result)
    assert first.footer.text == "1–10 of 14"
    assert result.response is not None
    await newsroom.reporter.click(result.response.message, label="▶")
    assert result.response is not None
    second = result.response.embeds[0]
    assert second.footer.text == "11–14 of 14"
    assert (second.description or "").count("**Maria Alvarez**") == 4


async def test_the_answer_says_where_the_speaker_said_it_before(newsroom: Newsroom) -> None:
    await _paste(newsroom, "ferry-strike-wire.txt")
    # A later article of its own (the same story in another form would not be read again)
    # repeating MacLeod's quote, one word changed.
    retold = (
        "Island ferries stay in port as strike enters its third day\n\n"
        "OBAN, Scotland — No CalNor Ferries sailings left Oban on Thursday, the third day of a "
        "strike that has cut eleven islands off from the mainland, and neither side has asked "
        "the conciliation service to call new talks.\n\n"
        "On Mull, the island's only petrol station limited drivers to twenty litres each, and "
        "the primary school in Tobermory closed early because teachers living on the mainland "
        "could not reach it.\n\n"
        "Ewan MacLeod, the union's general secretary, repeated his members' case at a rally. "
        '"Our members have crewed these boats through storms and a pandemic, and they have '
        'been offered less than inflation for the third year in a row," he said.\n\n'
        "The company said that it had nothing new to add, and that passengers with tickets for "
        "the coming weekend would be refunded in full or offered a later crossing. Hauliers "
        "said lorries were parked along the road to the pier, their drivers sleeping in cabs, "
        "and fish farms on Islay warned that feed would run out by Sunday unless a boat was "
        "found to carry it across.\n"
    )
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", retold.encode())]
    )

    embeds = [e for t in newsroom.channel.threads for m in t.history() for e in m.embeds]
    text = "\n".join(e.description or "" for e in embeds if (e.title or "").startswith("Quotes"))
    assert "↳ also quoted in [Ferry crews walk out as island routes fall silent]" in text
    assert "as “Our members have crewed these boats" in text  # the wording differs: both shown
