"""The same story in another form: a link and a paste of one article, two outlets' copies of one
wire story. A new text whose fingerprint nearly matches an article the server already read is
that article (analysis.text.fingerprints says how near; bench/near_duplicates.py measured it).

Lookups go through the LSH bands stored per article (storage.fingerprints): only articles
sharing a band with the new text are compared, never every text. Articles stored before
fingerprints existed, or whose text changed since, are fingerprinted lazily, a batch at a time,
before a server's next lookup.
"""

from __future__ import annotations

from analysis.text.fingerprints import band_keys, is_same_story, same_story_score
from analysis.types import Fingerprint
from handlers.services import Services
from storage.articles import ArticleRepository
from storage.fingerprints import FingerprintRepository
from storage.records import StoredArticle

CANDIDATES = 20  # the articles sharing most bands with the new text, compared in full
CATCH_UP_BATCH = 200  # older articles fingerprinted per query while catching up


async def earlier_telling(
    services: Services, guild_id: int, print_: Fingerprint
) -> StoredArticle | None:
    """The server's article that tells the same story as this fingerprint, if it read one."""
    await catch_up_fingerprints(services, guild_id)
    async with services.sessionmaker() as session:  # reads only
        candidates = await FingerprintRepository(session).candidates(
            guild_id, band_keys(print_), limit=CANDIDATES
        )
        # The nearest; among equals the oldest.
        best = max(candidates, key=lambda c: (same_story_score(print_, c[1]), -c[0]), default=None)
        if best is None or not is_same_story(print_, best[1]):
            return None
        return await ArticleRepository(session).get(guild_id, best[0])


async def remember_fingerprint(
    repository: FingerprintRepository,
    article: StoredArticle,
    print_: Fingerprint,
) -> None:
    """Store a new article's fingerprint, in the unit of work that stores the article."""
    await repository.put(
        article.guild_id, article.id, article.content_hash, print_, band_keys(print_)
    )


async def catch_up_fingerprints(services: Services, guild_id: int) -> int:
    """Fingerprint the server's articles that have none (or one of an older text); how many."""
    done = 0
    while True:
        async with services.sessionmaker() as session:  # reads only
            stale = await FingerprintRepository(session).stale(guild_id, CATCH_UP_BATCH)
        if not stale:
            return done
        # One at a time, in the workers under `newsbot run`: a batch of 200 long texts would
        # hold the bot's GIL for seconds.
        prints = [await services.fingerprint(article.text) for article in stale]
        async with services.sessionmaker.begin() as session:
            repository = FingerprintRepository(session)
            for article, print_ in zip(stale, prints, strict=True):
                await repository.put(
                    guild_id, article.article_id, article.content_hash, print_, band_keys(print_)
                )
        done += len(stale)
