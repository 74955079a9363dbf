"""Whether the words after a quote speak for it, and which of their clauses does."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.attribution.cue_verbs import (
    Attribution,
    cue_text,
    is_cue_verb,
    subject_of,
)
from analysis.doc_text import text_of
from analysis.lexicon import SUBJECT_DEPS, SUBORDINATORS

# A bare attribution after a finished sentence: '"We will win." Holm said.' is at most this long.
_SHORT_ATTRIBUTION = 5
_CLAUSE_ENDS = {",", ";", ":", "(", "—", "–", "--"}


def introduces_next_quote(content: str, after: list[Token], next_open: int | None) -> bool:
    """'"…." Mr. Zahed said: "…"': after a finished sentence, a clause ending in a colon right
    before the next quote introduces that quote. After a comma ('"…," Cruz said before adding:
    "…"') it still attributes the first."""
    words = [t for t in after if not t.is_space]
    if not content.endswith((".", "!", "?")) or content.endswith("..."):
        return False
    if next_open is None or not words or words[-1].text != ":":
        return False
    gap = text_of(words[-1].doc)[words[-1].idx + 1 : next_open]
    return not gap.strip()


def starts_new_sentence(content: str, after: list[Token]) -> bool:
    """A quote closed with a full stop followed by a whole sentence of the writer's own
    ('"…campaign." Ohio Gov. John Kasich said he would…'): that sentence reports something else.
    A bare '"…." Holm said.' still attributes."""
    if not content.endswith(".") or content.endswith("..."):
        return False
    words = [t for t in after if not t.is_space and not t.is_punct]
    return len(words) > _SHORT_ATTRIBUTION


def leading_clause(after: list[Token]) -> Attribution | None:
    """'"…," Trump said, after CNBC's Becky Quick said …': the clause right after the quote,
    up to its first comma, names the speaker before any clause further on."""
    clause: list[Token] = []
    for token in after:
        if token.text in _CLAUSE_ENDS:
            break
        clause.append(token)
    if not clause or len(clause) > _SHORT_ATTRIBUTION + 1:
        return None
    for token in clause:
        if is_cue_verb(token):
            subject = subject_of(token, clause)
            if subject is not None and subject.i != token.i:
                return Attribution(subject, cue_text(token))
    return None


def straddling_cue(before: list[Token], after: list[Token]) -> Attribution | None:
    """'Mr. Manafort, citing "…," said the candidate …': the cue verb after the quote whose
    subject stands before it."""
    in_before = {t.i for t in before}
    for token in after:
        if not is_cue_verb(token) or token.dep_ != "ROOT":
            continue
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i in in_before]
        if subjects and subjects[0].pos_ == "PROPN":
            return Attribution(subjects[0], cue_text(token))
    return None


def governs_quote(after: list[Token], first: Token | None) -> bool:
    """Whether a verb after the quote governs its words in the parse ('"…," Holm said' with the
    quote as the verb's complement), rather than standing in a clause of its own ('"…," and
    Trump vowed')."""
    if first is None:
        return False
    in_after = {t.i for t in after}
    for head in first.ancestors:
        if head.i in in_after:
            return True
        # 'While Mr. Ryan laid out "…," Carson used …': a subordinate clause before the quote
        # holds it; the main clause after it does not speak for it.
        if head.i < first.i and _opens_subordinate_clause(head):
            return False
    return False


def _opens_subordinate_clause(verb: Token) -> bool:
    # The parser marks 'when' as an adverb as often as a subordinator ('though' as an adverb
    # is only a discourse word: 'Clinton, though, would have to').
    return any(
        (c.dep_ == "mark" and c.lower_ in SUBORDINATORS)
        or (c.dep_ == "advmod" and c.lower_ in {"when", "whenever"} and c.i < verb.i)
        for c in verb.children
    )
