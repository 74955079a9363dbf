"""Sizes in the units the limits are set in, and PDF files read like PDF links."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_samples import ARTICLE_PARAGRAPHS, tiny_pdf

from intake.errors import TooLarge
from intake.files import article_from_attachment, read_article_file
from intake.sizes import human_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (5 * 1024 * 1024, "5 MiB"),
        (2_097_152, "2 MiB"),
        (1536 * 1024, "1.5 MiB"),
        (512 * 1024, "512 KiB"),
        (1024, "1 KiB"),
        (1000, "1,000 bytes"),
        (1, "1 byte"),
    ],
)
def test_sizes_are_shown_in_binary_units(size: int, shown: str) -> None:
    assert human_size(size) == shown


def test_a_file_over_the_cap_names_the_cap_in_mib() -> None:
    with pytest.raises(TooLarge, match=r"larger than 5 MiB"):
        article_from_attachment("big.txt", b"x" * (5 * 1024 * 1024 + 1), 5 * 1024 * 1024)


def test_a_pdf_file_is_read_for_its_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(tiny_pdf(ARTICLE_PARAGRAPHS[0]))

    assert "northern container terminal" in read_article_file(path).text
    assert "northern container terminal" in article_from_attachment("r.PDF", path.read_bytes()).text
