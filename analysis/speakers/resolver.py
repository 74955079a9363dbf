"""Speaker tokens to canonical names: clusters, entities, pronouns, titles, unnamed sources."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from analysis.doc_text import name_head, text_of, token_index_at
from analysis.entities.given_names import given_name_gender
from analysis.entities.names import (
    honorific_gender,
    is_alias_of,
    is_honorific,
    name_tokens,
    pronoun_gender,
    shared_surname,
    surname_word,
)
from analysis.entities.ner_fixes import PERSON_KIND_BEFORE
from analysis.entities.people import plural_named
from analysis.lexicon import (
    DOCUMENT_NOUNS,
    DOUBLE_QUOTE_MARKS,
    OBJECT_PRONOUNS,
    REPORTING_VERBS,
    SPEAKER_LABELS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
)
from analysis.quotes.marks import QuoteSpan
from analysis.speakers.pronouns import Person, SpokenBefore, subject_antecedent
from analysis.speakers.tokens import looks_like_name, relative_antecedent
from analysis.types import JOINT_SEPARATOR, EntityCluster, joint_members

if TYPE_CHECKING:  # attribution builds on the resolver, so the type is only named here
    from analysis.attribution.cue_verbs import Attribution

# The label of a speaker who is several people or bodies at once.
JOINT = "JOINT"


@dataclass
class Speaker:
    """Who a quote is given to: a canonical name or a description, with the cue and the name of
    the rule that gave the speaker."""

    name: str | None
    description: str | None
    cue: str | None
    gender: str | None = None
    label: str | None = None
    rule: str | None = None


# The names a document may belong to: a person, an organisation, a government.
_DOCUMENT_OWNERS = frozenset({"PERSON", "ORG", "GPE"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


class SpeakerResolver:
    """Turns speaker tokens into canonical names with the article's entity clusters."""

    def __init__(self, doc: Doc, clusters: list[EntityCluster]) -> None:
        self.doc = doc
        self.clusters = clusters
        self.last_speakers: list[tuple[int, Speaker]] = []
        self.unnamed: list[tuple[str, str]] = []  # (head lemma, description) in text order
        self.quoted: list[tuple[int, int]] = []  # the article's quotes, marks included

    def resolve(self, attribution: Attribution, span: QuoteSpan) -> Speaker | None:
        """The speaker named, described or referred to by the attribution's token."""
        token = attribution.speaker
        if token is None:
            return None
        token = _document_owner(_appositive_name(relative_antecedent(token)))
        if token.lower_ in SPEAKER_PRONOUNS and (_before_age(token) or _capital_inside(token)):
            # "He, 61, said", '"…," He said': a family name spelled like a pronoun.
            named = self._person_by_surname(token)
            if named is not None:
                return Speaker(named.name, None, attribution.cue, self._gender_of(named), "PERSON")
        if token.lower_ in SPEAKER_PRONOUNS and not _after_honorific(token):
            return self._pronoun(token, attribution.cue)
        if _one_of_them(token):
            several = _unnamed_speaker_above(token, plural=True)
            if several is not None:
                # "Two employees who spoke on condition of anonymity said …. '…,' one of them
                # said": one of those two.
                return Speaker(None, several, attribution.cue)
        if token.lower_ in OBJECT_PRONOUNS and token.head.tag_ == "VBG":
            # 'caught her saying, "…"': the object form speaks through the participle.
            return self._pronoun(token, attribution.cue)
        if _described_kind(token):
            return self._described(token, attribution.cue)
        cluster = self._cluster_at(token)
        if cluster is not None:
            names = JOINT_SEPARATOR.join([cluster.name, *self._partners(token)])
            if joint_members(names):
                # 'Trump and Ryan issued a statement': both speak; "he" later means neither.
                return Speaker(names, None, attribution.cue, None, JOINT)
            gender = self._gender_of(cluster)
            return Speaker(cluster.name, None, attribution.cue, gender, cluster.label)
        ent = _entity_of(token)
        if ent is not None:
            label = ent.label_
            if self._shared_surname(ent.text):
                # 'Marsh' with two Marshes, whatever NER took it for: the main one, or no one
                return self._main_bearer(ent.text, token.idx, attribution.cue)
            name = ent.text if label != "PERSON" else self._canonical(ent.text)
            return Speaker(_drop_article(name), None, attribution.cue, label=label)
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            name = _name_span(token).text
            if self._shared_surname(name):
                return self._main_bearer(name, token.idx, attribution.cue)
            return Speaker(self._canonical(name), None, attribution.cue)
        surnamed = self._person_by_surname(token)
        if surnamed is not None:
            gender = self._gender_of(surnamed)
            return Speaker(surnamed.name, None, attribution.cue, gender, "PERSON")
        if looks_like_name(token):
            return Speaker(self._canonical(token.text), None, attribution.cue)
        return self._described(token, attribution.cue)

    def _partners(self, token: Token) -> list[str]:
        """The other named speakers coordinated with this one ('Trump and Ryan'), when every
        one of them is a known person or organisation."""
        conjuncts = [c for c in token.conjuncts if c.i > token.i]
        if not conjuncts or any(c.pos_ != "PROPN" for c in conjuncts):
            return []
        clusters = [self._cluster_at(c) for c in conjuncts]
        if any(c is None or c.label not in {"PERSON", "ORG"} for c in clusters):
            return []
        return [c.name for c in clusters if c is not None]

    def _person_by_surname(self, token: Token) -> EntityCluster | None:
        """'said Hale' with Hale tagged a common noun: the one person of that surname."""
        if not token.text[:1].isupper() or not token.is_alpha:
            return None
        people = [
            c
            for c in self.clusters
            if c.label == "PERSON"
            and len(c.name.split()) > 1
            and surname_word(c.name) == token.text
        ]
        return people[0] if len(people) == 1 else None

    def _cluster_at(self, token: Token) -> EntityCluster | None:
        start, end = token.idx, token.idx + len(token.text)
        for cluster in self.clusters:
            if any(s <= start and end <= e for s, e in cluster.spans):
                return cluster
        return None

    def _person_of_age(self, description: str) -> str | None:
        """ "the 54-year-old": the one person the article gave that age ("Mr. Whitfield, 54,",
        "He, 54,"), else, where it gave it to no one, the person last quoted before the
        article first wrote "the 54-year-old" (it stands for them as "he" would)."""
        match = _AGE_REFERENCE.match(description)
        if match is None:
            return None
        age = match.group(1)
        full = text_of(self.doc)
        people = [c for c in self.clusters if c.label == "PERSON"]
        tied = {c.name for c in people for _, end in c.spans if _age_after(full, end, age)}
        for word in re.finditer(rf"([A-Z][\w'’-]*),\s*{age}\b", full):
            owners = [c for c in people if len(c.name.split()) > 1]
            owners = [c for c in owners if surname_word(c.name) == word.group(1)]
            if len(owners) == 1:
                tied.add(owners[0].name)
        if tied:
            return tied.pop() if len(tied) == 1 else None
        first = re.search(rf"\b{age} ?- ?year ?- ?old\b", full)
        if first is None:
            return None
        before = [s for pos, s in self.last_speakers if pos < first.start() and s.name]
        if before and before[-1].label in (None, "PERSON"):
            return before[-1].name
        return None

    def _main_bearer(self, surname: str, position: int, cue: str) -> Speaker:
        """A surname several people share, found where clustering did not place it: the one
        named more often so far than every other (Donald Trump beside Ivanka Trump), unless
        they were named together in the plural since; else unsettled."""
        people = [c for c in self.clusters if c.label == "PERSON" and is_alias_of(surname, c.name)]
        counts = sorted(
            ((sum(1 for s, _ in c.spans if s < position), i) for i, c in enumerate(people)),
            reverse=True,
        )
        last = max((s for c in people for s, _ in c.spans if s < position), default=0)
        plural = plural_named(text_of(self.doc), surname, last, position)
        if len(counts) < 2 or counts[0][0] <= counts[1][0] or plural:
            return Speaker(None, None, cue)
        main = people[counts[0][1]]
        return Speaker(main.name, None, cue, self._gender_of(main), "PERSON")

    def _shared_surname(self, name: str) -> bool:
        """Whether a lone surname is shared by two people named in full."""
        people = (c.name for c in self.clusters if c.label == "PERSON")
        return len(name_tokens(name)) == 1 and shared_surname(name, people)

    def _canonical(self, name: str) -> str:
        """The fullest earlier or later PERSON name this one is an alias of."""
        best = name
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent.text) > len(best) and is_alias_of(name, ent.text):
                best = ent.text
        return best

    def _gender_of(self, cluster: EntityCluster) -> str | None:
        if cluster.gender is not None:
            return cluster.gender
        for surface in cluster.surfaces:
            first = surface.split()[0] if surface.split() else ""
            if is_honorific(first) and honorific_gender(first):
                return honorific_gender(first)
        return given_name_gender(cluster.name.split()[0]) if cluster.name.split() else None

    def _person_at(self, token: Token) -> Person | None:
        """The person a name token belongs to, with the gender the article gives them."""
        cluster = self._cluster_at(token)
        if cluster is not None:
            return (
                Person(cluster.name, self._gender_of(cluster))
                if cluster.label == "PERSON"
                else None
            )
        ent = _entity_of(token)
        if ent is not None and ent.label_ == "PERSON":
            return Person(self._canonical(ent.text), _ent_gender(ent))
        aged = self._person_of_age(_noun_phrase(token)) if token.pos_ != "PROPN" else None
        if aged is not None:
            named = next((c for c in self.clusters if c.name == aged), None)
            return Person(aged, self._gender_of(named) if named else None)
        return None

    def _pronoun(self, token: Token, cue: str) -> Speaker | None:
        """He/she/they: the most recent compatible speaker or person before the pronoun."""
        gender = pronoun_gender(token.text)
        if gender is None:
            return None
        spoken = [
            SpokenBefore(pos, Person(s.name, s.gender))
            for pos, s in self.last_speakers
            if s.name and s.label in (None, "PERSON")
        ]
        unnamed = _unnamed_speaker_above(token, plural=token.lower_ in {"they", "them"})
        if unnamed is not None:
            # "A senior engineer, who did not want to be named, said …. '…,' he said."
            return Speaker(None, unnamed, cue, gender)
        found = subject_antecedent(token, gender, self._person_at, spoken, self.quoted)
        candidates = self._people_before(token)
        # Someone the article shows is of the pronoun's sex, named in this paragraph or the
        # one above, before a nearer name whose sex nothing shows ("Omondi Wafula").
        recent = _paragraph_start(self.doc, token.idx, paragraphs_back=1)
        known = [
            c for c in candidates if c[0] >= recent and c[2] == gender and self._in_the_clause(c[0])
        ]
        if found is not None and (found.gender is not None or not known):
            return Speaker(found.name, None, cue, gender, "PERSON")
        for _, name, candidate_gender in reversed(known or candidates):
            if candidate_gender in (None, gender):
                return Speaker(name, None, cue, gender, "PERSON")
        return None

    def _in_the_clause(self, offset: int) -> bool:
        """Whether the name at the offset is a clause's own ("Halima Noor said", "Among those
        let go was Ma Qingyu"), not tucked into a phrase ("after meeting Vladimir Putin")."""
        index = token_index_at(self.doc, offset)
        return index < len(self.doc) and name_head(self.doc[index]).dep_ not in _TUCKED_IN

    def _people_before(self, token: Token) -> list[tuple[int, str, str | None]]:
        """The speakers and people named before the token, with the sex the article gives
        them, in text order."""
        candidates: list[tuple[int, str, str | None]] = [
            (pos, s.name, s.gender)
            for pos, s in self.last_speakers
            if s.name and s.label in (None, "PERSON")
        ]
        for cluster in self.clusters:
            if cluster.label == "PERSON":
                gender_of = self._gender_of(cluster)
                candidates.extend((s, cluster.name, gender_of) for s, _ in cluster.spans)
        if not self.clusters:
            candidates.extend(
                (e.start_char, self._canonical(e.text), _ent_gender(e))
                for e in self.doc.ents
                if e.label_ == "PERSON"
            )
        return sorted((c for c in candidates if c[0] < token.idx), key=lambda c: c[0])

    def _described(self, token: Token, cue: str) -> Speaker:
        """A title or an unnamed source: resolved through an earlier apposition, else described."""
        description = _noun_phrase(token)
        aged = self._person_of_age(description)
        if aged is not None:
            return Speaker(aged, None, cue)
        for ent in _entities_within(token):
            if ent.label_ == "PERSON":
                cluster = self._cluster_at(ent.root)
                return Speaker(cluster.name if cluster else self._canonical(ent.text), None, cue)
        definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
        if definite and token.tag_ in {"NN", "NNP"}:
            unnamed = _unnamed_just_introduced(token)
            if unnamed is not None:
                # "A lawyer in the office … offered a view. '…,' the lawyer said": that lawyer,
                # not a named lawyer from earlier in the story.
                return Speaker(None, unnamed, cue)
            named = self._titled(token) or self._organisation_called(token)
            if named is not None:
                return Speaker(named, None, cue)
            # "the official" again: the unnamed source introduced earlier as "a senior official".
            earlier = [d for lemma, d in self.unnamed if lemma == token.lemma_.lower()]
            if earlier:
                return Speaker(None, earlier[-1], cue)
            introduced = _indefinite_mention_before(token)
            if introduced is not None:
                return Speaker(None, introduced, cue)
        self.unnamed.append((token.lemma_.lower(), description))
        return Speaker(None, description, cue)

    def _organisation_called(self, token: Token) -> str | None:
        """ "the central bank said" after "Bank Negara Malaysia": the one organisation named
        before whose name holds the description's noun ("bank", "ministry", "court")."""
        lemma = token.lemma_.lower()
        named = {
            c.name
            for c in self.clusters
            if c.label == "ORG"
            and c.spans[0][0] < token.idx
            and lemma in (w.lower() for w in c.name.split())
        }
        return named.pop() if len(named) == 1 else None

    def _titled_cluster(self, lemma: str, before: int) -> str | None:
        """The latest cluster given this title in one of its mentions before the position."""
        best: tuple[int, str] | None = None
        for cluster in self.clusters:
            if cluster.label not in {"PERSON", "ORG"}:
                continue  # "a retired Marine colonel": the Marines are not the one titled
            for start, end in cluster.spans:
                if end > before:
                    break
                mention = self.doc.char_span(start, end, alignment_mode="expand")
                later = best is None or start > best[0]
                if later and mention is not None and _titled_in_text(mention, lemma):
                    best = (start, cluster.name)
        return best[1] if best else None

    def _titled(self, token: Token) -> str | None:
        """The entity the text gave this title earlier: description, apposition or compound."""
        lemma = token.lemma_.lower()
        for cluster in self.clusters:
            if cluster.description and lemma in cluster.description.lower().split():
                return cluster.name
        titled = self._titled_cluster(lemma, token.idx)
        if titled is not None:
            return titled
        for ent in reversed([e for e in self.doc.ents if e.end_char <= token.idx]):
            if ent.label_ not in SPEAKER_LABELS:
                continue
            if ent.root.lemma_.lower() == lemma or _titled_in_text(ent, lemma):
                holder = self._cluster_at(ent.root)
                return holder.name if holder else self._canonical(ent.text)
        return None


