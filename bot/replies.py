"""Sending the bot's answers: in a thread under the message when Discord allows it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import discord

from bot.limits import MESSAGE_CHARS, pack_embeds, pack_lines, shorten

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()
THREAD_NAME_CHARS = 100  # Discord's limit
# discord.py already retries rate limits and gateway errors a few times inside one call; a
# send that still fails with a 429 or 5xx is tried again after these pauses (a 403 or 404
# will not heal, so it is not), then the answer stays pending to be posted later.
SEND_RETRY_DELAYS = (2.0, 10.0)
LONGEST_RETRY_AFTER = 60.0
_WHITESPACE = re.compile(r"\s+")


async def open_thread(message: discord.Message, name: str) -> discord.Thread | None:
    """A thread under the message, or None where Discord does not allow one."""
    channel = message.channel
    if not isinstance(channel, discord.TextChannel):  # a thread, forum post, DM or voice chat
        return None
    try:
        return await message.create_thread(name=thread_name(name), auto_archive_duration=1440)
    except discord.HTTPException as error:  # Forbidden included
        log.info("could not open a thread in %s: %s", channel.id, error)
        return None


def thread_name(title: str) -> str:
    """An article's title fit for a thread name: one line, no Markdown, mentions that cannot
    ping, within Discord's 100 characters."""
    # A name is shown as written (a backslash escape would show), so Markdown is removed.
    plain = discord.utils.remove_markdown(_WHITESPACE.sub(" ", title)).strip()
    inert = discord.utils.escape_mentions(plain)
    return shorten(inert, THREAD_NAME_CHARS) or "Article"


async def send_embeds(
    destination: discord.abc.Messageable,
    embeds: list[discord.Embed],
    *,
    reference: discord.Message | None = None,
) -> discord.Message:
    """Send embeds over as many messages as Discord's limits need; return the first."""
    payloads = [{"embeds": group} for group in pack_embeds(embeds)]
    return await _send_in_turn(destination, payloads, reference)


async def send_text(
    destination: discord.abc.Messageable,
    text: str,
    *,
    reference: discord.Message | None = None,
) -> discord.Message:
    """Send plain text, split between words over several messages when long."""
    chunks = pack_lines(text.splitlines() or [text], MESSAGE_CHARS)
    return await _send_in_turn(destination, [{"content": c} for c in chunks], reference)


async def _send_in_turn(
    destination: discord.abc.Messageable,
    payloads: list[dict[str, Any]],
    reference: discord.Message | None,
) -> discord.Message:
    first: discord.Message | None = None
    for payload in payloads:
        # Only the first message replies to the reporter's, and it never pings its author.
        reply: dict[str, Any] = (
            {"reference": reference, "mention_author": False} if reference and not first else {}
        )
        sent = await send_retrying(destination, **payload, allowed_mentions=NO_PINGS, **reply)
        first = first or sent
    if first is None:
        raise ValueError("nothing to send")
    return first


async def send_retrying(destination: discord.abc.Messageable, **fields: Any) -> discord.Message:
    """Send one message, trying again after a pause when Discord is busy or failing."""
    for pause in (*SEND_RETRY_DELAYS, None):
        try:
            return await destination.send(**fields)
        except discord.RateLimited as error:  # discord.py's own give-up on a long rate limit
            if pause is None:
                raise
            wait = min(error.retry_after, LONGEST_RETRY_AFTER)
        except discord.HTTPException as error:
            if pause is None or not _may_heal(error):
                raise
            wait = _retry_after(error) or pause
        log.info("send to %s failed, trying again in %.1f s", getattr(destination, "id", "?"), wait)
        await asyncio.sleep(wait)
    raise AssertionError("unreachable: the last try re-raises")


def _may_heal(error: discord.HTTPException) -> bool:
    return error.status == 429 or error.status >= 500


def _retry_after(error: discord.HTTPException) -> float | None:
    headers = getattr(error.response, "headers", None) or {}
    try:
        return min(float(headers["Retry-After"]), LONGEST_RETRY_AFTER)
    except (KeyError, TypeError, ValueError):
        return None


@contextlib.asynccontextmanager
async def typing_if_possible(channel: discord.abc.Messageable) -> AsyncIterator[None]:
    """Show "typing..." while the body runs; a failed typing call is logged, never fatal."""
    indicator = channel.typing()
    try:
        await indicator.__aenter__()
    except (discord.HTTPException, discord.RateLimited) as error:
        # The indicator is a courtesy: the article is read and answered without it.
        log.info("no typing indicator in %s: %s", getattr(channel, "id", "?"), error)
        yield
        return
    try:
        yield
    finally:
        await indicator.__aexit__(None, None, None)
