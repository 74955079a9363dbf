"""Discord's size limits, and packing text and embeds within them without cutting words."""

from __future__ import annotations

from collections.abc import Iterable

import discord

MESSAGE_CHARS = 2000
EMBED_TITLE_CHARS = 256
EMBED_DESCRIPTION_CHARS = 4096
EMBED_FIELD_VALUE_CHARS = 1024
EMBED_FIELDS = 25
EMBED_TOTAL_CHARS = 6000
EMBEDS_PER_MESSAGE = 10


def split_words(text: str, limit: int) -> list[str]:
    """Split text into pieces of at most `limit` characters, only between words."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:  # one word longer than the limit (a URL): nothing better than a hard cut
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def pack_lines(lines: Iterable[str], limit: int) -> list[str]:
    """Join lines into as few chunks of at most `limit` characters as possible."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        for piece in split_words(line, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if len(candidate) > limit:
                chunks.append(current)
                candidate = piece
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def shorten(text: str, limit: int) -> str:
    """Shorten to `limit` characters at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return split_words(text, limit - 1)[0] + "…"


def pack_embeds(embeds: list[discord.Embed]) -> list[list[discord.Embed]]:
    """Group embeds into messages of at most 10 embeds and 6,000 characters each."""
    messages: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        length = len(embed)
        if current and (len(current) == EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL_CHARS):
            messages.append(current)
            current, size = [], 0
        current.append(embed)
        size += length
    if current:
        messages.append(current)
    return messages
