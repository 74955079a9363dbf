"""Pasted text and .txt/.md files: paragraphs, a headline and a byline where the text has them."""

from __future__ import annotations

import re

from intake.article import BYLINE_NAMES, Article

_HEADLINE_MAX_WORDS = 20
# Any case: "BY MARIA ALVAREZ" too (so any word passes as a name, a particle included).
_BYLINE = re.compile(rf"^by\s+(?P<name>{BYLINE_NAMES})\s*(?:[,|–—-].*)?$", re.IGNORECASE)
_BYLINE_MAX_WORDS = 12
_MARKDOWN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE), ""),  # list markers
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
)


def article_from_text(text: str, markdown: bool = False) -> Article:
    """An Article from pasted or file text; `markdown` strips Markdown syntax first."""
    text = normalise_newlines(text)
    if markdown:
        text = strip_markdown(text)
    paragraphs = split_paragraphs(text)
    title = None
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    byline = byline_of(paragraphs[0]) if len(paragraphs) > 1 else None
    if byline:
        paragraphs = paragraphs[1:]
    return Article(text="\n\n".join(paragraphs), title=title, byline=byline)


def normalise_newlines(text: str) -> str:
    """Unix newlines, no byte-order mark, no trailing spaces on lines."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def strip_markdown(text: str) -> str:
    """Plain text from Markdown: headings, emphasis, links, lists and quotes unmarked."""
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: blocks between blank lines, or single lines when the text has no blank line."""
    if re.search(r"\n\s*\n", text):
        blocks = re.split(r"\n\s*\n", text)
        paragraphs = (" ".join(block.split()) for block in blocks)
    else:
        paragraphs = (" ".join(line.split()) for line in text.split("\n"))
    return [paragraph for paragraph in paragraphs if paragraph]


def looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence."""
    words = line.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", ":", ";"))


def byline_of(line: str) -> str | None:
    """The name in a "By NAME" line, or None."""
    if len(line.split()) > _BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.match(line.strip())
    return match.group("name").strip() if match else None
