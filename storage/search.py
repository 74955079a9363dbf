"""Full-text search over one guild's quotes and article sentences: one API, two engines.

SQLite answers with FTS5 (`MATCH`, `bm25()`), PostgreSQL with its `english` text search
(`@@`, `ts_rank_cd` on stored vectors); storage/search_schema.py builds the indexes. Callers
give plain terms: phrases (words in this order), and words or groups of forms of a word
("lost", "lose") of which every group must match. Both engines stem with Porter's English stemmer.

Quotes rank by relevance blended with recency:
    score = 0.7 * relevance + 0.3 / (1 + age_days / 30)
where relevance is the engine's rank mapped into [0, 1): b / (1 + b) with b = -bm25() on
SQLite, ts_rank_cd(..., 32) (which is r / (1 + r)) on PostgreSQL; age_days is the time since
the article was posted. Sentences come newest first (see `sentences`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage.mapping import quote_from_row
from storage.models import ArticleRow, QuoteRow, SentenceRow
from storage.records import StoredQuote
from storage.search_schema import PG_VECTOR_COLUMN

RELEVANCE_WEIGHT = 0.7
RECENCY_DAYS = 30.0
# A query ranks the newest this many of its matches. Ranking reads every row it ranks, and a
# query of one common word matches a tenth of a long history (26,000 of 300,000 quotes: 160 ms
# on PostgreSQL); the newest 500 are found off the index and stop there.
RANKED_MATCHES = 500
Terms = Sequence[Sequence[str]]


@dataclass(frozen=True)
class FoundSentence:
    """A stored sentence (or title, position 0) that matched, with its article's place."""

    id: int
    article_id: int
    guild_id: int
    position: int
    start: int
    end: int
    text: str
    lemmas: str


@dataclass(frozen=True)
class _Match:
    """One engine's search condition: SQL to put in WHERE and its rank, with parameters."""

    where: str
    rank: str
    params: dict[str, Any]


