"""Reporting verbs and their subjects: the cue of a window of tokens, the speaker token it
names, and the Attribution every cue pattern returns."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from analysis.doc_text import name_head
from analysis.lexicon import (
    NOT_SPEAKER_LABELS,
    OBJECT_DEPS,
    OBJECT_RELATIVES,
    PLACE_LABELS,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
    SUBJECTLESS_CLAUSES,
    SUBORDINATORS,
)

_ASPECTUAL = {"continue", "agree", "repeat", "answer", "call", "read"}
_CALL_TAKES = {"dobj", "oprd", "prep", "prt", "ccomp", "dative", "attr"}
# Verbs that name or describe someone; passive, their subject is the one named.
_NAMING = {"call", "describe", "dub", "label", "brand", "term"}
_PASSIVE = {"auxpass", "nsubjpass"}
# Verbs whose object is the one spoken to; passive, their subject heard the words ("had been
# told the banks were under orders "…"").
_ADDRESSING = {"tell", "ask", "inform", "warn", "advise", "assure", "remind", "instruct"}


@dataclass(frozen=True)
class Attribution:
    """What the text says about a quote's source: the speaker token and the cue as written,
    and the name of the rule that read them (find_attribution sets it)."""

    speaker: Token | None
    cue: str
    rule: str = ""


def cue_in(window: list[Token], near_end: bool) -> Attribution | None:
    """The reporting cue of a window, nearest the quote first, with its speaker token."""
    ordered = list(reversed(window)) if near_end else window
    # A main clause's verb reports before one tucked into a subordinate clause
    # ('…, said Murphy, using a term Rubio has used to describe him').
    ordered = sorted(ordered, key=lambda t: t.dep_ not in {"ROOT", "conj"})
    for token in ordered:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                return Attribution(objects[0], "according to")
        if is_cue_verb(token):
            subject = subject_of(token, window)
            if subject is not None:
                return Attribution(subject, cue_text(token))
    for token in ordered:
        if token.lemma_.lower() in REPORTING_NOUNS and token.head.lower_ == "in":
            holder = subject_of(token.head.head, window)
            if holder is not None:
                return Attribution(holder, f"in a {token.lower_}")
    return None


def is_cue_verb(token: Token) -> bool:
    """A reporting verb; "continue to be" and its like only report when they stand alone."""
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in REPORTING_VERBS:
        return False
    if is_passive_naming(token) or _passive_addressee(token):
        return False
    # "vowed to bomb" still reports; "continued to be", "agreed to run" do not.
    if token.lemma_.lower() not in _ASPECTUAL:
        return True
    # "were calling every hour" names nothing; "called him "…"", "called for "…"" do.
    if token.lemma_.lower() == "call" and not any(c.dep_ in _CALL_TAKES for c in token.children):
        return False
    return not any(c.dep_ == "xcomp" for c in token.children)


def _passive_addressee(verb: Token) -> bool:
    """'had been told "…"': the subject of a passive verb of telling heard the words."""
    return verb.lemma_.lower() in _ADDRESSING and any(c.dep_ in _PASSIVE for c in verb.children)


def is_passive_naming(verb: Token) -> bool:
    """'Guccifer 2.0 was branded "in homage to" Lazar': the one named is not the one naming."""
    return verb.lemma_.lower() in _NAMING and any(c.dep_ in _PASSIVE for c in verb.children)


def cue_text(verb: Token) -> str:
    """The cue as written: the verb with its particle ("pointed out")."""
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return verb.text + (" " + particles[0].text if particles else "")


def subject_of(verb: Token, window: list[Token]) -> Token | None:
    """The verb's subject, climbing through clauses that borrow their head's subject."""
    in_window = {t.i for t in window}
    current = child = verb
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and c.i in in_window]
        if subjects and _place_in_reported_clause(subjects[0], current):
            # 'Long acknowledged that Beijing was watching, adding, "…"': not Beijing's words.
            child, current = current, current.head
            continue
        if subjects and not not_participle_host(verb, child, current):
            # 'Ryan, who used the words when asked': the asking is not the relative's to report.
            if current is not verb and subjects[0].lower_ in RELATIVE_PRONOUNS:
                return None
            return named_first(subjects)
        if current.dep_ == "acl" and current.head.pos_ == "PROPN":
            return _acl_speaker(current)
        if _misread_as_modifier(current):
            return current.head  # 'A senior official acknowledged …' parsed as a noun phrase
        if current.dep_ not in SUBJECTLESS_CLAUSES or current.head is current:
            break
        child, current = current, current.head
    aged = _age_as_subject(verb)
    if aged is not None and aged.i in in_window:
        return aged  # '"…," the 54-year-old said', the age parsed as a modifier of the verb
    # "…," said Martin Indyk: the parser may hang the name on the verb another way.
    # '"…," Ramos, 58, told AFP' parsed as a conjunction: the name before the verb speaks.
    # Never a date, a possessive, a modifier or a place inside a prepositional phrase.
    for token in window:
        if token.i < verb.i and _may_speak(token):
            return token
    # '"…," said a spokesman': a common noun only right behind the verb that follows the quote;
    # an object ('called Haley "…"') is the one spoken about, not the speaker.
    inverted = bool(window) and window[0].i == verb.i
    for token in verb.doc[verb.i + 1 : verb.i + 4]:
        if token.i not in in_window or (not inverted and name_head(token).dep_ in OBJECT_DEPS):
            continue
        # '"…," saying the city embodied': the subject of the clause reported is not the speaker.
        head = name_head(token)
        if head.dep_ in SUBJECT_DEPS and head.head.i != verb.i:
            continue
        if head.dep_ == "poss":
            continue  # 'trying to explain her plan': the owner is not the speaker
        if token.pos_ in {"PROPN", "PRON"} or (inverted and token.pos_ == "NOUN"):
            return token
        if inverted and token.i == verb.i + 1 and token.text[:1].isupper() and token.is_alpha:
            return token  # '"…," said Hale' with the name mistagged as an adverb
    return None


def _acl_speaker(clause: Token) -> Token | None:
    """'footage of Hillary Clinton asking, "…"': the name the clause hangs on speaks, unless a
    relative pronoun makes it the object ('Lind, who Holm called "…"'): then the name after it."""
    noun = clause.head
    between = clause.doc[noun.i + 1 : clause.i]
    relatives = [t for t in between if t.lower_ in OBJECT_RELATIVES]
    if not relatives:
        return noun
    after = [t for t in between if t.i > relatives[0].i and _may_speak(t)]
    return after[0] if after else None


def named_first(subjects: list[Token]) -> Token:
    """'said Army Capt. Jo Pardo' parsed as two subjects: the one tagged a person speaks, then
    an organisation; a place comes last ('PHILADELPHIA — The committee released')."""
    return min((_past_dateline(s) for s in subjects), key=_subject_rank)


def _past_dateline(subject: Token) -> Token:
    """'WASHINGTON -- President Obama, dedicating …, said' parsed with the dateline as the
    subject and the name in apposition to it: the name speaks."""
    if not _is_dateline(subject):
        return subject
    names = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return names[0] if names else subject


_SUBJECT_PREFERENCE = {"PERSON": 0, "ORG": 1, "GPE": 3}


def _subject_rank(subject: Token) -> int:
    return 4 if _is_dateline(subject) else _SUBJECT_PREFERENCE.get(subject.ent_type_, 2)


_AFTER_DATELINE = frozenset({",", "(", "—", "–", "-", "--"})


def _is_dateline(token: Token) -> bool:
    """'LINDHOLM, May 4 —' opening a paragraph: the place the story was filed from."""
    doc = token.doc
    opens = token.i == 0 or "\n" in doc[token.i - 1].text
    follows = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return opens and token.is_upper and len(token) > 1 and follows in _AFTER_DATELINE


def _may_speak(token: Token) -> bool:
    """A proper name or pronoun that is not a date, number or the object of a preposition; a
    place only as the subject of a reporting verb ('Seoul said', not 'that Seoul is watching')."""
    if token.pos_ != "PROPN" and token.lower_ not in SPEAKER_PRONOUNS:
        return False
    if token.ent_type_ in NOT_SPEAKER_LABELS:
        return False
    head = name_head(token)
    speaks = head.dep_ in SUBJECT_DEPS and is_cue_verb(head.head)
    if token.ent_type_ in PLACE_LABELS and not speaks:
        return False
    return head.dep_ not in {"pobj", "poss", "compound"}


def _place_in_reported_clause(subject: Token, clause: Token) -> bool:
    """A place that is the subject of a clause another verb reports, not of a cue of its own."""
    return (
        subject.ent_type_ in PLACE_LABELS
        and clause.dep_ == "ccomp"
        and not is_cue_verb(clause)
        and clause.head is not clause
    )


def _age_as_subject(verb: Token) -> Token | None:
    """The "old" of "the 54-year-old" hanging on the verb where its subject should be."""
    for child in verb.children:
        if child.lower_ == "old" and child.i >= 2 and child.doc[child.i - 2].lower_ == "year":
            return child
    return None


def _misread_as_modifier(verb: Token) -> bool:
    """A reporting verb the parser hung on the noun before it as a modifier: in 'A senior
    official acknowledged to the agency that …' the official is the subject."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBD"
        and noun.pos_ == "NOUN"
        and noun.i < verb.i
        and verb.lemma_.lower() in REPORTING_VERBS
        and all(t.dep_ not in SUBJECT_DEPS for t in verb.children)
    )


