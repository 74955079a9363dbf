"""Collecting the named-entity mentions of a Doc: cleaned, with the names NER missed."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from analysis.entities.given_names import given_name_gender, is_given_name
from analysis.entities.mention_types import Mention
from analysis.entities.names import (
    COURTESY_TITLES,
    EAST_ASIAN_SURNAMES,
    NAME_SUFFIXES,
    honorific_gender,
    is_alias_of,
    is_honorific,
    name_tokens,
)
from analysis.entities.ner_fixes import (
    CONFUSABLE_LABELS,
    ORG_NOUNS,
    lowercase_words,
    span_label,
    trim_leading_possessive,
)
from analysis.lexicon import COMMON_REPORTING_VERBS, NAME_PARTICLES, POSSESSIVE_ENDINGS, word_set
from analysis.text.boilerplate import boilerplate_ranges, in_ranges

KEPT_LABELS = word_set("PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW")
_HONORIFIC_NAME = re.compile(
    r"\b(?:" + "|".join(COURTESY_TITLES) + r")\.?\s+"
    r"[A-Z][\w'’]+(?:-[A-Za-z]\w*)?(?:\s+[A-Z]\w*-[a-z]\w*)?"
)
_ABBREVIATED_SUFFIXES = word_set("jr sr")
_STORM_WORDS = word_set("Storm Hurricane Typhoon Cyclone Tropical")
_TRIMMED_LABELS = word_set("ORG GPE LOC FAC NORP")
_PLACE_LABELS = word_set("GPE LOC")
_COMPASS_WORDS = word_set(
    "north south east west northern southern eastern western central northeast northwest"
    " southeast southwest northeastern northwestern southeastern southwestern"
)
# "Name (ACR)" or "Name, or ACR".
_DEFINED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)|,\s+or\s+([A-Z]{2,6})\b")
_LAW_ENDINGS = word_set("Act Law Code Statute")
_NAME_WORD = re.compile(r"[\w’'&.-]+")
_ACRONYM_CONNECTORS = word_set("of for and the on de")


def collect_mentions(doc: Doc, text: str) -> list[Mention]:
    """The Doc's entity mentions worth keeping, cleaned, outside bylines and contact lines."""
    skip = boilerplate_ranges(text)
    mentions: list[Mention] = []
    for ent in _join_possessive_orgs(doc):
        if ent.label_ not in KEPT_LABELS:
            continue
        mention = _clean_entity(doc, ent)
        if mention is None or in_ranges(mention.start, mention.end, skip):
            continue
        if not _is_a_heading(text, mention):
            mentions.append(mention)
    mentions.extend(_honorific_mentions(text, mentions, skip))
    mentions.extend(_speaking_names(doc, mentions, skip))
    _complete_names(doc, text, mentions, skip)
    _spell_out_acronyms(text, mentions, skip)
    mentions[:] = [m for m in mentions if not _headline_run_on(text, m, mentions)]
    mentions.sort(key=lambda m: m.start)
    return mentions


def _spell_out_acronyms(text: str, mentions: list[Mention], skip: list[tuple[int, int]]) -> None:
    """ "Bank Negara Malaysia (BNM)", "the Health Insurance Portability and Accountability Act,
    or HIPAA": the capitalised words whose initials the acronym spells are one name, of the
    acronym's kind, whatever NER made of them; an acronym of a law is a law."""
    for match in _DEFINED_ACRONYM.finditer(text):
        acronym = match.group(1) or match.group(2)
        short_span = match.span(1) if match.group(1) else match.span(2)
        start = _spelled_out_start(text, match.start(), acronym)
        end = len(text[: match.start()].rstrip(" "))
        if start is None or in_ranges(start, end, skip):
            continue
        short = next((m for m in mentions if (m.start, m.end) == short_span), None)
        label = short.label if short is not None else "ORG"
        if label == "PERSON":
            continue
        if _names_a_law(text[start:end], mentions, start, end):
            label = "LAW"
            mentions[:] = [_relabelled(m, label) if m is short else m for m in mentions]
        elif match.group(2) and short is None:
            continue  # ", or SEC" read as an acronym only where NER saw one
        mentions[:] = [m for m in mentions if m.end <= start or m.start >= end]
        mentions.append(Mention(start, end, text[start:end], label))


def _names_a_law(name: str, mentions: list[Mention], start: int, end: int) -> bool:
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return name.split()[-1] in _LAW_ENDINGS or any(m.label == "LAW" for m in inside)


def _relabelled(mention: Mention, label: str) -> Mention:
    return Mention(mention.start, mention.end, mention.text, label)


