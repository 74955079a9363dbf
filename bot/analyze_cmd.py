"""`newsbot analyze`: analyse files or URLs outside Discord, storing nothing."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TextIO

from analysis.types import Report
from bot.composition import build_reader
from bot.settings import Settings
from handlers.analyze import analyze_source
from handlers.errors import CannotRead

log = logging.getLogger(__name__)
LABELS = {"PERSON": "People", "ORG": "Organisations", "GPE": "Places", "LOC": "Places"}


async def run_analyze(
    settings: Settings, sources: Sequence[str], *, as_json: bool, out: TextIO | None = None
) -> int:
    """Analyse every source in order; print one report each; 1 if any failed."""
    out = out or sys.stdout
    failed = False
    async with build_reader(settings) as reader:
        for source in sources:
            try:
                report = await analyze_source(reader, source)
            except CannotRead as error:
                failed = True
                _emit({"source": source, "error": error.message}, as_json, out)
                continue
            except Exception as error:  # every input is tried: one failure must not end the run
                log.exception("analysing %s failed", source)
                failed = True
                _emit({"source": source, "error": unexpected_error(error)}, as_json, out)
                continue
            _emit(report_object(source, report), as_json, out)
    return 1 if failed else 0


def unexpected_error(error: Exception) -> str:
    """The error line's message for a failure no handler foresaw."""
    return f"the analysis failed ({type(error).__name__}: {error})"


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
                "rule": q.rule,  # which attribution rule gave the speaker, for tracing errors
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
