"""A digest as the messages that carry it: embeds packed within limits, the chart attached."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.digest_chart import mentions_chart
from bot.digest_render import chart_filename, chart_title, digest_embeds
from bot.limits import pack_embeds
from handlers.daily_digest import DailyDigest


@dataclass(frozen=True)
class DigestPayloads:
    """The keyword arguments of each message, in order; the first carries the chart."""

    messages: list[dict[str, Any]]


async def digest_payloads(digest: DailyDigest) -> DigestPayloads:
    """Render a digest; the chart is drawn in a thread, off the event loop."""
    chart = None
    if digest.top_entities:
        chart = await asyncio.to_thread(mentions_chart, digest.top_entities, chart_title(digest))
    groups = pack_embeds(digest_embeds(digest, with_chart=chart is not None))
    messages: list[dict[str, Any]] = [{"embeds": group} for group in groups]
    if chart is not None:
        messages[0]["file"] = discord.File(io.BytesIO(chart), filename=chart_filename(digest))
    return DigestPayloads(messages)


@dataclass(frozen=True)
class SentDigest:
    """The first message of a digest, and what could not be sent after it."""

    first: discord.Message
    error: str | None


async def send_digest(
    send: Callable[..., Awaitable[discord.Message | None]], payloads: DigestPayloads
) -> SentDigest:
    """Send every message in turn; a failure after the first is reported, not raised.

    Retrying the whole digest after its first message went out would post it twice, so a later
    failure is returned as `error` for the record and the log instead.
    """
    first: discord.Message | None = None
    for number, payload in enumerate(payloads.messages, start=1):
        try:
            sent = await send(**payload, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            if first is None:
                raise
            total = len(payloads.messages)
            return SentDigest(first, f"sent {number - 1} of {total} messages: {describe(error)}")
        first = first or sent
    if first is None:
        raise RuntimeError("Discord returned no message for the digest")
    return SentDigest(first, None)


def describe(error: BaseException) -> str:
    """A short account of a failed send, for the log and /settings."""
    if isinstance(error, discord.Forbidden):
        return f"missing permission in the digest channel ({error.status}: {error.text})"
    if isinstance(error, discord.HTTPException):
        return f"Discord refused the post ({error.status}: {error.text or 'no details'})"
    return f"{type(error).__name__}: {error}"
