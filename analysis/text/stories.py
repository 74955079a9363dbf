"""Several articles read together: their entities merged across articles, and stories.

Entities join across articles by name: the same full name (case folded) under the same kind
(person, organisation, place), and for organisations an acronym or a longer form one article
gives as an alias ("DNC" / "Democratic National Committee"). A person's one-word alias ("Park")
never joins articles: two people may share it.

Two articles are one story when they share at least two of their key people and organisations
(the first KEY_ENTITIES of each, in rank order), or one person with a full name who is among the
top LEAD_ENTITIES of both. Stories are the connected groups of that relation, so a third article
sharing the story's people with either joins it too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.entities.names import is_honorific
from analysis.types import Entity

KEY_ENTITIES = 6
LEAD_ENTITIES = 3
STORY_LABELS = frozenset({"PERSON", "ORG"})
# The kinds of entity a record or a merge is made of, by spaCy label.
ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


@dataclass(frozen=True)
class MergedEntity:
    """One person, organisation or place across articles, with its total mentions."""

    name: str
    label: str
    mentions: int
    articles: int  # how many of the articles name it


@dataclass(frozen=True)
class MergedEntities:
    """The merged entities, most mentioned first, and each article's entities as their indices."""

    entities: tuple[MergedEntity, ...]
    per_article: tuple[tuple[int, ...], ...]  # in the article's own rank order


def merge_entities(articles: Sequence[Sequence[Entity]]) -> MergedEntities:
    """Merge the ranked entities of several articles into one list, by name."""
    nodes = [(a, e) for a, entities in enumerate(articles) for e in range(len(entities))]
    parent = list(range(len(nodes)))
    first_with_key: dict[tuple[str, str], int] = {}
    for node, (a, e) in enumerate(nodes):
        entity = articles[a][e]
        for key in _join_keys(entity):
            other = first_with_key.setdefault(key, node)
            _union(parent, node, other)
    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(len(nodes)):
        groups[_find(parent, node)].append(node)
    merged: list[tuple[MergedEntity, list[int]]] = []
    for members in groups.values():
        entities = [articles[nodes[n][0]][nodes[n][1]] for n in members]
        merged.append((_merged(entities, {nodes[n][0] for n in members}), members))
    merged.sort(key=lambda item: (-item[0].mentions, -item[0].articles, item[0].name))
    index_of_node = {n: i for i, (_, members) in enumerate(merged) for n in members}
    per_article: list[list[int]] = [[] for _ in articles]
    for node, (a, _e) in enumerate(nodes):
        index = index_of_node[node]
        if index not in per_article[a]:
            per_article[a].append(index)
    return MergedEntities(
        entities=tuple(entity for entity, _ in merged),
        per_article=tuple(tuple(indices) for indices in per_article),
    )


def group_stories(merged: MergedEntities) -> list[list[int]]:
    """Articles (by index) grouped into stories, each in article order, stories by first article."""
    keys = [_key_entities(merged, indices) for indices in merged.per_article]
    parent = list(range(len(keys)))
    for a in range(len(keys)):
        for b in range(a + 1, len(keys)):
            if _same_story(merged, keys[a], keys[b]):
                _union(parent, a, b)
    stories: dict[int, list[int]] = defaultdict(list)
    for article in range(len(keys)):
        stories[_find(parent, article)].append(article)
    return sorted(stories.values(), key=lambda story: story[0])


def _key_entities(merged: MergedEntities, indices: Sequence[int]) -> list[int]:
    kinds = [i for i in indices if merged.entities[i].label in STORY_LABELS]
    return kinds[:KEY_ENTITIES]


def _same_story(merged: MergedEntities, a: list[int], b: list[int]) -> bool:
    shared = set(a) & set(b)
    if len(shared) >= 2:
        return True
    leads = set(a[:LEAD_ENTITIES]) & set(b[:LEAD_ENTITIES])
    return any(_is_full_person_name(merged.entities[i]) for i in leads)


def _is_full_person_name(entity: MergedEntity) -> bool:
    return entity.label == "PERSON" and len(entity.name.split()) >= 2


def _join_keys(entity: Entity) -> list[tuple[str, str]]:
    kind = ENTITY_KINDS.get(entity.label, entity.label)
    keys = [(kind, _fold(entity.name))]
    if kind in ("organisation", "person"):
        keys += [(kind, _fold(a)) for a in entity.aliases if alias_identifies(kind, a)]
    return keys


def alias_identifies(kind: str, alias: str) -> bool:
    """Whether an alias names one entity, so that it may join articles or records by itself."""
    words = alias.split()
    if kind == "person":
        # "Moon Chung-in" does; "Mr. Moon" or "Ms Halvorsen" may be another person of that name.
        return len(words) >= 2 and not is_honorific(words[0])
    if kind == "organisation":
        # An acronym ("DNC") or a longer form; a one-word alias ("Westmar") may be anyone's.
        letters = alias.replace(".", "")
        return (letters.isupper() and len(letters) >= 2) or len(words) >= 2
    return True


def _merged(entities: list[Entity], articles: set[int]) -> MergedEntity:
    # The name most articles gave in full; organisations prefer a spelled-out name to an acronym.
    def preference(entity: Entity) -> tuple[int, int, int]:
        spelled_out = int(not entity.name.replace(".", "").isupper())
        return (spelled_out, len(entity.name.split()), entity.mentions)

    best = max(entities, key=preference)
    return MergedEntity(
        name=best.name,
        label=best.label,
        mentions=sum(entity.mentions for entity in entities),
        articles=len(articles),
    )


def _fold(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").casefold().split())


def _find(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _union(parent: list[int], a: int, b: int) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)
