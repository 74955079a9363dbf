"""The same-story lookup in the handlers: per server, by band, and catching up on articles
stored before fingerprints existed (or whose text changed since)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, update

from analysis.text.fingerprints import fingerprint
from analysis.types import Report
from handlers.ingest import Origin, ingest_text
from handlers.same_story import catch_up_fingerprints, earlier_telling
from handlers.services import Services
from intake.text import article_from_text
from storage.articles import ArticleRepository
from storage.models import ArticleBand, ArticleFingerprint, ArticleRow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(slug: str) -> str:
    return (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")


def trimmed(slug: str) -> str:
    """The seed with its last third and credit lines cut, and a new headline."""
    paragraphs = seed(slug).split("\n\n")[1:]
    return "\n\n".join(["Wire copy, trimmed", *paragraphs[: len(paragraphs) * 2 // 3]])


async def store_without_fingerprint(services: Services, guild_id: int, slug: str) -> int:
    """An article as a version before fingerprints stored it."""
    article = article_from_text(seed(slug))
    report = Report(article=article, entities=(), quotes=(), digest=())
    async with services.sessionmaker.begin() as session:
        stored = await ArticleRepository(session).add(
            guild_id, report, channel_id=2, message_id=3, author_id=4, content_hash=slug
        )
    return stored.id


async def test_articles_stored_before_fingerprints_are_caught_up_and_found(
    services: Services,
) -> None:
    old = await store_without_fingerprint(services, 1, "storm-ingrid")
    await store_without_fingerprint(services, 2, "storm-ingrid")  # another server's copy

    result = await ingest_text(services, Origin(1, 2, 30, 4), trimmed("storm-ingrid"))

    assert result.duplicate and result.same_story and result.article.id == old
    async with services.sessionmaker() as session:
        guilds = await session.scalars(select(ArticleFingerprint.guild_id))
        assert list(guilds) == [1]  # only the server asked about was caught up
        assert await session.scalar(select(func.count()).select_from(ArticleRow)) == 2
    assert await catch_up_fingerprints(services, 1) == 0  # nothing left to do


async def test_a_changed_text_is_fingerprinted_again(services: Services) -> None:
    first = await ingest_text(services, Origin(1, 2, 30, 4), seed("court-ruling"))
    async with services.sessionmaker.begin() as session:
        # As an edit of the source message would leave it: a new text under the same article.
        await session.execute(
            update(ArticleRow)
            .where(ArticleRow.id == first.article.id)
            .values(text=seed("school-board"), content_hash="edited")
        )
    assert await catch_up_fingerprints(services, 1) == 1
    court = await earlier_telling(services, 1, fingerprint(trimmed("court-ruling")))
    school = await earlier_telling(services, 1, fingerprint(trimmed("school-board")))
    assert court is None
    assert school is not None and school.id == first.article.id


async def test_forgetting_an_article_takes_its_fingerprint_and_bands(services: Services) -> None:
    result = await ingest_text(services, Origin(1, 2, 30, 4), seed("tech-layoffs"))
    async with services.sessionmaker.begin() as session:
        assert await ArticleRepository(session).delete(1, result.article.id)
    async with services.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(ArticleFingerprint)) == 0
        assert await session.scalar(select(func.count()).select_from(ArticleBand)) == 0
    again = await ingest_text(services, Origin(1, 2, 31, 4), trimmed("tech-layoffs"))
    assert not again.duplicate
