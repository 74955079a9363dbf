"""Pasted text, Markdown, files and attachments."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_samples import ARTICLE_PARAGRAPHS, article_html

from intake.errors import TooLarge, Unreadable, UnsupportedContent
from intake.files import article_from_attachment, read_article_file
from intake.text import article_from_text

BODY = "\n\n".join(ARTICLE_PARAGRAPHS)


def test_headline_and_byline_are_taken_from_the_top() -> None:
    source = f"Port strike ends\r\n\r\nBy Lena Okafor, Staff writer\r\n\r\n{BODY}"
    article = article_from_text(source)
    assert article.title == "Port strike ends"
    assert article.byline == "Lena Okafor"
    assert article.text == BODY


def test_sentence_first_line_is_not_a_headline() -> None:
    article = article_from_text(BODY)
    assert article.title is None
    assert article.text == BODY


def test_lines_without_blank_lines_are_paragraphs() -> None:
    article = article_from_text("\n".join(ARTICLE_PARAGRAPHS))
    assert article.text == BODY


def test_wrapped_lines_inside_a_paragraph_are_joined() -> None:
    article = article_from_text("First half of a sentence\nand its end.\n\nNext paragraph.")
    assert article.text == "First half of a sentence and its end.\n\nNext paragraph."


def test_markdown_syntax_is_stripped() -> None:
    source = (
        "# Port strike ends\n\nBy **Lena Okafor**\n\nThe *union* met at [the hall](http://x).\n\n"
        "> \u201cWe won,\u201d she said.\n\n- one\n- two"
    )
    article = article_from_text(source, markdown=True)
    assert article.title == "Port strike ends"
    assert article.byline == "Lena Okafor"
    assert article.text == "The union met at the hall.\n\n\u201cWe won,\u201d she said.\n\none two"


def test_text_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Port strike ends\n\n{BODY}", encoding="utf-8")
    assert read_article_file(path).title == "Port strike ends"


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(f"Caf\u00e9 owners \u201cwelcomed\u201d the deal. {BODY}".encode("cp1252"))
    assert read_article_file(path).text.startswith("Caf\u00e9 owners \u201cwelcomed\u201d")


def test_html_file_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(article_html(), encoding="utf-8")
    article = read_article_file(path)
    assert article.title == "Port strike ends after forty days"
    assert article.text.count("\n\n") >= len(ARTICLE_PARAGRAPHS) - 1


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="no such file"):
        read_article_file(tmp_path / "nope.txt")


def test_binary_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(Unreadable):
        read_article_file(path)


def test_empty_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(Unreadable):
        read_article_file(path)


def test_other_suffix_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedContent):
        read_article_file(path)


def test_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(TooLarge):
        read_article_file(path, max_bytes=1000)


def test_attachment_follows_the_same_rules() -> None:
    article = article_from_attachment("message.txt", BODY.encode("utf-8"))
    assert article.text == BODY
    with pytest.raises(UnsupportedContent):
        article_from_attachment("photo.png", b"\x89PNG")
    with pytest.raises(TooLarge):
        article_from_attachment("message.txt", b"x" * 100, max_bytes=10)
