"""`/who-said` with a phrase pages through every match, as a person's quotes do."""

from __future__ import annotations

from analysis.types import Quote, Report
from intake.article import Article
from storage.articles import ArticleRepository
from tests.bot.conftest import Newsroom


async def test_a_phrase_found_in_many_quotes_pages_with_buttons(newsroom: Newsroom) -> None:
    said = [f"The harbour levy is number {n} on our list" for n in range(13)]
    text, quotes = "Harbour notes. ", []
    for line in said:
        text += "\u201c"
        quotes.append(Quote(line, len(text), len(text) + len(line), None, cue="said"))
        text += line + ",\u201d a port official said. "
    report = Report(Article(text=text, title="Harbour notes"), (), tuple(quotes), ())
    async with newsroom.bot.services.sessionmaker.begin() as session:
        await ArticleRepository(session).add(
            newsroom.guild.id, report, channel_id=newsroom.channel.id, message_id=1,
            author_id=newsroom.reporter.id, content_hash="notes",
        )  # fmt: skip

    result = await newsroom.reporter.slash(newsroom.channel, "who-said", query="harbour levy")
    assert result.response is not None
    first = result.response.embeds[0]
    assert first.title == "Who said “harbour levy”"
    assert first.footer.text == "1–10 of 13"
    await newsroom.reporter.click(result.response.message, label="▶")
    second = result.response.embeds[0]
    assert second.footer.text == "11–13 of 13"
    assert (second.description or "").count("harbour levy is number") == 3
