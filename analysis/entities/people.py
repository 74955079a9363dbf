"""Clustering the people of a Doc: full names, surnames with honorifics, lone names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from analysis.doc_text import text_of
from analysis.entities.descriptions import describe
from analysis.entities.given_names import is_given_name, likely_gender
from analysis.entities.mention_types import Cluster, Mention
from analysis.entities.names import (
    GENERATION_SUFFIXES,
    Gender,
    given_name,
    honorific_gender,
    is_alias_of,
    name_tokens,
    pronoun_gender,
    shared_surname,
    surname,
)
from analysis.entities.ner_fixes import ORG_NOUNS, PLACE_LABELS
from analysis.lexicon import COMMON_REPORTING_VERBS, SUBJECT_DEPS, word_set

_PLACE_PREPOSITIONS = word_set("in to from near into outside across via towards toward")


def _person_key(mention: Mention) -> str:
    return " ".join(name_tokens(mention.text)).lower().replace("’", "'")


def cluster_people(doc: Doc, mentions: list[Mention]) -> list[Cluster]:
    """One cluster per person; a surname goes to the full name it most likely stands for."""
    full: list[Cluster] = []
    for m in mentions:
        if len(name_tokens(m.text)) > 1:
            cluster = _add_full_name(full, m)
            cluster.gender = (
                cluster.gender or _gender_from_nouns(doc, m) or _gender_from_sentence(doc, m)
            )
    shared = _given_names_sharing_a_surname(text_of(doc), mentions)
    named_by_partner: dict[int, str] = {}
    for m, name in shared:
        cluster = Cluster(name, "PERSON", [m], likely_gender(name_tokens(m.text)[0]))
        full.append(cluster)
        named_by_partner[id(cluster)] = name
    singles: dict[str, Cluster] = {}
    for m in mentions:
        if len(name_tokens(m.text)) > 1 or any(m is s for s, _ in shared):
            continue
        target = resolve_short(doc, full, m)
        if target is None and shared_surname(
            m.text, (_full_name(c, named_by_partner) for c in full)
        ):
            continue  # a surname two people share and the text does not settle: no one's
        if target is None:
            target = singles.setdefault(_person_key(m), Cluster(_person_key(m), "PERSON"))
        target.mentions.append(m)
        target.gender = target.gender or honorific_gender(m.honorific or "")
    clusters = full + list(singles.values())
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
        c.name = named_by_partner.get(id(c)) or _person_name(c)
    return clusters


def _given_names_sharing_a_surname(text: str, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """ "the brothers Alan and Neil Garside", "Bill and Hillary Clinton": a lone given name
    joined by "and" to a full name shares its surname; each such mention with its full name."""
    found = []
    full_names = [m for m in mentions if len(name_tokens(m.text)) > 1]
    for m in mentions:
        words = name_tokens(m.text)
        if len(words) != 1 or m.honorific or not is_given_name(words[0]):
            continue
        partner = next((f for f in full_names if f.start > m.end), None)
        if partner is None or text[m.end : partner.start] != " and ":
            continue
        found.append((m, f"{words[0]} {surname(partner.text)}"))
    return found


# Nouns that say whether the person they describe is a man or a woman.
_GENDERED_NOUNS: dict[str, Gender] = {
    # Not "spokesman" or "chairman": American copy gives women those titles too.
    **dict.fromkeys(
        word_set(
            "husband father son brother uncle nephew grandfather grandson widower boyfriend"
            " king prince"
        ),
        "m",
    ),
    **dict.fromkeys(
        word_set(
            "wife mother daughter sister aunt niece grandmother granddaughter widow girlfriend"
            " businesswoman spokeswoman chairwoman congresswoman councilwoman actress queen"
            " princess"
        ),
        "f",
    ),
}


def _gender_from_nouns(doc: Doc, m: Mention) -> Gender | None:
    """ "his sister Rania Delacroix", "Victor Halvorsen, her husband": a gendered noun the
    name stands in apposition to, or that stands right before it, gives the name's sex."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    related = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in ("appos", "compound"):
        related.append(root.head)
    if span.start > 0:
        related.append(doc[span.start - 1])
    genders = {_GENDERED_NOUNS.get(t.lower_) for t in related} - {None}
    return genders.pop() if len(genders) == 1 else None


