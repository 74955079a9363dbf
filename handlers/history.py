"""`/history` and `/forget`: the server's latest articles, and taking one back."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.errors import NotAllowed, NotFound
from handlers.services import Services
from storage.articles import ArticleRepository
from storage.entity_records import EntityRecordRepository
from storage.records import StoredArticle

HISTORY_PAGE = 10


@dataclass(frozen=True)
class HistoryPage:
    """One page of the server's articles, newest first, and how many it lists in all."""

    articles: tuple[StoredArticle, ...]
    offset: int
    total: int


async def history(services: Services, guild_id: int, count: int, page: int = 0) -> HistoryPage:
    """The latest `count` articles of a server, HISTORY_PAGE at a time."""
    offset = page * HISTORY_PAGE
    async with services.sessionmaker.begin() as session:
        articles = ArticleRepository(session)
        total = min(await articles.count(guild_id), count)
        shown = await articles.recent(
            guild_id, limit=max(min(HISTORY_PAGE, total - offset), 0), offset=offset
        )
    return HistoryPage(tuple(shown), offset, total)


async def recent_titles(services: Services, guild_id: int, typed: str) -> list[tuple[int, str]]:
    """Recent articles whose title contains what was typed: (id, title), for autocomplete."""
    needle = typed.casefold().strip()
    async with services.sessionmaker.begin() as session:
        recent = await ArticleRepository(session).recent(guild_id, limit=100)
    found = [(a.id, a.title or f"Article {a.id}") for a in recent]
    return [(i, t) for i, t in found if needle in t.casefold()][:25]


async def article_to_forget(
    services: Services,
    guild_id: int,
    *,
    article_id: int | None,
    thread_id: int | None,
    member_id: int,
    may_manage_messages: bool,
) -> StoredArticle:
    """The article a /forget names (by id, or the thread it is asked in), if this member may."""
    async with services.sessionmaker.begin() as session:
        articles = ArticleRepository(session)
        if article_id is not None:
            article = await articles.get(guild_id, article_id)
        elif thread_id is not None:
            article = await articles.find_by_reply(guild_id, channel_id=thread_id)
        else:
            article = None
    if article is None:
        raise NotFound("Name the article to forget, or use /forget in the bot's thread about it.")
    if article.author_id != member_id and not may_manage_messages:
        raise NotAllowed(
            "Only the member who posted it, or someone with Manage Messages, can do that."
        )
    return article


async def forget_article(services: Services, guild_id: int, article_id: int) -> bool:
    """Delete an article with its quotes, mentions and links, and records nothing else names."""
    async with services.sessionmaker.begin() as session:
        deleted = await ArticleRepository(session).delete(guild_id, article_id)
        if deleted:
            await EntityRecordRepository(session).forget_orphans(guild_id)
    return deleted
