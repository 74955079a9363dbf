"""What the bot says and does not say: a link with a pasted article reads both, a short brief
gets one note per channel, and a question among colleagues in its thread gets no answer."""

from __future__ import annotations

from pathlib import Path

from bot.client import NewsBot
from handlers.services import Services
from tests.bot.conftest import Newsroom, seed_text
from tests.bot.pages import serve_seeds
from tests.bot.test_articles import embed_text

SAME_TOPIC = Path(__file__).resolve().parents[1] / "same_story"
BRIEF = (
    "HARBOURTON, March 5 (Northwire) — Ferry services between Harbourton and the outer islands "
    "will run on a reduced timetable from Friday because of the dock strike, the operator said. "
    "Two crossings a day will leave the north pier instead of six, and freight will be limited to "
    "food and medicine. Island councils asked residents to book places early. The operator "
    "said it would review the timetable on Monday and refund tickets for cancelled sailings, "
    "and it expected the reduced service to last at least until the end of next week."
)


async def test_a_link_and_a_pasted_article_in_one_message_are_both_read(
    newsroom: Newsroom,
) -> None:
    pasted = (SAME_TOPIC / "storm-ingrid--clean-up.txt").read_text(encoding="utf-8")
    async with serve_seeds() as base:
        await newsroom.reporter.send(newsroom.channel, f"{base}/hospital-merger.html\n\n{pasted}")
    answer = embed_text(newsroom.bot_messages())
    assert "Li Wenjun" in answer  # the link
    assert "Port Avery counts the cost" in answer  # the paste
    assert "Aidan Kerrigan" in answer


async def test_a_short_brief_gets_one_note_per_channel_even_after_a_restart(
    newsroom: Newsroom, services: Services
) -> None:
    words = len(BRIEF.split())
    assert 40 < words < 120
    await newsroom.reporter.send(newsroom.channel, BRIEF)
    note = newsroom.channel.last_message
    assert note is not None and note.author.bot
    assert note.content == (
        f"too short to read as an article: {words} words; /settings lowers the minimum"
    )

    await newsroom.reporter.send(newsroom.channel, BRIEF.replace("Friday", "Saturday"))
    await newsroom.env.restart_bot(NewsBot(services))
    await newsroom.reporter.send(newsroom.channel, BRIEF.replace("Friday", "Sunday"))
    await newsroom.reporter.send(newsroom.channel, "Morning all, coffee is on the second floor.")
    await newsroom.reporter.send(newsroom.channel, "Lunch at noon? " * 20)
    assert [m.content for m in newsroom.bot_messages()] == [note.content]

    desk = newsroom.guild.create_text_channel("desk")
    await newsroom.editor.slash(desk, "watch")
    await newsroom.reporter.send(desk, BRIEF)
    last = desk.last_message
    assert last is not None and last.content.startswith("too short to read as an article")


async def test_a_question_the_history_cannot_answer_gets_no_reply_unless_asked_of_the_bot(
    newsroom: Newsroom,
) -> None:
    await newsroom.reporter.send(
        newsroom.channel, "", attachments=[("message.txt", seed_text("port-strike").encode())]
    )
    thread = newsroom.channel.threads[0]
    before = len(newsroom.bot_messages())

    await newsroom.editor.send(thread, "Should we lead with this tomorrow?")
    assert len(newsroom.bot_messages()) == before  # a question among colleagues

    me = newsroom.bot.user
    assert me is not None
    await newsroom.editor.send(thread, f"<@{me.id}> should we lead with this tomorrow?")
    unknown = newsroom.bot_messages()[-1]
    assert unknown.embeds and unknown.embeds[0].description == (
        "Nothing in the history answers that."
    )

    answer = next(m for m in newsroom.bot_messages() if m.embeds)
    await newsroom.editor.send(thread, "Should we lead with this tomorrow?", reply_to=answer)
    replied = newsroom.bot_messages()[-1]
    assert replied.id != unknown.id and "Nothing in the history" in embed_text([replied])

    await newsroom.editor.send(thread, "What did the union demand?")
    answered = newsroom.bot_messages()[-1]
    assert "9 percent" in embed_text([answered])