def _titled_in_text(ent: Span, lemma: str) -> bool:
    """Whether the text gives ent this title: "Minister Park", "Park, the minister"."""
    root = ent.root
    related = list(root.children) + ([root.head] if root.dep_ == "appos" else [])
    for other in related:
        if other.dep_ in {"appos", "compound"} or other is root.head:
            if other.lemma_.lower() == lemma:
                return True
            if any(c.lemma_.lower() == lemma for c in other.subtree if c.i < root.i + 8):
                return True
    doc = ent.doc
    if any(t.lemma_.lower() == lemma for t in ent):
        return True  # "Superintendent Marcus Delgado" tagged title and all
    if ent.start > 1 and doc[ent.start - 1].text == ",":
        # "the state roads agency, Estradas de Portugal,": an apposition the parse hung elsewhere
        return doc[ent.start - 2].lemma_.lower() == lemma
    return ent.start > 0 and doc[ent.start - 1].lemma_.lower() == lemma


def _age_after(text: str, end: int, age: str) -> bool:
    """Whether a name ending at `end` is followed by its age: "Owain Rhys, 52"."""
    return re.match(rf",\s*{age}\b", text[end:]) is not None


_AGE_REFERENCE = re.compile(r"^(?:[Tt]he )?(\d{1,3}) ?- ?year ?- ?old\b(?!-)")


