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
    real = Services.analyze_in_turn

    async def counted(self: Services, article: object) -> object:
        analysed.append("again")
        return await real(self, article)  # type: ignore[arg-type]

    monkeypatch.setattr(Services, "analyze_in_turn", counted)
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


AWAY = ("port-strike", "night-trains", "city-budget")


async def _go_away(env: simcord.Env) -> None:
    # The bot is down: a client that reads nothing holds the connection meanwhile.
    await env.restart_bot(discord.Client(intents=discord.Intents.default()))


def _answered_titles(newsroom: Newsroom) -> list[str]:
    # Each thread under a reporter's message, in the order of those messages.
    threads = sorted(newsroom.channel.threads, key=lambda t: t.id)
    return [t.name for t in threads if any(m.embeds for m in t.history())]


async def test_what_was_posted_while_away_is_read_once_in_order_on_start(
    newsroom: Newsroom, services: Services
) -> None:
    await _go_away(newsroom.env)
    for slug in AWAY:
        await newsroom.reporter.send(newsroom.channel, _paste(slug))
        await newsroom.env.advance_time(60)
    assert newsroom.bot_messages() == []

    await newsroom.env.restart_bot(NewsBot(services))
    titles = _answered_titles(newsroom)
    assert len(titles) == 3
    assert [t.split()[0] for t in titles] == ["Dockworkers", "Regional", "Riverside"]
    answered = len(newsroom.bot_messages())

    await newsroom.env.restart_bot(NewsBot(services))
    assert len(newsroom.bot_messages()) == answered  # nothing answered twice
    assert await _count(services, ArticleRow) == 3


async def test_catch_up_skips_what_was_read_and_keeps_its_bounds(
    newsroom: Newsroom, services: Services
) -> None:
    await newsroom.reporter.send(newsroom.channel, _paste("port-strike"))  # read live
    await _go_away(newsroom.env)
    await newsroom.reporter.send(newsroom.channel, _paste("night-trains"))
    await newsroom.env.advance_time(25 * 3600)  # older than the 24 hours looked back
    for slug in ("city-budget", "court-ruling", "harbour-levy"):
        await newsroom.reporter.send(newsroom.channel, _paste(slug))
    bounded = dataclasses.replace(services, catch_up_messages=2)

    await newsroom.env.restart_bot(NewsBot(bounded))

    titles = [t.split()[0] for t in _answered_titles(newsroom)]
    # Read live, then the first two of the last day; not the older one, nor the third.
    assert titles == ["Dockworkers", "Riverside", "Top"]
    assert await _count(services, ArticleRow) == 3


async def test_a_message_left_unread_before_one_answered_is_read_on_start(
    newsroom: Newsroom, services: Services
) -> None:
    # A stop in the middle of a burst: the earlier message was still being read when a later
    # one was answered. Here the bot comes back without catching up, answers the later one
    # live, and stops again; the next start must read the earlier one all the same.
    await _go_away(newsroom.env)
    await newsroom.reporter.send(newsroom.channel, _paste("night-trains"))
    await newsroom.env.restart_bot(NewsBot(dataclasses.replace(services, catch_up_messages=0)))
    await newsroom.reporter.send(newsroom.channel, _paste("port-strike"))
    assert [t.split()[0] for t in _answered_titles(newsroom)] == ["Dockworkers"]

    await newsroom.env.restart_bot(NewsBot(services))

    assert [t.split()[0] for t in _answered_titles(newsroom)] == ["Regional", "Dockworkers"]
    assert await _count(services, ArticleRow) == 2


async def test_a_newspaper_reaction_reads_a_message_in_an_unwatched_channel(
    newsroom: Newsroom,
) -> None:
    general = newsroom.guild.create_text_channel("general")
    posted = await newsroom.reporter.send(general, _paste("port-strike"))
    assert newsroom.bot_messages(general) == []

    await newsroom.editor.react(posted, "📰")

    [thread] = general.threads
    assert "Dockworkers" in thread.name
    assert "Park Soo-ah" in embed_text([m for m in thread.history() if m.embeds])
    # Asked again, it points to the answer instead of reading it twice.
    await newsroom.reporter.react(posted, "📰")
    assert "Already read" in (general.last_message.content if general.last_message else "")
    assert await _count(newsroom.bot.services, ArticleRow) == 1
    # Other reactions, and the bot's own, ask for nothing.
    other = await newsroom.reporter.send(general, _paste("night-trains"))
    await newsroom.editor.react(other, "👍")
    assert len(general.threads) == 1


async def test_a_newspaper_reaction_on_conversation_says_there_is_nothing_to_read(
    newsroom: Newsroom,
) -> None:
    general = newsroom.guild.create_text_channel("general")
    posted = await newsroom.reporter.send(general, "lunch at one?")
    await newsroom.editor.react(posted, "📰")
    [note] = newsroom.bot_messages(general)
    assert "found no link" in note.content


async def test_the_newspaper_reaction_can_be_turned_off(
    newsroom: Newsroom, services: Services
) -> None:
    await newsroom.env.restart_bot(NewsBot(dataclasses.replace(services, newspaper_reaction=False)))
    general = newsroom.guild.create_text_channel("general")
    posted = await newsroom.reporter.send(general, _paste("port-strike"))
    await newsroom.editor.react(posted, "📰")
    assert newsroom.bot_messages(general) == [] and general.threads == []
    assert await _count(services, ArticleRow) == 0


async def test_two_servers_keep_up_apart(newsroom: Newsroom, services: Services) -> None:
    other = await _newsroom(newsroom.env, "Valley Post")
    general = other.guild.create_text_channel("general")
    posted = await other.reporter.send(general, _paste("port-strike"))
    await other.editor.react(posted, "📰")
    assert general.threads and not newsroom.channel.threads
    assert "No quotes" in await _who_said(newsroom, OLD_WORDS)

    # The same text in the first server is its own reading, not a pointer to the other's.
    mine = await newsroom.reporter.send(newsroom.channel, _paste("port-strike"))
    assert _answers(newsroom)
    await other.reporter.edit(posted, _paste("port-strike").replace(OLD_WORDS, NEW_WORDS))
    assert OLD_WORDS in await _who_said(newsroom, OLD_WORDS)
    assert "No quotes" in await _who_said(newsroom, NEW_WORDS)
    assert NEW_WORDS in await _who_said(other, NEW_WORDS)

    await other.reporter.delete(posted)
    assert "deleted" not in " ".join(m.content for m in newsroom.bot_messages())
    await newsroom.reporter.delete(mine)
    assert await _count(services, ArticleRow) == 2
