"""Ingesting an article from pasted text, a file or a link: read, analyse, store, once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from analysis.types import Fingerprint, Report
from handlers.echoes import Echo, find_echoes
from handlers.entity_records import resolve_links
from handlers.errors import CannotRead, NotAnArticle, TooShort
from handlers.input_cap import check_article_length
from handlers.same_story import earlier_telling, remember_fingerprint
from handlers.services import Services
from handlers.settings import article_minimum
from intake.article import Article
from intake.errors import IntakeError
from intake.files import article_from_attachment
from intake.pages import article_from_page
from intake.quality import language_note, looks_like_brief, shortness_note
from intake.sizes import human_size
from intake.text import article_from_text
from intake.urls import canonical_url, find_urls
from intake.walls import is_wall_note
from storage.articles import ArticleRepository
from storage.columns import utc_now
from storage.entity_records import EntityRecordRepository
from storage.errors import DuplicateArticleError
from storage.fingerprints import FingerprintRepository
from storage.records import StoredArticle


@dataclass(frozen=True)
class Origin:
    """Where in Discord an article was posted, by whom and when (Discord's clock)."""

    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    posted_at: datetime | None = None  # None outside Discord: the time it is stored
    author_name: str | None = None  # the poster's display name, for the digest


@dataclass(frozen=True)
class IngestResult:
    """The stored article, and whether it was read before (then it is the earlier one)."""

    article: StoredArticle
    duplicate: bool
    notes: tuple[str, ...] = ()
    # Quotes its speakers gave, word for word or nearly, in the server's earlier articles.
    echoes: tuple[Echo, ...] = ()
    # The earlier article tells the same story in another form (a near copy, not the same text).
    same_story: bool = False


async def ingest_text(services: Services, origin: Origin, text: str) -> IngestResult:
    """Analyse and store pasted text; raise NotAnArticle when it is conversation."""
    article = article_from_text(text)
    return await _ingest(services, origin, article)


def links_in(message: str) -> list[str]:
    """The http(s) links in a message, in order, each once."""
    return list(dict.fromkeys(find_urls(message)))


def links_to_read(links: Sequence[str], most: int) -> tuple[list[str], int]:
    """The first `most` links of a message, and how many were left unread."""
    return list(links[:most]), max(0, len(links) - most)


async def could_be_article(services: Services, guild_id: int, text: str) -> bool:
    """A cheap first look: is pasted text long enough to be an article in this server?"""
    return len(text.split()) >= await article_minimum(services, guild_id)


def check_attachment_size(services: Services, filename: str, size: int) -> None:
    """Refuse an attachment over the size cap, before anything is downloaded."""
    if size > services.attachment_max_bytes:
        limit = human_size(services.attachment_max_bytes)
        raise CannotRead(f"{filename} is larger than the {limit} I read from attachments.")


async def ingest_attachment(
    services: Services, origin: Origin, filename: str, data: bytes
) -> IngestResult:
    """Analyse and store an attached .txt, .md, .html or .pdf file."""
    return await _ingest(services, origin, await read_attachment_off_loop(services, filename, data))


async def read_attachment_off_loop(services: Services, filename: str, data: bytes) -> Article:
    """read_attachment in a thread: pypdf reads a PDF in pure Python and trafilatura a page
    in 12-34 ms, and either on the event loop would hold every server's messages."""
    return await services.run_blocking(read_attachment, services, filename, data)


def read_attachment(services: Services, filename: str, data: bytes) -> Article:
    """The article in an attached .txt, .md, .html or .pdf file; raise CannotRead."""
    check_attachment_size(services, filename, len(data))
    try:
        return article_from_attachment(filename, data, services.attachment_max_bytes)
    except IntakeError as error:
        raise CannotRead(error.message) from error


async def ingest_link(services: Services, origin: Origin, url: str) -> IngestResult:
    """Fetch, analyse and store the article at a link; an earlier copy is pointed to.

    Posts of one canonical URL in one server take turns, so the page is fetched once and the
    later posts find the stored article."""
    address = canonical_url(url)
    async with services.ingest_locks.hold((origin.guild_id, "url", address)):
        earlier = await _find_existing(services, origin.guild_id, address, None)
        if earlier is not None:
            return IngestResult(article=earlier, duplicate=True)
        article = await read_page(services, url)
        return await _ingest(services, origin, article)


async def read_page(services: Services, url: str) -> Article:
    """Fetch a link and extract its article (with its canonical URL); raise CannotRead."""
    try:
        page = await services.fetcher.fetch(url)
        # Extraction off the event loop: trafilatura takes 12-34 ms a page; pypdf is pure Python.
        article = await services.run_blocking(article_from_page, page)
    except IntakeError as error:
        raise CannotRead(error.message) from error
    if article.url is None:
        article = replace(article, url=canonical_url(page.final_url))
    return article


async def check_readable(services: Services, guild_id: int, article: Article) -> None:
    """Refuse what is not an article to analyse here: a wall's teaser, too short, too long."""
    # A wall returns a teaser, which would be analysed as if it were the story.
    blocking_note = next((n for n in article.notes if is_wall_note(n)), None)
    if blocking_note is not None:
        raise NotAnArticle(blocking_note)
    # Over the cap first: a megabyte pasted is never "conversation" to stay quiet about.
    check_article_length(article, services.max_article_chars)
    minimum = await article_minimum(services, guild_id)
    too_short = shortness_note(article, minimum)
    if too_short is not None:
        words = article.word_count
        raise TooShort(too_short, words, words < minimum and looks_like_brief(article.text))


async def analyse_article(services: Services, guild_id: int, article: Article) -> Report:
    """The article's report: analysed in its server's turn, or a note if it is not English."""
    # py3langid takes a few milliseconds: off the loop, where a backlog would add them up.
    foreign = await services.run_blocking(language_note, article)
    if foreign is not None:
        return _not_english(article, foreign)
    return await services.analyze(article, guild_id)


def _not_english(article: Article, note: str) -> Report:
    # Stored so it is recognised next time, but English-only analysis would mislead.
    return Report(article=article, entities=(), quotes=(), digest=(), notes=(note,))


async def _read_new_story(
    services: Services, guild_id: int, article: Article
) -> tuple[Report | StoredArticle, Fingerprint]:
    """The article's report, or the server's earlier telling of its story; its fingerprint.

    One turn of the server holds the screening, the look-up and the analysis, so a server
    with a backlog delays another's one article by at most the analyses already running."""
    async with services.analysis_turns.turn(guild_id):
        screening = await services.screen(article)
        # A near copy (the page of a pasted article, another outlet's wire copy) is not
        # read again.
        telling = await earlier_telling(services, guild_id, screening.fingerprint)
        if telling is not None:
            return telling, screening.fingerprint
        if screening.foreign_note is not None:
            return _not_english(article, screening.foreign_note), screening.fingerprint
        return await services.analyze_in_turn(article), screening.fingerprint


async def _ingest(services: Services, origin: Origin, article: Article) -> IngestResult:
    await check_readable(services, origin.guild_id, article)
    content_hash = content_fingerprint(article.text)
    # The same text pasted twice at once is analysed once: the second finds the first stored.
    async with services.ingest_locks.hold((origin.guild_id, "text", content_hash)):
        return await _analyse_and_store(services, origin, article, content_hash)


async def _analyse_and_store(
    services: Services, origin: Origin, article: Article, content_hash: str
) -> IngestResult:
    earlier = await _find_existing(services, origin.guild_id, article.url, content_hash)
    if earlier is not None:
        return IngestResult(article=earlier, duplicate=True)
    report, wording = await _read_new_story(services, origin.guild_id, article)
    if isinstance(report, StoredArticle):
        return IngestResult(article=report, duplicate=True, same_story=True)
    stored_at = utc_now()
    try:
        async with services.sessionmaker.begin() as session:
            # The records first, in the same unit of work: the article's rows are written
            # linked to them, and an article is never half-linked.
            records = EntityRecordRepository(session)
            links = await resolve_links(
                records,
                origin.guild_id,
                report.entities,
                report.quotes,
                seen_at=origin.posted_at or stored_at,
            )
            stored = await ArticleRepository(session).add(
                origin.guild_id,
                report,
                channel_id=origin.channel_id,
                message_id=origin.message_id,
                author_id=origin.author_id,
                content_hash=content_hash,
                created_at=stored_at,
                posted_at=origin.posted_at,
                author_name=origin.author_name,
                # Pending until the answer is sent: a failed send is posted again, not lost.
                answer_pending=True,
                entity_records=links.entities,
                quote_speakers=links.speakers,
            )
            await remember_fingerprint(FingerprintRepository(session), stored, wording)
            echoes = await find_echoes(records, stored, links.names)
    except DuplicateArticleError:
        # Posted at the same moment by another process: the other copy won, point to it.
        earlier = await _find_existing(services, origin.guild_id, article.url, content_hash)
        if earlier is None:
            raise
        return IngestResult(article=earlier, duplicate=True)
    return IngestResult(article=stored, duplicate=False, notes=report.notes, echoes=tuple(echoes))


async def record_reply(
    services: Services, guild_id: int, article_id: int, thread_id: int | None, message_id: int
) -> None:
    """Remember where the bot answered (its thread, if it made one) for follow-ups there."""
    async with services.sessionmaker.begin() as session:
        await ArticleRepository(session).set_reply(guild_id, article_id, thread_id, message_id)


def content_fingerprint(text: str) -> str:
    """Hash of the text with case and whitespace folded, so re-pastes are recognised."""
    folded = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


async def _find_existing(
    services: Services, guild_id: int, url: str | None, content_hash: str | None
) -> StoredArticle | None:
    async with services.sessionmaker.begin() as session:
        return await ArticleRepository(session).find_existing(
            guild_id, url=url, content_hash=content_hash
        )
