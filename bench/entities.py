"""Entity and speaker figures over hand-annotated articles, as one JSON object.

Usage:
  python bench/entities.py                                  # the wire set (tests/wire)
  python bench/entities.py --seeds                          # the wire set and the seeds
  python bench/entities.py --dir tests/wire --dir tests/gold --texts seeds [--errors]

A set is a directory of gold files (`<slug>.json`); its article texts are `<slug>.txt` in the
same directory, or in the directory given by the `--texts` that follows its `--dir`. Every
article is read with intake.files.read_article_file and analysed with analysis.pipeline.analyze
on one pipeline from analysis.nlp.load_pipeline.

Scoring (exact, no fuzzy matching):
- quotes: a gold quote is found when a predicted quote has exactly its text (each predicted quote
  matches at most one gold quote); predicted quotes matching no gold quote are extra.
- speaker_accuracy: of found gold quotes, the share whose predicted speaker equals the gold
  speaker (null is right only where gold is null). description_right: of found gold quotes with
  a null speaker and a description, the share predicted with a null speaker and that description
  (case-insensitive, surrounding space and trailing punctuation stripped).
- people_found: gold people present as exactly one PERSON entity of exactly that name;
  people_twice: gold people matched (by name or alias) by more than one PERSON entity;
  partial_names: PERSON entities whose name is a strict run of a gold name's words ("Long" for
  "Long Meiling") and is no gold person's name or alias (an alias standing alone as an entity
  is listed as alias_as_entity).
- org_place_precision: of ORG, GPE, LOC and FAC entities, the share whose name or an alias is a
  gold organisation (ORG) or a gold place (GPE, LOC, FAC), or a gold alias of one
  (`entity_aliases`); an organisation labelled as a place counts as wrong. org_recall and
  place_recall: gold organisations (places) matched by an entity of the right labels.
  person_precision: PERSON entities whose name is a gold person's name.
- not_entities: entities of those labels whose name or an alias is listed in `not_entities`.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from analysis.types import Entity, Quote, Report  # noqa: E402

ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCORED_LABELS = ORG_LABELS | PLACE_LABELS | {"PERSON"}
WIRE_DIR = REPO / "tests" / "wire"
SEED_GOLD_DIR = REPO / "tests" / "gold"
SEED_TEXT_DIR = REPO / "seeds"
SNIPPET = 60


@dataclass
class ArticleScore:
    """One article's counts and, for study, what went wrong."""

    slug: str
    gold_quotes: int = 0
    found_quotes: int = 0
    extra_quotes: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0
    description_judged: int = 0
    description_right: int = 0
    gold_people: int = 0
    people_found: int = 0
    people_twice: int = 0
    partial_names: int = 0
    persons_predicted: int = 0
    persons_right: int = 0
    org_place_predicted: int = 0
    org_place_right: int = 0
    gold_orgs: int = 0
    orgs_found: int = 0
    gold_places: int = 0
    places_found: int = 0
    not_entities_hit: int = 0
    errors: dict[str, list[Any]] = field(default_factory=dict)

    def note(self, kind: str, item: Any) -> None:
        """Record one error of a kind."""
        self.errors.setdefault(kind, []).append(item)


COUNT_FIELDS = (
    "gold_quotes",
    "found_quotes",
    "extra_quotes",
    "speaker_judged",
    "speaker_right",
    "description_judged",
    "description_right",
    "gold_people",
    "people_found",
    "people_twice",
    "partial_names",
    "persons_predicted",
    "persons_right",
    "org_place_predicted",
    "org_place_right",
    "gold_orgs",
    "orgs_found",
    "gold_places",
    "places_found",
    "not_entities_hit",
)


def normalise_description(text: str | None) -> str:
    """A description compared loosely: case folded, space and trailing punctuation stripped."""
    if text is None:
        return ""
    return text.strip().rstrip(string.punctuation + "’”").strip().casefold()


