"""People, organisations and places in a Doc, with aliases merged into clusters."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from analysis.boilerplate import boilerplate_ranges, dateline_place, in_ranges
from analysis.names import (
    COURTESY_TITLES,
    Gender,
    given_name,
    honorific_gender,
    is_alias_of,
    is_honorific,
    leading_honorific,
    name_tokens,
    word_set,
)
from analysis.types import EntityCluster

KEPT_LABELS = word_set("PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW")
# Labels NER confuses with one another; a surface seen under several of them gets the majority.
CONFUSABLE_LABELS = word_set("PERSON ORG GPE LOC FAC NORP")
_TIE_ORDER = ("GPE", "LOC", "ORG", "FAC", "NORP", "PERSON")
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_HONORIFIC_NAME = re.compile(
    r"\b(?:" + "|".join(COURTESY_TITLES) + r")\.?\s+"
    r"[A-Z][\w'’]+(?:-[A-Za-z]\w*)?(?:\s+[A-Z]\w*-[a-z]\w*)?"
)
_PLACE_ALIASES = (
    frozenset(
        {"us", "u.s.", "usa", "u.s.a.", "united states", "united states of america", "america"}
    ),
    frozenset({"uk", "u.k.", "britain", "united kingdom", "great britain"}),
)
_ACRONYM_SKIP = word_set("of for and the on in at to & de")


@dataclass
class Mention:
    """One mention in the text; `text` is as written, honorific included."""

    start: int
    end: int
    text: str
    label: str

    @property
    def honorific(self) -> str | None:
        """The honorific the mention is written with, if any."""
        return leading_honorific(self.text)


@dataclass
class _Cluster:
    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    gender: Gender | None = None

    @property
    def last_start(self) -> int:
        return self.mentions[-1].start if self.mentions else -1


def cluster_entities(doc: Doc) -> list[EntityCluster]:
    """Group the Doc's named entities into clusters, one per person, organisation or place."""
    mentions = _collect_mentions(doc)
    _fix_labels(mentions, doc.text)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    clusters = _cluster_people(people) + _cluster_others(others)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return [_finish(doc, c) for c in clusters]


# --- collecting mentions ---------------------------------------------------------------


def _collect_mentions(doc: Doc) -> list[Mention]:
    skip = boilerplate_ranges(doc.text)
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        mention = _clean_entity(doc, ent)
        if mention is not None and not in_ranges(mention.start, mention.end, skip):
            mentions.append(mention)
    mentions.extend(_honorific_mentions(doc.text, mentions, skip))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _clean_entity(doc: Doc, ent: Span) -> Mention | None:
    """Trim "the", possessives and punctuation; take in an honorific written before a name."""
    start, end = ent.start, ent.end
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i  # NER sometimes runs a name into the next line
            break
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE_TOKENS or doc[end - 1].is_punct):
        end -= 1
    if start >= end or not any(ch.isupper() for ch in doc[start:end].text):
        return None
    label = ent.label_
    while start > 0 and is_honorific(doc[start - 1].text) and doc[start - 1].text[0].isupper():
        start -= 1
        if label != "PERSON" and honorific_gender(doc[start].text) is not None:
            label = "PERSON"  # "Mr. Jordan" is a man, whatever NER thought
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, label)


def _honorific_mentions(
    text: str, found: list[Mention], skip: list[tuple[int, int]]
) -> list[Mention]:
    """Names written with Mr./Ms./Dr. that NER missed."""
    extra: list[Mention] = []
    for match in _HONORIFIC_NAME.finditer(text):
        start, end = match.span()
        if in_ranges(start, end, skip) or any(
            m.start < end and start < m.end for m in found
        ):
            continue
        extra.append(Mention(start, end, match.group(0), "PERSON"))
    return extra


# --- correcting labels -----------------------------------------------------------------


def _fold(text: str) -> str:
    text = text.replace("’", "'").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"'s?$", "", text).strip()


def _person_key(mention: Mention) -> str:
    return " ".join(name_tokens(mention.text)).lower().replace("’", "'")


