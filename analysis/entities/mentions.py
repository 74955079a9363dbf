"""Collecting the named-entity mentions of a Doc: cleaned, with the names NER missed."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from analysis.entities.mention_types import Mention
from analysis.entities.names import (
    COURTESY_TITLES,
    NAME_SUFFIXES,
    honorific_gender,
    is_alias_of,
    is_honorific,
    name_tokens,
)
from analysis.entities.ner_fixes import (
    CONFUSABLE_LABELS,
    span_label,
    trim_leading_possessive,
)
from analysis.lexicon import NAME_PARTICLES, POSSESSIVE_ENDINGS, word_set
from analysis.text.boilerplate import boilerplate_ranges, in_ranges

KEPT_LABELS = word_set("PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW")
_HONORIFIC_NAME = re.compile(
    r"\b(?:" + "|".join(COURTESY_TITLES) + r")\.?\s+"
    r"[A-Z][\w'’]+(?:-[A-Za-z]\w*)?(?:\s+[A-Z]\w*-[a-z]\w*)?"
)
_STORM_WORDS = word_set("Storm Hurricane Typhoon Cyclone Tropical")


def collect_mentions(doc: Doc, text: str) -> list[Mention]:
    """The Doc's entity mentions worth keeping, cleaned, outside bylines and contact lines."""
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
        return doc[first.end].text in POSSESSIVE_ENDINGS
    return second.start == first.end and doc[first.end - 1].text in POSSESSIVE_ENDINGS


def _clean_entity(doc: Doc, ent: Span) -> Mention | None:
    """Trim "the", possessives and punctuation; take in an honorific written before a name."""
    start, end = ent.start, ent.end
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i  # NER sometimes runs a name into the next line
            break
    while start < end and doc[start].lower_ == "the":
        start += 1
    start = trim_leading_possessive(doc, start, end, ent.label_)
    while end > start and (doc[end - 1].text in POSSESSIVE_ENDINGS or doc[end - 1].is_punct):
        end -= 1
    label = ent.label_
    if label == "PERSON":
        while end > start and any(ch.isdigit() for ch in doc[end - 1].text):
            end -= 1  # "Mr. Pryce 24,594": NER took the vote count along
    if start >= end or not any(ch.isupper() for ch in doc[start:end].text):
        return None
    if label == "PERSON" and _is_not_a_name(doc, start, end):
        return None
    fixed = span_label(doc, start, end, label)
    if fixed is None:
        return None
    label = fixed
    if label == "PERSON" and doc[start].text in _STORM_WORDS and end - start > 1:
        label = "EVENT"
    while start > 0 and is_honorific(doc[start - 1].text) and doc[start - 1].text[0].isupper():
        start -= 1
        if label != "PERSON" and honorific_gender(doc[start].text) is not None:
            label = "PERSON"  # "Mr. Jordan" is a man, whatever NER thought
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, label)


def _is_not_a_name(doc: Doc, start: int, end: int) -> bool:
    """A plural ("the two Parks", "the Clintons") tagged PERSON names no one in particular, nor
    does a phrase opening in lower case ("a Hail Mary", "pro-Clinton") or a lone suffix ("Jr.")."""
    first = doc[start].text
    if first[:1].islower() and first.lower() not in NAME_PARTICLES:
        return True
    if end - start != 1:
        return False
    if first.lower() in NAME_SUFFIXES:
        return True
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start].tag_ == "NNPS":
        return doc[start].text.endswith("s")
    return doc[start].tag_ == "NNS" or (start > 0 and doc[start - 1].like_num)


def _honorific_mentions(
    text: str, found: list[Mention], skip: list[tuple[int, int]]
) -> list[Mention]:
    """Names written with Mr./Ms./Dr. that NER missed."""
    extra: list[Mention] = []
    for match in _HONORIFIC_NAME.finditer(text):
        start, end = match.span()
        if in_ranges(start, end, skip) or any(m.start < end and start < m.end for m in found):
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
        if m.honorific
        and len(name_tokens(m.text)) == 1
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
