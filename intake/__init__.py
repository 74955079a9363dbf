"""Getting an article: safe fetching, extraction from HTML, plain-text and file intake."""

from intake.article import Article

__all__ = ["Article"]
