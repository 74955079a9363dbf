"""The text layer of a PDF, from a link or an attachment alike."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from intake.article import Article
from intake.errors import Unreadable
from intake.text import article_from_text

_MAX_PDF_PAGES = 200


def article_from_pdf(data: bytes) -> Article:
    """The text layer of a PDF as an Article; Unreadable for broken or scanned PDFs."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages[:_MAX_PDF_PAGES]]
        title = reader.metadata.title if reader.metadata else None
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise Unreadable("I couldn't read that PDF") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise Unreadable("that PDF has no text layer (a scan?), so I can't read it")
    article = article_from_text(text)
    return replace(article, title=title.strip()) if title and title.strip() else article
