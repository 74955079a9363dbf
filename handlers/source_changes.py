"""Following a message the bot read: an edit reads it again, a deletion keeps or forgets it.

An edit is compared with the fingerprint of what the message held when it was read (its text,
links and files): an edit that changes none of them (an embed resolving, a pin) does nothing.
A changed article is analysed again and stored in place (the same article, its quotes and
mentions replaced, its records relinked); `Reread.rewritten` says the text changed beyond
recognition: fewer than REWRITTEN_BELOW of its three-word shingles are shared.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from handlers.echoes import Echo, find_echoes
from handlers.entity_records import link_article
from handlers.history import forget_article
from handlers.ingest import (
    analyse_article,
    check_attachment_size,
    check_readable,
    content_fingerprint,
    read_attachment_off_loop,
)
from handlers.services import Services
from intake.article import Article
from intake.text import article_from_text
from storage.articles import ArticleRepository
from storage.entity_records import EntityRecordRepository
from storage.errors import DuplicateArticleError
from storage.read_messages import ReadMessageRepository
from storage.records import StoredArticle, StoredRead

# Jaccard similarity of the old and new texts' word 3-shingles. A corrected quote or a fixed
# typo in a 400-word article keeps about 0.95 of them; another article shares almost none
# (the seeds, pairwise: at most 0.02). Below this, the edit made it a different article.
REWRITTEN_BELOW = 0.5
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")
# Reads one source of an edited message (a link, a file, its text) into an article.
ReadArticle = Callable[[], Awaitable[Article]]


def message_fingerprint(text: str, files: Sequence[tuple[int, str, int]]) -> str:
    """A hash of what a message offers to read: its text (links included) and its files
    (id, name, size); an edit that changes neither keeps it."""
    parts = [text, *(f"{file_id}:{name}:{size}" for file_id, name, size in files)]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def shingle_similarity(old: str, new: str) -> float:
    """How much of two texts' wording is shared: Jaccard of their word 3-shingles (0 to 1)."""
    a, b = _shingles(old), _shingles(new)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def message_turn(guild_id: int, message_id: int) -> tuple[int, str, str]:
    """The services.ingest_locks key that makes one message's reading, edits and deletion
    take turns in this process."""
    return (guild_id, "message", str(message_id))


async def was_read(services: Services, guild_id: int, message_id: int) -> bool:
    """Whether the bot read this message already (it has a record, or an article of its own)."""
    async with services.sessionmaker.begin() as session:
        return await ReadMessageRepository(session).was_read(guild_id, message_id)


async def read_record(services: Services, guild_id: int, message_id: int) -> StoredRead | None:
    """The record of a message the bot read, or None."""
    async with services.sessionmaker.begin() as session:
        return await ReadMessageRepository(session).get(guild_id, message_id)


async def record_read(
    services: Services,
    guild_id: int,
    channel_id: int,
    message_id: int,
    fingerprint: str,
    read_at: datetime,
) -> None:
    """Remember that a message was read (Discord's time), holding what its fingerprint says."""
    async with services.sessionmaker.begin() as session:
        await ReadMessageRepository(session).record(
            guild_id, channel_id, message_id, fingerprint, read_at
        )


async def articles_of_message(
    services: Services, guild_id: int, message_id: int
) -> list[StoredArticle]:
    """The articles read from one message, in the order they were read."""
    async with services.sessionmaker.begin() as session:
        return await ArticleRepository(session).from_message(guild_id, message_id)


async def read_text(text: str) -> Article:
    """The article in an edited message's pasted text (checked when it is read again)."""
    return article_from_text(text)


async def read_file(
    services: Services, filename: str, size: int, download: Callable[[], Awaitable[bytes]]
) -> Article:
    """The article in an edited message's file: its size checked before it is downloaded."""
    check_attachment_size(services, filename, size)
    return await read_attachment_off_loop(services, filename, await download())


@dataclass(frozen=True)
class Reread:
    """An article read again after its message was edited."""

    article: StoredArticle  # as stored now
    changed: bool  # False: the edit left this article's text as it was
    similarity: float  # shingle_similarity of the old and new texts
    echoes: tuple[Echo, ...] = ()
    # The new text or link is an article the server read before: this one is left unchanged.
    same_as: StoredArticle | None = None

    @property
    def rewritten(self) -> bool:
        """Whether the edit made it a different article (its answer gets a note, not an edit)."""
        return self.changed and self.similarity < REWRITTEN_BELOW


async def reread_article(services: Services, stored: StoredArticle, article: Article) -> Reread:
    """Analyse an edited article again and store the new reading in place of the old.

    Raises NotAnArticle or another HandlerError when the new text is not one to analyse;
    the stored article is then left as it was."""
    guild_id = stored.guild_id
    await check_readable(services, guild_id, article)
    content_hash = content_fingerprint(article.text)
    similarity = shingle_similarity(stored.text, article.text)
    if content_hash == stored.content_hash and article.url == stored.url:
        return Reread(article=stored, changed=False, similarity=similarity)
    # The same text pasted elsewhere at this moment is one reading, as in ingest.
    async with services.ingest_locks.hold((guild_id, "text", content_hash)):
        report = await analyse_article(services, guild_id, article)
        try:
            async with services.sessionmaker.begin() as session:
                replaced = await ArticleRepository(session).replace_report(
                    guild_id, stored.id, report, content_hash=content_hash
                )
                if replaced is None:  # forgotten meanwhile
                    return Reread(article=stored, changed=False, similarity=similarity)
                records = EntityRecordRepository(session)
                linked = await link_article(records, replaced, replaced.posted_at)
                # Records only the old text named go, as when an article is forgotten.
                await records.forget_orphans(guild_id)
                echoes = await find_echoes(records, replaced, linked)
        except DuplicateArticleError:
            async with services.sessionmaker.begin() as session:
                earlier = await ArticleRepository(session).find_existing(
                    guild_id, url=article.url, content_hash=content_hash
                )
            return Reread(article=stored, changed=False, similarity=similarity, same_as=earlier)
    return Reread(article=replaced, changed=True, similarity=similarity, echoes=tuple(echoes))


@dataclass(frozen=True)
class SourceGone:
    """What became of the articles of a deleted message."""

    articles: tuple[StoredArticle, ...]  # as they were stored
    forgotten: bool  # True: deleted with their quotes, mentions and links (the setting)


async def source_deleted(services: Services, guild_id: int, message_id: int) -> SourceGone:
    """A read message was deleted in Discord: its articles are kept, or forgotten when
    services.forget_deleted_sources says so; the record of the message goes either way."""
    async with services.sessionmaker.begin() as session:
        articles = await ArticleRepository(session).from_message(guild_id, message_id)
        await ReadMessageRepository(session).forget(guild_id, message_id)
    if not services.forget_deleted_sources:
        return SourceGone(tuple(articles), forgotten=False)
    for article in articles:
        await forget_article(services, guild_id, article.id)  # the /forget path
    return SourceGone(tuple(articles), forgotten=True)
