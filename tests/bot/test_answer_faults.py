"""Discord failing the answer loses nothing: retried where it may heal, kept pending where it
will not, posted again on a re-post or at start; the article is analysed once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from analysis.types import Report
from bot.client import NewsBot
from handlers.services import Services
from intake.article import Article
from tests.bot.conftest import Newsroom, seed_text
from tests.bot.test_articles import embed_text

MESSAGES = "/channels/*/messages"
MISSING_ACCESS = 50001


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The titles of the articles analysed, in order (the real analysis still runs)."""
    seen: list[str] = []
    real = Services.analyze_in_turn

    async def counted(self: Services, article: Article) -> Report:
        seen.append(article.title or "")
        return await real(self, article)

    monkeypatch.setattr(Services, "analyze_in_turn", counted)
    yield seen


async def _paste(newsroom: Newsroom, slug: str) -> None:
    text = seed_text(slug).encode()
    await newsroom.reporter.send(newsroom.channel, "", attachments=[("message.txt", text)])


def _full_answers(newsroom: Newsroom) -> list[str]:
    return [embed_text([m]) for m in newsroom.bot_messages() if m.embeds]


@pytest.mark.parametrize("status", [429, 500])
async def test_a_busy_or_failing_discord_is_tried_again_after_a_pause(
    newsroom: Newsroom, analyses: list[str], status: int
) -> None:
    newsroom.env.inject_error("POST", MESSAGES, status=status, times=1)
    await _paste(newsroom, "port-strike")
    await newsroom.env.advance_time(30)

    answers = _full_answers(newsroom)
    assert len(answers) == 1 and "Park Soo-ah" in answers[0]
    assert len(analyses) == 1


async def test_a_refused_answer_is_posted_on_the_next_post_not_already_read(
    newsroom: Newsroom, analyses: list[str]
) -> None:
    newsroom.env.inject_error(
        "POST", MESSAGES, status=403, code=MISSING_ACCESS, message="Missing Access", times=None
    )
    await _paste(newsroom, "port-strike")
    await newsroom.env.advance_time(30)
    assert _full_answers(newsroom) == []
    newsroom.env.backend.faults.clear()

    await _paste(newsroom, "port-strike")
    answers = _full_answers(newsroom)
    assert len(answers) == 1 and "Park Soo-ah" in answers[0]
    assert not any(m.content.startswith("Already read") for m in newsroom.bot_messages())

    await _paste(newsroom, "port-strike")  # now it was answered: the third post points there
    last = newsroom.channel.last_message
    answer = next(m for m in newsroom.bot_messages() if m.embeds)
    assert last is not None and last.content.startswith("Already read")
    assert f"/{answer.channel.id}/{answer.id}" in last.content
    assert len(analyses) == 1


async def test_a_pending_answer_is_posted_when_the_bot_starts(
    newsroom: Newsroom, analyses: list[str], services: Services
) -> None:
    newsroom.env.inject_error("POST", MESSAGES, status=503, times=None)
    await _paste(newsroom, "court-ruling")
    await newsroom.env.advance_time(60)
    assert _full_answers(newsroom) == []
    newsroom.env.backend.faults.clear()

    await newsroom.env.restart_bot(NewsBot(services))

    answers = _full_answers(newsroom)
    assert len(answers) == 1
    assert len(newsroom.channel.threads) >= 1
    assert len(analyses) == 1


async def test_a_failed_typing_indicator_does_not_stop_the_reading(
    newsroom: Newsroom, analyses: list[str]
) -> None:
    newsroom.env.inject_error("POST", "/channels/*/typing", status=500, times=None)
    await _paste(newsroom, "port-strike")

    answers = _full_answers(newsroom)
    assert len(answers) == 1 and "Park Soo-ah" in answers[0]
    assert len(analyses) == 1
