"""People, organisations and places in a Doc, with aliases merged into clusters."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.doc_text import text_of
from analysis.entities.descriptions import describe
from analysis.entities.mention_types import Cluster
from analysis.entities.mentions import collect_mentions
from analysis.entities.ner_fixes import fix_labels
from analysis.entities.org_places import cluster_others
from analysis.entities.people import cluster_people, resolve_short, sort_out_lone_names
from analysis.entities.untagged import add_untagged_mentions
from analysis.text.boilerplate import boilerplate_ranges
from analysis.types import EntityCluster


def cluster_entities(doc: Doc) -> list[EntityCluster]:
    """Group the Doc's named entities into clusters, one per person, organisation or place."""
    text = text_of(doc)
    mentions = collect_mentions(doc, text)
    fix_labels(doc, mentions, text)
    people = cluster_people(doc, [m for m in mentions if m.label == "PERSON"])
    people, not_people = sort_out_lone_names(doc, people)
    others = [m for m in mentions if m.label != "PERSON"] + not_people
    other_clusters = cluster_others(sorted(others, key=lambda m: m.start))
    add_untagged_mentions(
        doc, text, people, other_clusters, boilerplate_ranges(text), resolve_short
    )
    clusters = people + other_clusters
    clusters.sort(key=lambda c: c.mentions[0].start)
    return [_finish(doc, c) for c in clusters]


def _finish(doc: Doc, c: Cluster) -> EntityCluster:
    surfaces: list[str] = []
    for m in c.mentions:
        if m.text not in surfaces:
            surfaces.append(m.text)
    description = None
    if c.label in ("PERSON", "ORG"):
        description = describe(doc, [(m.start, m.end) for m in c.mentions])
    return EntityCluster(
        name=c.name,
        label=c.label,
        spans=[(m.start, m.end) for m in c.mentions],
        surfaces=surfaces,
        description=description,
        gender=c.gender if c.label == "PERSON" else None,
    )
