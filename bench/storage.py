"""Search at years of history: a synthetic newsroom loaded through the repositories' bulk
path (storage/bulk.py: a few Core executemany statements per batch of articles), then
/who-said and /ask's storage queries timed against a naive LIKE scan of the same data.

    python bench/storage.py --backend sqlite|postgresql --articles N [--database-url URL]

Prints one JSON object: {"backend", "articles", "quotes", "load_s", "queries":
{"who_said_phrase" | "who_said_speaker" | "ask": {"p50_ms", "p95_ms", "scan_p95_ms"}}}.
Articles are ~30 sentences of words drawn from the seeds' vocabulary by their frequency, each
with 3 quotes by speakers from a Zipf-like list of 3,000 names (each with a surname alias).
PostgreSQL runs in a schema of its own, dropped afterwards; SQLite in a temporary file.
Target at 100,000 articles: p95 <= 20 ms per kind, and >= 20x faster than the scan.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from analysis.text.terms import content_words  # noqa: E402
from analysis.types import Entity, Quote, Report, Sentence  # noqa: E402
from intake.article import Article  # noqa: E402
from storage.articles import ArticleRepository  # noqa: E402
from storage.bulk import NewArticle  # noqa: E402
from storage.engine import (  # noqa: E402
    SessionFactory,
    analyze_database,
    create_schema,
    drop_schema,
    make_engine,
    make_sessionmaker,
    upgrade_database,
)
from storage.entity_records import EntityRecordRepository  # noqa: E402
from storage.quotes import QuoteRepository  # noqa: E402
from storage.search import SearchRepository  # noqa: E402
from storage.text import normalize_for_search  # noqa: E402

GUILD = 1
SPEAKERS = 3000
QUOTES_PER_ARTICLE = 3
SENTENCES_PER_ARTICLE = 30
BATCH = 250
QUERIES = 200
POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
_WORD = re.compile(r"[A-Za-z][a-z']+")
_SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ta",
    "len",
    "vi",
    "sor",
    "an",
    "de",
    "lu",
    "ne",
    "ha",
    "pri",
    "sto",
    "ber",
    "gan",
    "mel",
    "tor",
    "ya",
    "zu",
]


def vocabulary() -> tuple[list[str], list[int]]:
    """The seeds' words with how often they occur: a newsroom's realistic vocabulary."""
    counts: Counter[str] = Counter()
    for path in (ROOT / "seeds").glob("*.txt"):
        counts.update(w.lower() for w in _WORD.findall(path.read_text(encoding="utf-8")))
    words = sorted(counts)
    return words, [counts[w] for w in words]


def speaker_names(rng: random.Random) -> list[str]:
    """SPEAKERS distinct invented full names."""
    names: set[str] = set()
    while len(names) < SPEAKERS:
        given = "".join(rng.choices(_SYLLABLES, k=2)).capitalize()
        family = "".join(rng.choices(_SYLLABLES, k=3)).capitalize()
        names.add(f"{given} {family}")
    return sorted(names)


class History:
    """Draws synthetic articles; the speakers' weights are Zipf-like (1/rank)."""

    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.words, weights = vocabulary()
        self.speakers = speaker_names(self.rng)
        self.speaker_weights = [1 / (rank + 1) for rank in range(SPEAKERS)]
        # Cumulative once: random.choices would add the weights up again at every call.
        self.cumulative = list(itertools.accumulate(weights))
        self.speaker_cumulative = list(itertools.accumulate(self.speaker_weights))

    def sentence(self) -> str:
        """One sentence of 12 to 28 words."""
        words = self.rng.choices(
            self.words, cum_weights=self.cumulative, k=self.rng.randint(12, 28)
        )
        return " ".join(words).capitalize() + "."

    def report(self, index: int) -> tuple[Report, list[str]]:
        """An article with its quotes, and the speakers of its quotes in order."""
        speakers = self.rng.choices(
            self.speakers, cum_weights=self.speaker_cumulative, k=QUOTES_PER_ARTICLE
        )
        quoted = set(self.rng.sample(range(1, SENTENCES_PER_ARTICLE), QUOTES_PER_ARTICLE))
        parts: list[str] = []
        sentences: list[Sentence] = []
        quotes: list[Quote] = []
        offset = 0
        for position in range(SENTENCES_PER_ARTICLE):
            body = self.sentence()
            if position in quoted:
                speaker = speakers[len(quotes)]
                quotes.append(Quote(body, offset + 1, offset + 1 + len(body), speaker, cue="said"))
                body = f'"{body}" {speaker} said.'
            sentences.append(Sentence(offset, offset + len(body)))
            parts.append(body)
            offset += len(body) + 1
        title = self.sentence().rstrip(".")[:80]
        article = Article(text=" ".join(parts), title=title, url=f"https://news.example/{index}")
        entities = tuple(
            Entity(name, "PERSON", 2, aliases=(f"Mr. {name.split()[-1]}",))
            for name in dict.fromkeys(speakers)
        )
        report = Report(article, entities, tuple(quotes), (), sentences=tuple(sentences))
        return report, speakers


