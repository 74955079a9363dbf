"""Sending the bot's answers: in a thread under the message when Discord allows it."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.limits import MESSAGE_CHARS, pack_embeds, pack_lines, shorten

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()
THREAD_NAME_CHARS = 100


async def open_thread(message: discord.Message, name: str) -> discord.Thread | None:
    """A thread under the message, or None where Discord does not allow one."""
    channel = message.channel
    if not isinstance(channel, discord.TextChannel):  # a thread, forum post, DM or voice chat
        return None
    try:
        return await message.create_thread(
            name=shorten(name, THREAD_NAME_CHARS) or "Article", auto_archive_duration=1440
        )
    except discord.HTTPException as error:  # Forbidden included
        log.info("could not open a thread in %s: %s", channel.id, error)
        return None


async def send_embeds(
    destination: discord.abc.Messageable,
    embeds: list[discord.Embed],
    *,
    reference: discord.Message | None = None,
) -> discord.Message:
    """Send embeds over as many messages as Discord's limits need; return the first."""
    first: discord.Message | None = None
    for group in pack_embeds(embeds):
        sent = await destination.send(
            embeds=group,
            allowed_mentions=NO_PINGS,
            **_reply_to(reference if first is None else None),
        )
        first = first or sent
    assert first is not None, "pack_embeds always yields a group for a non-empty list"
    return first


async def send_text(
    destination: discord.abc.Messageable,
    text: str,
    *,
    reference: discord.Message | None = None,
) -> discord.Message:
    """Send plain text, split between words over several messages when long."""
    first: discord.Message | None = None
    for chunk in pack_lines(text.splitlines() or [text], MESSAGE_CHARS):
        sent = await destination.send(
            chunk, allowed_mentions=NO_PINGS, **_reply_to(reference if first is None else None)
        )
        first = first or sent
    assert first is not None
    return first


def _reply_to(message: discord.Message | None) -> dict[str, Any]:
    # A reply quietly points at the reporter's message; it never pings its author.
    return {"reference": message, "mention_author": False} if message is not None else {}
