"""Slash commands and follow-ups, through the real bot."""

from __future__ import annotations

import discord
import simcord

from tests.bot.conftest import Newsroom, seed_text


async def _post(newsroom: Newsroom, slug: str) -> None:
    text = seed_text(slug).encode()
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text)])


def _response(result: simcord.InteractionResult) -> discord.Embed:
    # A deferred command's follow-up replaces the "thinking…" response.
    assert result.response is not None
    return result.response.embeds[0]


async def test_who_said_by_surname_alias_and_phrase(newsroom: Newsroom) -> None:
    await _post(newsroom, "city-budget")
    await _post(newsroom, "port-strike")

    by_surname = _response(
        await newsroom.reporter.slash(newsroom.channel, "who-said", query="Okafor")
    )
    by_alias = _response(
        await newsroom.reporter.slash(newsroom.channel, "who-said", query="Mr. Okafor")
    )
    by_phrase = _response(
        await newsroom.reporter.slash(newsroom.channel, "who-said", query="every chance to settle")
    )

    assert by_surname.title == "What Daniel Okafor said"
    assert "structural gap" in (by_surname.description or "")
    assert by_alias.title == "What Daniel Okafor said"
    assert "Park Soo-ah" in (by_phrase.description or "")
    assert "discord.com/channels/" in (by_phrase.description or "")


async def test_who_said_with_nothing_found(newsroom: Newsroom) -> None:
    result = await newsroom.reporter.slash(newsroom.channel, "who-said", query="zebra crossing")
    assert "No quotes" in (_response(result).description or "")


async def test_ask_answered_and_not_answered(newsroom: Newsroom) -> None:
    await _post(newsroom, "port-strike")

    answered = _response(
        await newsroom.reporter.slash(
            newsroom.channel, "ask", question="How many container ships are waiting?"
        )
    )
    unknown = _response(
        await newsroom.reporter.slash(
            newsroom.channel, "ask", question="Who won the cycling race in Oslo?"
        )
    )

    callbacks = [r.json for r in newsroom.env.http_requests if r.path.endswith("/callback")]
    assert {"type": 5} in callbacks, "long work defers the interaction first"
    assert "container ships" in (answered.description or "")
    assert "Dockworkers walk out" in (answered.description or "")
    assert unknown.description == "Nothing in the history answers that."


async def test_follow_up_in_the_bot_thread_is_answered_from_that_article(
    newsroom: Newsroom,
) -> None:
    await _post(newsroom, "port-strike")
    thread = newsroom.channel.threads[0]

    await newsroom.reporter.send(thread, "What did the union demand?")
    await newsroom.reporter.send(thread, "thanks, great work")

    replies = [m for m in thread.history() if m.author.bot and m.reference is not None]
    assert len(replies) == 1, "a question is answered; a remark is not"
    assert "9 percent" in (replies[0].embeds[0].description or "")


async def test_watch_commands_are_for_managers_only(newsroom: Newsroom) -> None:
    reporter_sees = newsroom.reporter.available_commands(newsroom.channel)
    editor_sees = newsroom.editor.available_commands(newsroom.channel)

    assert "watch" not in reporter_sees and "unwatch" not in reporter_sees
    assert {"watch", "unwatch", "who-said", "ask"} <= set(editor_sees)
    assert {"who-said", "ask"} <= set(reporter_sees)


async def test_unwatch_stops_reading(newsroom: Newsroom) -> None:
    result = await newsroom.editor.slash(newsroom.channel, "unwatch")
    await _post(newsroom, "port-strike")

    assert result.response is not None and "Stopped watching" in result.response.content
    assert newsroom.channel.threads == []


async def test_two_servers_never_see_each_others_quotes(newsroom: Newsroom) -> None:
    await _post(newsroom, "port-strike")
    other = newsroom.env.create_guild("Other Paper")
    editors = other.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = other.add_member(newsroom.env.create_user("other-editor"), roles=[editors])
    channel = other.create_text_channel("desk")
    await editor.slash(channel, "watch")

    result = await editor.slash(channel, "who-said", query="every chance to settle")
    asked = await editor.slash(channel, "ask", question="How many container ships are waiting?")

    assert "No quotes" in (_response(result).description or "")
    assert _response(asked).description == "Nothing in the history answers that."
