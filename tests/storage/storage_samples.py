"""Hand-built analysis Reports for storage tests: quotes sit exactly at text[start:end]."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from analysis.types import Entity, Quote, Report
from intake.article import Article
from storage.articles import ArticleRepository
from storage.engine import SessionFactory
from storage.records import StoredArticle

BASE_TIME = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def at_hour(hours: int) -> datetime:
    """A fixed, timezone-aware moment some hours after BASE_TIME."""
    return BASE_TIME + timedelta(hours=hours)


def make_report(
    *,
    title: str = "Port strike enters second week",
    lead: str = "Dock workers stayed off the job on Monday as talks stalled.",
    quotes: tuple[tuple[str, str | None], ...] = (),
    entities: tuple[Entity, ...] = (),
    url: str | None = None,
    published: date | None = date(2025, 3, 10),
    digest: tuple[str, ...] = ("Dock workers stayed off the job.",),
    notes: tuple[str, ...] = (),
) -> Report:
    """A Report whose text is the lead followed by one sentence per (quote, speaker)."""
    text = lead
    placed: list[Quote] = []
    for quote_text, speaker in quotes:
        who = speaker or "a senior port official"
        text += " \u201c"
        start = len(text)
        text += quote_text
        end = len(text)
        text += f",\u201d {who} said."
        placed.append(
            Quote(
                text=quote_text,
                start=start,
                end=end,
                speaker=speaker,
                speaker_description=None if speaker else "a senior port official",
                cue="said",
            )
        )
    article = Article(
        text=text,
        title=title,
        byline="By Jane Doe",
        published=published,
        url=url,
        site_name="Harbour Times",
        language="en",
        notes=notes,
    )
    return Report(article=article, entities=entities, quotes=tuple(placed), digest=digest)


def person(name: str, *aliases: str, mentions: int = 3) -> Entity:
    """A PERSON entity with aliases."""
    return Entity(name=name, label="PERSON", mentions=mentions, aliases=aliases)


GUILD = 100


async def add_article(
    sessionmaker: SessionFactory,
    report: Report,
    content_hash: str,
    *,
    guild_id: int = GUILD,
    hour: int = 0,
) -> StoredArticle:
    """Store a report as posted in guild `guild_id`, `hour` hours after the test epoch."""
    async with sessionmaker.begin() as session:
        return await ArticleRepository(session).add(
            guild_id,
            report,
            channel_id=10,
            message_id=1000 + hour,
            author_id=7,
            content_hash=content_hash,
            created_at=at_hour(hour),
        )
