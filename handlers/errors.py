"""Domain errors: each carries the sentence a newsroom user reads."""

from __future__ import annotations


class HandlerError(Exception):
    """A request the bot cannot fulfil, with a message fit for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAnArticle(HandlerError):
    """The text is too short, or otherwise not an article the bot should analyse."""


class TooShort(NotAnArticle):
    """Fewer words than the server's minimum; `brief` when the text still reads as prose (a
    short news brief, not chat), so the poster may want the minimum lowered."""

    def __init__(self, message: str, words: int, brief: bool) -> None:
        super().__init__(message)
        self.words = words
        self.brief = brief


class CannotRead(HandlerError):
    """The link or file could not be fetched or read (dead, refused, too large, unsupported)."""


class NotFound(HandlerError):
    """The thing asked for does not exist in this server's history."""


class NotAllowed(HandlerError):
    """The user may not do this (for example, forget someone else's article)."""


class DatabaseNotReady(HandlerError):
    """The database is not at this version's schema, or cannot take what was asked of it."""
