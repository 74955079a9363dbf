"""Quotes inside a sentence that goes on past them: '…," stating that …', 'And Rubio, after "…"'."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.lexicon import SENTENCE_GOING_ON, SUBJECT_DEPS


def continues_sentence(after: list[Token]) -> bool:
    """Whether the words after a mid-sentence quote go on with the sentence ('…," stating that',
    '…," while trying to') rather than name its speaker ('…," she said')."""
    first = after[0]
    if first.lower_ == "according":
        return False
    return first.tag_ == "VBG" or first.lower_ in SENTENCE_GOING_ON


def beyond_continuation(after: list[Token]) -> list[Token]:
    """The words after a quote outside the clause that carries the sentence on:
    '…," suggesting he might run, CNN reported' keeps 'CNN reported'."""
    first = after[0]
    # 'when' opens its clause as a mark or, as the small model often parses it, an advmod.
    opens_clause = first.dep_ == "mark" or (first.dep_ == "advmod" and first.head.i > first.i)
    clause = first.head if opens_clause else first
    inside = {t.i for t in clause.subtree}
    return [t for t in after if t.i not in inside]


def has_subject(before: list[Token]) -> bool:
    """Whether the quote's own sentence names its subject before the quote ('And Rubio, after
    pushing out "…"'): then the sentence above does not speak for it."""
    return any(t.dep_ in SUBJECT_DEPS and t.pos_ in {"PROPN", "PRON"} for t in before)
