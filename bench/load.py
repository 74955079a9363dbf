"""A busy news day: a backlog through the real handlers, the event loop under it, memory, and
the time from a paste to its answer in a simulated Discord.

Four parts, each printed as one JSON object on its own line (`--only NAME` runs one):

- `throughput`: a backlog of `--articles` (500) pasted articles, the seeds varied, each in a
  server of its own (one server would take a seed's copies for its story told again and
  analyse only the first), through `ingest_text` on a fresh SQLite file with the analysis
  pool of `newsbot run`, 1 worker and then 2, side by side:
  `{"workers": {"1": {"seconds", "articles_per_second"}, "2": ...}, "speedup"}`.
  Target: speedup >= 1.8 on 2 cores.
- `stall`: the longest event-loop stall a lag probe (a 5 ms sleep, measured against its
  deadline) saw while `--in-flight` (300) articles were in flight with 2 workers, with its
  p99. Target: <= 50 ms.
- `memory`: resident memory of the bot's process and its 2 workers after the model loaded,
  after 500 and after 1,000 articles: RSS and PSS (shared pages counted once) in MB. Target:
  <= 600 MB in all, flat from the 500th to the 1,000th.
- `answer`: in simcord, from a pasted 800-word article (a message.txt, as Discord sends long
  pastes) to the bot's posted answer, p50 and p95 over `--posts` (50) posts, each in a
  newsroom of its own, 2 workers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.composition import build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.analysis_pool import AnalysisPool  # noqa: E402
from handlers.ingest import Origin, ingest_text  # noqa: E402
from handlers.services import Services  # noqa: E402

SEEDS = ROOT / "seeds"
PROBE_SECONDS = 0.005


def seed_bodies() -> list[str]:
    """The seed articles as a reporter pastes them."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def varied_article(bodies: list[str], number: int) -> str:
    """Seed `number % 10`, made unique by a closing paragraph of its own (a new content hash;
    still the same story, so each copy goes to a server of its own)."""
    body = bodies[number % len(bodies)]
    return f"{body}\n\nThis is copy {number} of the story on the wire, filed for the backlog."


def article_of_words(bodies: list[str], number: int, words: int = 800) -> str:
    """An article of about `words` words: two seeds' paragraphs end to end, headline first."""
    first, second = bodies[number % len(bodies)], bodies[(number + 1) % len(bodies)]
    headline, _, rest = first.partition("\n\n")
    paragraphs = [*rest.split("\n\n"), *second.split("\n\n")[1:]]
    kept: list[str] = []
    count = 0
    for paragraph in paragraphs:
        if count >= words:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    kept.append(f"This is post {number} of the timing run.")
    return "\n\n".join([headline, *kept])


def settings_for(folder: Path, workers: int) -> Settings:
    """The bot's settings on a fresh SQLite file with `workers` analysis processes."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{folder / f'load-{workers}.db'}",
        analysis_workers=workers,
    )


@asynccontextmanager
async def pool_services(folder: Path, workers: int) -> AsyncIterator[Services]:
    """What `newsbot run` builds: worker processes loaded, a fresh database."""
    async with build_services(settings_for(folder, workers), processes=True) as services:
        yield services


class LagProbe:
    """Sleeps a few milliseconds over and over and records how late it wakes."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _probe(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            deadline = loop.time() + PROBE_SECONDS
            await asyncio.sleep(PROBE_SECONDS)
            self.lags.append(max(0.0, loop.time() - deadline))

    def __enter__(self) -> LagProbe:
        self._task = asyncio.get_running_loop().create_task(self._probe())
        return self

    def __exit__(self, *_: object) -> None:
        if self._task is not None:
            self._task.cancel()

    def figures(self) -> dict[str, float]:
        """The longest stall and the 99th percentile, in ms."""
        ordered = sorted(self.lags) or [0.0]
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return {"max_stall_ms": round(ordered[-1] * 1000, 1), "p99_ms": round(p99 * 1000, 1)}


async def ingest_backlog(
    services: Services, texts: list[str], in_flight: int, first_message: int = 0
) -> float:
    """Ingest every text, `in_flight` at a time; the seconds it took."""
    gate = asyncio.Semaphore(in_flight)

    async def one(number: int, text: str) -> None:
        async with gate:
            message = first_message + number
            # Each copy in a server of its own: the same-story check (per server) would
            # otherwise take a seed's copies for its story told again and analyse none of them.
            origin = Origin(guild_id=message, channel_id=1, message_id=message, author_id=5)
            result = await ingest_text(services, origin, text)
            assert not result.duplicate, "a copy was not analysed: the figures would be wrong"

    start = time.perf_counter()
    await asyncio.gather(*(one(n, t) for n, t in enumerate(texts)))
    return time.perf_counter() - start


def process_memory_mb(pid: int) -> dict[str, float]:
    """A process's resident (RSS) and proportional (PSS) memory in MB, from /proc."""
    figures = {"rss_mb": 0.0, "pss_mb": 0.0}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("Rss", "Pss"):
            figures[f"{name.lower()}_mb"] = round(int(value.split()[0]) / 1024, 1)
    return figures


