"""Intake's domain errors: each carries a short message a user can read."""

from __future__ import annotations


class IntakeError(Exception):
    """An article could not be taken in; `message` says why, in plain words."""

    default_message = "I couldn't read that"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class RefusedURL(IntakeError):
    """The link is not one the bot will fetch (scheme, credentials, non-public address)."""

    default_message = "that address is not public, so I won't fetch it"


class FetchFailed(IntakeError):
    """The page could not be fetched: dead link, DNS failure, an HTTP error status."""

    default_message = "I couldn't fetch that page"


class FetchTimeout(IntakeError):
    """The server took too long to answer or to send the page."""

    default_message = "the site took too long to answer"


class TooLarge(IntakeError):
    """The page or file is bigger than the bot is willing to read."""

    default_message = "that page is too large to read"


class UnsupportedContent(IntakeError):
    """The content type is not one the bot reads (decided before reading the body)."""

    default_message = "that is not a kind of document I can read"


class Unreadable(IntakeError):
    """The content arrived but holds no readable text (binary, empty, undecodable, missing)."""

    default_message = "I couldn't find readable text in that"
