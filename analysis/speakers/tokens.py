"""Speaker tokens that stand for someone else or are names the tagger missed."""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis.lexicon import (
    CLOSING_QUOTE_MARKS,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
)

# Things that say what their maker put in them: "a video that said", "a piece that noted".
_DOCUMENTS = REPORTING_NOUNS | {
    "piece",
    "ad",
    "advertisement",
    "report",
    "book",
    "story",
    "sign",
    "caption",
    "headline",
    "note",
    "banner",
    "placard",
}
_NAME_SHAPE = re.compile(r"[A-Z][a-z]*(?:['’][A-Z]?)?[a-z]+(?:-[A-Z][a-z]+)?")


def relative_antecedent(token: Token) -> Token:
    """'Holm, who said "…"': the noun a relative pronoun stands for, else the token itself.
    'Holm released a video that said "…"': words a document says are its maker's."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        antecedent = token.head.head
        maker = _maker_of(antecedent)
        if maker is not None:
            return maker
        if token.lower_ == "who":
            return _person_described(antecedent) or antecedent
        return antecedent
    return token


def _person_described(noun: Token) -> Token | None:
    """'Senator Dale Whitcombe, Republican of Virginia, a longtime critic of port equipment,
    who said': "who" closes the descriptions of a named person, not the thing last named in
    them. From a common noun inside an "of" phrase, up through the appositions to the name."""
    if noun.pos_ == "PROPN" or noun.dep_ != "pobj" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    current = noun.head.head
    for _ in range(4):
        if current.ent_type_ == "PERSON":
            return current
        if current.dep_ != "appos":
            return None
        current = current.head
    return None


def _maker_of(document: Token) -> Token | None:
    """The named subject of the verb a document noun is the object of: 'Holm released a video'."""
    if document.lemma_.lower() not in _DOCUMENTS or document.dep_ != "dobj":
        return None
    subjects = [c for c in document.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    return subjects[0] if subjects else None


def looks_like_name(token: Token) -> bool:
    """A capitalised singular word inside the sentence, with no article: a surname tagged as
    a common noun ('“…,” Hannity said'), not 'Officials said' or 'The Senator said'."""
    if token.tag_ not in {"NN", "NNP"} or not _NAME_SHAPE.fullmatch(token.text):
        return False
    if token.i == 0 or "\n" in token.doc[token.i - 1].text:
        return False
    # '"…?" Hannity pressed': the parser starts a sentence after a question, the name stays one.
    if token.is_sent_start and token.doc[token.i - 1].text not in CLOSING_QUOTE_MARKS:
        return False
    if token.lower_ in REPORTING_VERBS or any(c.dep_ == "det" for c in token.children):
        return False
    return not token.doc[token.i - 1].text.endswith((".", ":"))