def snippet(text: str) -> str:
    """A quote shortened for an error list."""
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def forms(entity: Entity) -> tuple[str, ...]:
    """An entity's name and aliases."""
    return (entity.name, *entity.aliases)


def gold_forms(canonical: Iterable[str], aliases: dict[str, list[str]]) -> dict[str, set[str]]:
    """Every accepted surface form of each canonical gold name: itself and its gold aliases."""
    return {name: {name, *aliases.get(name, [])} for name in canonical}


def is_strict_part(part: str, whole: str) -> bool:
    """Whether `part`'s words are a shorter contiguous run of `whole`'s words."""
    small, big = part.split(), whole.split()
    if not small or len(small) >= len(big):
        return False
    return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def score_quotes(report: Report, gold: dict[str, Any], score: ArticleScore) -> None:
    """Found and extra quotes, speaker and description accuracy on found quotes."""
    by_text: dict[str, list[Quote]] = {}
    for quote in report.quotes:
        by_text.setdefault(quote.text, []).append(quote)
    for expected in gold["quotes"]:
        score.gold_quotes += 1
        candidates = by_text.get(expected["text"], [])
        if not candidates:
            score.note(
                "missing_quotes",
                {"quote": snippet(expected["text"]), "speaker": expected["speaker"]},
            )
            continue
        quote = candidates.pop(0)
        score.found_quotes += 1
        score.speaker_judged += 1
        if quote.speaker == expected["speaker"]:
            score.speaker_right += 1
        else:
            score.note(
                "wrong_speakers",
                {
                    "quote": snippet(quote.text),
                    "gold": expected["speaker"],
                    "got": quote.speaker,
                    "cue": quote.cue,
                },
            )
        wanted = expected.get("speaker_description")
        if expected["speaker"] is None and wanted:
            score.description_judged += 1
            same = normalise_description(quote.speaker_description) == normalise_description(wanted)
            if quote.speaker is None and same:
                score.description_right += 1
            else:
                score.note(
                    "wrong_descriptions",
                    {
                        "quote": snippet(quote.text),
                        "gold": wanted,
                        "got_speaker": quote.speaker,
                        "got": quote.speaker_description,
                    },
                )
    for leftovers in by_text.values():
        for quote in leftovers:
            score.extra_quotes += 1
            score.note("extra_quotes", {"quote": snippet(quote.text), "speaker": quote.speaker})


def score_people(report: Report, gold: dict[str, Any], score: ArticleScore) -> None:
    """Gold people found once, found twice, cut to part of their name; PERSON precision."""
    persons = [entity for entity in report.entities if entity.label == "PERSON"]
    names = Counter(entity.name for entity in persons)
    gold_names = {person["name"] for person in gold["people"]}
    gold_aliases = {alias for person in gold["people"] for alias in person["aliases"]}
    for person in gold["people"]:
        score.gold_people += 1
        accepted = {person["name"], *person["aliases"]}
        if names[person["name"]] == 1:
            score.people_found += 1
        else:
            score.note("people_missing", {"name": person["name"], "times": names[person["name"]]})
        matching = [e.name for e in persons if accepted & set(forms(e))]
        if len(matching) > 1:
            score.people_twice += 1
            score.note("people_twice", {"name": person["name"], "entities": matching})
    for entity in persons:
        score.persons_predicted += 1
        if entity.name in gold_names:
            score.persons_right += 1
            continue
        whole = next((g for g in sorted(gold_names) if is_strict_part(entity.name, g)), None)
        if entity.name in gold_aliases:
            score.note("alias_as_entity", {"name": entity.name, "label": entity.label})
        elif whole is not None:
            score.partial_names += 1
            score.note("partial_names", {"name": entity.name, "of": whole})
        else:
            score.note("junk_entities", {"name": entity.name, "label": entity.label})


