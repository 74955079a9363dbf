"""Following the messages the bot read: edits read them again, deletions mark or forget them."""

from __future__ import annotations

import logging
from functools import partial

import discord
from discord.ext import commands

from bot.answer_edits import answer_channel, edit_answer, rerender_answer
from bot.client import NewsBot
from bot.exts.watcher import Watcher, watch_key
from bot.message_parts import MessageParts, fingerprint, message_parts
from bot.render import answer_url, article_embeds, safe
from bot.replies import send_embeds, send_text
from handlers.errors import HandlerError
from handlers.ingest import (
    links_to_read,
    read_page,
    record_reply,
)
from handlers.source_changes import (
    ReadArticle,
    Reread,
    articles_of_message,
    message_turn,
    read_file,
    read_record,
    read_text,
    reread_article,
    source_deleted,
)
from handlers.watch import is_watched
from storage.records import StoredArticle

log = logging.getLogger(__name__)
KEPT = (
    "⚠️ The message this answers was deleted. I kept the article; "
    "`/forget` in this thread removes it."
)
FORGOTTEN = (
    "The message this answered was deleted, so I forgot the article "
    "with its quotes, people and links."
)


class SourceChanges(commands.Cog):
    """Edits and deletions of the messages the bot read."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """A read message edited: read it again if its text, links or files changed."""
        message = payload.message
        if message.guild is None or message.author.bot:
            return
        guild_id = message.guild.id
        record = await read_record(self.services, guild_id, message.id)
        articles = await articles_of_message(self.services, guild_id, message.id)
        if record is None and not articles:
            # Never read: a watched message edited into an article is read as if just posted.
            if await is_watched(self.services, guild_id, watch_key(message.channel)):
                await self._watcher().read_message(message)
            return
        if record is not None and record.fingerprint == fingerprint(message):
            return  # an embed resolved, a pin, a flag: nothing to read again
        before = payload.cached_message
        if record is None and before is not None and fingerprint(before) == fingerprint(message):
            return
        if not articles:  # read before, but no article came of it (a refusal, a pointer)
            await self._watcher().read_message(message, again=True)
            return
        async with self.services.ingest_locks.hold(message_turn(guild_id, message.id)):
            await self._read_again(message, articles)
            await self._watcher().remember_read(message)

    async def _read_again(self, message: discord.Message, articles: list[StoredArticle]) -> None:
        # The message's sources, in the order they were first read, pair with its articles;
        # a source an edit removed leaves its article as it was, one it added is not read.
        sources = self._sources(message_parts(message))
        for (label, read), stored in zip(sources, articles, strict=False):
            try:
                outcome = await reread_article(self.services, stored, await read())
            except HandlerError as error:
                await self._note(stored, _not_read_again(label, error.message), message)
                continue
            except Exception:
                log.exception("reading the edit of article %s failed", stored.id)
                continue
            await self._show(message, outcome)

    def _sources(self, parts: MessageParts) -> list[tuple[str, ReadArticle]]:
        services = self.services
        links, _ = links_to_read(parts.links, services.max_links_per_message)
        sources: list[tuple[str, ReadArticle]] = [
            (link, partial(read_page, services, link)) for link in links
        ]
        for file in parts.files:
            read = partial(read_file, services, file.filename, file.size, file.read)
            sources.append((file.filename, read))
        if not sources:
            sources.append(("", partial(read_text, parts.text)))
        return sources

    async def _show(self, message: discord.Message, outcome: Reread) -> None:
        article = outcome.article
        if outcome.same_as is not None:
            title = safe(outcome.same_as.title or "an article")
            text = (
                f"✏️ The message was edited into **{title}**, which I read before: "
                f"see {answer_url(outcome.same_as)}. This answer is of the earlier version."
            )
            await self._note(article, text, message)
            return
        if not outcome.changed:
            return
        embeds = article_embeds(article, outcome.echoes)
        if not outcome.rewritten:
            await rerender_answer(self.bot, article, embeds)
            return
        # Beyond recognition: the old answer stays as what was first read; the new reading
        # is posted after a note, and becomes the answer follow-ups and links point to.
        kept = round(outcome.similarity * 100)
        note = (
            f"✏️ The message was edited into a different article ({kept}% of its wording "
            "kept). The answer above is of the earlier version; here is the new reading."
        )
        where = await self._note(article, note, message)
        if where is None:
            return
        first = await send_embeds(where, embeds)
        thread_id = article.reply_channel_id
        await record_reply(self.services, article.guild_id, article.id, thread_id, first.id)

    async def _note(
        self, article: StoredArticle, text: str, message: discord.Message
    ) -> discord.abc.Messageable | None:
        # In the bot's thread about it; without one, as a reply to the message itself.
        try:
            if article.reply_channel_id is not None:
                channel = await answer_channel(self.bot, article)
                if channel is not None:
                    await send_text(channel, text)
                    return channel
            await send_text(message.channel, text, reference=message)
        except discord.HTTPException as error:
            log.info("note on article %s not sent: %s", article.id, error)
            return None
        return message.channel

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A read message deleted: its answers say so, or its articles are forgotten."""
        if payload.guild_id is not None:
            await self._deleted(payload.guild_id, payload.message_id)

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        """Several messages deleted at once (a moderator's purge): each as one deletion."""
        if payload.guild_id is not None:
            for message_id in sorted(payload.message_ids):
                await self._deleted(payload.guild_id, message_id)

    async def _deleted(self, guild_id: int, message_id: int) -> None:
        async with self.services.ingest_locks.hold(message_turn(guild_id, message_id)):
            gone = await source_deleted(self.services, guild_id, message_id)
        for article in gone.articles:
            if gone.forgotten:
                await edit_answer(self.bot, article, content=FORGOTTEN, embeds=[])
            else:
                await edit_answer(self.bot, article, content=KEPT)

    def _watcher(self) -> Watcher:
        watcher = self.bot.get_cog("Watcher")
        if not isinstance(watcher, Watcher):
            raise RuntimeError("the watcher extension is not loaded")
        return watcher


def _not_read_again(label: str, reason: str) -> str:
    what = f"<{label}>" if label.startswith("http") else (f"**{safe(label)}**" if label else "")
    prefix = f"{what}: " if what else ""
    return (
        f"✏️ The message was edited, but I could not read it again: {prefix}{safe(reason)} "
        "This answer is of the earlier version."
    )


async def setup(bot: NewsBot) -> None:
    """Load the edit and deletion follower."""
    await bot.add_cog(SourceChanges(bot))