_REQUEST_VERBS = frozenset({"ask", "tell", "urge", "order", "warn"})


def not_participle_host(participle: Token, child: Token, head: Token) -> bool:
    """Whether a subjectless '-ing' cue skips this head when borrowing a subject: a finite verb
    it is coordinated with ('was waylaid … and arguing') or a subordinate clause ('after the
    senator won, remarking') or a noun's clause ('the notion that …, explaining'). A participle
    after a comma modifies the main clause."""
    if participle.tag_ != "VBG":
        return False
    if child.dep_ == "advcl" and _reported_clause(head) and _after_comma(participle):
        return True  # 'told the agency that Seoul is watching, adding': the teller adds
    if child.dep_ == "advcl" and head.dep_ == "acl":
        return True  # 'denied the notion that a shakeup is coming, explaining': not the shakeup
    if head.tag_ == "VBG":
        return False
    if child.dep_ == "conj":
        return True
    return child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in head.children
    )


def _reported_clause(verb: Token) -> bool:
    """The clause a reporting verb reports: 'told the agency that Seoul is watching', 'said the
    Treasury had been warned'; not a reporting verb of its own the parse hung there ('Comey
    cannot say that "…," Lewandowski added')."""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i or not is_cue_verb(verb.head):
        return False
    passive = any(c.dep_ in _PASSIVE for c in verb.children)
    return passive or not is_cue_verb(verb) or _request(verb)


def _request(verb: Token) -> bool:
    """'had asked the company to hold off', 'told them to leave': a request, not speech."""
    return verb.lemma_.lower() in _REQUEST_VERBS and any(c.dep_ == "xcomp" for c in verb.children)


def _after_comma(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == ","