def score_orgs_places(report: Report, gold: dict[str, Any], score: ArticleScore) -> None:
    """ORG/GPE/LOC/FAC precision (right category only), organisation and place recall."""
    aliases: dict[str, list[str]] = gold.get("entity_aliases", {})
    orgs = gold_forms(gold.get("organisations", []), aliases)
    places = gold_forms(gold.get("places", []), aliases)
    org_surfaces = set().union(*orgs.values()) if orgs else set()
    place_surfaces = set().union(*places.values()) if places else set()
    for entity in report.entities:
        if entity.label not in ORG_LABELS | PLACE_LABELS:
            continue
        score.org_place_predicted += 1
        wanted = org_surfaces if entity.label in ORG_LABELS else place_surfaces
        if wanted & set(forms(entity)):
            score.org_place_right += 1
            continue
        other = place_surfaces if entity.label in ORG_LABELS else org_surfaces
        kind = "wrong_category" if other & set(forms(entity)) else "junk_entities"
        score.note(kind, {"name": entity.name, "label": entity.label})
    for canonical, accepted in orgs.items():
        score.gold_orgs += 1
        if any(e.label in ORG_LABELS and accepted & set(forms(e)) for e in report.entities):
            score.orgs_found += 1
        else:
            score.note("missed_orgs", canonical)
    for canonical, accepted in places.items():
        score.gold_places += 1
        if any(e.label in PLACE_LABELS and accepted & set(forms(e)) for e in report.entities):
            score.places_found += 1
        else:
            score.note("missed_places", canonical)
    junk = set(gold.get("not_entities", [])) | set(gold.get("not_people", []))
    for entity in report.entities:
        if entity.label in SCORED_LABELS and junk & set(forms(entity)):
            score.not_entities_hit += 1
            score.note("not_entities", {"name": entity.name, "label": entity.label})


def score_article(slug: str, report: Report, gold: dict[str, Any]) -> ArticleScore:
    """Every count of one analysed article against its gold."""
    score = ArticleScore(slug)
    score_quotes(report, gold, score)
    score_people(report, gold, score)
    score_orgs_places(report, gold, score)
    return score


def share(part: int, whole: int) -> float | None:
    """part/whole to four places, or None when there is nothing to judge."""
    return round(part / whole, 4) if whole else None


def fraction(whole_name: str, whole: int, part_name: str, part: int) -> dict[str, Any]:
    """A figure with its counts: {"judged": 107, "right": 95, "share": 0.8879}."""
    return {whole_name: whole, part_name: part, "share": share(part, whole)}


