"""Quote and speaker benchmark on PolNeAR: recall, precision, F1 and speaker accuracy as JSON.

Usage: python bench/quotes.py --polnear ../shared/data/polnear --split dev [--errors N]
Scoring as ../shared/data/README.md says: a gold segment is found when one predicted quote covers
at least 80% of its tokens; a predicted quote of 3+ words is correct when at least 80% of its
tokens lie in the file's gold segments; speaker accuracy is judged on found segments whose gold
source is a proper name, matching when the name tokens of one contain the other's.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.attribution import attribute_quotes
from analysis.entities import cluster_entities
from analysis.entities.names import is_honorific
from analysis.nlp import load_pipeline

_TOKEN = re.compile(r"\w+")
_NOT_NAMES = {"the", "a", "an", "of", "and", "'s", "’s", "for", "at", "in", "on", "&"}
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"}
COVER = 0.8


@dataclass
class Gold:
    """One gold quoted segment: its span and its source mention."""

    start: int
    end: int
    text: str
    speaker: str | None


@dataclass
class Tally:
    """Running counts over the articles."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    judged: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)


def token_positions(text: str, start: int, end: int) -> list[int]:
    """Start offsets of the \\w+ tokens inside text[start:end]."""
    return [m.start() for m in _TOKEN.finditer(text, start, end)]


def covered(positions: list[int], spans: list[tuple[int, int]]) -> float:
    """The share of token positions inside any of spans (1.0 for no tokens)."""
    if not positions:
        return 1.0
    inside = sum(1 for p in positions if any(s <= p < e for s, e in spans))
    return inside / len(positions)


def is_proper_name(mention: str | None) -> bool:
    """A source written as a proper name: every content word capitalised, not a pronoun."""
    if not mention or mention.lower() in _PRONOUNS:
        return False
    words = [w for w in re.findall(r"[\w’'.-]+", mention) if w.lower() not in _NOT_NAMES]
    return bool(words) and all(w[0].isupper() for w in words)


def name_words(name: str) -> set[str]:
    """The name's tokens, honorifics and possessives dropped, case folded."""
    words = _TOKEN.findall(name.replace("’s", "").replace("'s", ""))
    # An honorific is dropped only in front of another word: "King" alone is a surname.
    kept = [w for i, w in enumerate(words) if not (is_honorific(w) and i + 1 < len(words))]
    return {w.lower() for w in kept if w.lower() not in _NOT_NAMES}


def speakers_match(gold: str, predicted: str | None) -> bool:
    """One name's tokens contain the other's."""
    if predicted is None:
        return False
    g, p = name_words(gold), name_words(predicted)
    return bool(g and p) and (g <= p or p <= g)


def load_gold(polnear: Path, split: str) -> dict[str, list[Gold]]:
    """The gold quoted segments of a split, by file."""
    by_file: dict[str, list[Gold]] = {}
    with (polnear / f"polnear_{split}_direct_quotes.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            gold = Gold(row["quote_start"], row["quote_end"], row["quote"], row["speaker_mention"])
            by_file.setdefault(row["file"], []).append(gold)
    return by_file


def score_article(text: str, gold: list[Gold], quotes: list[Any], tally: Tally) -> None:
    """Add one article's counts to the tally."""
    predicted = [(q.start, q.end) for q in quotes]
    gold_spans = [(g.start, g.end) for g in gold]
    for g in gold:
        tally.gold += 1
        positions = token_positions(text, g.start, g.end)
        match = next((q for q in quotes if covered(positions, [(q.start, q.end)]) >= COVER), None)
        if match is None:
            tally.misses.append(f"{g.text!r}  [gold speaker: {g.speaker}]")
            continue
        tally.found += 1
        if is_proper_name(g.speaker):
            tally.judged += 1
            if speakers_match(g.speaker or "", match.speaker):
                tally.speaker_right += 1
            else:
                context = text[max(0, match.start - 120) : match.end + 120].replace("\n", " / ")
                tally.wrong_speakers.append(
                    f"gold {g.speaker!r} got {match.speaker!r} ({match.cue}): …{context}…"
                )
    for start, end in predicted:
        positions = token_positions(text, start, end)
        if len(positions) < 3:
            continue
        tally.predicted += 1
        if covered(positions, gold_spans) >= COVER:
            tally.correct += 1
        else:
            context = text[max(0, start - 80) : end + 80].replace("\n", " / ")
            tally.false_positives.append(f"{text[start:end]!r}  …{context}…")


def ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def figures(tally: Tally) -> dict[str, float | int]:
    """The summary figures of a tally."""
    recall = ratio(tally.found, tally.gold)
    precision = ratio(tally.correct, tally.predicted)
    f1 = round(2 * recall * precision / (recall + precision), 4) if recall + precision else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "speaker_accuracy": ratio(tally.speaker_right, tally.judged),
        "gold_segments": tally.gold,
        "found": tally.found,
        "predicted": tally.predicted,
        "correct": tally.correct,
        "speaker_judged": tally.judged,
    }


