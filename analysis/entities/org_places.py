"""Clustering organisations and places: same names, acronyms and leading fragments merged."""

from __future__ import annotations

import re
from collections import Counter

from analysis.entities.mention_types import Cluster, Mention
from analysis.entities.ner_fixes import PLACE_ABBREVIATIONS, fold
from analysis.lexicon import word_set

_PLACE_ALIASES = (
    frozenset(
        {"us", "u.s", "u.s.", "usa", "u.s.a.", "united states", "united states of america"}
        | {"america"}
    ),
    frozenset({"uk", "u.k.", "britain", "united kingdom", "great britain"}),
)
_ACRONYM_SKIP = word_set("of for and the on in at to & de")


def cluster_others(mentions: list[Mention]) -> list[Cluster]:
    """One cluster per organisation, place or other named thing."""
    _relabel_places(mentions)
    by_key: dict[tuple[str, str], Cluster] = {}
    for m in mentions:
        key = (_label_group(m.label), _place_key(fold(m.text)))
        cluster = by_key.setdefault(key, Cluster(m.text, m.label))
        cluster.mentions.append(m)
    clusters = list(by_key.values())
    clusters = _merge_short_forms(clusters)
    for c in clusters:
        c.label = Counter(m.label for m in c.mentions).most_common(1)[0][0]
        c.name = _other_name(c)
    return clusters


def _relabel_places(mentions: list[Mention]) -> None:
    """A name the article also gives as a place is that place where the model called it an
    event or a work ("the ferry to Hullness" beside the dateline's HULLNESS)."""
    places = {fold(m.text): m.label for m in mentions if m.label in ("GPE", "LOC")}
    for m in mentions:
        if m.label in _PLACE_LOOKALIKES and fold(m.text) in places:
            m.label = places[fold(m.text)]


_PLACE_LOOKALIKES = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "FAC"})


def _label_group(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _place_key(key: str) -> str:
    for group in _PLACE_ALIASES:
        if key in group:
            return min(group)
    return key


def _acronyms(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w]
    content = [w for w in words if w not in _ACRONYM_SKIP]
    # "Co-operation" gives one letter to OECD
    whole = [w for w in fold(name).split() if w not in _ACRONYM_SKIP]
    return {"".join(w[0] for w in x) for x in (words, content, whole) if x}


def _merge_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """Fold acronyms ("BILS") and leading fragments ("Baltic Institute") into the full name."""
    long_forms = [c for c in clusters if len(fold(c.name).split()) > 1]
    merged: set[int] = set()
    for c in clusters:
        key = fold(c.name)
        words = key.split()
        if len(words) == 1 and c.name.isupper() and 2 <= len(key) <= 7:
            targets = [t for t in long_forms if t is not c and key in _acronyms(t.name)]
        elif c.label == "ORG":
            # "Westmar" for "Westmar Lines"; "Defense" for "Department of Defense".
            targets = [
                t
                for t in long_forms
                if t is not c
                and t.label == c.label
                and (
                    _without_possessives(t.name).startswith(_without_possessives(c.name) + " ")
                    or (len(words) == 1 and _ends_a_name_of(fold(t.name), key))
                    # "Red Cross" for "American Red Cross", "Forest Service" for the U.S. one
                    or (len(words) > 1 and _without_possessives(t.name).endswith(" " + key))
                )
            ]
        elif len(words) > 1:
            targets = [
                t
                for t in long_forms
                if t is not c
                and t.label == c.label
                and _without_possessives(t.name).startswith(_without_possessives(c.name) + " ")
            ]
        else:
            targets = []
        if len(targets) == 1:
            for m in c.mentions:
                m.label = targets[0].label  # "NRA" tagged GPE is still the Rifle Association
            targets[0].mentions.extend(c.mentions)
            targets[0].mentions.sort(key=lambda x: x.start)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _ends_a_name_of(name: str, word: str) -> bool:
    """ "department of defense" ends with "of defense": the word names the whole."""
    return name.endswith(f" of {word}") or name.endswith(f" for {word}")


def _without_possessives(name: str) -> str:
    """ "St. Brigid's Hospital Group" -> "st. brigid hospital group", for prefix matching."""
    return re.sub(r"'s?(?=\s|$)", "", fold(name))


def _other_name(c: Cluster) -> str:
    forms = [_strip_the(m.text) for m in c.mentions]
    name = max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f)))
    if name.isupper() and c.label in ("GPE", "LOC") and name not in PLACE_ABBREVIATIONS:
        # A dateline's "CALDERA CITY" is shown as the text would write it.
        return _title_case(name) if len(name.replace(".", "")) > 3 else name
    return name


def _title_case(name: str) -> str:
    """ "CALDERA CITY" -> "Caldera City", "ST. BRIGID'S" -> "St. Brigid's"."""
    return re.sub(r"(?<![\w'’])(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2).lower(), name)


def _strip_the(text: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", text)