def _fix_labels(mentions: list[Mention], text: str) -> None:
    """Give a surface NER labelled inconsistently its majority label; the dateline is a place."""
    place = dateline_place(text)
    place_key = _fold(place) if place else None
    full_names = [m for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) > 1]
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label in CONFUSABLE_LABELS:
            by_key.setdefault(_fold(" ".join(name_tokens(m.text))), []).append(m)
    for key, group in by_key.items():
        if key == place_key:
            for m in group:
                if m.honorific is None:
                    m.label = "GPE"
            continue
        labels = {m.label for m in group}
        if len(labels) < 2:
            continue
        if len(key.split()) == 1 and any(is_alias_of(key, f.text) for f in full_names):
            continue  # "Jordan" the country beside "Michael Jordan": trust NER per mention
        votes = Counter(m.label for m in group)
        best = max(votes.values())
        winner = next(lab for lab in _TIE_ORDER if votes.get(lab) == best)
        for m in group:
            if m.honorific is None or winner == "PERSON":
                m.label = winner


# --- clustering people ------------------------------------------------------------------


def _cluster_people(mentions: list[Mention]) -> list[_Cluster]:
    full: list[_Cluster] = []
    for m in mentions:
        if len(name_tokens(m.text)) > 1:
            _add_full_name(full, m)
    singles: dict[str, _Cluster] = {}
    for m in mentions:
        if len(name_tokens(m.text)) > 1:
            continue
        target = _resolve_short(full, m)
        if target is None:
            target = singles.setdefault(_person_key(m), _Cluster(_person_key(m), "PERSON"))
        target.mentions.append(m)
        target.gender = target.gender or honorific_gender(m.honorific or "")
    clusters = full + list(singles.values())
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
        c.name = _person_name(c)
    return clusters


def _add_full_name(clusters: list[_Cluster], m: Mention) -> None:
    """Put a multi-word name into the cluster of the same person, or a new one."""
    for c in clusters:
        if is_alias_of(m.text, c.name) or is_alias_of(c.name, m.text):
            c.mentions.append(m)
            if len(name_tokens(m.text)) > len(name_tokens(c.name)):
                c.name = " ".join(name_tokens(m.text))
            break
    else:
        c = _Cluster(" ".join(name_tokens(m.text)), "PERSON", [m])
        clusters.append(c)
    c.gender = c.gender or honorific_gender(m.honorific or "")


def _resolve_short(clusters: list[_Cluster], m: Mention) -> _Cluster | None:
    """The person a surname ("Mr. Park", "Park") refers to: the most recent match before it."""
    candidates = [c for c in clusters if is_alias_of(m.text, c.name)]
    if not candidates and m.honorific is None:
        word = name_tokens(m.text)[0].lower()
        by_given = [c for c in clusters if (given_name(c.name) or "").lower() == word]
        candidates = by_given if len(by_given) == 1 else []
    if len(candidates) > 1:
        gender = honorific_gender(m.honorific or "")
        compatible = [c for c in candidates if not (gender and c.gender and c.gender != gender)]
        candidates = compatible or candidates
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    before = [c for c in candidates if _first_start(c) < m.start]
    if before:
        return max(before, key=lambda c: _last_start_before(c, m.start))
    return min(candidates, key=_first_start)


def _first_start(c: _Cluster) -> int:
    return min(x.start for x in c.mentions)


def _last_start_before(c: _Cluster, position: int) -> int:
    return max((x.start for x in c.mentions if x.start < position), default=-1)


def _person_name(c: _Cluster) -> str:
    forms = [" ".join(name_tokens(m.text)) for m in c.mentions]
    return max(forms, key=lambda f: (len(f.split()), len(f)))


# --- clustering organisations and places ------------------------------------------------


def _cluster_others(mentions: list[Mention]) -> list[_Cluster]:
    by_key: dict[tuple[str, str], _Cluster] = {}
    for m in mentions:
        key = (_label_group(m.label), _place_key(_fold(m.text)))
        cluster = by_key.setdefault(key, _Cluster(m.text, m.label))
        cluster.mentions.append(m)
    clusters = list(by_key.values())
    clusters = _merge_short_forms(clusters)
    for c in clusters:
        c.label = Counter(m.label for m in c.mentions).most_common(1)[0][0]
        c.name = _other_name(c)
    return clusters


