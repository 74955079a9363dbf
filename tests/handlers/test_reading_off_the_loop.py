"""Extraction runs off the event loop: a page's HTML and an attached file are read in a thread,
where a long PDF or a cluttered page cannot hold every server's messages."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from handlers import ingest
from handlers.ingest import Origin, ingest_attachment, read_page
from handlers.services import Services
from intake.fetch import FetchedPage

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAGE_URL = "https://harbour.example/budget"


class OnePage:
    """A fetcher that returns one seed page (read as a link would be)."""

    async def fetch(self, url: str) -> FetchedPage:
        body = (SEEDS / "city-budget.html").read_bytes()
        return FetchedPage(url, 200, "text/html", "utf-8", body)


async def test_a_page_and_an_attachment_are_read_in_a_thread(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, threading.Thread] = {}
    real_page, real_file = ingest.article_from_page, ingest.read_attachment

    def page_spy(page: FetchedPage) -> object:
        threads["page"] = threading.current_thread()
        return real_page(page)

    def file_spy(services: Services, filename: str, data: bytes) -> object:
        threads["file"] = threading.current_thread()
        return real_file(services, filename, data)

    monkeypatch.setattr(ingest, "article_from_page", page_spy)
    monkeypatch.setattr(ingest, "read_attachment", file_spy)
    with_page = replace(services, fetcher=OnePage())  # type: ignore[arg-type]

    article = await read_page(with_page, PAGE_URL)
    text = (SEEDS / "port-strike.txt").read_bytes()
    stored = await ingest_attachment(services, Origin(1, 2, 3, 4), "port-strike.txt", text)

    assert article.title and stored.article.quotes  # both really read
    loop = threading.current_thread()
    assert threads["page"] is not loop and threads["file"] is not loop