def summarise(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """The figures of a set of articles."""
    total = Counter({name: sum(getattr(s, name) for s in scores) for name in COUNT_FIELDS})
    return {
        "articles": len(scores),
        "quotes": {
            "gold": total["gold_quotes"],
            "found": total["found_quotes"],
            "extra": total["extra_quotes"],
            "recall": share(total["found_quotes"], total["gold_quotes"]),
        },
        "speaker_accuracy": fraction(
            "judged", total["speaker_judged"], "right", total["speaker_right"]
        ),
        "description_right": fraction(
            "judged", total["description_judged"], "right", total["description_right"]
        ),
        "people_found": fraction("gold", total["gold_people"], "found", total["people_found"]),
        "people_twice": total["people_twice"],
        "partial_names": total["partial_names"],
        "person_precision": fraction(
            "predicted", total["persons_predicted"], "right", total["persons_right"]
        ),
        "org_place_precision": fraction(
            "predicted", total["org_place_predicted"], "right", total["org_place_right"]
        ),
        "org_recall": fraction("gold", total["gold_orgs"], "found", total["orgs_found"]),
        "place_recall": fraction("gold", total["gold_places"], "found", total["places_found"]),
        "not_entities": total["not_entities_hit"],
    }


@dataclass(frozen=True)
class ArticleSet:
    """A named set of annotated articles: gold files in one directory, texts in another."""

    name: str
    gold_dir: Path
    text_dir: Path
    suffix: str = "txt"

    def slugs(self) -> list[str]:
        """Every article of the set that has a gold file."""
        return sorted(path.stem for path in self.gold_dir.glob("*.json"))


def load_gold(path: Path) -> dict[str, Any]:
    """One gold file."""
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def run(sets: Sequence[ArticleSet], with_errors: bool) -> dict[str, Any]:
    """Analyse every article of every set once and score it."""
    from analysis.nlp import load_pipeline
    from analysis.pipeline import analyze
    from intake.files import read_article_file

    nlp = load_pipeline()
    started = time.perf_counter()
    result: dict[str, Any] = {"model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"}
    every: list[ArticleScore] = []
    result["sets"] = {}
    errors: dict[str, dict[str, Any]] = {}
    for article_set in sets:
        scores = []
        for slug in article_set.slugs():
            gold = load_gold(article_set.gold_dir / f"{slug}.json")
            article = read_article_file(article_set.text_dir / f"{slug}.{article_set.suffix}")
            score = score_article(slug, analyze(nlp, article), gold)
            scores.append(score)
            if score.errors:
                errors[f"{article_set.name}/{slug}"] = score.errors
        every.extend(scores)
        result["sets"][article_set.name] = summarise(scores)
    result["overall"] = summarise(every)
    result["seconds"] = round(time.perf_counter() - started, 2)
    if with_errors:
        result["errors"] = errors
    return result


class DirAction(argparse.Action):
    """--dir GOLD_DIR starts a set; its texts are beside the gold unless --texts follows."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        sets = list(getattr(namespace, "sets", None) or [])
        path = Path(values)
        sets.append([path, path])
        namespace.sets = sets


class TextsAction(argparse.Action):
    """--texts TEXT_DIR: where the texts of the set started by the last --dir are."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        sets = getattr(namespace, "sets", None)
        if not sets:
            parser.error("--texts must follow a --dir")
        sets[-1][1] = Path(values)


def set_name(gold_dir: Path, names: set[str]) -> str:
    """A short unique name for a set: 'wire', 'seeds', or its directory's name."""
    resolved = gold_dir.resolve()
    name = {WIRE_DIR: "wire", SEED_GOLD_DIR: "seeds"}.get(resolved, resolved.name)
    unique, n = name, 2
    while unique in names:
        unique, n = f"{name}-{n}", n + 1
    return unique


def parse_sets(argv: Sequence[str] | None = None) -> tuple[list[ArticleSet], bool]:
    """The article sets and whether to list errors, from the command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--dir",
        action=DirAction,
        metavar="GOLD_DIR",
        help="a set of gold files (repeatable; default: tests/wire)",
    )
    parser.add_argument(
        "--texts",
        action=TextsAction,
        metavar="TEXT_DIR",
        help="where the texts of the preceding --dir are (default: beside)",
    )
    parser.add_argument(
        "--seeds", action="store_true", help="also the seeds: --dir tests/gold --texts seeds"
    )
    parser.add_argument(
        "--form",
        choices=("txt", "html"),
        default="txt",
        help="which form of the seeds to read (default txt)",
    )
    parser.add_argument(
        "--errors", action="store_true", help="add per-article error lists for study"
    )
    args = parser.parse_args(argv)
    pairs = [tuple(pair) for pair in (getattr(args, "sets", None) or [[WIRE_DIR, WIRE_DIR]])]
    if args.seeds and all(gold.resolve() != SEED_GOLD_DIR for gold, _ in pairs):
        pairs.append((SEED_GOLD_DIR, SEED_TEXT_DIR))
    sets: list[ArticleSet] = []
    for gold_dir, text_dir in pairs:
        suffix = args.form if Path(text_dir).resolve() == SEED_TEXT_DIR else "txt"
        name = set_name(Path(gold_dir), {s.name for s in sets})
        sets.append(ArticleSet(name, Path(gold_dir), Path(text_dir), suffix))
    for article_set in sets:
        if not article_set.gold_dir.is_dir():
            parser.error(f"no such directory: {article_set.gold_dir}")
    return sets, args.errors


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, run, print one JSON object."""
    sets, with_errors = parse_sets(argv)
    print(json.dumps(run(sets, with_errors), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
