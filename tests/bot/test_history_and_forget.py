"""`/history` lists what was read; `/forget` takes an article back, everywhere, after a confirm."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import EntityRecord, EntityRow, QuoteRow, QuoteSpeaker
from tests.bot.conftest import Newsroom, seed_text


async def _post(newsroom: Newsroom, slug: str) -> None:
    text = seed_text(slug).encode()
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text)])


async def _count(newsroom: Newsroom, table: type) -> int:
    async with newsroom.bot.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_history_lists_the_latest_articles_with_who_and_a_link(newsroom: Newsroom) -> None:
    await _post(newsroom, "port-strike")
    await _post(newsroom, "night-trains")
    result = await newsroom.reporter.slash(newsroom.channel, "history")
    assert result.response is not None
    embed = result.response.embeds[0]
    lines = (embed.description or "").splitlines()
    assert "night trains" in lines[0] and "Dockworkers walk out" in lines[1]
    assert all("· reporter ·" in line and "discord.com/channels/" in line for line in lines)
    assert embed.footer.text == "1–2 of 2"


async def test_forget_in_the_thread_deletes_everything_after_a_confirm(newsroom: Newsroom) -> None:
    await _post(newsroom, "port-strike")
    thread = newsroom.channel.threads[0]
    before = [await _count(newsroom, t) for t in (QuoteRow, EntityRow, EntityRecord, QuoteSpeaker)]
    assert all(before)

    asked = await newsroom.reporter.slash(thread, "forget")
    assert asked.response is not None and asked.response.ephemeral
    assert "Forget **Dockworkers walk out" in asked.response.content
    await newsroom.reporter.click(asked.response.message, label="Forget it")

    assert [
        await _count(newsroom, t) for t in (QuoteRow, EntityRow, EntityRecord, QuoteSpeaker)
    ] == [
        0,
        0,
        0,
        0,
    ]
    assert "asked me to forget" in (thread.last_message.content if thread.last_message else "")
    said = await newsroom.reporter.slash(newsroom.channel, "who-said", query="Park Soo-ah")
    assert said.response is not None
    assert "No quotes" in (said.response.embeds[0].description or "")
    card = await newsroom.reporter.slash(newsroom.channel, "entity", name="Park Soo-ah")
    assert card.response is not None and "No person" in card.response.content


async def test_only_the_poster_or_a_moderator_may_forget(newsroom: Newsroom) -> None:
    await _post(newsroom, "port-strike")
    thread = newsroom.channel.threads[0]
    stranger = newsroom.guild.add_member(newsroom.env.create_user("stranger"))
    refused = await stranger.slash(thread, "forget")
    assert refused.response is not None and refused.response.ephemeral
    assert "Manage Messages" in refused.response.content

    kept = await newsroom.reporter.slash(thread, "forget")
    assert kept.response is not None
    await newsroom.reporter.click(kept.response.message, label="Keep it")
    assert await _count(newsroom, QuoteRow) > 0


async def test_forget_autocompletes_recent_titles(newsroom: Newsroom) -> None:
    await _post(newsroom, "port-strike")
    choices = await newsroom.reporter.autocomplete(newsroom.channel, "forget", "article", "dock")
    assert [c["name"] for c in choices] == [
        "Dockworkers walk out at Harbourton as pay talks collapse"
    ]
