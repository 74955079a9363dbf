"""How well `/ask` answers: invented questions over the seeds, scored, as one JSON object.

Usage: python bench/ask_eval.py [--questions bench/ask_questions.json] [--database-url URL]

Every seed in `seeds/*.txt` is pasted through the real ingest path (`handlers.ingest.ingest_text`
on the services `newsbot run` builds, a fresh SQLite file unless `--database-url` names one),
then each question goes through `handlers.ask.ask`, the function the bot's `/ask` calls, over
the server's whole history.

Scoring: a question is `answered_right` when the first answer (what the reader sees first)
contains every string of its `expect` list, `answered_wrong` when the bot answered with
something else first, `said_nothing` when it gave no answer ("nothing answers that").
Matching folds case, runs of white space, curly quotes and dashes. `right_in_shown` also
counts a right answer anywhere among those shown (up to three).

Output: {"questions", "answered_right", "answered_wrong", "said_nothing", "right_in_shown",
"seconds", "results": [{"id", "question", "verdict", "right_in_shown", "answer", "expect"}]}
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.composition import build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.ask import ask  # noqa: E402
from handlers.ingest import Origin, ingest_text  # noqa: E402

SEEDS = ROOT / "seeds"
QUESTIONS = Path(__file__).resolve().parent / "ask_questions.json"
GUILD = 1
CHANNEL = 1
AUTHOR = 1
_FOLDS = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'",
                        "\u201c": '"', "\u201d": '"'})  # fmt: skip


def fold(text: str) -> str:
    """Text as the scoring compares it: case, spaces, curly quotes and dashes folded."""
    return re.sub(r"\s+", " ", text.translate(_FOLDS)).strip().casefold()


def is_right(answer: str, expect: list[str]) -> bool:
    """Whether an answer holds every expected string."""
    folded = fold(answer)
    return all(fold(part) in folded for part in expect)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--database-url", help="an empty database (default: a temporary SQLite)")
    return parser.parse_args(argv)


async def evaluate(settings: Settings, questions: list[dict[str, Any]]) -> dict[str, Any]:
    """Load the seeds, ask every question, score the answers."""
    started = time.perf_counter()
    results: list[dict[str, Any]] = []
    async with build_services(settings) as services:
        for message_id, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
            origin = Origin(GUILD, CHANNEL, message_id, AUTHOR)
            await ingest_text(services, origin, path.read_text(encoding="utf-8"))
        for item in questions:
            found = await ask(services, GUILD, item["question"])
            texts = [answer.text for answer in found.answers]
            if not texts:
                verdict = "said_nothing"
            elif is_right(texts[0], item["expect"]):
                verdict = "answered_right"
            else:
                verdict = "answered_wrong"
            results.append(
                {
                    "id": item["id"],
                    "question": item["question"],
                    "verdict": verdict,
                    "right_in_shown": any(is_right(t, item["expect"]) for t in texts),
                    "answer": texts[0] if texts else None,
                    "expect": item["expect"],
                }
            )
    verdicts = [r["verdict"] for r in results]
    return {
        "questions": len(results),
        "answered_right": verdicts.count("answered_right"),
        "answered_wrong": verdicts.count("answered_wrong"),
        "said_nothing": verdicts.count("said_nothing"),
        "right_in_shown": sum(r["right_in_shown"] for r in results),
        "seconds": round(time.perf_counter() - started, 1),
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the scores as one JSON object."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    questions = json.loads(args.questions.read_text(encoding="utf-8"))["questions"]
    with tempfile.TemporaryDirectory(prefix="ask-eval-") as folder:
        url = args.database_url or f"sqlite+aiosqlite:///{Path(folder) / 'ask.db'}"
        settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
        report = asyncio.run(evaluate(settings, questions))
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