def _capital_inside(token: Token) -> bool:
    """'"…," He said': a capitalised "He" inside a sentence is a family name, not a pronoun."""
    if not token.text[:1].isupper() or token.i == 0 or token.is_sent_start:
        return False
    before = token.doc[token.i - 1]
    return before.is_quote or before.text in {",", ";"}


def _before_age(token: Token) -> bool:
    """ "He, 61, said": a capitalised word followed by an age between commas."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 4]
    return (
        token.text[:1].isupper()
        and len(following) == 3
        and following[0].text == ","
        and following[1].like_num
        and following[2].text == ","
    )


# Where a name stands inside a phrase of its clause rather than in the clause itself.
_TUCKED_IN = frozenset({"pobj", "poss"})


def _paragraph_start(doc: Doc, offset: int, paragraphs_back: int = 0) -> int:
    """Where the paragraph holding the offset begins, or the one `paragraphs_back` above it."""
    text = text_of(doc)
    start = text.rfind("\n", 0, offset) + 1
    for _ in range(paragraphs_back):
        above = text[:start].rstrip("\n")
        start = above.rfind("\n") + 1 if above else 0
    return start


def _described_kind(token: Token) -> bool:
    """ "the retired Marine said", "the former Democrat": a capitalised kind of person after
    an article and a word of what they were describes someone, whatever NER made of it."""
    children = list(token.children)
    has_article = any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in children)
    return has_article and any(c.lower_ in PERSON_KIND_BEFORE for c in children)


def _after_honorific(token: Token) -> bool:
    """ "Mr He said", "Ms. You told": a family name spelled like a pronoun."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and is_honorific(before.text) and before.text[:1].isupper()