async def load(
    sessionmaker: SessionFactory, history: History, articles: int, sampled: set[int]
) -> tuple[int, list[Report]]:
    """Store the articles with the repositories' bulk path (add_many), BATCH per unit of
    work, each linked to its speakers' records; the quote count, and the reports of the
    `sampled` articles (what the queries ask for)."""
    records: dict[str, int] = {}
    samples: list[Report] = []
    start = datetime(2020, 1, 1, tzinfo=UTC)
    quotes = 0
    for first in range(0, articles, BATCH):
        async with sessionmaker.begin() as session:
            linker = EntityRecordRepository(session)
            batch = []
            for index in range(first, min(first + BATCH, articles)):
                report, speakers = history.report(index)
                if index in sampled:
                    samples.append(report)
                posted = start + timedelta(minutes=30 * index)
                for name in speakers:
                    await _record(linker, records, name, posted)
                batch.append(
                    NewArticle(
                        report,
                        channel_id=2,
                        message_id=index,
                        author_id=3,
                        content_hash=uuid.uuid4().hex,
                        created_at=posted,
                        posted_at=posted,
                        entity_records={
                            rank: records[e.name] for rank, e in enumerate(report.entities)
                        },
                        quote_speakers={
                            position: [records[name]] for position, name in enumerate(speakers)
                        },
                    )
                )
                quotes += len(report.quotes)
            await ArticleRepository(session).add_many(GUILD, batch)
    return quotes, samples


async def _record(
    linker: EntityRecordRepository, records: dict[str, int], name: str, seen: datetime
) -> int:
    if name not in records:
        record = await linker.create(
            GUILD,
            kind="person",
            label="PERSON",
            name=name,
            name_key=normalize_for_search(name),
            surname_key=normalize_for_search(name.split()[-1]),
            seen_at=seen,
        )
        alias = f"Mr. {name.split()[-1]}"
        await linker.add_alias_rows(GUILD, [(record.id, normalize_for_search(alias), alias)])
        records[name] = record.id
    return records[name]


def queries(history: History, samples: list[Report], rng: random.Random) -> dict[str, list[Any]]:
    """Per kind, QUERIES queries about stored articles: 4 words running in one of its quotes;
    a speaker's name (Zipf-weighted, as a newsroom asks); 3 content words of one sentence."""
    phrases, questions = [], []
    for report in samples:
        quote = rng.choice(report.quotes).text.rstrip(".").lower().split()
        at = rng.randrange(0, max(1, len(quote) - 4))
        phrases.append(" ".join(quote[at : at + 4]))
        sentence = rng.choice(report.sentences)
        words = list(
            dict.fromkeys(content_words(report.article.text[sentence.start : sentence.end]))
        )
        questions.append([[w] for w in rng.sample(words, min(3, len(words)))])
    quoted = {q.speaker for r in samples for q in r.quotes}
    names = [n for n in rng.choices(history.speakers, history.speaker_weights, k=QUERIES * 3)]
    names = [n for n in names if n in quoted][:QUERIES]
    return {"who_said_phrase": phrases, "who_said_speaker": names, "ask": questions}


