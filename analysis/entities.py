"""People, organisations and places in a Doc, with aliases merged into clusters."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from analysis.appositions import describe
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
    pronoun_gender,
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
_STORM_WORDS = word_set("Storm Hurricane Typhoon Cyclone Tropical")
# Head nouns of a description that make a "person" an organisation: "Lumenar, the software maker".
ORG_NOUNS = word_set(
    "company maker firm group agency union bank ministry department authority council"
    " committee commission party operator carrier insurer retailer manufacturer developer"
    " provider startup start-up publisher broadcaster network association federation"
    " organisation organization institute university charity fund club team league"
    " utility regulator board business chain conglomerate lender giant"
)
REPORTING_LEMMAS = word_set(
    "say tell add ask warn argue acknowledge write note insist explain claim state announce"
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = word_set("in to from near into outside across via towards toward")
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
    text = doc.text  # built once: Doc.text joins every token each time it is read
    mentions = _collect_mentions(doc, text)
    _fix_labels(mentions, text)
    people = _cluster_people(doc, [m for m in mentions if m.label == "PERSON"])
    people, not_people = _sort_out_lone_names(doc, people)
    others = [m for m in mentions if m.label != "PERSON"] + not_people
    clusters = people + _cluster_others(sorted(others, key=lambda m: m.start))
    clusters.sort(key=lambda c: c.mentions[0].start)
    return [_finish(doc, c) for c in clusters]


# --- collecting mentions ---------------------------------------------------------------


def _collect_mentions(doc: Doc, text: str) -> list[Mention]:
    skip = boilerplate_ranges(text)
    mentions: list[Mention] = []
    for ent in _join_possessive_orgs(doc):
        if ent.label_ not in KEPT_LABELS:
            continue
        mention = _clean_entity(doc, ent)
        if mention is not None and not in_ranges(mention.start, mention.end, skip):
            mentions.append(mention)
    mentions.extend(_honorific_mentions(text, mentions, skip))
    _complete_names(doc, text, mentions, skip)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _join_possessive_orgs(doc: Doc) -> list[Span]:
    """Rejoin names NER split at a possessive: "St. Brigid's" + "Hospital Group"."""
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and ent.label_ == "ORG"
            and _joined_by_possessive(doc, previous, ent)
            and previous.label_ in CONFUSABLE_LABELS
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="ORG")
        else:
            joined.append(ent)
    return joined


def _joined_by_possessive(doc: Doc, first: Span, second: Span) -> bool:
    if second.start == first.end + 1:
        return doc[first.end].text in _POSSESSIVE_TOKENS
    return second.start == first.end and doc[first.end - 1].text in _POSSESSIVE_TOKENS


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
    label = ent.label_
    if label == "PERSON":
        while end > start and any(ch.isdigit() for ch in doc[end - 1].text):
            end -= 1  # "Mr. Pryce 24,594": NER took the vote count along
    if start >= end or not any(ch.isupper() for ch in doc[start:end].text):
        return None
    if label == "PERSON" and _is_not_a_name(doc, start, end):
        return None
    if label == "PERSON" and doc[start].text in _STORM_WORDS and end - start > 1:
        label = "EVENT"
    while start > 0 and is_honorific(doc[start - 1].text) and doc[start - 1].text[0].isupper():
        start -= 1
        if label != "PERSON" and honorific_gender(doc[start].text) is not None:
            label = "PERSON"  # "Mr. Jordan" is a man, whatever NER thought
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, label)


def _is_not_a_name(doc: Doc, start: int, end: int) -> bool:
    """A plural ("the two Parks", "Schools") tagged PERSON names no one in particular."""
    if end - start != 1:
        return False
    return doc[start].tag_ == "NNS" or (start > 0 and doc[start - 1].like_num)


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


def _complete_names(
    doc: Doc, text: str, mentions: list[Mention], skip: list[tuple[int, int]]
) -> None:
    """Find the full name of someone NER saw only as "Ms. Haddad" (missed or mislabelled)."""
    people = [m for m in mentions if m.label == "PERSON"]
    full = [m for m in people if len(name_tokens(m.text)) > 1]
    lonely = {
        name_tokens(m.text)[0]
        for m in people
        if m.honorific and len(name_tokens(m.text)) == 1
        and not any(is_alias_of(m.text, f.text) for f in full)
    }
    for family in sorted(lonely):
        escaped = re.escape(family)
        pattern = re.compile(
            rf"\b[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?\s+{escaped}\b(?![-'’]\w)"
            rf"|\b{escaped}\s+[A-Z][a-z]+-[a-z]+\b"
        )
        for match in pattern.finditer(text):
            _add_full_name_mention(doc, mentions, match.start(), match.end(), skip)


def _add_full_name_mention(
    doc: Doc, mentions: list[Mention], start: int, end: int, skip: list[tuple[int, int]]
) -> None:
    span = doc.char_span(start, end)
    if span is None or in_ranges(start, end, skip):
        return
    if span[0].tag_ != "NNP" or is_honorific(span[0].text):
        return
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    same = [m for m in overlapping if (m.start, m.end) == (start, end)]
    if same:
        same[0].label = "PERSON"  # "Nadia Haddad" tagged ORG, "Ms. Haddad" later
    elif not overlapping:
        mentions.append(Mention(start, end, span.text, "PERSON"))


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


def _cluster_people(doc: Doc, mentions: list[Mention]) -> list[_Cluster]:
    full: list[_Cluster] = []
    for m in mentions:
        if len(name_tokens(m.text)) > 1:
            cluster = _add_full_name(full, m)
            cluster.gender = cluster.gender or _gender_from_sentence(doc, m)
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


def _gender_from_sentence(doc: Doc, m: Mention) -> Gender | None:
    """ "Park Soo-ah said she would not back down": the only person in a sentence whose
    pronouns all agree gets their gender, which later settles "Mr. Park" against "Ms. Park"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    if sum(1 for ent in sentence.ents if ent.label_ == "PERSON") > 1:
        return None
    genders = {pronoun_gender(t.text) for t in sentence if t.pos_ == "PRON"} - {None}
    return genders.pop() if len(genders) == 1 else None