def _gender_from_sentence(doc: Doc, m: Mention) -> Gender | None:
    """ "Park Soo-ah said she would not back down": the only person in a sentence whose
    pronouns all agree gets their gender, which later settles "Mr. Park" against "Ms. Park"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    if sum(1 for ent in sentence.ents if ent.label_ == "PERSON") > 1:
        return None
    genders = {
        pronoun_gender(t.text)
        for t in sentence
        if t.pos_ == "PRON" and not _someone_else_in_their_clause(t, span)
    } - {None}
    return genders.pop() if len(genders) == 1 else None


def _someone_else_in_their_clause(pronoun: Token, name: Span) -> bool:
    """ "Ray Mullins, a director who is not related to her": an object pronoun in a relative
    clause on the name or its apposition stands for someone else."""
    if pronoun.dep_ not in {"dobj", "pobj", "dative"}:
        return False
    phrase = {t.i for t in name.root.subtree}
    return any(a.dep_ == "relcl" and a.i in phrase for a in pronoun.ancestors)


def _add_full_name(clusters: list[Cluster], m: Mention) -> Cluster:
    """Put a multi-word name into the cluster of the same person, or a new one."""
    for c in clusters:
        if _other_generation(m.text, c):
            continue  # "Roy Pruitt Jr." is not "Roy Pruitt Sr."
        if is_alias_of(m.text, c.name) or is_alias_of(c.name, m.text):
            c.mentions.append(m)
            if len(name_tokens(m.text)) > len(name_tokens(c.name)):
                c.name = " ".join(name_tokens(m.text))
            break
    else:
        c = Cluster(" ".join(name_tokens(m.text)), "PERSON", [m])
        c.gender = likely_gender(given_name(c.name) or "")
        clusters.append(c)
    c.gender = c.gender or honorific_gender(m.honorific or "")
    return c


def _generation(name: str) -> str | None:
    """The suffix a name ends with, "jr" for "Roy Pruitt Jr.", or None."""
    words = name.split()
    last = words[-1].lower().rstrip(".,") if len(words) > 1 else ""
    return last if last in GENERATION_SUFFIXES else None


def _other_generation(name: str, c: Cluster) -> bool:
    """Whether the name and one of the cluster's names carry different suffixes."""
    mine = _generation(name)
    return mine is not None and any(
        (theirs := _generation(n.text)) is not None and theirs != mine for n in c.mentions
    )


def resolve_short(doc: Doc, clusters: list[Cluster], m: Mention) -> Cluster | None:
    """The person a surname ("Mr. Park", "Park") refers to, among the full names."""
    candidates = [c for c in clusters if is_alias_of(m.text, c.name)]
    if _generation(m.text) is not None:
        # "Pruitt Jr." between Roy Pruitt Sr. and Roy Pruitt Jr.: the one of that generation
        candidates = [c for c in candidates if not _other_generation(m.text, c)]
    if not candidates and m.honorific is None:
        word = name_tokens(m.text)[0].lower()
        by_given = [c for c in clusters if (given_name(c.name) or "").lower() == word]
        candidates = by_given if len(by_given) == 1 else []
    gender = honorific_gender(m.honorific or "")
    compatible = [c for c in candidates if not (gender and c.gender and c.gender != gender)]
    if len(candidates) == 1:
        # "Mr. Halvorsen" is not the one Halvorsen the article names, if she is a woman.
        return compatible[0] if compatible else None
    candidates = compatible or candidates
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    before = [c for c in candidates if _first_start(c) < m.start]
    if not before:
        return min(candidates, key=_first_start)
    if len(before) == 1:
        return before[0]  # the other one of that surname is named only later
    if _both_named_since(doc, before, m):
        return None  # "Both Jansens said …. 'No,' Jansen said": either of them
    return _likeliest_referent(doc, before, m)


# "the Jansens", "both Ramírezes", "the Penhaligon brothers": one surname for several people.
_PLURAL_OF_SURNAME = r"\b{}(?:e?s\b|\s+(?:brothers|sisters|siblings|family|couple)\b)"


def _both_named_since(doc: Doc, candidates: list[Cluster], m: Mention) -> bool:
    """Whether the people sharing the surname were named together, in the plural, after the
    last time either was named alone: a bare surname then cannot say which one speaks."""
    last = max(_last_start_before(c, m.start) for c in candidates)
    return plural_named(text_of(doc), name_tokens(m.text)[-1], last, m.start)


