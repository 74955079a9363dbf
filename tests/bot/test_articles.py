"""Articles posted in a watched channel get a threaded analysis; everything else is quiet."""

from __future__ import annotations

from tests.bot.conftest import Newsroom, seed_text


def embed_text(messages: list) -> str:
    parts = []
    for message in messages:
        parts.append(message.content)
        for embed in message.embeds:
            parts += [embed.title or "", embed.description or ""]
            parts += [f"{f.name}: {f.value}" for f in embed.fields]
    return "\n".join(parts)


async def test_pasted_article_gets_a_threaded_analysis(newsroom: Newsroom) -> None:
    text = seed_text("port-strike")
    short_paste = text[:1990].rsplit("\n\n", 1)[0]
    await newsroom.reporter.send(newsroom.channel, short_paste)

    threads = newsroom.channel.threads
    assert len(threads) == 1
    answer = embed_text(newsroom.bot_messages())
    assert "Park Soo-ah" in answer
    assert "Dockworkers walk out at Harbourton" in answer


async def test_long_paste_arrives_as_message_txt(newsroom: Newsroom) -> None:
    text = seed_text("port-strike")
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", text.encode("utf-8"))]
    )
    answer = embed_text(newsroom.bot_messages())
    assert "Park Ji-hoon" in answer and "Park Soo-ah" in answer
    assert "Quotes (" in answer


async def test_chit_chat_and_bots_get_no_answer(newsroom: Newsroom) -> None:
    await newsroom.reporter.send(newsroom.channel, "Morning all, coffee is on the second floor.")
    other_bot = newsroom.guild.add_member(newsroom.env.create_user("otherbot", bot=True))
    await other_bot.send(newsroom.channel, seed_text("city-budget")[:1900])
    assert newsroom.bot_messages() == []


async def test_unwatched_channel_gets_no_answer(newsroom: Newsroom) -> None:
    elsewhere = newsroom.guild.create_text_channel("random")
    await newsroom.reporter.send(elsewhere, seed_text("port-strike")[:1900])
    assert newsroom.bot_messages(elsewhere) == []


async def test_same_article_twice_points_to_the_first_answer(newsroom: Newsroom) -> None:
    text = seed_text("court-ruling")
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text.encode())])
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text.encode())])
    last = newsroom.channel.last_message
    assert last is not None and last.content.startswith("Already read")
    assert "discord.com/channels/" in last.content
    assert len(newsroom.channel.threads) == 1


async def test_short_paste_as_message_txt_is_conversation_but_a_short_file_is_answered(
    newsroom: Newsroom,
) -> None:
    chatter = ("Lunch at noon? " * 30).encode()  # long enough to become message.txt, not prose
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", chatter)])
    assert newsroom.bot_messages() == []

    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("notes.md", b"# Notes\n\nCall the port office.")]
    )
    answer = newsroom.channel.last_message
    assert answer is not None and answer.author.bot
    assert answer.content.startswith("`notes.md`: too short to be an article")
