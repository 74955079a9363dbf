"""The same story in another form, through the real bot: a link and a paste of one article,
two outlets' copies of one wire story; and what is not the same story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import discord
import pytest
from sqlalchemy import func, select

from analysis.types import Report
from handlers.services import Services
from intake.article import Article
from storage.models import ArticleBand, ArticleFingerprint, ArticleRow
from tests.bot.conftest import Newsroom, seed_text
from tests.bot.pages import serve_seeds
from tests.bot.test_articles import embed_text

SAME_TOPIC = Path(__file__).resolve().parents[1] / "same_story"


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The titles of the articles analysed, in order (the real analysis still runs)."""
    seen: list[str] = []
    real = Services.analyze_in_turn

    async def counted(self: Services, article: Article) -> Report:
        seen.append(article.title or "")
        return await real(self, article)

    monkeypatch.setattr(Services, "analyze_in_turn", counted)
    yield seen


def other_outlet_copy(slug: str) -> str:
    """Another outlet's copy of a seed's wire story: its own headline and intro, the dateline
    and credit lines gone, house style, the last third cut, its own footer."""
    _headline, *paragraphs = seed_text(slug).split("\n\n")
    body = [p for p in paragraphs if not p.startswith(("Reporting by", "Contact:", "Comments"))]
    kept = body[1 : round(len(body) * 0.66)]
    intro = (
        "Container traffic on the northern coast ground to a halt this week, and shippers "
        "are warning that shortages could follow within days if nothing changes."
    )
    text = "\n\n".join(["Port shutdown: what we know", intro, *kept, "Agency copy, edited here."])
    return text.replace("percent", "per cent").replace("Mr. ", "Mr ").replace("Ms. ", "Ms ")


async def paste(newsroom: Newsroom, text: str, channel: object = None) -> None:
    await newsroom.reporter.send(
        channel or newsroom.channel, "", attachments=[("message.txt", text.encode())]
    )


async def article_rows(services: Services) -> int:
    async with services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(ArticleRow)) or 0)


def first_answer(newsroom: Newsroom) -> discord.Message:
    return next(m for m in newsroom.bot_messages() if m.embeds)


async def test_a_link_then_a_paste_of_the_same_article_points_to_the_first_thread(
    newsroom: Newsroom, services: Services, analysed: list[str]
) -> None:
    async with serve_seeds() as base:
        await newsroom.reporter.send(newsroom.channel, f"{base}/port-strike.html")
    # Pasted from the page as a reporter does: without the credit lines, a note on top.
    text = seed_text("port-strike").split("\n\nReporting by")[0]
    await paste(newsroom, "From the Northwire wire, 08:10\n\n" + text)

    answer = first_answer(newsroom)
    last = newsroom.channel.last_message
    assert last is not None and last.author.bot
    assert last.content.startswith("Same story as **Dockworkers walk out at Harbourton")
    assert f"/{answer.channel.id}/{answer.id}" in last.content  # the first answer, in its thread
    assert len(newsroom.channel.threads) == 1 and len(analysed) == 1
    assert await article_rows(services) == 1


async def test_two_outlets_copies_of_one_wire_story_are_one_story(
    newsroom: Newsroom, analysed: list[str]
) -> None:
    await paste(newsroom, seed_text("port-strike"))
    await paste(newsroom, other_outlet_copy("port-strike"))

    last = newsroom.channel.last_message
    assert last is not None and last.content.startswith("Same story as")
    assert len(newsroom.channel.threads) == 1 and len(analysed) == 1


async def test_another_article_on_the_same_topic_is_analysed(
    newsroom: Newsroom, services: Services, analysed: list[str]
) -> None:
    await paste(newsroom, seed_text("port-strike"))
    follow_up = (SAME_TOPIC / "port-strike--day-two.txt").read_text(encoding="utf-8")
    await paste(newsroom, follow_up)

    assert len(analysed) == 2 and len(newsroom.channel.threads) == 2
    assert "Harbourton strike enters second day" in embed_text(newsroom.bot_messages())
    assert not any(m.content.startswith("Same story") for m in newsroom.bot_messages())
    async with services.sessionmaker() as session:
        prints = await session.scalar(select(func.count()).select_from(ArticleFingerprint))
        bands = await session.scalar(select(func.count()).select_from(ArticleBand))
    assert prints == 2 and bands and bands > 100


async def test_a_near_copy_in_another_server_is_analysed_there(
    newsroom: Newsroom, analysed: list[str]
) -> None:
    await paste(newsroom, seed_text("port-strike"))
    other = newsroom.env.create_guild("Valley Gazette")
    editors = other.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = other.add_member(newsroom.env.create_user("valley-editor"), roles=[editors])
    desk = other.create_text_channel("desk")
    await editor.slash(desk, "watch")

    copy = other_outlet_copy("port-strike").encode()
    await editor.send(desk, "", attachments=[("message.txt", copy)])

    assert len(analysed) == 2
    assert len(desk.threads) == 1
    assert "Park Soo-ah" in embed_text([m for t in desk.threads for m in t.history()])
    assert not any("Same story" in m.content for m in desk.history())
