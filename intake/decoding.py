"""Bytes to text: the declared charset, then the document's own, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from intake.errors import Unreadable

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SNIFF_BYTES = 8192
_DETECT_BYTES = 256 * 1024  # detection on more is slow and no surer
# Control characters that never appear in text (tab, newlines, form feed and escape are allowed).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_MAX_CONTROL_SHARE = 0.02


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes, control characters)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > _MAX_CONTROL_SHARE


def decode_document(data: bytes, declared: str | None = None, html: bool = False) -> str:
    """Decode with the declared charset, the page's <meta> charset, UTF-8, then detection."""
    if looks_binary(data):
        raise Unreadable("that is binary data, not text I can read")
    candidates = [declared, meta_charset(data) if html else None, "utf-8"]
    for charset in candidates:
        text = _try_decode(data, charset)
        if text is not None:
            return text
    encoding = detect_encoding(data)
    text = _try_decode(data, encoding)
    if text is None:
        raise Unreadable("I couldn't work out how that text is encoded")
    return text


def detect_encoding(data: bytes) -> str | None:
    """The likeliest encoding, preferring windows-1252 among equally clean candidates.

    Detection cannot tell close Latin code pages apart on a short text, and windows-1252
    is by far the commonest of them, so it wins ties.
    """
    matches = list(from_bytes(data[:_DETECT_BYTES]))
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= cleanest and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return str(matches[0].encoding)


def meta_charset(data: bytes) -> str | None:
    """The charset a document's <meta> declares in its first bytes."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _try_decode(data: bytes, charset: str | None) -> str | None:
    """Strictly decode with `charset`; None when unknown or when the bytes don't fit it."""
    if not charset:
        return None
    try:
        codec = codecs.lookup(charset.strip().lower())
        # A document declared as UTF-8 may still start with a byte-order mark.
        name = "utf-8-sig" if codec.name == "utf-8" else codec.name
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
