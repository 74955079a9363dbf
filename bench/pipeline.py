"""How much the whole analysis costs beyond spaCy's parse, measured side by side.

Usage: python bench/pipeline.py [--runs 25]

For a seed-size article and a 1,000-word article, each run times the stock pipeline's
`nlp(text)` alone and the whole analysis (our tokenizer and parse fixes and the parse included)
on the same text, interleaved so both see the same machine state. Prints JSON: medians in
milliseconds and their ratio (target: at most 1.25).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from spacy.language import Language

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


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    nlp = load_pipeline()
    stock = load_pipeline(parse_fixes=False)
    result = {
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}",
        "seed": measure(nlp, stock, seed_article(), args.runs),
        "thousand_words": measure(nlp, stock, thousand_word_article(), args.runs),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