def _ent_gender(ent: Span) -> str | None:
    first = ent.doc[ent.start - 1] if ent.start > 0 else None
    if first is not None and is_honorific(first.text):
        return honorific_gender(first.text)
    return None


def _document_owner(token: Token) -> Token:
    """'the IMF report stated', "the ministry's statement said": a document speaks for the
    one named as its owner."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in DOCUMENT_NOUNS:
        return token
    for child in token.children:
        if child.dep_ in {"compound", "poss"} and child.ent_type_ in _DOCUMENT_OWNERS:
            return child
    return token


def _appositive_name(token: Token) -> Token:
    """'A spokesman, John Smith, said': the name in apposition speaks."""
    if token.pos_ != "PROPN":
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    # 'Harbor Radio Vice President for news and talk Dave Gorab called': a title parsed as the
    # subject with the person joined to it.
    if is_honorific(token.text) and token.ent_type_ != "PERSON":
        for child in token.children:
            if child.dep_ in {"conj", "appos"} and child.ent_type_ == "PERSON":
                return child
    return token


def _name_span(token: Token) -> Span:
    """The proper name around token: its compound and flat PROPN neighbours."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].head.i
        in (
            token.i,
            start,
        )
    ):
        start -= 1
    return token.doc[start : token.i + 1]


