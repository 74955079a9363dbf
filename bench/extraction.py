"""Article extraction benchmark: our extraction against bare trafilatura on the AEB pages.

Usage: python bench/extraction.py --aeb ../shared/data/aeb
Prints JSON: F1, precision, recall (the benchmark's shingle metric) and mean seconds per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import trafilatura

from intake.extract import article_from_html

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4

Extractor = Callable[[str, str], str]


def shingles(text: str, n: int = _SHINGLE) -> Counter[tuple[str, ...]]:
    """Overlapping n-token shingles of `text`, tokens being \\w+ runs with case kept."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def document_scores(truth: str, prediction: str) -> tuple[float | None, float | None]:
    """Precision and recall for one document (None where the side cannot be scored)."""
    true_counts, pred_counts = shingles(truth), shingles(prediction)
    tp = fp = fn = 0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    total = tp + fp + fn
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total  # every document weighs the same
    precision = tp_n / (tp_n + fp_n) if pred_counts else None
    recall = tp_n / (tp_n + fn_n) if true_counts else None
    return precision, recall


def summarise(scores: Iterable[tuple[float | None, float | None]]) -> dict[str, float]:
    """Mean precision and recall over documents, and their harmonic mean."""
    pairs = list(scores)
    precisions = [p for p, _ in pairs if p is not None]
    recalls = [r for _, r in pairs if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def ours(html: str, url: str) -> str:
    """Our extraction's article text."""
    return article_from_html(html, url).text


def bare_trafilatura(html: str, url: str) -> str:
    """trafilatura.extract with its defaults."""
    return trafilatura.extract(html, url=url) or ""


def run(aeb: Path, extractors: dict[str, Extractor]) -> dict[str, object]:
    """Score every extractor over every page of the benchmark."""
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    scores: dict[str, list[tuple[float | None, float | None]]] = {name: [] for name in extractors}
    seconds: dict[str, float] = dict.fromkeys(extractors, 0.0)
    for page_id, expected in sorted(truth.items()):
        html = gzip.decompress((aeb / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        for name, extract in extractors.items():
            started = time.perf_counter()
            text = extract(html, expected.get("url", ""))
            seconds[name] += time.perf_counter() - started
            scores[name].append(document_scores(expected["articleBody"], text))
    pages = len(truth)
    return {
        "pages": pages,
        **{
            name: {**summarise(scores[name]), "seconds_per_page": round(seconds[name] / pages, 4)}
            for name in extractors
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aeb", type=Path, required=True, help="the aeb data directory")
    args = parser.parse_args(argv)
    result = run(args.aeb, {"newsbot": ours, "trafilatura": bare_trafilatura})
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