def _add_full_name(clusters: list[_Cluster], m: Mention) -> _Cluster:
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
    return c


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


def _sort_out_lone_names(
    doc: Doc, clusters: list[_Cluster]
) -> tuple[list[_Cluster], list[Mention]]:
    """Single words tagged PERSON that are organisations, or not names at all.

    Returns the people kept and the mentions that turned out to be organisations.
    """
    kept: list[_Cluster] = []
    organisations: list[Mention] = []
    for c in clusters:
        if len(c.name.split()) > 1 or any(m.honorific for m in c.mentions):
            kept.append(c)
            continue
        description = describe(doc, [(m.start, m.end) for m in c.mentions])
        if description and _head_noun(description) in ORG_NOUNS:
            _relabel(c, "ORG", organisations)
        elif description is None and _acts_as_place(doc, c):
            _relabel(c, "GPE", organisations)
        elif _acts_as_person(doc, c):
            kept.append(c)
    return kept, organisations


def _relabel(c: _Cluster, label: str, into: list[Mention]) -> None:
    for m in c.mentions:
        m.label = label
    into.extend(c.mentions)


def _acts_as_place(doc: Doc, c: _Cluster) -> bool:
    """ "between Kessling and Harbourton": a lone name coordinated with a place, or after
    "in"/"to"/"from", is a place NER took for a person."""
    for m in c.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        partners = [*root.conjuncts]
        if any(t.ent_type_ in _PLACE_LABELS for t in partners):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
            return True
    return False


def _head_noun(description: str) -> str:
    words = re.split(r"\s+(?:at|of|in|for|from|on|with|who|that|which|based)\s+", description)[0]
    return words.split()[-1].lower() if words.split() else ""


def _acts_as_person(doc: Doc, c: _Cluster) -> bool:
    """A lone capitalised word opening every sentence it is in ("Turnout was 61 percent")
    is a person only if it speaks or is described."""
    for m in c.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if not span[0].is_sent_start:
            return True
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in REPORTING_LEMMAS:
            return True
    return describe(doc, [(m.start, m.end) for m in c.mentions]) is not None


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
        description = describe(doc, [(m.start, m.end) for m in c.mentions])
    return EntityCluster(
        name=c.name,
        label=c.label,
        spans=[(m.start, m.end) for m in c.mentions],
        surfaces=surfaces,
        description=description,
    )
