"""`/ask` and follow-ups: answer from stored articles, each answer with its source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text.answer import best_passages
from handlers.services import Services
from storage.articles import ArticleRepository
from storage.records import StoredArticle
from storage.search import FoundSentence, SearchRepository

# The engine's best sentences that the answer ranking then reads.
CANDIDATE_SENTENCES = 50
# A question opens with one of these, or ends with a question mark.
_QUESTION_START = re.compile(
    r"(?:who|whom|whose|what|when|where|why|how|which|did|does|do|is|are|was|were|can|could"
    r"|should|would|will|has|have|had)\b",
    re.IGNORECASE,
)


def looks_like_question(text: str) -> bool:
    """Whether a message reads as a question, not a remark such as "thanks!"."""
    stripped = text.strip()
    return stripped.endswith("?") or _QUESTION_START.match(stripped) is not None


@dataclass(frozen=True)
class AnswerItem:
    """One sentence that answers the question, and the article it comes from."""

    text: str
    article_id: int
    article_title: str | None
    article_url: str | None
    channel_id: int
    message_id: int
    speaker: str | None  # set when the sentence holds a quote with a known speaker


@dataclass(frozen=True)
class AskResult:
    """The answers found; empty when the history does not answer the question."""

    question: str
    answers: tuple[AnswerItem, ...]


async def ask(
    services: Services, guild_id: int, question: str, *, article_id: int | None = None
) -> AskResult:
    """Answer from one article (a follow-up) or from the server's whole history."""
    terms = await services.read_question(question)
    if not terms:
        return AskResult(question=question, answers=())
    found = await _candidates(services, guild_id, terms, article_id)
    candidates = [(s.text, s.lemmas) for s in found]
    passages = await services.run_blocking(best_passages, terms, candidates)
    chosen = [found[p.candidate] for p in passages]
    articles = await _articles(services, guild_id, {s.article_id for s in chosen})
    answers = tuple(_answer_item(articles[s.article_id], s) for s in chosen)
    return AskResult(question=question, answers=answers)


async def article_for_reply(
    services: Services, guild_id: int, channel_id: int, message_id: int | None = None
) -> int | None:
    """The article the bot answered in this thread, or in the message being replied to."""
    async with services.sessionmaker.begin() as session:
        found = await ArticleRepository(session).find_by_reply(
            guild_id, channel_id=channel_id, message_id=message_id
        )
    return found.id if found is not None else None


async def _candidates(
    services: Services, guild_id: int, terms: list[tuple[str, ...]], article_id: int | None
) -> list[FoundSentence]:
    async with services.sessionmaker.begin() as session:
        search = SearchRepository(session)
        if article_id is not None:
            return await search.article_sentences(guild_id, article_id)
        return await search.sentences(guild_id, terms, limit=CANDIDATE_SENTENCES)


async def _articles(services: Services, guild_id: int, ids: set[int]) -> dict[int, StoredArticle]:
    async with services.sessionmaker.begin() as session:
        repository = ArticleRepository(session)
        found = [await repository.get(guild_id, article_id) for article_id in sorted(ids)]
    return {a.id: a for a in found if a is not None}


def _answer_item(article: StoredArticle, sentence: FoundSentence) -> AnswerItem:
    start, end = sentence.start, sentence.end
    speaker = next(
        (q.speaker for q in article.quotes if q.start < end and q.end > start and q.speaker),
        None,
    )
    return AnswerItem(
        text=sentence.text,
        article_id=article.id,
        article_title=article.title,
        article_url=article.url,
        channel_id=article.channel_id,
        message_id=article.message_id,
        speaker=speaker,
    )
