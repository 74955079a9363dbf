"""Who said what: quotes by speaker and by phrase, within one guild."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from analysis.types import JOINT_SEPARATOR, joint_members
from storage.mapping import quote_from_row
from storage.models import ArticleRow, EntityRow, QuoteRow
from storage.records import StoredQuote
from storage.search import SearchRepository
from storage.text import LIKE_ESCAPE, contains_pattern, escape_like, normalize_for_search


def _quotes_with_articles(guild_id: int) -> Select[tuple[QuoteRow, ArticleRow]]:
    # Newest article first, then the quotes in the order the article gives them.
    return (
        select(QuoteRow, ArticleRow)
        .join(ArticleRow, QuoteRow.article_id == ArticleRow.id)
        .where(QuoteRow.guild_id == guild_id, ArticleRow.guild_id == guild_id)
        .order_by(ArticleRow.created_at.desc(), ArticleRow.id.desc(), QuoteRow.position)
    )


def _last_word(name: str) -> str:
    """The last word of a name as written, which a reader may type alone: "alvarez" for
    "maria alvarez", "soo-ah" for "park soo-ah". Deliberately not analysis's surname(), which
    gives "park" for a family name written first: /who-said answers to the word typed last,
    and to "park" through the aliases ("Ms. Park") the article gives."""
    return name.rsplit(" ", 1)[-1]


def _names_for(speaker: str, aliases: set[str]) -> set[str]:
    """Every normalised form a query may use for a speaker: name, last word, aliases and theirs."""
    forms = {speaker, *aliases}
    return forms | {_last_word(form) for form in forms}


def _speaker_is(speaker: str) -> ColumnElement[bool]:
    """The quote's speaker is this one, alone or as one of several speaking together (only a
    full name can be a member, as `joint_members` has it)."""
    column = QuoteRow.speaker_normalized
    wanted = normalize_for_search(speaker)
    if len(wanted.split()) < 2:
        return column == wanted
    escaped, joint = escape_like(wanted), JOINT_SEPARATOR
    return or_(
        column == wanted,
        column.like(f"{escaped}{joint}%", escape=LIKE_ESCAPE),
        column.like(f"%{joint}{escaped}", escape=LIKE_ESCAPE),
        column.like(f"%{joint}{escaped}{joint}%", escape=LIKE_ESCAPE),
    )


def _with_members(counts: dict[str, int]) -> dict[str, int]:
    """Quote counts per speaker, each member of a joint speaker credited with its quotes."""
    expanded = dict(counts)
    for speaker, count in counts.items():
        for member in joint_members(speaker):
            expanded[member] = expanded.get(member, 0) + count
    return expanded


class QuoteRepository:
    """Finds one guild's quotes by speaker or phrase; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find_speaker(self, guild_id: int, query: str) -> str | None:
        """The canonical speaker the query names (name, alias or surname); the most quoted wins."""
        wanted = normalize_for_search(query)
        if not wanted or not await SearchRepository(self._session).has_speaker_named(
            guild_id, wanted
        ):
            # The index says no speaker has these words: no need to weigh every speaker.
            return None
        stored = await self._speaker_counts(guild_id)
        counts = _with_members(stored)
        aliases = await self._speaker_aliases(guild_id, sorted(set(counts) - set(stored)))
        matches = [
            speaker
            for speaker in counts
            if wanted in _names_for(normalize_for_search(speaker), aliases.get(speaker, set()))
        ]
        if not matches:
            return None
        # A member before the pair it belongs to, then the exact name, then alphabetically:
        # the same answer on every backend.
        return min(
            matches,
            key=lambda s: (
                -counts[s],
                bool(joint_members(s)),
                normalize_for_search(s) != wanted,
                s,
            ),
        )

    async def by_speaker(
        self, guild_id: int, speaker: str, limit: int = 10, offset: int = 0
    ) -> list[StoredQuote]:
        """What this speaker said, alone or with others, newest article first."""
        rows = await self._session.execute(
            _quotes_with_articles(guild_id).where(_speaker_is(speaker)).limit(limit).offset(offset)
        )
        return [quote_from_row(quote, article) for quote, article in rows.tuples()]

    async def by_phrase(
        self, guild_id: int, phrase: str, limit: int = 10, offset: int = 0
    ) -> list[StoredQuote]:
        """Quotes containing the phrase: any case, straight or curly marks alike; newest first.

        A scan of every quote of the guild (LIKE): /who-said searches the full-text index
        (storage/search); this is the baseline bench/storage.py measures it against."""
        if not normalize_for_search(phrase):
            return []
        rows = await self._session.execute(
            _quotes_with_articles(guild_id)
            .where(QuoteRow.normalized_text.like(contains_pattern(phrase), escape=LIKE_ESCAPE))
            .limit(limit)
            .offset(offset)
        )
        return [quote_from_row(quote, article) for quote, article in rows.tuples()]

    async def count_by_speaker(self, guild_id: int, speaker: str) -> int:
        """How many quotes `by_speaker` finds in all, for paging."""
        return await self._count(guild_id, _speaker_is(speaker))

    async def count_by_phrase(self, guild_id: int, phrase: str) -> int:
        """How many quotes `by_phrase` finds in all, for paging."""
        if not normalize_for_search(phrase):
            return 0
        return await self._count(
            guild_id, QuoteRow.normalized_text.like(contains_pattern(phrase), escape=LIKE_ESCAPE)
        )

    async def _count(self, guild_id: int, condition: ColumnElement[bool]) -> int:
        found = await self._session.scalar(
            select(func.count()).select_from(
                _quotes_with_articles(guild_id).where(condition).subquery()
            )
        )
        return int(found or 0)

    async def _speaker_counts(self, guild_id: int) -> dict[str, int]:
        rows = await self._session.execute(
            select(QuoteRow.speaker, func.count(QuoteRow.id))
            .where(QuoteRow.guild_id == guild_id, QuoteRow.speaker.is_not(None))
            .group_by(QuoteRow.speaker)
        )
        return {speaker: count for speaker, count in rows.tuples() if speaker}

    async def _speaker_aliases(self, guild_id: int, members: list[str]) -> dict[str, set[str]]:
        """The aliases the guild's articles give each speaker's same-named entity, normalised;
        `members` are the people speaking in joint quotes, who may never speak alone."""
        speakers = select(QuoteRow.speaker).where(QuoteRow.guild_id == guild_id).distinct()
        rows = await self._session.execute(
            select(EntityRow.name, EntityRow.aliases)
            .join(ArticleRow, EntityRow.article_id == ArticleRow.id)
            .where(
                ArticleRow.guild_id == guild_id,
                or_(EntityRow.name.in_(speakers), EntityRow.name.in_(members)),
            )
        )
        aliases: dict[str, set[str]] = {}
        for name, names in rows.tuples():
            aliases.setdefault(name, set()).update(normalize_for_search(a) for a in names or ())
        return aliases
