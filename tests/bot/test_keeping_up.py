"""Keeping up with the channel: edits read again, deletions marked or forgotten, the messages
posted while the bot was away read once on start, and 📰 asking for any message's analysis."""

from __future__ import annotations

import dataclasses

import discord
import pytest
import simcord
from sqlalchemy import func, select

from bot.client import NewsBot
from handlers.services import Services
from handlers.source_changes import REWRITTEN_BELOW, shingle_similarity
from storage.models import ArticleRow, EntityRecord, EntityRow, QuoteRow, QuoteSpeaker, ReadMessage
from tests.bot.conftest import Newsroom, seed_text
from tests.bot.test_articles import embed_text

OLD_WORDS = "settle this at the table"
NEW_WORDS = "settle this before the holidays"


def _paste(slug: str) -> str:
    # A paste that fits one Discord message, so an edit can change it.
    return seed_text(slug)[:1990].rsplit("\n\n", 1)[0]


def _answers(newsroom: Newsroom) -> list[discord.Message]:
    return [m for m in newsroom.bot_messages() if m.embeds]


async def _who_said(newsroom: Newsroom, query: str) -> str:
    result = await newsroom.reporter.slash(newsroom.channel, "who-said", query=query)
    assert result.response is not None
    return embed_text([result.response])


async def _count(services: Services, table: type) -> int:
    async with services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_an_edited_quote_edits_the_answer_and_who_said_follows(newsroom: Newsroom) -> None:
    text = _paste("port-strike")
    assert OLD_WORDS in text
    posted = await newsroom.reporter.send(newsroom.channel, text)
    [answer] = _answers(newsroom)
    assert OLD_WORDS in embed_text([answer])
    sent = len(newsroom.bot_messages())

    await newsroom.reporter.edit(posted, text.replace(OLD_WORDS, NEW_WORDS))

    assert len(newsroom.bot_messages()) == sent  # edited in place, nothing new posted
    [edited] = _answers(newsroom)
    assert edited.id == answer.id
    shown = embed_text([edited])
    assert NEW_WORDS in shown and OLD_WORDS not in shown
    assert NEW_WORDS in await _who_said(newsroom, NEW_WORDS)
    assert "No quotes" in await _who_said(newsroom, OLD_WORDS)
    # The records follow the new text: one article, its speakers linked once.
    assert await _count(newsroom.bot.services, ArticleRow) == 1
    said = await _who_said(newsroom, "Park Soo-ah")
    assert NEW_WORDS in said and OLD_WORDS not in said


async def test_an_edit_that_changes_no_text_does_nothing(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _paste("port-strike")
    posted = await newsroom.reporter.send(newsroom.channel, text)
    analysed: list[str] = []
    real = Services.analyze

    async def counted(self: Services, article: object, guild_id: int = 0) -> object:
        analysed.append("again")
        return await real(self, article, guild_id)  # type: ignore[arg-type]

    monkeypatch.setattr(Services, "analyze", counted)
    before = [(m.id, m.content, embed_text([m])) for m in newsroom.bot_messages()]

    await newsroom.reporter.edit(posted, text)  # saved unchanged
    # An embed resolving: Discord updates the message, its text stays.
    embed = {"type": "link", "title": "Harbourton", "url": "https://news.example/a"}
    newsroom.env.backend.edit_message(newsroom.channel.id, posted.id, {"embeds": [embed]})
    await newsroom.env.settle()
    newsroom.env.backend.set_pinned(
        newsroom.channel.id, posted.id, True, actor_id=newsroom.editor.id
    )
    await newsroom.env.settle()

    assert analysed == []
    after = [(m.id, m.content, embed_text([m])) for m in newsroom.bot_messages()]
    assert after == before


async def test_an_edit_beyond_recognition_gets_a_note_and_a_new_reading(
    newsroom: Newsroom,
) -> None:
    first, second = _paste("port-strike"), _paste("night-trains")
    assert shingle_similarity(first, second) < REWRITTEN_BELOW
    posted = await newsroom.reporter.send(newsroom.channel, first)
    [old] = _answers(newsroom)

    await newsroom.reporter.edit(posted, second)

    thread = newsroom.channel.threads[0]
    messages = [m for m in thread.history() if m.id > old.id]
    assert "edited into a different article" in messages[0].content
    assert "Night trains" in embed_text(messages[1:]) or "night trains" in embed_text(messages[1:])
    assert "Dockworkers" in embed_text([old])  # the first reading stays as it was
    assert "No quotes" in await _who_said(newsroom, OLD_WORDS)
    history = await newsroom.reporter.slash(newsroom.channel, "history")
    assert history.response is not None
    listing = history.response.embeds[0].description or ""
    assert "Dockworkers" not in listing and str(messages[1].id) in listing


async def test_a_deleted_source_keeps_the_article_and_the_answer_says_so(
    newsroom: Newsroom,
) -> None:
    posted = await newsroom.reporter.send(newsroom.channel, _paste("port-strike"))
    await newsroom.reporter.delete(posted)

    [answer] = _answers(newsroom)
    assert "message this answers was deleted" in answer.content
    assert "Park Soo-ah" in embed_text([answer])
    assert OLD_WORDS in await _who_said(newsroom, OLD_WORDS)


async def test_a_deleted_source_is_forgotten_with_the_setting(
    simcord_env: simcord.Env, services: Services
) -> None:
    forgetting = dataclasses.replace(services, forget_deleted_sources=True)
    await simcord_env.restart_bot(NewsBot(forgetting))
    room = await _newsroom(simcord_env, "Harbour Daily")
    posted = await room.reporter.send(room.channel, _paste("port-strike"))
    assert await _count(services, QuoteRow) > 0

    await room.reporter.delete(posted)

    tables = (ArticleRow, QuoteRow, EntityRow, EntityRecord, QuoteSpeaker, ReadMessage)
    assert [await _count(services, t) for t in tables] == [0] * len(tables)
    answer = room.channel.threads[0].history()[0]
    assert "forgot the article" in answer.content and not answer.embeds
    assert "No quotes" in await _who_said(room, OLD_WORDS)


async def _newsroom(env: simcord.Env, name: str) -> Newsroom:
    guild = env.create_guild(name)
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = guild.add_member(env.create_user(f"editor-{name}"), roles=[editors])
    reporter = guild.add_member(env.create_user(f"reporter-{name}"))
    channel = guild.create_text_channel("newsroom")
    bot = env.bot
    assert isinstance(bot, NewsBot)
    await bot.tree.sync()
    result = await editor.slash(channel, "watch")
    assert result.response is not None
    return Newsroom(env, bot, guild, channel, editor, reporter, result.response.id)
