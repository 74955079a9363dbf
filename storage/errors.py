"""Storage's domain errors: what callers may catch without knowing SQLAlchemy."""

from __future__ import annotations


class DuplicateArticleError(Exception):
    """The guild already has an article with this content hash (a concurrent post won)."""
