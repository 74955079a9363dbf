"""`/help` and "@bot help": what the bot does in this server, in one short embed."""

from __future__ import annotations

from tests.bot.conftest import Newsroom


async def test_help_says_where_the_bot_reads_and_what_it_can_do(newsroom: Newsroom) -> None:
    result = await newsroom.reporter.slash(newsroom.channel, "help")
    assert result.response is not None and result.response.ephemeral
    embed = result.response.embeds[0]
    assert f"<#{newsroom.channel.id}>" in (embed.description or "")
    assert "no daily digest is set" in (embed.description or "")
    assert "/who-said" in (embed.fields[0].value or "")


async def test_a_mention_with_help_gets_the_same_answer(newsroom: Newsroom) -> None:
    assert newsroom.bot.user is not None
    await newsroom.reporter.send(newsroom.channel, f"<@{newsroom.bot.user.id}> help please")
    (answer,) = newsroom.bot_messages()
    assert answer.embeds[0].title == "What I do here"
