"""Changing an answer the bot already posted: re-rendered in place, or marked."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.limits import pack_embeds
from bot.replies import NO_PINGS, send_embeds
from storage.records import StoredArticle

log = logging.getLogger(__name__)


async def answer_channel(
    bot: discord.Client, article: StoredArticle
) -> discord.abc.Messageable | None:
    """Where the bot answered an article (its thread, or the article's channel), if reachable."""
    channel_id = article.reply_channel_id or article.channel_id
    try:
        channel = bot.get_channel(channel_id) or await bot.fetch_channel(channel_id)
    except discord.HTTPException as error:
        log.info("answer of article %s out of reach: %s", article.id, error)
        return None
    return channel if isinstance(channel, discord.abc.Messageable) else None


async def edit_answer(bot: discord.Client, article: StoredArticle, **fields: Any) -> bool:
    """Edit the first message of an article's answer; False when there is none or Discord
    refuses (the answer then stays as it was)."""
    if article.reply_message_id is None:
        return False
    channel = await answer_channel(bot, article)
    if channel is None or not hasattr(channel, "get_partial_message"):
        return False
    try:
        await channel.get_partial_message(article.reply_message_id).edit(
            allowed_mentions=NO_PINGS, **fields
        )
    except discord.HTTPException as error:
        log.info("answer of article %s not edited: %s", article.id, error)
        return False
    return True


async def rerender_answer(
    bot: discord.Client, article: StoredArticle, embeds: list[discord.Embed]
) -> bool:
    """Show a new reading in the answer's first message; what does not fit follows it."""
    packs = pack_embeds(embeds)
    if not packs or not await edit_answer(bot, article, content=None, embeds=packs[0]):
        return False
    rest = [embed for pack in packs[1:] for embed in pack]
    channel = await answer_channel(bot, article)
    if rest and channel is not None:
        await send_embeds(channel, rest)
    return True