def _label_group(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _place_key(key: str) -> str:
    for group in _PLACE_ALIASES:
        if key in group:
            return min(group)
    return key


def _acronyms(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s-]+", _fold(name)) if w]
    content = [w for w in words if w not in _ACRONYM_SKIP]
    return {"".join(w[0] for w in words), "".join(w[0] for w in content)}


def _merge_short_forms(clusters: list[_Cluster]) -> list[_Cluster]:
    """Fold acronyms ("BILS") and leading fragments ("Baltic Institute") into the full name."""
    long_forms = [c for c in clusters if len(_fold(c.name).split()) > 1]
    merged: set[int] = set()
    for c in clusters:
        key = _fold(c.name)
        words = key.split()
        if len(words) == 1 and c.name.isupper() and 2 <= len(key) <= 7:
            targets = [t for t in long_forms if t is not c and key in _acronyms(t.name)]
        elif len(words) > 1:
            targets = [
                t for t in long_forms
                if t is not c and _fold(t.name).startswith(key + " ") and t.label == c.label
            ]
        else:
            targets = []
        if len(targets) == 1:
            targets[0].mentions.extend(c.mentions)
            targets[0].mentions.sort(key=lambda x: x.start)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _other_name(c: _Cluster) -> str:
    forms = [_strip_the(m.text) for m in c.mentions]
    return max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f)))


def _strip_the(text: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", text)


# --- the finished cluster ---------------------------------------------------------------


def _finish(doc: Doc, c: _Cluster) -> EntityCluster:
    surfaces: list[str] = []
    for m in c.mentions:
        if m.text not in surfaces:
            surfaces.append(m.text)
    description = None
    if c.label in ("PERSON", "ORG"):
        description = _describe(doc, c.mentions)
    return EntityCluster(
        name=c.name,
        label=c.label,
        spans=[(m.start, m.end) for m in c.mentions],
        surfaces=surfaces,
        description=description,
    )


# --- descriptions from appositions ----------------------------------------------------

_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_DESCRIPTION_START = re.compile(r"^(?:a|an|the|his|her|its|their|[a-z]+'s|[A-Z][\w'’-]*'s)\b")
_AFTER_NAME = re.compile(
    r",\s+((?:a|an|the|his|her|its|their)\s[^,;:\"“”()\n]{2,140}?)"
    r"(?=,|\.|;|\s+(?:said|says|told)\b)"
)


def _describe(doc: Doc, mentions: list[Mention]) -> str | None:
    """The first apposition that describes the entity: "a labour economist at ..."."""
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        found = _appos_after(doc, span) or _appos_before(doc, span) or _pattern_after(doc, span)
        if found:
            return found
    return None


def _is_description(span: Span | None) -> bool:
    """A noun phrase without a finite verb, not another name, of a sensible length."""
    if span is None or not 1 <= len(span) <= 25:
        return False
    if any(t.tag_ in _FINITE_VERB_TAGS for t in span):
        return False
    if span[0].ent_type_ == "PERSON" or span[0].is_punct:
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in span)


def _clean_description(span: Span) -> str:
    return span.text.strip().strip(",;:—–- ").strip()


def _appos_after(doc: Doc, span: Span) -> str | None:
    """ "Tomas Berg, a labour economist at the Baltic Institute, said ..." """
    for token in span:
        for child in token.children:
            if child.dep_ != "appos" or child.i < span.end:
                continue
            if doc[span.end].text != ",":
                continue
            described = doc[span.end + 1 : child.right_edge.i + 1]
            if _is_description(described) and described[0].pos_ in ("DET", "ADJ", "NOUN", "PRON"):
                return _clean_description(described)
    return None


def _appos_before(doc: Doc, span: Span) -> str | None:
    """ "the port authority's director, Park Ji-hoon, said ..." """
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or span.start < 2:
        return None
    if doc[span.start - 1].text != ",":
        return None
    described = doc[head.left_edge.i : span.start - 1]
    if not _DESCRIPTION_START.match(described.text) or not _is_description(described):
        return None
    return _clean_description(described)


def _pattern_after(doc: Doc, span: Span) -> str | None:
    """Fallback when the parse missed the apposition: ", a/the ... ," right after the name."""
    match = _AFTER_NAME.match(doc.text, span.end_char)
    if match is None:
        return None
    described = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    return _clean_description(described) if described and _is_description(described) else None
