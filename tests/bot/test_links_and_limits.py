"""Links, bad input, mentions and Discord's limits, through the real bot."""

from __future__ import annotations

import re

import discord

from bot import limits
from bot.render import QUOTES_PER_ANSWER
from tests.bot.conftest import Newsroom, seed_text
from tests.bot.pages import crowded_article, serve_seeds
from tests.bot.test_articles import embed_text
from tests.intake.intake_samples import ARTICLE_PARAGRAPHS, tiny_pdf


async def test_link_to_a_page_gets_a_threaded_analysis(newsroom: Newsroom) -> None:
    async with serve_seeds() as base:
        await newsroom.reporter.send(newsroom.channel, f"worth a read {base}/hospital-merger.html")
    answer = embed_text(newsroom.bot_messages())
    assert len(newsroom.channel.threads) == 1
    assert "Li Wenjun" in answer and "Martin Albrecht" in answer
    assert "Northwire News" in answer  # the site name from the page's metadata


async def test_dead_and_refused_links_get_a_clear_answer_and_the_bot_goes_on(
    newsroom: Newsroom,
) -> None:
    async with serve_seeds() as base:
        await newsroom.reporter.send(newsroom.channel, f"{base}/gone.html")
        dead = newsroom.channel.last_message
        await newsroom.reporter.send(newsroom.channel, "http://169.254.169.254/latest/meta-data")
        refused = newsroom.channel.last_message
        await newsroom.reporter.send(newsroom.channel, f"{base}/port-strike.html")

    assert dead is not None and "404" in dead.content
    assert refused is not None and "169.254.169.254" in refused.content
    assert "public" in refused.content.lower() or "refuse" in refused.content.lower()
    assert len(dead.content) < 300 and len(refused.content) < 300
    assert "Park Soo-ah" in embed_text(newsroom.bot_messages())  # it kept going


async def test_article_without_quotes_says_so(newsroom: Newsroom) -> None:
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", seed_text("night-trains").encode())]
    )
    assert "No direct quotes." in embed_text(newsroom.bot_messages())


async def test_everyone_inside_an_article_pings_no_one(newsroom: Newsroom) -> None:
    text = seed_text("port-strike").replace(
        "They chose a shutdown instead.", "They chose a shutdown instead, @everyone. **Bold**"
    )
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text.encode())])

    sends = [r for r in newsroom.env.http_requests if r.method == "POST" and r.json]
    article_sends = [r for r in sends if r.json.get("embeds")]
    assert article_sends
    for request in article_sends:
        assert request.json["allowed_mentions"] == {"parse": []}
    answer = embed_text(newsroom.bot_messages())
    assert "@everyone" in answer and "\\*\\*Bold\\*\\*" in answer  # shown, escaped, not obeyed


async def test_forty_quotes_and_sixty_people_stay_within_discord_limits_and_the_cap(
    newsroom: Newsroom,
) -> None:
    text = crowded_article(quotes=40, people=60)
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text.encode())])

    messages = newsroom.bot_messages()
    assert messages
    for message in messages:
        assert len(message.content) <= limits.MESSAGE_CHARS
        assert len(message.embeds) <= limits.EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in message.embeds) <= limits.EMBED_TOTAL_CHARS
        for embed in message.embeds:
            _assert_embed_within_limits(embed)
    answer = embed_text(messages)
    shown = [f"berth {i} must" for i in range(QUOTES_PER_ANSWER)]
    assert all(q in answer for q in shown), "the first quotes are shown, over several embeds"
    assert "berth 30 must" not in answer and "and 15 more quotes, all stored" in answer
    assert "and " in answer and " more" in answer  # people beyond the list are counted


def _assert_embed_within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= limits.EMBED_TITLE_CHARS
    assert len(embed.description or "") <= limits.EMBED_DESCRIPTION_CHARS
    assert len(embed.fields) <= limits.EMBED_FIELDS
    for field in embed.fields:
        assert len(field.value) <= limits.EMBED_FIELD_VALUE_CHARS


async def test_a_paste_over_the_length_cap_gets_a_clear_answer_and_nothing_is_stored(
    newsroom: Newsroom,
) -> None:
    paragraphs = seed_text("port-strike").split("\n\n")[1:]
    text = "\n\n".join(paragraphs * (61_000 // len("\n\n".join(paragraphs)) + 1))
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text.encode())])

    [answer] = newsroom.bot_messages()
    assert "characters long" in answer.content and "up to 60,000 characters" in answer.content
    assert not newsroom.channel.threads
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text.encode())])
    assert "Already read" not in newsroom.channel.last_message.content  # it was not stored


async def test_a_thread_named_after_a_hostile_title_is_plain_and_pings_no_one(
    newsroom: Newsroom,
) -> None:
    body = seed_text("port-strike").split("\n\n", 1)[1]
    title = "@everyone **BREAKING** <@&123456789012345678> " + "harbourside " * 10
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", f"{title}\n\n{body}".encode())]
    )

    [thread] = newsroom.channel.threads
    assert len(thread.name) <= 100
    assert "**" not in thread.name and "@everyone" not in thread.name
    assert "<@&123456789012345678>" not in thread.name
    assert thread.name.startswith("@\u200beveryone BREAKING")


def _ascii_article() -> str:
    text = " ".join(ARTICLE_PARAGRAPHS * 2)
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")


async def test_an_attached_pdf_is_read_like_a_pdf_link(newsroom: Newsroom) -> None:
    pdf = tiny_pdf(_ascii_article())
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("report.pdf", pdf)])

    answer = embed_text(newsroom.bot_messages())
    assert len(newsroom.channel.threads) == 1
    assert "Maria Alvarez" in answer and "We drew a line in the sand" in answer


async def test_an_attachment_over_the_cap_names_the_cap_in_mib_and_its_name_escaped(
    newsroom: Newsroom,
) -> None:
    big = b"word " * (newsroom.bot.services.attachment_max_bytes // 5 + 1)
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("my `draft`*.txt", big)])

    reply = newsroom.channel.last_message
    assert reply is not None and reply.author.bot
    assert "larger than the 2 MiB I read from attachments" in reply.content
    assert "my \\`draft\\`\\*.txt" in reply.content
    assert re.search(r"(?<!\\)`", reply.content) is None, "no backtick left to open code"


async def test_a_message_of_seventy_links_reads_five_and_says_so(newsroom: Newsroom) -> None:
    async with serve_seeds() as base:
        links = " ".join(f"{base}/{n}" for n in range(70))  # as many as 2,000 characters hold
        await newsroom.reporter.send(newsroom.channel, links)

    replies = [m.content for m in newsroom.bot_messages()]
    assert sum("404" in r for r in replies) == 5  # the five read, each a dead link here
    skipped = [r for r in replies if "skipped" in r]
    assert len(skipped) == 1 and "first 5 links" in skipped[0] and "65 more" in skipped[0]
