"""The text of a parsed article, built once (spaCy's Doc.text joins every token on each read),
the token at a character offset, and the last word of the name a token belongs to."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_KEY = "newsbot_text"


def text_of(doc: Doc) -> str:
    """doc.text, kept in the Doc's user data after the first read."""
    text = doc.user_data.get(_KEY)
    # A Doc made from a span copies its parent's user data: the length tells them apart.
    if not isinstance(text, str) or len(text) != _length(doc):
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def _length(doc: Doc) -> int:
    """The text's length read off the last token, without joining every token."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


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
