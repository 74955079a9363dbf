"""The reporter above an embedded clause: in 'Lind said Berg was "a fine mayor"' Lind speaks."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.attribution.cue_verbs import Attribution, cue_text, is_cue_verb
from analysis.lexicon import SPEAKER_PRONOUNS, SUBJECT_DEPS

# The names added to the rule of an attribution whose speaker reports the clause it found.
REPORTER_ABOVE = "reporter above an embedded clause"
REPORTER_ASIDE = "reporter in an aside"
# Clauses that share the reported clause's place under the reporting verb:
# 'said Berg was "…" while Holm is "…"', 'said Berg was "…" and "would lose"'.
_SIBLING_CLAUSES = {"conj", "advcl"}


def reporter_of(attribution: Attribution, quote_start: Token | None) -> Attribution:
    """The reporting verb's subject when the attribution's speaker only heads a reported clause."""
    speaker = attribution.speaker
    if speaker is None or speaker.dep_ not in SUBJECT_DEPS:
        return attribution
    clause = speaker.head
    if is_cue_verb(clause) and not _joined_to(clause, quote_start):
        return attribution  # 'Lind said Berg told her "…"': Berg's own words
    aside = _parenthetical_reporter(clause)
    if aside is not None:
        return _reported(aside, attribution, REPORTER_ASIDE)
    current = clause
    for _ in range(4):
        if current.dep_ == "ccomp":
            above = _subject_reporting(current.head, current)
            return _reported(above, attribution, REPORTER_ABOVE) if above else attribution
        if current.dep_ not in _SIBLING_CLAUSES or current.head is current:
            return attribution
        current = current.head
    return attribution


def _reported(reporter: Attribution, found: Attribution, how: str) -> Attribution:
    """The reporter's attribution, its rule the one that found the clause and how it reports."""
    return Attribution(reporter.speaker, reporter.cue, f"{found.rule} + {how}")


def _parenthetical_reporter(clause: Token) -> Attribution | None:
    """'Berg, Lind said, had been "…"': the aside's subject reports the whole sentence."""
    for child in clause.children:
        if child.dep_ == "parataxis" and is_cue_verb(child):
            found = _subject_reporting(child, None)
            if found is not None:
                return found
    return None


def _subject_reporting(verb: Token, reported: Token | None) -> Attribution | None:
    """The named subject of a reporting verb, standing before the clause it reports."""
    if not is_cue_verb(verb):
        return None
    for child in verb.children:
        if child.dep_ not in SUBJECT_DEPS or (reported is not None and child.i > reported.i):
            continue
        if _may_report(child):
            return Attribution(child, cue_text(verb))
    return None


def _may_report(token: Token) -> bool:
    """A subject that can report a clause: a name, a pronoun or any entity, but not "it"."""
    if token.lower_ == "it":
        return False  # 'it said that X was "…"' is too often a document, not a speaker
    return token.pos_ == "PROPN" or token.lower_ in SPEAKER_PRONOUNS or bool(token.ent_type_)


def _joined_to(verb: Token, quote_start: Token | None) -> bool:
    """Whether the quote is a clause joined to verb ('Berg asked and "would have begged"'),
    not what the verb reports."""
    if quote_start is None:
        return False
    child = quote_start
    for ancestor in quote_start.ancestors:
        if ancestor.i == verb.i:
            return child.dep_ == "conj"
        child = ancestor
    return False
