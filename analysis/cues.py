"""Attribution patterns outside the quote's own sentence, or not built on a reporting verb.

Each function returns tokens only; analysis.attribution turns them into speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from analysis.doc_text import text_of
from analysis.lexicon import REPORTING_VERBS

_SUBJECTS = {"nsubj", "nsubjpass"}
_DASHES = "-–—―"
_SIGNATURE = re.compile(r"[ \t]*[-–—―]+[ \t]*(?=\w)")
# Words a speech verb may carry between itself and the quote: "shot back, “…”".
_VERB_TAIL = {"back", "out", "up", "on", "in", "then", "again", "simply", "flatly", "only"}
# Labels a speaker never has: a date or number is the wrong subject picked up.
NOT_SPEAKER_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def token_index_at(doc: Doc, char: int) -> int:
    """Index of the first token ending after char (binary search over token offsets)."""
    low, high = 0, len(doc)
    while low < high:
        mid = (low + high) // 2
        if doc[mid].idx + len(doc[mid].text) <= char:
            low = mid + 1
        else:
            high = mid
    return low


def name_head(token: Token) -> Token:
    """The last word of the proper name token belongs to: "Army" in "Army Capt. Jo Pardo"."""
    current = token
    for _ in range(6):
        head = current.head
        joined = current.dep_ in {"compound", "flat"} and head.i > current.i
        if not joined or head.pos_ != "PROPN":
            break
        current = head
    return current


def introducing_paragraph(doc: Doc, open_mark: int) -> list[Token]:
    """The last sentence of the previous paragraph when it ends with a colon and the quote
    opens its own paragraph: 'Cruz continued:' then the quote below it."""
    text = text_of(doc)
    p_start = text.rfind("\n", 0, open_mark) + 1
    if text[p_start:open_mark].strip():
        return []
    above = text[:p_start].rstrip()
    if not above.endswith(":"):
        return []
    end = token_index_at(doc, len(above) - 1)
    if end >= len(doc):
        return []
    tokens: list[Token] = []
    for token in reversed(doc[: end + 1]):
        if "\n" in token.text or (token.text in {".", "!", "?"} and tokens):
            break
        if not token.is_space:
            tokens.append(token)
    tokens.reverse()
    return tokens


def signature_below(doc: Doc, quote_end: int) -> Token | None:
    """'"…"' then a paragraph '- Bernie Sanders.': the name signed under a quote."""
    text = text_of(doc)
    p_end = text.find("\n", quote_end)
    if p_end < 0 or text[quote_end:p_end].strip(" \t\"”'’.,"):
        return None
    p_start = p_end
    while p_start < len(text) and text[p_start].isspace():
        p_start += 1
    match = _SIGNATURE.match(text, p_start)
    if match is None:
        return None
    index = token_index_at(doc, match.end())
    if index >= len(doc):
        return None
    token = doc[index]
    if token.text.lstrip(_DASHES)[:1].isupper() and token.pos_ == "PROPN":
        return name_head(token)
    return None


def verb_right_before(before: list[Token]) -> Token | None:
    """'Hillary shot back, "…"': the verb that ends the clause leading into the quote."""
    index = len(before) - 1
    if index < 0 or before[index].text not in {",", ":"}:
        return None
    index -= 1
    # 'fired back forcefully:': particles and manner adverbs stand between the verb and the mark.
    while index >= 0 and (before[index].lower_ in _VERB_TAIL or _manner_adverb(before[index])):
        index -= 1
    verb = before[index] if index >= 0 else None
    if verb is None or verb.pos_ != "VERB" or verb.tag_ == "VBN":
        return None
    # "When she arrived, "…"": a subordinate clause only sets the scene.
    if any(c.dep_ == "mark" for c in verb.children):
        return None
    return verb


def _manner_adverb(token: Token) -> bool:
    return token.pos_ == "ADV" and token.dep_ == "advmod" and token.lower_.endswith("ly")


def as_they_put_it(before: list[Token]) -> tuple[Token, Token] | None:
    """'As Vulture put it, "…"', 'As the band sang, "…"': the subject and verb of the aside."""
    for token in before:
        if token.lower_ != "as" or token.dep_ != "mark":
            continue
        verb = token.head
        if verb.pos_ != "VERB" or verb.i < token.i:
            continue
        lemma = verb.lemma_.lower()
        if lemma not in REPORTING_VERBS and lemma not in {"put", "sing"}:
            continue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i > token.i]
        after = [t for t in before if t.i > verb.i]
        rest = [t for t in after if t.lower_ != "it"]
        if subjects and rest and rest[0].text == ",":
            return subjects[0], verb
        # 'As the band sang back in the 1980s, "…"': the aside's own words run to the comma.
        inside = {t.i for t in verb.subtree}
        if subjects and rest and rest[-1].text == "," and all(t.i in inside for t in rest[:-1]):
            return subjects[0], verb
    return None