async def timed(
    sessionmaker: SessionFactory, run: Callable[[Any], Awaitable[object]], query: Any
) -> float:
    """Milliseconds one query takes in its own unit of work."""
    began = time.perf_counter()
    async with sessionmaker.begin() as session:
        await run((session, query))
    return (time.perf_counter() - began) * 1000


async def phrase_engine(args: tuple[Any, str]) -> object:
    session, phrase = args
    return await SearchRepository(session).quotes(GUILD, phrases=[phrase], now=datetime.now(UTC))


async def phrase_scan(args: tuple[Any, str]) -> object:
    session, phrase = args
    return await QuoteRepository(session).by_phrase(GUILD, phrase)


async def speaker_engine(args: tuple[Any, str]) -> object:
    session, name = args
    records = EntityRecordRepository(session)
    found = await records.speaker_records(GUILD, [normalize_for_search(name)])
    return await records.quotes_of(GUILD, found[0][0].id, limit=10)


async def speaker_scan(args: tuple[Any, str]) -> object:
    session, name = args
    quotes = QuoteRepository(session)
    speaker = await quotes.find_speaker(GUILD, name)
    return await quotes.by_speaker(GUILD, speaker or name)


async def ask_engine(args: tuple[Any, list[list[str]]]) -> object:
    session, words = args
    return await SearchRepository(session).sentences(GUILD, words)


async def ask_scan(args: tuple[Any, list[list[str]]]) -> object:
    session, words = args
    return await ArticleRepository(session).search(GUILD, [w[0] for w in words])


KINDS = {
    "who_said_phrase": (phrase_engine, phrase_scan),
    "who_said_speaker": (speaker_engine, speaker_scan),
    "ask": (ask_engine, ask_scan),
}


async def measure(
    sessionmaker: SessionFactory, asked: dict[str, list[Any]], scans: int
) -> dict[str, Any]:
    """p50/p95 of the engine's queries, and p95 of the same queries by scan (the first `scans`)."""
    results: dict[str, Any] = {}
    for kind, (engine_query, scan_query) in KINDS.items():
        for query in asked[kind][:5]:  # warm the caches both ways
            await timed(sessionmaker, engine_query, query)
        engine_ms = [await timed(sessionmaker, engine_query, q) for q in asked[kind]]
        scan_ms = [await timed(sessionmaker, scan_query, q) for q in asked[kind][:scans]]
        results[kind] = {
            "p50_ms": round(statistics.median(engine_ms), 2),
            "p95_ms": round(_p95(engine_ms), 2),
            "scan_p95_ms": round(_p95(scan_ms), 2),
            "scan_queries": len(scan_ms),
        }
    return results


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


async def run(backend: str, articles: int, url: str | None, scans: int) -> dict[str, Any]:
    """Build the database, load it, time the queries, drop it."""
    schema = f"bench_{uuid.uuid4().hex[:12]}" if backend == "postgresql" else None
    folder = tempfile.TemporaryDirectory()
    if backend == "sqlite":
        url = url or f"sqlite+aiosqlite:///{folder.name}/bench.db"
    else:
        url = url or POSTGRES_URL
        await create_schema(url, schema)
    engine = make_engine(url, schema=schema)
    try:
        await upgrade_database(engine)
        sessionmaker = make_sessionmaker(engine)
        history = History()
        rng = random.Random(5)
        sampled = set(rng.sample(range(articles), min(QUERIES, articles)))
        began = time.perf_counter()
        quotes, samples = await load(sessionmaker, history, articles, sampled)
        load_s = time.perf_counter() - began
        await analyze_database(engine)
        asked = queries(history, samples, rng)
        timings = await measure(sessionmaker, asked, scans)
    finally:
        await engine.dispose()
        if schema:
            await drop_schema(url, schema)
        folder.cleanup()
    return {
        "backend": backend,
        "articles": articles,
        "quotes": quotes,
        "load_s": round(load_s, 1),
        "queries": timings,
    }


def main() -> None:
    """Parse the options, run, print the JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--database-url")
    parser.add_argument("--scans", type=int, default=QUERIES, help="queries timed by scan")
    options = parser.parse_args()
    result = asyncio.run(
        run(options.backend, options.articles, options.database_url, options.scans)
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