# Modifiers after the noun that still say who the source is: "a person familiar with the
# company's finances", "a diplomat based in Brussels", "two officials who spoke on condition
# of anonymity" (a relative clause after a comma is left out).
_DESCRIBING_AFTER = {"prep", "amod", "acl", "relcl"}
_PHRASE_STOPS = {",", ";", ":", "(", "—", "–", "--"}


def _noun_phrase(token: Token) -> str:
    """The words describing an unnamed source, the whole noun phrase up to a comma or a
    quotation mark: "a senior port official", "a person familiar with the company's finances"."""
    start = token.left_edge.i
    end = token.i + 1
    for child in sorted(token.children, key=lambda c: c.i):
        if child.i < end or child.dep_ not in _DESCRIBING_AFTER or child.left_edge.i != end:
            continue
        if child.dep_ == "prep" and child.lower_ in {"to", "about", "on", "during", "after"}:
            break  # "an official said to reporters": no longer the description
        reporting = child.lemma_.lower() in REPORTING_VERBS
        if child.dep_ == "acl" and (child.tag_ not in {"VBN", "VBG"} or reporting):
            break  # 'A senior official acknowledged that …': the verb, misread as a modifier
        words = token.doc[end : child.right_edge.i + 1]
        if any(t.text in DOUBLE_QUOTE_MARKS for t in words):
            break  # 'the authors of the “Growth and Opportunity Project”': a title, not a who
        stop = next((t.i for t in words if t.text in _PHRASE_STOPS), None)
        if stop is not None:
            end = stop
            break
        end = child.right_edge.i + 1
    finite = next(
        (t.i for t in token.doc[token.i + 1 : end] if t.dep_ == "acl" and t.tag_ in _FINITE),
        None,
    )
    if finite is not None:
        end = finite  # '… about the litigation offered a view': the main verb, misread
    if any(t.dep_ == "relcl" for t in token.doc[token.i : end]):
        # The relative clause may hang on a noun inside the phrase ('a person familiar with
        # the clinic's response who was not authorized to discuss it publicly said').
        end = _to_main_verb(token, end)
    return token.doc[start:end].text


