"""The demo's questions, chosen from what the bot actually stored."""

from __future__ import annotations

from collections import Counter

from analysis.entities.names import surname
from handlers.services import Services
from storage.articles import ArticleRepository
from storage.records import StoredArticle

PHRASE_WORDS = 4


async def demo_queries(
    services: Services, guild_id: int
) -> tuple[str | None, str | None, str | None]:
    """The most-quoted speaker's surname, a phrase from a quote, a question on the first article."""
    async with services.sessionmaker.begin() as session:
        articles = await ArticleRepository(session).recent(guild_id, limit=100)
    articles.sort(key=lambda a: a.id)
    return _top_speaker_surname(articles), _a_phrase(articles), _question(articles)


def _top_speaker_surname(articles: list[StoredArticle]) -> str | None:
    counts = Counter(q.speaker for a in articles for q in a.quotes if q.speaker)
    if not counts:
        return None
    return surname(counts.most_common(1)[0][0])


def _a_phrase(articles: list[StoredArticle]) -> str | None:
    for article in reversed(articles):
        for quote in article.quotes:
            words = quote.text.split()
            if len(words) >= PHRASE_WORDS + 2:
                middle = len(words) // 2 - PHRASE_WORDS // 2
                return " ".join(words[middle : middle + PHRASE_WORDS]).strip(",.;:!?")
    return None


def _question(articles: list[StoredArticle]) -> str | None:
    if not articles or not articles[0].title:
        return None
    return f"What happened with {articles[0].title.rstrip('.?!')}?"
