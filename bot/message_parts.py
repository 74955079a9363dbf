"""What a Discord message offers to read: links, article files, or pasted text."""

from __future__ import annotations

from dataclasses import dataclass

import discord

from handlers.ingest import links_in
from handlers.source_changes import message_fingerprint

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
PASTE_FILENAME = "message.txt"  # what the Discord client names a paste too long for a message


@dataclass(frozen=True)
class MessageParts:
    """The readable parts of one message."""

    links: tuple[str, ...]
    files: tuple[discord.Attachment, ...]
    text: str  # the message text with links removed; may be a pasted article

    @property
    def empty(self) -> bool:
        """Whether there is nothing to read."""
        return not (self.links or self.files or self.text.strip())


def message_parts(message: discord.Message) -> MessageParts:
    """Split a message into links (all of them: the watcher reads a setting's worth and says
    so), article attachments and remaining text."""
    links = tuple(links_in(message.content))
    text = message.content
    for link in links:
        text = text.replace(link, " ")
    files = tuple(a for a in message.attachments if a.filename.lower().endswith(ARTICLE_SUFFIXES))
    return MessageParts(links=links, files=files, text=text.strip("<> \n"))


def fingerprint(message: discord.Message) -> str:
    """What the message offers to read, hashed: an edit that keeps it changes nothing."""
    parts = message_parts(message)
    return message_fingerprint(message.content, [(f.id, f.filename, f.size) for f in parts.files])
