"""Files and Discord attachments: .txt, .md, .html, .htm and .pdf, size-capped."""

from __future__ import annotations

from pathlib import Path

from intake.article import Article
from intake.decoding import decode_document
from intake.errors import TooLarge, Unreadable, UnsupportedContent
from intake.extract import article_from_html
from intake.pdf import article_from_pdf
from intake.sizes import human_size
from intake.text import article_from_text

READABLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf"})
DEFAULT_MAX_BYTES = 2_000_000


def read_article_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """An Article from a file on disk; IntakeError subclasses say why when it can't be read."""
    _check_suffix(path.name)
    if not path.is_file():
        raise Unreadable(f"no such file: {path}")
    if path.stat().st_size > max_bytes:
        raise TooLarge(_too_large(path.name, max_bytes))
    return _article_from_bytes(path.name, path.read_bytes())


def article_from_attachment(
    filename: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """An Article from an uploaded file's name and bytes, by the same rules as files."""
    _check_suffix(filename)
    if len(data) > max_bytes:
        raise TooLarge(_too_large(filename, max_bytes))
    return _article_from_bytes(filename, data)


def _check_suffix(name: str) -> None:
    """Refuse file kinds we don't read, before reading them."""
    suffix = Path(name).suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        kind = suffix or "files without an extension"
        raise UnsupportedContent(f"I read .txt, .md, .html and .pdf files, not {kind}")


def _article_from_bytes(name: str, data: bytes) -> Article:
    """Decode and read the file by its suffix."""
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        return article_from_pdf(data)
    is_html = suffix in (".html", ".htm")
    text = decode_document(data, html=is_html)
    if not text.strip():
        raise Unreadable(f"{name} is empty")
    if is_html:
        article = article_from_html(text)
    else:
        article = article_from_text(text, markdown=suffix in (".md", ".markdown"))
    if not article.text.strip():
        raise Unreadable(f"I found no readable text in {name}")
    return article


def _too_large(name: str, max_bytes: int) -> str:
    """The message for a file over the cap."""
    return f"{name} is larger than {human_size(max_bytes)}, so I didn't read it"