def plural_named(text: str, surname: str, start: int, end: int) -> bool:
    """Whether text[start:end] names several people by the surname ("both Ramírezes")."""
    plural = re.compile(_PLURAL_OF_SURNAME.format(re.escape(surname)))
    return plural.search(text, start, end) is not None


def _likeliest_referent(doc: Doc, candidates: list[Cluster], m: Mention) -> Cluster | None:
    """Two people share the surname: the one named in this or the previous sentence, else the
    story's main figure, else no one. A person named in full earlier in the same sentence
    would now be "he" or "she", so a bare surname there means the other one."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return max(candidates, key=lambda c: _last_start_before(c, m.start))
    sentence = span.sent
    others = [c for c in candidates if not _named_in_full(c, sentence.start_char, m.start)]
    candidates = others or candidates
    previous_start = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
    recent = [c for c in candidates if _last_start_before(c, m.start) >= previous_start]
    if recent:
        return max(recent, key=lambda c: _last_start_before(c, m.start))
    return _main_figure(candidates, m.start)


def _main_figure(candidates: list[Cluster], position: int) -> Cluster | None:
    """Where one of the people sharing a surname is the story's main figure, named more often
    than anyone else so far, the bare surname is theirs (the other is named in full each
    time: "Clinton" and "former President Bill Clinton"); where they are named alike, the
    surname is not settled and no one is guessed."""
    if len(candidates) == 1:
        return candidates[0]
    counts = sorted(
        ((_count_before(c, position), i) for i, c in enumerate(candidates)), reverse=True
    )
    (top, index), (second, _) = counts[0], counts[1]
    return candidates[index] if top > second else None


def _count_before(c: Cluster, position: int) -> int:
    return sum(1 for x in c.mentions if x.start < position)


def _named_in_full(c: Cluster, low: int, high: int) -> bool:
    return any(low <= x.start < high and len(name_tokens(x.text)) > 1 for x in c.mentions)


def _first_start(c: Cluster) -> int:
    return min(x.start for x in c.mentions)


def _last_start_before(c: Cluster, position: int) -> int:
    return max((x.start for x in c.mentions if x.start < position), default=-1)


def _full_name(c: Cluster, named_by_partner: dict[int, str]) -> str:
    """The cluster's full name while clustering, a suffix kept: "Roy Pruitt Jr.", or "Alan
    Garside" for the "Alan" of "Alan and Neil Garside"."""
    return named_by_partner.get(id(c)) or _person_name(c)


def _person_name(c: Cluster) -> str:
    """The fullest form, honorific and possessive dropped but a suffix kept ("Curtis Lamb Jr.")."""
    forms = [" ".join(name_tokens(m.text, keep_suffix=True)) for m in c.mentions]
    return max(forms, key=lambda f: (len(f.split()), len(f)))


def sort_out_lone_names(doc: Doc, clusters: list[Cluster]) -> tuple[list[Cluster], list[Mention]]:
    """Single words tagged PERSON that are organisations, or not names at all.

    Returns the people kept and the mentions that turned out to be organisations.
    """
    kept: list[Cluster] = []
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


def _relabel(c: Cluster, label: str, into: list[Mention]) -> None:
    for m in c.mentions:
        m.label = label
    into.extend(c.mentions)


def _acts_as_place(doc: Doc, c: Cluster) -> bool:
    """ "between Kessling and Harbourton": a lone name coordinated with a place, or after
    "in"/"to"/"from", is a place NER took for a person."""
    for m in c.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        partners = [*root.conjuncts]
        if any(t.ent_type_ in PLACE_LABELS for t in partners):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
            return True
    return False


def _head_noun(description: str) -> str:
    words = re.split(r"\s+(?:at|of|in|for|from|on|with|who|that|which|based)\s+", description)[0]
    return words.split()[-1].lower() if words.split() else ""


def _acts_as_person(doc: Doc, c: Cluster) -> bool:
    """A lone capitalised word opening every sentence it is in ("Turnout was 61 percent")
    is a person only if it speaks or is described."""
    for m in c.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if not span[0].is_sent_start:
            return True
        root = span.root
        if root.dep_ in SUBJECT_DEPS and root.head.lemma_ in COMMON_REPORTING_VERBS:
            return True
    return describe(doc, [(m.start, m.end) for m in c.mentions]) is not None
