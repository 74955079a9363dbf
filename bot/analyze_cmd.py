"""`newsbot analyze`: analyse files or URLs outside Discord, storing nothing."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from spacy.language import Language

from analysis.pipeline import analyze
from analysis.types import Report
from bot.composition import fetch_policy, load_nlp
from bot.settings import Settings
from intake.article import Article
from intake.errors import IntakeError
from intake.fetch import Fetcher
from intake.files import read_article_file
from intake.pages import article_from_page
from intake.quality import language_note, shortness_note
from intake.session import make_session

LABELS = {"PERSON": "People", "ORG": "Organisations", "GPE": "Places", "LOC": "Places"}


async def run_analyze(
    settings: Settings, sources: Sequence[str], *, as_json: bool, out: TextIO | None = None
) -> int:
    """Analyse every source in order; print one report each; 1 if any failed."""
    out = out or sys.stdout
    nlp = await load_nlp(settings)
    policy = fetch_policy(settings)
    failed = False
    async with make_session(policy) as http:
        fetcher = Fetcher(http, policy)
        for source in sources:
            try:
                article = await _read(source, fetcher)
            except IntakeError as error:
                failed = True
                _emit({"source": source, "error": error.message}, as_json, out)
                continue
            report = _analyze_with_notes(nlp, article, settings.min_article_words)
            _emit(report_object(source, report), as_json, out)
    return 1 if failed else 0


async def _read(source: str, fetcher: Fetcher) -> Article:
    if source.startswith(("http://", "https://")):
        return article_from_page(await fetcher.fetch(source))
    return read_article_file(Path(source))


def _analyze_with_notes(nlp: Language, article: Article, min_words: int) -> Report:
    notes = list(article.notes)
    notes += [n for n in (shortness_note(article, min_words), language_note(article)) if n]
    if language_note(article) is not None:
        # English-only analysis of another language would invent people and quotes.
        return Report(article=article, entities=(), quotes=(), digest=(), notes=tuple(notes))
    report = analyze(nlp, article)
    return Report(
        article=article,
        entities=report.entities,
        quotes=report.quotes,
        digest=report.digest,
        notes=tuple(dict.fromkeys(notes)),
    )


def report_object(source: str, report: Report) -> dict[str, Any]:
    """The contract's JSON object for one analysed input (DESIGN.md)."""
    article = report.article
    obj: dict[str, Any] = {
        "source": source,
        "title": article.title,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "text": article.text,
        "entities": [{**asdict(e), "aliases": list(e.aliases)} for e in report.entities],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_description": q.speaker_description,
                "cue": q.cue,
                "start": q.start,
                "end": q.end,
            }
            for q in report.quotes
        ],
        "digest": list(report.digest),
    }
    if report.notes:
        obj["notes"] = list(report.notes)
    return obj


def _emit(obj: dict[str, Any], as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        out.write(readable_report(obj) + "\n")
    out.flush()


def readable_report(obj: dict[str, Any]) -> str:
    """A report a person reads in a terminal."""
    if "error" in obj:
        return f"== {obj['source']}\n   could not read it: {obj['error']}\n"
    lines = [f"== {obj['source']}", f"   {obj['title'] or 'Untitled'}"]
    meta = " · ".join(str(v) for v in (obj["byline"], obj["published"], obj["url"]) if v)
    if meta:
        lines.append(f"   {meta}")
    lines += [f"   note: {n}" for n in obj.get("notes", [])]
    if obj["digest"]:
        lines.append("   Digest:")
        lines += [f"     {s}" for s in obj["digest"]]
    for label in ("People", "Organisations", "Places"):
        names = [
            f"{e['name']} ({e['mentions']})"
            for e in obj["entities"]
            if LABELS.get(e["label"]) == label
        ]
        if names:
            lines.append(f"   {label}: " + ", ".join(names))
    lines.append(f"   Quotes ({len(obj['quotes'])}):" if obj["quotes"] else "   No direct quotes.")
    for q in obj["quotes"]:
        who = q["speaker"] or q["speaker_description"] or "speaker not given"
        lines.append(f"     {who}: “{q['text']}”")
    return "\n".join(lines) + "\n"