def textacy_available() -> bool:
    """Whether the optional textacy extra is installed."""
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True


def textacy_quotes(doc: Any) -> list[Any]:
    """textacy's direct_quotations on a Doc, as objects with start/end/speaker."""
    from textacy.extract.triples import direct_quotations

    @dataclass
    class Found:
        start: int
        end: int
        speaker: str | None
        cue: str | None

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []  # textacy gives up on unbalanced quotation marks
    found = []
    for triple in triples:
        content = triple.content
        start, end = content.start_char + 1, content.end_char - 1
        speaker = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        found.append(Found(start, end, speaker, " ".join(t.text for t in triple.cue)))
    return found


def run(polnear: Path, split: str, limit: int | None) -> tuple[dict[str, Any], Tally]:
    """Run the pipeline over a split and score it (with textacy's figures when installed)."""
    nlp = load_pipeline()
    # textacy reads the stock pipeline's parse, as it would be published, not ours.
    textacy_ok = textacy_available()
    stock = load_pipeline(parse_fixes=False) if textacy_ok else None
    gold = load_gold(polnear, split)
    tally, textacy_tally = Tally(), Tally()
    articles = 0
    seconds = 0.0
    with (polnear / f"polnear_{split}.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and articles >= limit:
                break
            article = json.loads(line)
            text = article["text"]
            started = time.perf_counter()
            doc = nlp(text)
            quotes = attribute_quotes(doc, cluster_entities(doc))
            seconds += time.perf_counter() - started
            articles += 1
            score_article(text, gold.get(article["file"], []), quotes, tally)
            if stock is not None:
                theirs = textacy_quotes(stock(text))
                score_article(text, gold.get(article["file"], []), theirs, textacy_tally)
    result: dict[str, Any] = {"split": split, "articles": articles, **figures(tally)}
    result["seconds"] = round(seconds, 2)
    if textacy_ok:
        result["textacy"] = figures(textacy_tally)
    return result, tally


def print_errors(tally: Tally, count: int) -> None:
    """Print a random sample of each kind of error (seeded, so runs compare)."""
    sampler = random.Random(0)
    for title, items in (
        ("MISSES", tally.misses),
        ("FALSE POSITIVES", tally.false_positives),
        ("WRONG SPEAKERS", tally.wrong_speakers),
    ):
        print(f"== {title} ({len(items)})", file=sys.stderr)
        for item in sampler.sample(items, min(count, len(items))):
            print("  -", item, file=sys.stderr)


def main() -> None:
    """Parse arguments, run, print JSON (and error samples on stderr with --errors)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print N samples of each error")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    result, tally = run(args.polnear, args.split, args.limit)
    print(json.dumps(result, indent=2))
    if args.errors:
        print_errors(tally, args.errors)


if __name__ == "__main__":
    main()
