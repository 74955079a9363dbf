"""Articles stored before entity records existed get them when the bot starts."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from bot.client import NewsBot
from storage.models import EntityRecord, EntityRow, QuoteSpeaker
from tests.bot.conftest import Newsroom, seed_text


async def _unlink_everything(newsroom: Newsroom) -> None:
    # What a database upgraded through migration 0004 holds: articles, entities and quotes,
    # and no records or links.
    async with newsroom.bot.services.sessionmaker.begin() as session:
        await session.execute(update(EntityRow).values(record_id=None))
        await session.execute(delete(QuoteSpeaker))
        await session.execute(delete(EntityRecord))


async def _count(newsroom: Newsroom, table: type) -> int:
    async with newsroom.bot.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_older_articles_get_their_records_when_the_bot_starts(newsroom: Newsroom) -> None:
    for slug in ("port-strike", "harbour-levy"):
        text = seed_text(slug).encode()
        await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text)])
    linked = [await _count(newsroom, t) for t in (EntityRecord, QuoteSpeaker)]
    await _unlink_everything(newsroom)
    card = await newsroom.reporter.slash(newsroom.channel, "entity", name="Park Soo-ah")
    assert card.response is not None and "No person" in card.response.content

    bot = NewsBot(newsroom.bot.services)
    await newsroom.env.restart_bot(bot)
    newsroom.bot = bot

    assert [await _count(newsroom, t) for t in (EntityRecord, QuoteSpeaker)] == linked
    card = await newsroom.reporter.slash(newsroom.channel, "entity", name="Park Soo-ah")
    assert card.response is not None and card.response.embeds
    assert "Park Soo-ah" in (card.response.embeds[0].title or "")
    said = await newsroom.reporter.slash(newsroom.channel, "who-said", query="Ms. Park")
    assert said.response is not None and said.response.embeds
    assert "Park Soo-ah" in (said.response.embeds[0].title or "")

    # Every start looks again; what is linked stays as it is.
    await newsroom.env.restart_bot(NewsBot(newsroom.bot.services))
    assert [await _count(newsroom, t) for t in (EntityRecord, QuoteSpeaker)] == linked