class SearchRepository:
    """Searches one guild's quotes and sentences with the database's full-text engine."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    @property
    def _dialect(self) -> str:
        return self._session.get_bind().dialect.name

    async def quotes(
        self,
        guild_id: int,
        *,
        phrases: Sequence[str] = (),
        words: Terms = (),
        now: datetime,
        limit: int = 10,
        offset: int = 0,
    ) -> list[StoredQuote]:
        """Quotes with every phrase and word (in their text or their speaker's names), best
        first by relevance and recency as of `now`, among the newest RANKED_MATCHES."""
        match = self._match("quotes", phrases, words)
        if match is None:
            return []
        ids = await self._ranked_quotes(guild_id, match, now, limit, offset)
        if not ids:
            return []
        rows = await self._session.execute(
            select(QuoteRow, ArticleRow)
            .join(ArticleRow, QuoteRow.article_id == ArticleRow.id)
            .where(QuoteRow.guild_id == guild_id, QuoteRow.id.in_(ids))
        )
        found = {q.id: quote_from_row(q, a) for q, a in rows.tuples()}
        return [found[i] for i in ids if i in found]

    async def count_quotes(
        self, guild_id: int, *, phrases: Sequence[str] = (), words: Terms = ()
    ) -> int:
        """How many of the guild's quotes `quotes` would find, for paging ("1–10 of 14"): at
        most RANKED_MATCHES, the most it pages through."""
        match = self._match("quotes", phrases, words)
        if match is None:
            return 0
        counted = await self._session.scalar(
            text(
                f"SELECT count(*) FROM (SELECT 1 FROM {self._from('quotes')}"
                f" WHERE {match.where} LIMIT :most) AS found"
            ),
            {**match.params, "guild": guild_id, "most": RANKED_MATCHES},
        )
        return int(counted or 0)

    async def has_speaker_named(self, guild_id: int, name: str) -> bool:
        """Whether any of the guild's quotes has a speaker (or alias) with these words."""
        match = self._match("speakers", [name], ())
        if match is None:
            return False
        found = await self._session.execute(
            text(f"SELECT 1 FROM {self._from('quotes')} WHERE {match.where} LIMIT 1"),
            {**match.params, "guild": guild_id},
        )
        return found.first() is not None

    async def sentences(
        self, guild_id: int, words: Terms, *, article_id: int | None = None, limit: int = 50
    ) -> list[FoundSentence]:
        """Body sentences with every word, the newest first; then, up to the limit, the newest
        of those missing one word, then the newest with any of the words (the answer ranking
        that reads them decides, and says nothing for a weak match).

        Never ranked by the engine: FTS5's bm25 reads every row holding each word of the
        question, however few hold them all (at 100,000 articles SQLite's p95 was 58.6 ms),
        and PostgreSQL's ts_rank_cd every match; read off the engine's own order
        and stopped at the limit, a pass costs the same at any size of history."""
        groups = [list(g) for g in words if any(g)]
        passes = [[groups]]
        if len(groups) > 1:
            passes += [_all_but_one(groups), [[group] for group in groups]]
        found: list[FoundSentence] = []
        for alternatives in passes:
            if len(found) >= limit:
                break
            seen = {f.id for f in found}
            more = await self._sentences(guild_id, alternatives, article_id, limit)
            found += [f for f in more if f.id not in seen][: limit - len(found)]
        return found

    async def article_sentences(self, guild_id: int, article_id: int) -> list[FoundSentence]:
        """Every body sentence of one of the guild's articles, in text order."""
        rows = await self._session.scalars(
            select(SentenceRow)
            .where(
                SentenceRow.guild_id == guild_id,
                SentenceRow.article_id == article_id,
                SentenceRow.position > 0,
            )
            .order_by(SentenceRow.position)
        )
        return [_found(row) for row in rows]

    async def _sentences(
        self,
        guild_id: int,
        alternatives: list[list[list[str]]],
        article_id: int | None,
        limit: int,
    ) -> list[FoundSentence]:
        """The newest `limit` sentences matching, read off the engine's own order of
        its matches and stopped after the limit."""
        match = self._any_of("sentences", alternatives)
        if match is None:
            return []
        only_article = " AND s.article_id = :article" if article_id is not None else ""
        key = self._order_key("sentences")
        newest = await self._session.execute(
            text(
                f"SELECT s.id FROM {self._from('sentences')}"
                f" WHERE {match.where}{only_article} AND s.position > 0"
                f" ORDER BY {key} DESC LIMIT :limit"
            ),
            {**match.params, "guild": guild_id, "article": article_id, "limit": limit},
        )
        ids = [int(i) for i in newest.scalars()]
        if not ids:
            return []
        rows = await self._session.scalars(
            select(SentenceRow).where(SentenceRow.guild_id == guild_id, SentenceRow.id.in_(ids))
        )
        return sorted((_found(row) for row in rows), key=lambda s: -s.id)

    async def _ranked_quotes(
        self, guild_id: int, match: _Match, now: datetime, limit: int, offset: int
    ) -> list[int]:
        if self._dialect == "postgresql":
            age = "extract(epoch from (CAST(:now AS timestamptz) - a.posted_at)) / 86400.0"
            moment: Any = now
        else:
            age = "(julianday(:now) - julianday(a.posted_at))"
            moment = now.strftime("%Y-%m-%d %H:%M:%S")
        # abs(): an article posted after `now` (a clock set back) is as recent as can be.
        score = (
            f"{RELEVANCE_WEIGHT} * {match.rank}"
            f" + {1 - RELEVANCE_WEIGHT:.1f} / (1 + abs({age}) / {RECENCY_DAYS})"
        )
        key = self._order_key("quotes")
        newest = (
            f"SELECT {key} FROM {self._from('quotes')} WHERE {match.where}"
            f" ORDER BY {key} DESC LIMIT :most"
        )
        rows = await self._session.execute(
            text(
                f"SELECT q.id, {score} AS score FROM {self._from('quotes')}"
                " JOIN articles a ON a.id = q.article_id"
                f" WHERE {match.where} AND q.id IN ({newest})"
                " ORDER BY score DESC, q.id DESC LIMIT :limit OFFSET :offset"
            ),
            {
                **match.params,
                "guild": guild_id,
                "now": moment,
                "limit": limit,
                "offset": offset,
                "most": RANKED_MATCHES,
            },
        )
        return [int(i) for i, _score in rows.tuples()]

    def _order_key(self, kind: str) -> str:
        """The id the engine returns its matches in order of: newest last."""
        if self._dialect == "postgresql":
            return "s.id" if kind == "sentences" else "q.id"
        return "fts_sentences.rowid" if kind == "sentences" else "fts_quotes.rowid"

    def _from(self, kind: str) -> str:
        if kind == "sentences":
            if self._dialect == "postgresql":
                return "article_sentences s"
            return "fts_sentences JOIN article_sentences s ON s.id = fts_sentences.rowid"
        if self._dialect == "postgresql":
            return "quotes q"
        return "fts_quotes JOIN quotes q ON q.id = fts_quotes.rowid"

    def _match(self, kind: str, phrases: Sequence[str], words: Terms) -> _Match | None:
        terms = [[p] for p in phrases if p.strip()] + [list(g) for g in words if any(g)]
        return self._any_of(kind, [terms]) if terms else None

    def _any_of(self, kind: str, alternatives: list[list[list[str]]]) -> _Match | None:
        """Rows matching any alternative, each alternative all of its groups of forms."""
        alternatives = [a for a in alternatives if a]
        if not alternatives:
            return None
        if self._dialect == "postgresql":
            return _postgres_match(kind, alternatives)
        return _sqlite_match(kind, alternatives)


def _sqlite_match(kind: str, alternatives: list[list[list[str]]]) -> _Match:
    table = "fts_sentences" if kind == "sentences" else "fts_quotes"
    owner = "s" if kind == "sentences" else "q"
    column = "speaker_names : " if kind == "speakers" else ""
    expression = " OR ".join(
        "(" + " AND ".join(_fts5_group(group) for group in alternative) + ")"
        for alternative in alternatives
    )
    # Lemmas and speakers' names count half of what the words themselves do.
    bm25 = f"bm25({table}, 1.0, 0.5)"
    return _Match(
        where=f"{table} MATCH :match AND {owner}.guild_id = :guild",
        rank=f"((-{bm25}) / (1 - {bm25}))",
        params={"match": column + expression if column else expression},
    )


def _fts5_group(forms: Sequence[str]) -> str:
    # Each form a quoted FTS5 string: a phrase of its words, nothing in it read as syntax.
    quoted = ['"' + form.replace('"', '""') + '"' for form in dict.fromkeys(forms) if form]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _postgres_match(kind: str, alternatives: list[list[list[str]]]) -> _Match:
    params: dict[str, Any] = {}
    counter = itertools.count()

    def phrase(form: str) -> str:
        name = f"t{next(counter)}"
        params[name] = form
        return f"phraseto_tsquery('english', :{name})"

    query = " || ".join(
        "(" + " && ".join("(" + " || ".join(map(phrase, g)) + ")" for g in alternative) + ")"
        for alternative in alternatives
    )
    # The stored vector (migration 0010): matched and ranked without parsing the text again.
    owner = "s" if kind == "sentences" else "q"
    vector = f"{owner}.{PG_VECTOR_COLUMN}"
    where = f"{vector} @@ ({query}) AND {owner}.guild_id = :guild"
    if kind == "speakers":
        # The index finds the quotes with the words anywhere; the names must hold them.
        where += f" AND to_tsvector('english', coalesce(q.speaker_names, '')) @@ ({query})"
    return _Match(where=where, rank=f"ts_rank_cd({vector}, ({query}), 32)", params=params)


def _all_but_one(groups: list[list[str]]) -> list[list[list[str]]]:
    return [groups[:i] + groups[i + 1 :] for i in range(len(groups))]


def _found(row: SentenceRow) -> FoundSentence:
    return FoundSentence(
        id=row.id,
        article_id=row.article_id,
        guild_id=row.guild_id,
        position=row.position,
        start=row.start,
        end=row.end,
        text=row.text,
        lemmas=row.lemmas,
    )
