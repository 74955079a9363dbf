"""Mentions NER did not tag: a lone "Berg" after "Tomas Berg", a third "Lakeview"."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from analysis.entities.mention_types import Cluster, Mention
from analysis.entities.names import surname
from analysis.text.boilerplate import in_ranges

# Labels whose names are searched for again in the text; NORP words ("Irish") are adjectives.
_SEARCHED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
_MIN_FORM_LENGTH = 3

Resolver = Callable[[Doc, list[Cluster], Mention], "Cluster | None"]


def add_untagged_mentions(
    doc: Doc,
    text: str,
    people: list[Cluster],
    others: list[Cluster],
    skip: list[tuple[int, int]],
    resolve: Resolver,
) -> None:
    """Count every further mention of a known name: a person's surname, an organisation's or
    place's name as written before. A form two different entities share is left alone."""
    owners = _forms(people, others)
    if not owners:
        return
    taken = sorted((m.start, m.end) for c in people + others for m in c.mentions)
    full_people = [c for c in people if len(c.name.split()) > 1]
    pattern = re.compile(
        r"(?<![\w'’.-])(?:"
        + "|".join(re.escape(f) for f in sorted(owners, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for match in pattern.finditer(text):
        start, end = match.span()
        if in_ranges(start, end, taken) or in_ranges(start, end, skip):
            continue
        if not _stands_alone(doc, start, end):
            continue
        clusters = owners[match.group(0)]
        mention = Mention(start, end, match.group(0), clusters[0].label)
        if clusters[0].label == "PERSON":
            target = resolve(doc, full_people, mention)
        else:
            target = clusters[0] if len(clusters) == 1 else None
        if target is not None:
            target.mentions.append(mention)
    for c in people + others:
        c.mentions.sort(key=lambda m: m.start)


def _forms(people: list[Cluster], others: list[Cluster]) -> dict[str, list[Cluster]]:
    owners: dict[str, list[Cluster]] = {}
    for c in people:
        if len(c.name.split()) > 1:
            _own(owners, surname(c.name), c)
    for c in others:
        if c.label in _SEARCHED_LABELS:
            for m in c.mentions:
                _own(owners, m.text, c)
    # One form, two kinds of thing ("Jordan" the country and Michael Jordan): ambiguous.
    return {
        form: clusters
        for form, clusters in owners.items()
        if len({c.label for c in clusters}) == 1
        and (clusters[0].label == "PERSON" or len(clusters) == 1)
    }


def _own(owners: dict[str, list[Cluster]], form: str, c: Cluster) -> None:
    if len(form) < _MIN_FORM_LENGTH or form.isupper() or not form[:1].isupper():
        return
    listed = owners.setdefault(form, [])
    if all(other is not c for other in listed):
        listed.append(c)


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer name: "Berg" but not "Berg Institute" nor "Ingrid Berg"."""
    span = doc.char_span(start, end)
    if span is None or any(t.ent_type_ for t in span):
        return False  # NER tagged it as part of something we dropped on purpose
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.is_title and not span[0].is_sent_start:
        return False
    return not (after is not None and after.is_title and after.pos_ == "PROPN")
