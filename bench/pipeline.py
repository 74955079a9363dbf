"""How much the whole analysis costs beyond spaCy's parse, measured side by side.

Usage: python bench/pipeline.py [--runs 25] [--batch 100]

For a seed-size article and a 1,000-word article, each run times the stock pipeline's
`nlp(text)` alone and the whole analysis (our tokenizer and parse fixes and the parse included)
on the same text, interleaved so both see the same machine state. Prints JSON: medians in
milliseconds and their ratio (target: at most 1.25).

With `--batch N`, instead: a backlog of N seed articles (as a catch-up reads them) parsed by our
pipeline one by one (`nlp(text)`, what each analysis does) and in batches (`nlp.pipe`, batch
sizes 8 and 32), `--runs` rounds interleaved; prints milliseconds an article for each (the
median round) and the batches' speed-up over one by one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from analysis.mark_runs import break_mark_runs
from analysis.nlp import load_pipeline
from analysis.pipeline import analyze
from intake.text import article_from_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_article() -> str:
    """The port-strike seed as pasted text."""
    return (SEEDS / "port-strike.txt").read_text(encoding="utf-8")


def thousand_word_article() -> str:
    """About 1,000 words of article: seed bodies joined under one headline, cut at a paragraph."""
    paragraphs: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n")[1:-3]  # no headline or credits
        paragraphs += body
        if sum(len(p.split()) for p in paragraphs) >= 1000:
            break
    kept: list[str] = []
    for paragraph in paragraphs:
        if sum(len(p.split()) for p in kept) >= 1000:
            break
        kept.append(paragraph)
    return "A week of news from the northern coast\n\n" + "\n\n".join(kept)


def measure(nlp: Language, stock: Language, text: str, runs: int) -> dict[str, float]:
    """Median milliseconds of the stock parse alone and of the whole analysis, and their ratio."""
    article = article_from_text(text)
    for _ in range(3):  # warm caches and lazy initialisation
        analyze(nlp, article)
        stock(article.text)
    parse_times: list[float] = []
    analysis_times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        stock(article.text)
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        analyze(nlp, article)
        analysis_times.append(time.perf_counter() - started)
    parse_ms = statistics.median(parse_times) * 1000
    analysis_ms = statistics.median(analysis_times) * 1000
    return {
        "words": len(article.text.split()),
        "runs": runs,
        "parse_ms": round(parse_ms, 2),
        "analysis_ms": round(analysis_ms, 2),
        "ratio": round(analysis_ms / parse_ms, 3),
    }


def backlog(size: int) -> list[str]:
    """`size` seed articles, the ten seeds in turn, as the analysis parses them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [break_mark_runs(article_from_text(texts[n % len(texts)]).text) for n in range(size)]


def measure_batches(nlp: Language, texts: list[str], rounds: int) -> dict[str, object]:
    """Milliseconds an article, one by one and with nlp.pipe, the median of `rounds` rounds."""
    ways: dict[str, Callable[[], object]] = {
        "one_by_one": lambda: [nlp(t) for t in texts],
        "pipe_batch_8": lambda: list(nlp.pipe(texts, batch_size=8)),
        "pipe_batch_32": lambda: list(nlp.pipe(texts, batch_size=32)),
    }
    nlp(texts[0])  # lazy initialisation
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(rounds):
        for name, run in ways.items():  # interleaved: each way sees the same machine state
            started = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - started) * 1000 / len(texts))
    per_article = {name: round(statistics.median(t), 2) for name, t in times.items()}
    one = per_article["one_by_one"]
    return {
        "articles": len(texts),
        "rounds": rounds,
        "ms_per_article": per_article,
        "speedup_over_one_by_one": {
            name: round(one / ms, 3) for name, ms in per_article.items() if name != "one_by_one"
        },
    }


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--batch", type=int, help="a backlog of this many: pipe against one by one")
    args = parser.parse_args()
    nlp = load_pipeline()
    if args.batch:
        print(json.dumps(measure_batches(nlp, backlog(args.batch), args.runs), indent=2))
        return
    stock = load_pipeline(parse_fixes=False)
    result = {
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}",
        "seed": measure(nlp, stock, seed_article(), args.runs),
        "thousand_words": measure(nlp, stock, thousand_word_article(), args.runs),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
