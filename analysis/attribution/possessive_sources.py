"""Words owned by their speaker: "in Holm's view, "…"", "Holm's slogan is "…""."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.attribution.cue_verbs import Attribution
from analysis.lexicon import REPORTING_NOUNS

# Nouns for someone's own words or stance; the possessor is who said them.
_WORDS_NOUNS = REPORTING_NOUNS | frozenset(
    {
        "view",
        "words",
        "phrase",
        "catchphrase",
        "slogan",
        "motto",
        "mantra",
        "refrain",
        "message",
        "response",
        "reply",
        "answer",
        "argument",
        "promise",
        "pledge",
        "warning",
        "advice",
        "verdict",
        "assessment",
        "explanation",
        "retort",
        # Nouns of reporting verbs: "Obama's rejection of "…"", "Holm's claim that "…"".
        "rejection",
        "criticism",
        "claim",
        "assertion",
        "insistence",
        "denial",
        "remark",
        "remarks",
        "comment",
        "comments",
        "vow",
        "boast",
        "plea",
        "prediction",
        "declaration",
        "admission",
        "complaint",
        "accusation",
        "description",
        "characterization",
        "characterisation",
    }
)
_OWNERS = {"PERSON", "ORG", "NORP"}


def possessed_words(before: list[Token]) -> Attribution | None:
    """The named owner of the words noun nearest before the quote, in its own sentence."""
    for index in range(len(before) - 1, -1, -1):
        token = before[index]
        # 'Holm's speech, which Lind says affirmed "…"': another verb takes the quote.
        if token.pos_ == "VERB":
            return None
        if token.lemma_.lower() not in _WORDS_NOUNS or token.pos_ != "NOUN":
            continue
        if token.dep_ == "dobj":
            return None  # 'Lind denounced Holm's remarks as "…"': Lind speaks of them
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners and _is_named(owners[0]):
            return Attribution(owners[0], f"{owners[0].text} {token.text}")
        return None
    return None


def owner_around(before: list[Token], after: list[Token]) -> Attribution | None:
    """'Obama's "if you like your plan, you can keep it" promise': the words noun right after
    the quote, owned by the name right before it."""
    words = [t for t in after[:2] if not t.is_punct]
    if not words or not before:
        return None
    noun = words[0]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _WORDS_NOUNS:
        return None
    in_before = {t.i for t in before}
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i in in_before]
    # The parser often loses the link across the quote: "Obama's" right before its mark.
    if not owners and len(before) > 1 and before[-1].tag_ == "POS":
        owners = [before[-2]]
    if owners and _is_named(owners[0]):
        return Attribution(owners[0], f"{owners[0].text} {noun.text}")
    return None


def in_their_view_after(after: list[Token]) -> Attribution | None:
    """'"…," in Holm's view.': the owner of the words named after the quote, behind "in"."""
    for token in after:
        if token.pos_ == "VERB":
            return None  # '"…," Lind said, in Holm's view' belongs to the verb's subject
        if token.lemma_.lower() not in _WORDS_NOUNS or token.head.lower_ != "in":
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners and _is_named(owners[0]):
            return Attribution(owners[0], f"in {owners[0].text} {token.text}")
    return None


def _is_named(owner: Token) -> bool:
    """A possessor that names someone: a proper noun or a person, organisation or group."""
    return owner.pos_ == "PROPN" or owner.ent_type_ in _OWNERS