def memory_of(services: Services) -> dict[str, object]:
    """The bot's process and its workers: each, and the sum."""
    import os

    pool = services.analyzer
    workers = pool.worker_pids() if isinstance(pool, AnalysisPool) else []
    bot = process_memory_mb(os.getpid())
    each = [process_memory_mb(pid) for pid in workers]
    total = {key: round(bot[key] + sum(w[key] for w in each), 1) for key in bot}
    return {"bot": bot, "workers": each, "total": total}


async def measure_throughput(folder: Path, articles: int, in_flight: int) -> dict[str, object]:
    """Articles per second with 1 worker and with 2, on the same backlog."""
    bodies = seed_bodies()
    texts = [varied_article(bodies, n) for n in range(articles)]
    results: dict[str, dict[str, float]] = {}
    for workers in (1, 2):
        async with pool_services(folder, workers) as services:
            seconds = await ingest_backlog(services, texts, in_flight)
        results[str(workers)] = {
            "seconds": round(seconds, 2),
            "articles_per_second": round(articles / seconds, 2),
        }
    speedup = results["2"]["articles_per_second"] / results["1"]["articles_per_second"]
    return {
        "part": "throughput",
        "articles": articles,
        "in_flight": in_flight,
        "workers": results,
        "speedup": round(speedup, 2),
    }


async def measure_stall(folder: Path, articles: int, in_flight: int) -> dict[str, object]:
    """The event loop's longest stall while `in_flight` articles are in flight, 2 workers."""
    bodies = seed_bodies()
    texts = [varied_article(bodies, n) for n in range(articles)]
    async with pool_services(folder / "stall", 2) as services:
        with LagProbe() as probe:
            await ingest_backlog(services, texts, in_flight)
    return {"part": "stall", "articles": articles, "in_flight": in_flight, **probe.figures()}


async def measure_memory(folder: Path, in_flight: int) -> dict[str, object]:
    """Memory after the model loads, after 500 and after 1,000 articles, 2 workers."""
    bodies = seed_bodies()
    async with pool_services(folder / "memory", 2) as services:
        loaded = memory_of(services)
        first = [varied_article(bodies, n) for n in range(500)]
        await ingest_backlog(services, first, in_flight)
        at_500 = memory_of(services)
        second = [varied_article(bodies, n) for n in range(500, 1000)]
        await ingest_backlog(services, second, in_flight, first_message=500)
        at_1000 = memory_of(services)
    return {
        "part": "memory",
        "after_model_load": loaded,
        "after_500": at_500,
        "after_1000": at_1000,
    }


async def measure_answer(folder: Path, posts: int) -> dict[str, object]:
    """Seconds from a pasted 800-word article to the bot's posted answer, in simcord."""
    import simcord

    from bot.client import NewsBot

    bodies = seed_bodies()
    seconds: list[float] = []
    answered = 0
    async with pool_services(folder / "answer", 2) as services:
        bot = NewsBot(services)
        async with simcord.run(bot) as env:
            await bot.tree.sync()
            for number in range(posts):
                # A newsroom of its own for each post: the articles are made of the same ten
                # seeds, which one server would take for stories told again.
                reporter, channel = await _newsroom(env, number)
                paste = article_of_words(bodies, number).encode("utf-8")
                start = time.perf_counter()
                await reporter.send(channel, "", attachments=[("message.txt", paste)])
                seconds.append(time.perf_counter() - start)
                answered += sum(1 for t in channel.threads for m in t.history() if m.embeds)
    ordered = sorted(seconds)
    return {
        "part": "answer",
        "posts": posts,
        "words": len(article_of_words(bodies, 0).split()),
        "answered": answered,
        "p50_seconds": round(statistics.median(ordered), 3),
        "p95_seconds": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 3),
    }


async def _newsroom(env: Any, number: int) -> tuple[Any, Any]:
    """A server with a watched channel and a reporter (simcord's handles)."""
    import discord

    guild = env.create_guild(f"Harbour Daily {number}")
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    editor = guild.add_member(env.create_user(f"editor-{number}"), roles=[editors])
    reporter = guild.add_member(env.create_user(f"reporter-{number}"))
    channel = guild.create_text_channel("newsroom")
    await editor.slash(channel, "watch")
    return reporter, channel


def main() -> int:
    """Run the parts asked for and print one JSON object per part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("throughput", "stall", "memory", "answer"))
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--in-flight", type=int, default=300)
    parser.add_argument("--posts", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsbot-load-") as tmp:
        folder = Path(tmp)
        parts: dict[str, Callable[[], Awaitable[dict[str, object]]]] = {
            "throughput": lambda: measure_throughput(folder, args.articles, args.in_flight),
            "stall": lambda: measure_stall(folder, args.articles, args.in_flight),
            "memory": lambda: measure_memory(folder, args.in_flight),
            "answer": lambda: measure_answer(folder, args.posts),
        }
        for name, run in parts.items():
            if args.only in (None, name):
                (folder / name).mkdir(exist_ok=True)
                print(json.dumps(asyncio.run(run())), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
