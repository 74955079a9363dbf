"""Ranking entity clusters by salience, and turning them into the Entity results."""

from __future__ import annotations

import re

from analysis.entities.names import name_tokens, surname
from analysis.types import Entity, EntityCluster, Quote, joint_members

# How far around a quote its attribution ("...," Mr. Park said) usually sits.
ATTRIBUTION_WINDOW = 60
# People and organisations are what an editor asks about first; places and groups support.
LABEL_WEIGHTS = {"PERSON": 1.0, "ORG": 1.0, "GPE": 0.8, "FAC": 0.7, "LOC": 0.7}
DEFAULT_LABEL_WEIGHT = 0.6


def rank_entities(
    clusters: list[EntityCluster], quotes: list[Quote], text_length: int, title: str | None
) -> list[Entity]:
    """The clusters as Entities, most salient first (mentions, position, title, quotes)."""
    scored = []
    for cluster in clusters:
        spoken = [q for q in quotes if _spoke(cluster.name, q.speaker)]
        mentions = len(cluster.spans) + _resolved_references(cluster, spoken)
        score = _salience(cluster, mentions, len(spoken), text_length, title)
        first = cluster.spans[0][0] if cluster.spans else text_length
        scored.append((-score, first, _to_entity(cluster, mentions)))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [entity for _, _, entity in scored]


def _resolved_references(cluster: EntityCluster, spoken: list[Quote]) -> int:
    """Quotes attributed to the entity with no mention of it beside them.

    Such a quote was attributed through a pronoun ("she said"), a title ("the minister said")
    or a paragraph continuing the previous speaker: a reference to the entity that its spans
    do not count. A quote with one of the entity's own mentions next to it is already counted.
    """
    extra = 0
    for quote in spoken:
        low, high = quote.start - ATTRIBUTION_WINDOW, quote.end + ATTRIBUTION_WINDOW
        if not any(low <= start and end <= high for start, end in cluster.spans):
            extra += 1
    return extra


def _salience(
    cluster: EntityCluster, mentions: int, quotes: int, text_length: int, title: str | None
) -> float:
    first = cluster.spans[0][0] if cluster.spans else text_length
    earliness = 1.0 - first / max(text_length, 1)
    in_title = 1.0 if title and _named_in(cluster, title) else 0.0
    weight = LABEL_WEIGHTS.get(cluster.label, DEFAULT_LABEL_WEIGHT)
    return weight * (mentions + 1.5 * quotes + 3.0 * in_title + 2.0 * earliness)


def _named_in(cluster: EntityCluster, title: str) -> bool:
    """True when the title names the entity by any of its forms (a surname is enough)."""
    forms = {cluster.name, *cluster.surfaces}
    forms |= {" ".join(name_tokens(form)) for form in forms}
    for form in forms:
        if form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", title, re.IGNORECASE):
            return True
    if cluster.label == "PERSON":
        words = {w.lower() for w in re.findall(r"[\w'’-]+", title)}
        return surname(cluster.name).lower() in words
    return False


def _to_entity(cluster: EntityCluster, mentions: int) -> Entity:
    aliases = tuple(s for s in cluster.surfaces if s.lower() != cluster.name.lower())
    return Entity(
        name=cluster.name,
        label=cluster.label,
        mentions=mentions,
        aliases=aliases,
        description=cluster.description,
    )


def _spoke(name: str, speaker: str | None) -> bool:
    """Whether `name` is the quote's speaker, alone or as one of several speaking together."""
    return speaker is not None and (speaker == name or name in joint_members(speaker))