def _spelled_out_start(text: str, before: int, acronym: str) -> int | None:
    """Where the words spelling the acronym begin, reading back from `before`; None when the
    capitalised words there do not spell it."""
    words = list(_NAME_WORD.finditer(text, max(0, before - 200), before))
    letters = list(acronym)
    start: int | None = None
    for word in reversed(words):
        if text[word.end() : before if start is None else start].strip(" "):
            return None  # punctuation between the words: not one name
        value = word.group()
        if value.lower() in _ACRONYM_CONNECTORS and letters and start is not None:
            start = word.start()
            continue
        if not value[:1].isupper() or not letters or value[0] != letters[-1]:
            return None
        letters.pop()
        start = word.start()
        if not letters:
            return start
    return None


def _title_case(line: str) -> bool:
    """A headline written in title case: nearly every longer word capitalised."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", line)]
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_run_on(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """A "person" of a title-case headline that runs a body's name into other words ("Senator
    Endorsed Trump", "Hillary Clinton Slams Donald Trump"): its name is nowhere in the body,
    but a shorter run of its words is a person the body names."""
    headline_end = text.find("\n")
    if mention.label != "PERSON" or headline_end < 0 or mention.start >= headline_end:
        return False
    if not _title_case(text[:headline_end]):
        return False
    words = list(name_tokens(mention.text))  # honorifics dropped: "Senator Endorsed Trump"
    if len(words) < 2 or mention.text in text[headline_end:]:
        return False
    body_people = {m.text for m in mentions if m.label == "PERSON" and m.start > headline_end}
    if len(words) == 2:
        # "Endorsed Trump" above "Donald Trump"; not "Nils Berg" above a body saying "Berg".
        surnames = {name.split()[-1] for name in body_people}
        return not is_given_name(words[0]) and words[1] in body_people | surnames
    runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    return bool((runs - {" ".join(words)}) & body_people)


def _is_a_heading(text: str, mention: Mention) -> bool:
    """A name that is a whole line below the headline is a section heading or a caption
    ("Photo Gallery", "Related"), not someone in the story."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line_start > 0 and line.strip(" \t:.-—") == mention.text


def _join_possessive_orgs(doc: Doc) -> list[Span]:
    """Rejoin names NER split at a possessive: "St. Brigid's" + "Hospital Group"."""
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        # A place's possessive is not part of the name: "South Korea's Unification Ministry".
        if (
            previous is not None
            and ent.label_ == "ORG"
            and _joined_by_possessive(doc, previous, ent)
            and previous.label_ in CONFUSABLE_LABELS - {"GPE"}
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
        if doc[i].is_space or "\n" in doc[i].text or (i > start and doc[i].text == "("):
            end = i  # NER sometimes runs a name into the next line or its bracketed acronym
            break
    if ent.label_ in _TRIMMED_LABELS:
        # "KCNA news agency", "Siirt province": the name, not the common noun after it.
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha:
            end -= 1
    while start < end and doc[start].lower_ == "the":
        start += 1
    if ent.label_ in _PLACE_LABELS:
        # "west Wales", "northern Syria": the place, not the part of it.
        while end - start > 1 and doc[start].is_lower and doc[start].lower_ in _COMPASS_WORDS:
            start += 1
    start = trim_leading_possessive(doc, start, end, ent.label_)
    while end > start and (doc[end - 1].text in POSSESSIVE_ENDINGS or doc[end - 1].is_punct):
        if _suffix_stop(doc[end - 1]) or _abbreviation_stop(doc[end - 1]):
            break  # "Earl Haskins Sr.", "W.Va.": an abbreviation keeps its stop
        end -= 1
    label = ent.label_
    if label == "PERSON" and end < len(doc) and end == ent.end and _suffix_stop(doc[end]):
        end += 1  # '"…," said Earl Haskins Sr.': NER left the stop to the sentence
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
    if label != "PERSON" and _given_name_before(doc, start, end):
        label = "PERSON"  # "Ana Lima, 40," with "Lima" tagged a place: a person
    if label == "PERSON":
        start = _given_or_family_name_before(doc, start, end)
    while start > 0 and is_honorific(doc[start - 1].text) and doc[start - 1].text[0].isupper():
        start -= 1
        if label != "PERSON" and honorific_gender(doc[start].text) is not None:
            label = "PERSON"  # "Mr. Jordan" is a man, whatever NER thought
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, label)


def _given_name_before(doc: Doc, start: int, end: int) -> bool:
    """A lone name tagged a place or an organisation right after a known given name that NER
    left out ("Joaquim Ventura", "Ana Lima"), with no further name after it."""
    if end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    if before.ent_type_ or not before.is_title or given_name_gender(before.text) is None:
        return False
    after = doc[end] if end < len(doc) else None
    return after is None or not (after.is_title and after.pos_ == "PROPN")


