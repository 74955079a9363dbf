"""A day's digest: what a server read, grouped by story, who was in it and who said what."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from analysis.text.stories import MergedEntity, group_stories, merge_entities
from analysis.types import joint_members
from handlers.digest_schedule import DigestWindow, digest_window, local_date
from handlers.services import Services
from storage.articles import ArticleRepository
from storage.guilds import GuildRepository
from storage.records import StoredArticle, StoredQuote

TOP_ENTITIES = 10
NOTABLE_QUOTES = 5
QUOTED_PER_STORY = 3
# A notable quote says something: a few words at least, not a whole paragraph.
NOTABLE_MIN_WORDS, NOTABLE_MAX_WORDS = 8, 60
_RANKED_LABELS = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True)
class DigestArticle:
    """An article of the day, with where its message and the bot's answer are."""

    id: int
    title: str | None
    url: str | None
    author_id: int
    author_name: str | None
    guild_id: int
    channel_id: int
    message_id: int
    reply_channel_id: int | None
    reply_message_id: int | None
    posted_at: datetime
    quotes: int


@dataclass(frozen=True)
class Story:
    """Articles about one story: a summary from its lead article, the most quoted people."""

    summary: str | None
    articles: tuple[DigestArticle, ...]  # the lead article first, then in posting order
    quoted: tuple[tuple[str, int], ...]  # (speaker, quotes) most quoted first


@dataclass(frozen=True)
class NotableQuote:
    """A quote worth reading again, with its speaker and article."""

    text: str
    speaker: str
    article: DigestArticle


@dataclass(frozen=True)
class DailyDigest:
    """Everything a day's digest says."""

    guild_id: int
    window: DigestWindow
    articles: tuple[DigestArticle, ...]
    sharers: tuple[str, ...]  # display names, most articles first
    stories: tuple[Story, ...]
    top_entities: tuple[MergedEntity, ...]
    quotes: tuple[NotableQuote, ...]

    @property
    def empty(self) -> bool:
        """A day with nothing read."""
        return not self.articles


async def daily_digest(services: Services, guild_id: int, window: DigestWindow) -> DailyDigest:
    """The digest of the articles posted in a window of a server's time."""
    async with services.sessionmaker.begin() as session:
        stored = await ArticleRepository(session).posted_between(guild_id, window.start, window.end)
    return build_digest(guild_id, window, stored)


async def digest_of_day(
    services: Services, guild_id: int, day: date | None, now: datetime
) -> DailyDigest:
    """The digest of a local date (today at `now` by default), in the server's zone and hours."""
    async with services.sessionmaker.begin() as session:
        settings = await GuildRepository(session).get_settings(guild_id)
    wanted = day or local_date(now, settings.timezone)
    window = digest_window(wanted, settings.timezone, settings.digest_time)
    return await daily_digest(services, guild_id, window)


def build_digest(
    guild_id: int, window: DigestWindow, stored: Sequence[StoredArticle]
) -> DailyDigest:
    """Group a day's stored articles into stories and pick its people and quotes."""
    articles = tuple(_digest_article(article) for article in stored)
    merged = merge_entities([article.entities for article in stored])
    stories = tuple(_story(stored, articles, group) for group in group_stories(merged))
    ranked = tuple(e for e in merged.entities if e.label in _RANKED_LABELS)[:TOP_ENTITIES]
    return DailyDigest(
        guild_id=guild_id,
        window=window,
        articles=articles,
        sharers=_sharers(articles),
        stories=stories,
        top_entities=ranked,
        quotes=_notable_quotes(stored, articles, stories),
    )


def _digest_article(article: StoredArticle) -> DigestArticle:
    return DigestArticle(
        id=article.id,
        title=article.title,
        url=article.url,
        author_id=article.author_id,
        author_name=article.author_name,
        guild_id=article.guild_id,
        channel_id=article.channel_id,
        message_id=article.message_id,
        reply_channel_id=article.reply_channel_id,
        reply_message_id=article.reply_message_id,
        posted_at=article.posted_at,
        quotes=len(article.quotes),
    )


def _story(
    stored: Sequence[StoredArticle], articles: Sequence[DigestArticle], group: list[int]
) -> Story:
    # The lead is the fullest telling: most words, then the earliest posted.
    lead = max(group, key=lambda i: (len(stored[i].text.split()), -i))
    order = [lead, *(i for i in group if i != lead)]
    summary = next((s for i in order for s in stored[i].digest[:1]), None)
    speakers = Counter(
        name for i in group for quote in stored[i].quotes for name in _speakers(quote)
    )
    quoted = tuple(sorted(speakers.items(), key=lambda item: (-item[1], item[0])))
    return Story(
        summary=summary,
        articles=tuple(articles[i] for i in order),
        quoted=quoted[:QUOTED_PER_STORY],
    )


def _speakers(quote: StoredQuote) -> tuple[str, ...]:
    if quote.speaker is None:
        return ()
    return joint_members(quote.speaker) or (quote.speaker,)


def _sharers(articles: Sequence[DigestArticle]) -> tuple[str, ...]:
    # A stored display name, else a mention: it shows the member's name and never pings.
    names = Counter(a.author_name or f"<@{a.author_id}>" for a in articles)
    first_seen = {name: i for i, name in reversed(list(enumerate(names)))}
    return tuple(sorted(names, key=lambda name: (-names[name], first_seen[name])))


def _notable_quotes(
    stored: Sequence[StoredArticle],
    articles: Sequence[DigestArticle],
    stories: Sequence[Story],
) -> tuple[NotableQuote, ...]:
    """One quote per story while there are stories, each from a different speaker."""
    index_of = {article.id: i for i, article in enumerate(articles)}
    picked: list[NotableQuote] = []
    speakers: set[str] = set()
    for story in stories:
        candidates = [
            (quote, articles[index_of[article.id]])
            for article in story.articles
            for quote in stored[index_of[article.id]].quotes
            if quote.speaker and quote.speaker not in speakers and _notable(quote.text)
        ]
        if not candidates:
            continue
        quote, article = max(candidates, key=lambda c: _quote_weight(c[0], story))
        assert quote.speaker is not None
        picked.append(NotableQuote(text=quote.text, speaker=quote.speaker, article=article))
        speakers.add(quote.speaker)
        if len(picked) == NOTABLE_QUOTES:
            break
    return tuple(picked)


def _notable(text: str) -> bool:
    return NOTABLE_MIN_WORDS <= len(text.split()) <= NOTABLE_MAX_WORDS


def _quote_weight(quote: StoredQuote, story: Story) -> tuple[int, int, int]:
    # The story's most quoted voice first; then a whole sentence over a fragment; then earlier.
    quoted = dict(story.quoted)
    whole = int(quote.text[:1].isupper())
    return (quoted.get(quote.speaker or "", 0), whole, -quote.start)
