"""Storage's domain errors: what callers may catch without knowing SQLAlchemy."""

from __future__ import annotations


class DuplicateArticleError(Exception):
    """The guild already has an article with this content hash (a concurrent post won)."""


class DatabaseNotCurrentError(Exception):
    """The database is not at the revision this code needs, and was not to be upgraded."""

    def __init__(self, revision: str | None, head: str) -> None:
        self.revision = revision
        self.head = head
        found = f"at revision {revision}" if revision else "not set up (no revision)"
        super().__init__(
            f"the database is {found}; this version of newsbot needs revision {head}."
            " Run `newsbot db upgrade` (back it up first), or set NEWSBOT_AUTO_MIGRATE=true"
            " to upgrade on start"
        )
