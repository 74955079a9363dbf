"""Reading what reporters post in watched channels, and follow-ups in the bot's threads."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from functools import partial

import discord
from discord.ext import commands

from bot.client import NewsBot
from bot.exts.errors import UNEXPECTED
from bot.message_parts import PASTE_FILENAME, MessageParts, fingerprint, message_parts
from bot.render import already_read_text, article_embeds, ask_embed, safe
from bot.replies import open_thread, send_embeds, send_text, typing_if_possible
from handlers.answers import current_article, pending_answers
from handlers.ask import article_for_reply, ask, looks_like_question
from handlers.briefs import brief_words, note_brief_once
from handlers.echoes import Echo
from handlers.errors import HandlerError, NotAnArticle, TooShort
from handlers.ingest import (
    IngestResult,
    Origin,
    check_attachment_size,
    could_be_article,
    ingest_attachment,
    ingest_link,
    ingest_text,
    links_to_read,
    record_reply,
)
from handlers.single_flight import KeyedLocks
from handlers.source_changes import articles_of_message, message_turn, record_read, was_read
from handlers.watch import is_watched
from storage.records import StoredArticle

log = logging.getLogger(__name__)
NOTHING_TO_READ = "I found no link, file or article long enough to read in that message."


class Watcher(commands.Cog):
    """Answers every article posted in a watched channel."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services
        # One answer at a time per article: of posts racing each other, one posts the answer
        # and the others point to it.
        self._answering: KeyedLocks[int] = KeyedLocks()
        self._pending_posted = False

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Once per process: post the answers of the last day whose send failed."""
        if self._pending_posted:
            return
        self._pending_posted = True
        for article in await pending_answers(self.services, discord.utils.utcnow()):
            if not self.bot.serves_guild(article.guild_id):
                continue  # another process's shard: it posts its own servers' answers
            message = await self._original_message(article)
            if message is not None:
                await self._answer_article(message, article)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Read articles in watched channels; answer follow-ups in the bot's threads."""
        if message.author.bot or message.guild is None:
            return
        parts = message_parts(message)
        if parts.empty:
            return
        if not (parts.links or parts.files) and looks_like_question(parts.text):
            article_id = await self._followed_up_article(message)
            if article_id is not None:
                await self._answer_follow_up(message, parts.text, article_id)
                return
        if await is_watched(self.services, message.guild.id, watch_key(message.channel)):
            await self.read_message(message, parts)

    async def read_message(
        self,
        message: discord.Message,
        parts: MessageParts | None = None,
        *,
        requested: bool = False,
        again: bool = False,
    ) -> bool:
        """Read a message's articles and answer them, once: the one way a post, a catch-up,
        an edit or a 📰 gets a message read. True when it read the message now.

        A message read before is skipped, or with `requested` (a 📰) pointed to its answer;
        `again` reads it all the same (an edit). `requested` also says why nothing was read."""
        guild_id = message.guild.id if message.guild else 0
        parts = parts or message_parts(message)
        async with self.services.ingest_locks.hold(message_turn(guild_id, message.id)):
            if not again and await was_read(self.services, guild_id, message.id):
                if requested and await self._point_to_answers(message):
                    return False
                if not requested:
                    return False
            if not await self._read_parts(message, parts, requested=requested):
                return False
            await self.remember_read(message)
            return True

    async def remember_read(self, message: discord.Message) -> None:
        """Record that the message was read as it stands now (what a later edit compares)."""
        guild_id = message.guild.id if message.guild else 0
        await record_read(
            self.services,
            guild_id,
            message.channel.id,
            message.id,
            fingerprint(message),
            discord.utils.utcnow(),
        )

    async def _point_to_answers(self, message: discord.Message) -> bool:
        guild_id = message.guild.id if message.guild else 0
        articles = await articles_of_message(self.services, guild_id, message.id)
        for article in articles:
            await self._answer_article(message, article)
        return bool(articles)

    async def _read_parts(
        self, message: discord.Message, parts: MessageParts, *, requested: bool = False
    ) -> bool:
        origin = Origin(
            guild_id=message.guild.id if message.guild else 0,
            channel_id=message.channel.id,
            message_id=message.id,
            author_id=message.author.id,
            posted_at=message.created_at,
            author_name=message.author.display_name,
        )
        jobs: list[tuple[str, Callable[[], Awaitable[IngestResult]]]] = []
        links, skipped = links_to_read(parts.links, self.services.max_links_per_message)
        if skipped:
            await send_text(message.channel, _skipped_links(len(links), skipped), reference=message)
        for link in links:
            jobs.append((link, partial(ingest_link, self.services, origin, link)))
        for file in parts.files:
            jobs.append((file.filename, partial(self._ingest_file, origin, file)))
        # A pasted article is read beside the message's links and files, not instead of them.
        if await could_be_article(self.services, origin.guild_id, parts.text):
            jobs.append(("", partial(ingest_text, self.services, origin, parts.text)))
        elif not jobs:
            if requested:
                await send_text(message.channel, NOTHING_TO_READ, reference=message)
                return False
            # Conversation: no typing indicator, no answer; a short brief gets one note here.
            words = await brief_words(self.services, origin.guild_id, parts.text)
            if words is not None:
                await self._note_brief(message, words)
            return False
        async with typing_if_possible(message.channel):
            for label, job in jobs:
                # Discord makes message.txt of a long paste by itself: it is pasted text too.
                pasted = label in ("", PASTE_FILENAME) and not requested
                await self._read_one(message, label, job, quiet_if_short=pasted)
        return True

    async def _note_brief(self, message: discord.Message, words: int) -> None:
        guild_id = message.guild.id if message.guild else 0
        note = await note_brief_once(
            self.services, guild_id, message.channel.id, words, message.created_at
        )
        if note is not None:
            await send_text(message.channel, note, reference=message)

    async def _ingest_file(self, origin: Origin, file: discord.Attachment) -> IngestResult:
        check_attachment_size(self.services, file.filename, file.size)
        data = await file.read()
        return await ingest_attachment(self.services, origin, file.filename, data)

    async def _read_one(
        self,
        message: discord.Message,
        label: str,
        job: Callable[[], Awaitable[IngestResult]],
        *,
        quiet_if_short: bool,
    ) -> None:
        try:
            result = await job()
        except NotAnArticle as error:
            if not quiet_if_short:
                await send_text(message.channel, _about(label, error.message), reference=message)
            elif isinstance(error, TooShort) and error.brief:
                await self._note_brief(message, error.words)
            return  # other short pasted text is conversation: stay quiet
        except HandlerError as error:
            await send_text(message.channel, _about(label, error.message), reference=message)
            return
        except Exception:
            # One bad article must not silence the bot: say so, log it, keep reading.
            log.exception("reading %r failed", label or f"message {message.id}")
            await send_text(message.channel, _about(label, UNEXPECTED), reference=message)
            return
        await self._answer_article(message, result.article, result.echoes, result.same_story)

    async def _answer_article(
        self,
        message: discord.Message,
        article: StoredArticle,
        echoes: Sequence[Echo] = (),
        same_story: bool = False,
    ) -> None:
        async with self._answering.hold(article.id):
            # Read again inside the turn: another post of it may have answered meanwhile.
            current = await current_article(self.services, article.guild_id, article.id)
            if current is None:
                return  # forgotten meanwhile
            if current.answer_pending:
                await self._post_answer(message, current, echoes)
            else:
                await self._point_to_answer(message, current, same_story)

    async def _post_answer(
        self, message: discord.Message, article: StoredArticle, echoes: Sequence[Echo] = ()
    ) -> None:
        thread = await open_thread(message, article.title or "Article")
        embeds = article_embeds(article, echoes)
        try:
            if thread is not None:
                first = await send_embeds(thread, embeds)
            else:
                first = await send_embeds(message.channel, embeds, reference=message)
        except discord.HTTPException as error:
            # The article stays stored with its answer pending: a re-post or a restart posts it.
            log.warning("answer to article %s not sent, kept pending: %s", article.id, error)
            return
        # Only a thread of our own makes every later message there a follow-up.
        thread_id = thread.id if thread is not None else None
        await record_reply(self.services, article.guild_id, article.id, thread_id, first.id)

    async def _point_to_answer(
        self, message: discord.Message, article: StoredArticle, same_story: bool = False
    ) -> None:
        text = already_read_text(article, same_story)
        await send_text(message.channel, text, reference=message)

    async def _original_message(self, article: StoredArticle) -> discord.Message | None:
        try:
            channel = self.bot.get_channel(article.channel_id) or await self.bot.fetch_channel(
                article.channel_id
            )
            if not isinstance(channel, discord.abc.Messageable):
                return None
            return await channel.fetch_message(article.message_id)
        except discord.HTTPException as error:
            # Deleted or out of reach: still pending, so a re-post of the article gets it.
            log.info("pending answer of article %s not posted: %s", article.id, error)
            return None

    async def _followed_up_article(self, message: discord.Message) -> int | None:
        guild_id = message.guild.id if message.guild else 0
        reference = message.reference
        if reference is not None and reference.message_id is not None:
            found = await article_for_reply(
                self.services, guild_id, reference.channel_id, reference.message_id
            )
            if found is not None:
                return found
        if isinstance(message.channel, discord.Thread):
            return await article_for_reply(self.services, guild_id, message.channel.id)
        return None

    async def _answer_follow_up(
        self, message: discord.Message, question: str, article_id: int
    ) -> None:
        guild_id = message.guild.id if message.guild else 0
        async with typing_if_possible(message.channel):
            result = await ask(self.services, guild_id, question, article_id=article_id)
        if not result.answers and not self._addressed_to_me(message):
            return  # a question among colleagues ("Should we lead with this?"), not for the bot
        await send_embeds(message.channel, [ask_embed(guild_id, result)], reference=message)

    def _addressed_to_me(self, message: discord.Message) -> bool:
        me = self.bot.user
        if me is None:
            return False
        replied = message.reference.resolved if message.reference is not None else None
        replied_to_me = isinstance(replied, discord.Message) and replied.author.id == me.id
        return replied_to_me or me in message.mentions


def watch_key(channel: discord.abc.Messageable) -> int:
    # A thread belongs to its parent: watching a channel covers the threads under it.
    if isinstance(channel, discord.Thread) and channel.parent_id is not None:
        return channel.parent_id
    return getattr(channel, "id", 0)


def _skipped_links(read: int, skipped: int) -> str:
    more = "link" if skipped == 1 else "links"
    return (
        f"I read the first {read} links of a message and skipped {skipped} more {more}: "
        "post them in messages of their own to have them read."
    )


def _about(label: str, text: str) -> str:
    # A file name and a message may hold backticks or asterisks: shown escaped, never as
    # formatting (an inline-code span cannot hold a backtick).
    if label.startswith("http"):
        return f"<{label}>: {safe(text)}"
    return f"**{safe(label)}**: {safe(text)}" if label else safe(text)


async def setup(bot: NewsBot) -> None:
    """Load the watcher."""
    await bot.add_cog(Watcher(bot))
