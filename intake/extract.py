"""Article text and metadata from HTML, with trafilatura and a fallback of our own."""

from __future__ import annotations

import re
from datetime import date, datetime

import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import Document

from intake.article import Article
from intake.quality import detect_language
from intake.urls import canonical_url
from intake.walls import wall_note

# Below this many words trafilatura's answer is treated as a miss and the fallback tried.
_MIN_USABLE_WORDS = 25
# The precise pass wins unless it keeps less than this share of the balanced pass's words.
_PRECISE_SHARE = 0.5
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_FALLBACK_BLOCKS = "//article//p | //main//p | //*[@itemprop='articleBody']//p"


def article_from_html(html: str, url: str | None = None) -> Article:
    """Extract the article in `html`: body text in paragraphs, title, byline, date, site."""
    precise = _extract(html, url, favor_precision=True)
    balanced = _extract(html, url, favor_precision=False)
    meta = precise or balanced
    text = _preferred_text(_text_of(precise), _text_of(balanced))
    text = drop_leading_title(text, meta.title if meta else None)
    if len(text.split()) < _MIN_USABLE_WORDS:
        fallback = fallback_text(html)
        if len(fallback.split()) > len(text.split()):
            text = fallback
    return _article(text, meta, html, url)


def _extract(html: str, url: str | None, favor_precision: bool) -> Document | None:
    """One trafilatura pass: comments excluded, tables and metadata kept."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    return document if isinstance(document, Document) else None


def _text_of(document: Document | None) -> str:
    """The document's text as blank-line separated paragraphs."""
    return paragraphs_of(document.text or "") if document else ""


def _preferred_text(precise: str, balanced: str) -> str:
    """The precise extraction, unless it lost most of what the balanced one found.

    Precision mode drops boilerplate that balanced mode keeps (newsletter boxes, link
    lists), but on some layouts it also drops half the article; that shows as a much
    shorter text, and then the balanced text is the better bet.
    """
    if len(precise.split()) >= _PRECISE_SHARE * len(balanced.split()):
        return precise
    return balanced


def drop_leading_title(text: str, title: str | None) -> str:
    """Remove the headline when the extraction repeats it as the first paragraph."""
    if not title:
        return text
    headline = " ".join(title.split())
    paragraphs = text.split("\n\n")
    while paragraphs and paragraphs[0].strip() == headline:
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _article(text: str, meta: Document | None, html: str, url: str | None) -> Article:
    """Assemble the Article from the text and whatever metadata trafilatura found."""
    page_url = meta.url if meta else None
    notes = tuple(note for note in [wall_note(text, html)] if note)
    return Article(
        text=text,
        title=_clean(meta.title) if meta else None,
        byline=_clean(meta.author) if meta else None,
        published=published_date(meta.date if meta else None),
        url=canonical_url(url, page_url) if url else (page_url or None),
        site_name=_clean(meta.sitename) if meta else None,
        language=html_language(html) or detect_language(text),
        notes=notes,
    )


def paragraphs_of(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def fallback_text(html: str) -> str:
    """The paragraphs of <article>/<main>, else trafilatura's baseline, for pages it misses."""
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    blocks = [" ".join(p.text_content().split()) for p in tree.xpath(_FALLBACK_BLOCKS)]
    text = "\n\n".join(dict.fromkeys(block for block in blocks if block))
    if len(text.split()) >= _MIN_USABLE_WORDS:
        return text
    _, baseline_text, _ = trafilatura.baseline(html)
    return paragraphs_of(baseline_text)


def published_date(value: str | None, today: date | None = None) -> date | None:
    """The ISO date trafilatura found, or None when missing, malformed or in the future."""
    if not value:
        return None
    try:
        found = datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None
    return None if found > (today or date.today()) else found


def html_language(html: str) -> str | None:
    """The two-letter language the page declares on its <html> element, if any."""
    match = _HTML_LANG.search(html[:20_000])
    return match.group(1).lower()[:2] if match else None


def _clean(value: str | None) -> str | None:
    """Collapse whitespace; empty becomes None."""
    if not value:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None