def _to_main_verb(token: Token, end: int) -> int:
    """A relative clause runs on to the verb the source is subject of ('A district official
    who was not authorised to speak publicly said'), where the parse may hang its last words."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.i <= end:
        return end
    words = token.doc[end : verb.i]
    if any(t.text in _PHRASE_STOPS or t.is_quote for t in words) or len(words) > 4:
        return end
    return verb.i


def _entity_of(token: Token) -> Span | None:
    """The named entity of a speaker label that token belongs to, if any."""
    if not token.ent_type_ or token.ent_type_ not in SPEAKER_LABELS:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _drop_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _entities_within(token: Token) -> list[Span]:
    """Named entities inside a noun phrase's own words: "Speaker of the House Paul Ryan",
    never inside a clause hanging on it ('the caption, which reads "…"')."""
    start, end = token.left_edge.i, token.i + 1
    for child in token.children:
        if child.i > token.i and child.dep_ in {"appos", "compound", "prep", "flat", "acl"}:
            end = max(end, child.right_edge.i + 1)
    return [e for e in token.doc.ents if start <= e.start and e.end <= end]


def _unnamed_just_introduced(token: Token) -> str | None:
    """The description of 'a lawyer …' when the nearest earlier use of the noun introduces
    someone unnamed (an "a" and no name in apposition), else None."""
    lemma = token.lemma_.lower()
    for earlier in reversed(token.doc[: token.left_edge.i]):
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        named = earlier.dep_ == "appos" or any(
            c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" for c in earlier.children
        )
        if not _indefinite(earlier) or named or earlier.dep_ not in {"nsubj", "nsubjpass", "ROOT"}:
            return None
        return _introduction(earlier)
    return None


def _unnamed_speaker_above(pronoun: Token, plural: bool) -> str | None:
    """The unnamed source the sentence just before introduces as the subject of a reporting
    verb ("A senior engineer, who did not want to be named, said …"), when the pronoun can
    stand for them (he or she for one, they or "one of them" for several)."""
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    before = pronoun.doc[sentence.start : pronoun.i]
    if any(t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" for t in before):
        return None  # 'Smith said that he had told them "…"': the name in its own sentence
    above = pronoun.doc[sentence.start - 1].sent
    verb = above.root
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1:
        return None
    noun = subjects[0]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in DOCUMENT_NOUNS:
        return None
    if (noun.tag_ == "NNS") != plural or any(c.dep_ == "appos" for c in noun.children):
        return None
    counted = any(c.dep_ == "nummod" for c in noun.children)
    return _introduction(noun) if _indefinite(noun) or (plural and counted) else None


def _one_of_them(token: Token) -> bool:
    """ "one of them said"."""
    if token.lower_ != "one":
        return False
    of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    return bool(of) and any(c.lower_ == "them" for c in of[0].children)


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _introduction(noun: Token) -> str:
    """The noun's phrase as a description, "a senior port official", lower case first."""
    phrase = _noun_phrase(noun)
    return phrase[:1].lower() + phrase[1:]


def _indefinite_mention_before(token: Token) -> str | None:
    """Where 'the official' was first introduced as 'a senior port official', that phrase."""
    lemma = token.lemma_.lower()
    for earlier in reversed(token.doc[: token.left_edge.i]):
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        if _indefinite(earlier):
            return _introduction(earlier)
    return None
