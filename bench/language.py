"""Language detection on the AEB pages: how many read as English, another language, or unsure.

Usage: python bench/language.py --aeb ../shared/data/aeb [--list]
Prints JSON: for the ground-truth article texts and for our extracted texts, the counts of
"en", "other" and "unsure", the languages found, and the mean milliseconds per call. The pages
carry no language label; the language each page declares on <html lang> is shown beside the
detection for comparison, and --list adds, to check by eye, every page found unsure or not
English, or where the two texts or the declaration disagree.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

from intake.extract import article_from_html, html_language
from intake.quality import detect_language


def _detect_timed(text: str) -> tuple[str | None, float]:
    """The detected language and the seconds the call took."""
    started = time.perf_counter()
    language = detect_language(text)
    return language, time.perf_counter() - started


def _bucket(language: str | None) -> str:
    """en, other or unsure."""
    if language is None:
        return "unsure"
    return "en" if language == "en" else "other"


def _worth_a_look(truth: str | None, extracted: str | None, declared: str | None) -> bool:
    """Unsure, not English, or at odds with the other text or with the page's declaration."""
    if truth is None or extracted is None or truth != extracted or truth != "en":
        return True
    return declared is not None and declared != truth


def run(aeb: Path, listing: bool) -> dict[str, object]:
    """Detect the language of every page's ground-truth text and extracted text."""
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    detect_language("Warm-up: the model loads on the first call, which is timed apart.")
    sources = ("truth", "extracted")
    counts: dict[str, Counter[str]] = {source: Counter() for source in sources}
    languages: dict[str, Counter[str]] = {source: Counter() for source in sources}
    seconds: dict[str, float] = dict.fromkeys(sources, 0.0)
    declared: Counter[str] = Counter()
    disagreements: list[dict[str, object]] = []
    for page_id, expected in sorted(truth.items()):
        html = gzip.decompress((aeb / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        texts = {
            "truth": expected["articleBody"],
            "extracted": article_from_html(html, expected.get("url", "")).text,
        }
        page_lang = html_language(html)
        declared[page_lang or "none"] += 1
        found: dict[str, str | None] = {}
        for source, text in texts.items():
            language, took = _detect_timed(text)
            seconds[source] += took
            counts[source][_bucket(language)] += 1
            languages[source][language or "unsure"] += 1
            found[source] = language
        if listing and _worth_a_look(found["truth"], found["extracted"], page_lang):
            disagreements.append(
                {
                    "id": page_id[:12],
                    "url": expected.get("url", ""),
                    "declared": page_lang,
                    **found,
                    "words": len(texts["truth"].split()),
                    "start": " ".join(texts["truth"].split()[:12]),
                }
            )
    pages = len(truth)
    result: dict[str, object] = {
        "pages": pages,
        "declared_on_html": dict(declared.most_common()),
        **{
            source: {
                "counts": {key: counts[source][key] for key in ("en", "other", "unsure")},
                "languages": dict(languages[source].most_common()),
                "ms_per_call": round(1000 * seconds[source] / pages, 3),
            }
            for source in sources
        },
    }
    if listing:
        result["disagreements"] = disagreements
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aeb", type=Path, required=True, help="the aeb data directory")
    parser.add_argument("--list", action="store_true", help="list the pages that disagree")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.aeb, args.list), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
