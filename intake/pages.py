"""A fetched page to an Article, by its content type."""

from __future__ import annotations

from dataclasses import replace

from intake.article import Article
from intake.decoding import decode_document
from intake.errors import Unreadable, UnsupportedContent
from intake.extract import article_from_html
from intake.fetch import FetchedPage
from intake.pdf import article_from_pdf
from intake.text import article_from_text
from intake.urls import canonical_url

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
PDF_TYPE = "application/pdf"


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
