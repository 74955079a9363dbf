"""Answers not yet sent: the bot posts them on a re-post of the article, or when it starts."""

from __future__ import annotations

from datetime import datetime, timedelta

from handlers.services import Services
from storage.articles import ArticleRepository
from storage.records import StoredArticle

# At start the bot posts the answers of articles posted this recently whose send failed;
# older ones wait for a re-post (a day-old answer appearing out of nowhere would confuse).
PENDING_ANSWER_WINDOW = timedelta(hours=24)
PENDING_ANSWERS_AT_START = 50


async def current_article(
    services: Services, guild_id: int, article_id: int
) -> StoredArticle | None:
    """The article as stored now (is its answer still pending?), or None if it was deleted."""
    async with services.sessionmaker.begin() as session:
        return await ArticleRepository(session).get(guild_id, article_id)


async def pending_answers(services: Services, now: datetime) -> list[StoredArticle]:
    """Articles of the last day whose answer was never sent, oldest first, a bounded number."""
    async with services.sessionmaker.begin() as session:
        return await ArticleRepository(session).pending_answers(
            now - PENDING_ANSWER_WINDOW, PENDING_ANSWERS_AT_START
        )
