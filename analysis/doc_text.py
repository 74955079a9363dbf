"""The text of a parsed article, built once: spaCy's Doc.text joins every token on each read."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsbot_text"


def text_of(doc: Doc) -> str:
    """doc.text, kept in the Doc's user data after the first read."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text