def _given_or_family_name_before(doc: Doc, start: int, end: int) -> int:
    """Where a person's name really starts when NER left out its first word: the given name
    at a sentence start ("Curtis Lamb Jr., a spokesman"), or, before a lone given name, a
    family name that is also an English word ("He Jianxiong")."""
    if start == 0:
        return start
    before = doc[start - 1]
    if before.ent_type_ not in {"", "PERSON"} or not before.is_title or not before.is_alpha:
        return start
    if before.lower_ in EAST_ASIAN_SURNAMES:
        return start - 1 if end - start == 1 else start
    # Only where NER kept the surname alone, and the word before opens the sentence or is a
    # known given name: a capitalised title ("Leader Ada Holm") is not part of the name.
    lone = end - start == 1 or (end - start == 2 and doc[end - 1].lower_ in NAME_SUFFIXES)
    opens = before.is_sent_start or before.i == 0 or "\n" in doc[before.i - 1].text
    given = opens or given_name_gender(before.text) is not None
    if not lone or not given or before.tag_ != "NNP" or is_honorific(before.text):
        return start
    common = lowercase_words(doc)
    # "Trump Train": a surname before a common word the story also writes in lower case.
    return start if before.lower_ in common or doc[start].lower_ in common else start - 1


def _abbreviation_stop(token: Token) -> bool:
    """The last stop of a dotted abbreviation the tokenizer split off: "W.Va" + "."."""
    if token.text != "." or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return "." in before.text and len(before.text) <= 6 and not before.whitespace_


def _suffix_stop(token: Token) -> bool:
    """The stop of "Sr." or "Jr.", split off by the tokenizer, right after the suffix (not
    after "III", where a stop ends the sentence)."""
    if token.text != "." or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.lower_ in _ABBREVIATED_SUFFIXES and not before.whitespace_


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


def _speaking_names(doc: Doc, found: list[Mention], skip: list[tuple[int, int]]) -> list[Mention]:
    """Full names NER missed that speak or are described as someone: "Moon Jae-kyung, the
    unification minister, told lawmakers"."""
    extra: list[Mention] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        appositions = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if any(c.lemma_ in ORG_NOUNS for c in appositions):
            continue  # "Westmar Lines, the shipping company, said"
        if not (appositions or token.head.lemma_ in COMMON_REPORTING_VERBS):
            continue
        if not token.is_alpha and not _suffix_end(token):
            continue  # "Sanders's", but "Lionel Basset Sr." is a name
        start = token.i
        while start > 0 and _name_piece(doc[start - 1]):
            start -= 1
        # A title in front is not the name: "Superintendent Marcus Delgado", where the story
        # also writes "the superintendent".
        common = lowercase_words(doc)
        while start < token.i and _title_before_name(doc[start], common):
            start += 1
        span = doc[start : token.i + 1]
        words = span.text.replace("-", " ").split()
        if len(span) < 2 or not span.text[:1].isupper():
            continue
        if len([w for w in words if w[:1].isupper()]) < 2:
            continue
        first = span[0].text
        if not (appositions or given_name_gender(first) or first.lower() in EAST_ASIAN_SURNAMES):
            continue  # 'the Trump Train rolled on, she said': a name only when it reads as one
        begin, end = span.start_char, span.end_char
        if in_ranges(begin, end, skip) or any(m.start < end and begin < m.end for m in found):
            continue
        extra.append(Mention(begin, end, span.text, "PERSON"))
    return extra


def _name_piece(token: Token) -> bool:
    """A word of the name run before a speaking name: "Moon Jae - kyung", "Lionel Basset Sr"."""
    if token.text == "-" or (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return True
    # "He Yuming" with "He" tagged a pronoun: a family name compounded with the given name.
    return token.dep_ == "compound" and token.is_title and token.lower_ in EAST_ASIAN_SURNAMES


def _title_before_name(token: Token, common: dict[str, bool]) -> bool:
    """A title in front of a name ("Superintendent"), not an East Asian family name ("He")."""
    if token.lower_ in EAST_ASIAN_SURNAMES:
        return False
    return is_honorific(token.text) or token.lower_ in common


def _suffix_end(token: Token) -> bool:
    """The full stop of "Sr." or "Jr.", which the tokenizer may split off as its own word."""
    if token.lower_ in NAME_SUFFIXES:
        return True
    return token.text == "." and token.i > 0 and token.doc[token.i - 1].lower_ in NAME_SUFFIXES


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
