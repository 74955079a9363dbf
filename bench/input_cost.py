"""What one analysis costs against the size of its text: seconds and peak memory.

Each size runs in a fresh process (peak resident memory is per process): the pipeline is loaded,
one warm-up seed analysed, then an article of about that many characters (the seeds one after
another) is parsed by spaCy alone, then analysed whole (its own parse included). Prints one JSON
object per size: `{"chars", "words", "parse_seconds", "parse_added_mb", "seconds", "peak_rss_mb",
"added_rss_mb"}`, where the `added` figures are the peak above the process after the model
loaded: after the parse alone, then after the whole analysis.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIZES = (10_000, 25_000, 50_000, 60_000, 100_000, 200_000, 400_000)


def article_text(chars: int) -> str:
    """About `chars` characters of article text: the seeds' bodies, over and over."""
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    parts: list[str] = []
    length = 0
    while length < chars:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        length += len(body) + 2
    return "\n\n".join(parts)[:chars]


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(chars: int) -> dict[str, object]:
    """Load the pipeline, then time and weigh one analysis of `chars` characters."""
    from analysis.nlp import load_pipeline
    from analysis.pipeline import analyze, parse
    from intake.text import article_from_text

    nlp = load_pipeline()
    analyze(nlp, article_from_text(article_text(5_000)))
    loaded = peak_rss_mb()
    article = article_from_text(article_text(chars))
    start = time.perf_counter()
    parse(nlp, article.text)
    parse_seconds = time.perf_counter() - start
    parsed = peak_rss_mb()
    start = time.perf_counter()
    analyze(nlp, article)
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    return {
        "chars": len(article.text),
        "words": len(article.text.split()),
        "parse_seconds": round(parse_seconds, 2),
        "parse_added_mb": round(parsed - loaded),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak),
        "added_rss_mb": round(peak - loaded),
    }


def main() -> None:
    """Measure every size, each in a process of its own."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES), metavar="CHARS")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's entry point
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure_one(args.one)))
        return
    for chars in args.sizes:
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(chars)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(child.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
