"""A fetched page to an Article, by its content type."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from intake.article import Article
from intake.decoding import decode_document
from intake.errors import Unreadable, UnsupportedContent
from intake.extract import article_from_html
from intake.fetch import FetchedPage
from intake.text import article_from_text
from intake.urls import canonical_url

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
PDF_TYPE = "application/pdf"
_MAX_PDF_PAGES = 200


def article_from_page(page: FetchedPage) -> Article:
    """Read the page as HTML, plain text or PDF; raise Unreadable when no text comes out."""
    kind = page.content_type or _sniff(page.body)
    if not page.body.strip():
        raise Unreadable("the page is empty")
    if kind in HTML_TYPES:
        html = decode_document(page.body, page.charset, html=True)
        article = article_from_html(html, page.final_url)
    elif kind in TEXT_TYPES:
        text = decode_document(page.body, page.charset)
        article = _with_url(article_from_text(text, markdown=kind == "text/markdown"), page)
    elif kind == PDF_TYPE:
        article = _with_url(article_from_pdf(page.body), page)
    else:
        raise UnsupportedContent(f"that link is {kind}, not an article I can read")
    if not article.text.strip():
        raise Unreadable("I found no readable text on that page")
    return article


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


def _with_url(article: Article, page: FetchedPage) -> Article:
    """The article with the page's canonical URL."""
    return replace(article, url=canonical_url(page.final_url))


def _sniff(body: bytes) -> str:
    """A content type for a page served without one."""
    head = body[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return PDF_TYPE
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "text/html"
    return "text/plain"
