"""The same story in two forms: found and false matches of the near-duplicate test, as JSON.

Usage:
  python bench/near_duplicates.py                 # the deployed shingle size
  python bench/near_duplicates.py --sizes 3 4 5   # compare shingle sizes

Cases, built from the ten seeds (each read as a paste would be, by intake.text):
- the same story (each variant against its seed): the seed's page read as a link would be
  (intake.extract on seeds/*.html), a new headline, a rewritten intro, the ending trimmed to
  75% and to 50% of the paragraphs, an outlet's paragraph added, paragraphs reordered, and two
  other outlets' copies of the wire story (new headline, dateline and credit lines gone, house
  style, a new intro, the ending trimmed to 80% or 45%, their own footer);
- not the same story: every other seed against the seed and against every variant of it (the
  same outlet's other stories, sharing its credit lines), and the follow-up articles of
  tests/same_story (the same topic, people and a repeated quote, a new article) against their
  seed, its variants and every other seed.

For every pair the score is analysis.text.fingerprints' estimate from the two fingerprints
(containment: the shorter text's share of shingles found in the other), as the bot computes it;
a pair counts as found only if the two fingerprints also meet in an LSH band, as the database
lookup requires. Printed per candidate threshold: found, missed, false matches, precision and
recall; and the lowest same-story score and highest other-story score per kind of case.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from analysis.text import fingerprints as fp  # noqa: E402
from intake.extract import article_from_html  # noqa: E402
from intake.text import article_from_text  # noqa: E402

SEEDS = REPO / "seeds"
SAME_TOPIC = REPO / "tests" / "same_story"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9)

OTHER_INTRO = (
    "Readers across the region woke to news on Tuesday that is likely to shape the coming "
    "weeks, as officials, workers and residents weighed what the decision means for them."
)
ADDED_PARAGRAPH = (
    "The decision comes at a difficult moment for the region, which has seen several years of "
    "slow growth, rising living costs and growing frustration among younger residents who say "
    "they see little future for themselves in the towns where they grew up."
)
FOOTER = "This story was supplied by a news agency and edited by our desk. Tell us what you think."
CREDIT_LINE = re.compile(r"^(Reporting by|Contact:|Comments are moderated)")
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d+ \([^)]*\) — ")
HOUSE_STYLE = (("percent", "per cent"), ("Mr. ", "Mr "), ("Ms. ", "Ms "), (" said", " says"))


@dataclass(frozen=True)
class Seed:
    """A seed article: its slug, headline and paragraphs as a paste gives them."""

    slug: str
    title: str
    paragraphs: list[str]


def load_seed(path: Path) -> Seed:
    article = article_from_text(path.read_text(encoding="utf-8"))
    return Seed(path.stem, article.title or "", article.text.split("\n\n"))


def pasted(title: str, paragraphs: list[str]) -> str:
    """The article text as the bot stores a paste of it (headline taken off)."""
    return article_from_text("\n\n".join([title, *paragraphs])).text


def body(seed: Seed) -> list[str]:
    """The paragraphs without the credit lines at the end."""
    return [p for p in seed.paragraphs if not CREDIT_LINE.match(p)]


def trimmed(paragraphs: list[str], share: float) -> list[str]:
    return paragraphs[: max(1, round(len(paragraphs) * share))]


def wire_copy(seed: Seed, share: float) -> str:
    paragraphs = trimmed(body(seed), share)
    paragraphs[0] = DATELINE.sub("", paragraphs[0])
    paragraphs = [OTHER_INTRO, *paragraphs[1:], FOOTER]
    text = "\n\n".join(paragraphs)
    for old, new in HOUSE_STYLE:
        text = text.replace(old, new)
    return pasted("Agency copy: " + seed.title.lower(), text.split("\n\n"))


def reordered(paragraphs: list[str]) -> list[str]:
    moved = list(paragraphs)
    for i in range(1, len(moved) - 1, 3):
        moved[i], moved[i + 1] = moved[i + 1], moved[i]
    return moved


VARIANTS: dict[str, Callable[[Seed], str]] = {
    "link_vs_paste": lambda s: (
        article_from_html(
            (SEEDS / f"{s.slug}.html").read_text(encoding="utf-8"), f"https://news.example/{s.slug}"
        ).text
    ),
    "headline_changed": lambda s: pasted("A different headline for " + s.slug, s.paragraphs),
    "intro_rewritten": lambda s: pasted(s.title, [OTHER_INTRO, *s.paragraphs[1:]]),
    "trimmed_to_75pc": lambda s: pasted(s.title, trimmed(s.paragraphs, 0.75)),
    "trimmed_to_50pc": lambda s: pasted(s.title, trimmed(s.paragraphs, 0.5)),
    "paragraph_added": lambda s: pasted(
        s.title, [*s.paragraphs[:3], ADDED_PARAGRAPH, *s.paragraphs[3:]]
    ),
    "paragraphs_reordered": lambda s: pasted(s.title, reordered(s.paragraphs)),
    "other_outlet_copy": lambda s: wire_copy(s, 0.8),
    "other_outlet_short_copy": lambda s: wire_copy(s, 0.45),
}


@dataclass(frozen=True)
class Pair:
    """Two texts, whether they are one story, the kind of case, and their score."""

    kind: str
    same: bool
    score: float
    meet_in_band: bool


def compare(kind: str, same: bool, a: fp.Fingerprint, b: fp.Fingerprint) -> Pair:
    meet = bool(set(fp.band_keys(a)) & set(fp.band_keys(b)))
    return Pair(kind, same, round(fp.same_story_score(a, b), 3), meet)


def build_pairs(size: int) -> list[Pair]:
    seeds = [load_seed(p) for p in sorted(SEEDS.glob("*.txt"))]
    original = {s.slug: fp.fingerprint("\n\n".join(s.paragraphs), size) for s in seeds}
    variants = {
        (s.slug, name): fp.fingerprint(make(s), size)
        for s in seeds
        for name, make in VARIANTS.items()
    }
    pairs: list[Pair] = []
    for (slug, name), print_ in variants.items():
        pairs.append(compare(name, True, original[slug], print_))
        for other in seeds:
            if other.slug != slug:
                pairs.append(compare(f"other_story_vs_{name}", False, original[other.slug], print_))
    for i, a in enumerate(seeds):
        for b in seeds[i + 1 :]:
            pairs.append(
                compare("same_outlet_other_story", False, original[a.slug], original[b.slug])
            )
    for path in sorted(SAME_TOPIC.glob("*.txt")):
        topic = path.stem.split("--")[0]
        follow_up = fp.fingerprint(article_from_text(path.read_text(encoding="utf-8")).text, size)
        pairs.append(compare("same_topic_vs_seed", False, original[topic], follow_up))
        for name in VARIANTS:
            variant = variants[(topic, name)]
            pairs.append(compare("same_topic_vs_variant", False, variant, follow_up))
        for slug, print_ in original.items():
            if slug != topic:
                pairs.append(compare("same_topic_vs_other_seed", False, print_, follow_up))
    return pairs


def at_threshold(pairs: list[Pair], threshold: float) -> dict[str, float | int]:
    matched = [p for p in pairs if p.meet_in_band and p.score >= threshold]
    found = sum(1 for p in matched if p.same)
    false = len(matched) - found
    same = sum(1 for p in pairs if p.same)
    return {
        "threshold": threshold,
        "found": found,
        "missed": same - found,
        "false_matches": false,
        "precision": round(found / len(matched), 3) if matched else 1.0,
        "recall": round(found / same, 3) if same else 1.0,
    }


def by_kind(pairs: list[Pair]) -> dict[str, dict[str, float | int]]:
    kinds: dict[str, list[Pair]] = {}
    for pair in pairs:
        kinds.setdefault(pair.kind, []).append(pair)
    summary: dict[str, dict[str, float | int]] = {}
    for kind, group in kinds.items():
        scores = [p.score for p in group]
        entry: dict[str, float | int] = {"pairs": len(group)}
        if group[0].same:
            entry["lowest_score"] = min(scores)
            entry["meet_in_band"] = sum(p.meet_in_band for p in group)
        else:
            entry["highest_score"] = max(scores)
        summary[kind] = entry
    return summary


def report(size: int) -> dict[str, object]:
    started = time.perf_counter()
    pairs = build_pairs(size)
    elapsed = time.perf_counter() - started
    same = [p for p in pairs if p.same]
    other = [p for p in pairs if not p.same]
    return {
        "shingle_words": size,
        "signature_size": fp.SIGNATURE_SIZE,
        "bands": f"{fp.BANDS} x {fp.ROWS_PER_BAND}",
        "same_story_pairs": len(same),
        "other_story_pairs": len(other),
        "lowest_same_story_score": min(p.score for p in same),
        "highest_other_story_score": max(p.score for p in other),
        "other_stories_meeting_in_a_band": sum(p.meet_in_band for p in other),
        "deployed_threshold": fp.SAME_STORY_THRESHOLD,
        "thresholds": [at_threshold(pairs, t) for t in THRESHOLDS],
        "by_kind": by_kind(pairs),
        "seconds": round(elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[fp.SHINGLE_WORDS])
    args = parser.parse_args()
    results = [report(size) for size in args.sizes]
    print(json.dumps(results[0] if len(results) == 1 else results, indent=2))


if __name__ == "__main__":
    main()
