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
    assert answer.content.startswith("**notes.md**: too short to be an article")


GERMAN = """Hafenarbeiter in Harbourton legen die Arbeit nieder

Tausende Hafenarbeiter haben am Montag in Harbourton die Arbeit niedergelegt, nachdem die
Tarifverhandlungen in der Nacht gescheitert waren. Mehr als vierzig Containerschiffe warten
vor der Küste, und die Versorgung mit Treibstoff und frischen Lebensmitteln ist gefährdet.

Die Gewerkschaft hatte eine Lohnerhöhung von neun Prozent über zwei Jahre gefordert. Die
Hafenbehörde bot vier Prozent an und verwies auf sinkende Umschlagszahlen und die Kosten des
neuen Containerterminals, das im vergangenen Jahr eröffnet wurde. Es ist der erste Streik im
Hafen seit dem Jahr 2009, und die Stimmung vor dem Haupttor war angespannt.

Ökonomen warnen, dass ein langer Streik die ganze Region treffen würde. Die Fischer und die
kleinen Händler an der Küste sind auf den Hafen angewiesen, und viele Familien leben von den
Löhnen der Hafenarbeiter. Die Verhandlungen sollen am Donnerstag weitergehen, aber keine der
beiden Seiten zeigte sich am Montag zu Zugeständnissen bereit. Die Polizei meldete keine
Zwischenfälle, doch die Gewerkschaft kündigte weitere Kundgebungen für die kommende Woche an.
"""


async def test_article_in_another_language_is_stored_with_a_note(newsroom: Newsroom) -> None:
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", GERMAN.encode())]
    )
    messages = newsroom.bot_messages()
    answer = embed_text(messages)
    assert "Hafenarbeiter in Harbourton legen die Arbeit nieder" in answer
    assert "not in English (de)" in answer
    assert "No direct quotes." not in answer  # nothing was analysed, so nothing is claimed


async def test_without_thread_permission_the_bot_replies_to_the_message(
    newsroom: Newsroom,
) -> None:
    newsroom.env.inject_error(
        "POST",
        "/channels/*/messages/*/threads",
        status=403,
        code=50013,
        message="Missing Permissions",
    )
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", seed_text("port-strike").encode())]
    )
    posted = newsroom.channel.history()[-1]
    assert newsroom.channel.threads == []
    assert posted.author.bot and posted.reference is not None
    assert "Park Soo-ah" in embed_text([posted])

    # A reply to that answer is a follow-up about the same article.
    await newsroom.reporter.send(newsroom.channel, "What did the union demand?", reply_to=posted)
    follow_up = newsroom.channel.history()[-1]
    assert follow_up.author.bot and "9 percent" in embed_text([follow_up])
