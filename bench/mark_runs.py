"""spaCy's tokenizer on long runs of one mark, with and without breaking the runs first.

Prints JSON: for each mark and run length, seconds to tokenize the raw text, to tokenize it
with the runs broken (analysis/mark_runs.py), and for the whole analysis of an article that
carries the run. `--raw-up-to N` caps the raw (quadratic) measurements, which take minutes.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from functools import partial

from analysis.mark_runs import break_mark_runs
from analysis.nlp import load_pipeline
from analysis.pipeline import analyze
from intake.article import Article

MARKS = ('"', "“", "'", "(", "!")
LENGTHS = (2_500, 5_000, 10_000, 20_000)
SENTENCE = "The harbour authority said the strike would end on Friday, and the union agreed. "


def seconds(work: Callable[[], object]) -> float:
    """Wall-clock seconds one call takes."""
    start = time.perf_counter()
    work()
    return round(time.perf_counter() - start, 3)


def main() -> None:
    """Measure and print one JSON object per mark and length."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw-up-to", type=int, default=5_000, help="largest raw run timed")
    args = parser.parse_args()
    nlp = load_pipeline()
    for mark in MARKS:
        for length in LENGTHS:
            text = SENTENCE * 10 + mark * length + " " + SENTENCE * 10
            row: dict[str, object] = {"mark": mark, "run": length}
            if length <= args.raw_up_to:
                row["tokenize_raw_s"] = seconds(partial(nlp.tokenizer, text))
            broken = break_mark_runs(text)
            row["tokenize_broken_s"] = seconds(partial(nlp.tokenizer, broken))
            row["analyze_s"] = seconds(partial(analyze, nlp, Article(text=text)))
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
