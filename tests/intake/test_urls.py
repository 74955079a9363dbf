"""Canonical URLs and links found in messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from intake import urls
from intake.urls import canonical_url, find_urls


@pytest.mark.parametrize(
    ("url", "page_canonical", "expected"),
    [
        ("https://Example.COM:443/a?utm_source=x&id=3#top", None, "https://example.com/a?id=3"),
        ("http://example.com:80/a", None, "http://example.com/a"),
        ("http://example.com:8080/a", None, "http://example.com:8080/a"),
        (
            "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&utm_medium=4",
            None,
            "https://example.com/a",
        ),
        ("https://example.com/news/amp/story-1", None, "https://example.com/news/story-1"),
        ("https://example.com/news/story-1/amp/", None, "https://example.com/news/story-1/"),
        ("https://example.com/story?amp=1", None, "https://example.com/story"),
        ("https://amp.example.com/story", None, "https://example.com/story"),
        ("https://example.com/story.amp.html", None, "https://example.com/story.html"),
        ("https://example.com", None, "https://example.com/"),
        ("https://m.example.com/s?x=1", "https://www.example.com/s", "https://www.example.com/s"),
        ("https://example.com/s", "https://elsewhere.org/s", "https://example.com/s"),
        ("https://example.com/s", "/relative/s", "https://example.com/s"),
        (
            "https://news.example.co.uk/s",
            "https://www.example.co.uk/t",
            "https://www.example.co.uk/t",
        ),
        ("https://a.co.uk/s", "https://b.co.uk/t", "https://a.co.uk/s"),
    ],
)
def test_canonical_url(url: str, page_canonical: str | None, expected: str) -> None:
    assert canonical_url(url, page_canonical) == expected


def test_same_article_through_tracking_and_amp_is_one_url() -> None:
    plain = canonical_url("https://example.com/world/port-strike")
    assert canonical_url("https://amp.example.com/world/port-strike?utm_campaign=x#c") == plain


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("look at https://example.com/a.", ["https://example.com/a"]),
        ("<https://example.com/a?b=1> no embed", ["https://example.com/a?b=1"]),
        ("(see https://example.com/wiki/Foo_(bar))", ["https://example.com/wiki/Foo_(bar)"]),
        (
            "two: http://a.example/x, https://b.example/y!",
            ["http://a.example/x", "https://b.example/y"],
        ),
        ("same twice https://a.example/ https://a.example/", ["https://a.example/"]),
        ("ftp://files.example/x and www.example.com", []),
        ("no links here", []),
        ("**https://example.com/bold**", ["https://example.com/bold"]),
    ],
)
def test_find_urls(message: str, expected: list[str]) -> None:
    assert find_urls(message) == expected


@pytest.mark.parametrize(
    ("fetched_from", "canonical_on", "same_site"),
    [
        # Short registrable domains under a country code are sites, not suffixes.
        ("m.nrk.no", "www.nrk.no", True),
        ("www.nzz.ch", "nzz.ch", True),
        ("www.lemonde.fr", "lemonde.fr", True),
        # Real second-level suffixes keep one label more.
        ("bbc.co.uk", "www.bbc.co.uk", True),
        ("news.bbc.co.uk", "bbc.co.uk", True),
        ("www1.folha.uol.com.br", "www.uol.com.br", True),
        ("example.co.uk", "other.co.uk", False),
        ("www.smh.com.au", "www.theage.com.au", False),
        ("nrk.no", "nrk.se", False),
        ("www.nzz.ch", "www.nzz.de", False),
        # Case, a trailing dot and an amp. host name change nothing.
        ("WWW.NRK.NO", "m.nrk.no.", True),
        ("amp.theguardian.com", "www.theguardian.com", True),
        # A private suffix (github.io, blogspot.com) is a suffix: each owner is a site.
        ("alice.github.io", "alice.github.io", True),
        ("www.alice.github.io", "alice.github.io", True),
        ("alice.github.io", "bob.github.io", False),
        ("alice.github.io", "github.io", False),
        ("waiterrant.blogspot.com", "other.blogspot.com", False),
        # A bare suffix is no one's site but its own.
        ("co.uk", "bbc.co.uk", False),
        # An IP address is its own site, however it is spelled; ports do not matter.
        ("127.0.0.1:8080", "127.0.0.1:9090", True),
        ("127.0.0.1", "127.1", True),
        ("127.0.0.1", "10.0.0.1", False),
        ("127.0.0.1", "news.example.org", False),
        ("[::1]", "[::1]", True),
        ("[::1]", "127.0.0.1", False),
        # Names under no known suffix fall back to their last two labels.
        ("localhost:8000", "localhost", True),
        ("localhost", "127.0.0.1", False),
        ("news.test.example", "www.test.example", True),
        ("news.test.example", "news.other.example", False),
        # Look-alikes are other sites.
        ("www.nrk.no", "www.nrk.no.evil.com", False),
        ("www.nrk.no", "nrk-no.com", False),
    ],
)
def test_canonical_link_is_trusted_only_on_the_same_site(
    fetched_from: str, canonical_on: str, same_site: bool
) -> None:
    fetched = f"https://{fetched_from}/story"
    canonical = f"https://{canonical_on}/canonical-story"
    expected = canonical_url(canonical) if same_site else canonical_url(fetched)
    assert canonical_url(fetched, canonical) == expected


def test_loopback_page_keeps_its_own_url_against_a_public_canonical() -> None:
    # As the demo and the tests serve the seeds: the seeds' canonical links name a public host.
    served = "http://127.0.0.1:43211/seeds/port-strike.html"
    claimed = "https://news.example.org/business/2025/03/port-strike"
    assert canonical_url(served, claimed) == served


@pytest.fixture
def fresh_suffix_reader() -> Iterator[None]:
    """The suffix reader built anew inside the test, and again for the tests after it."""
    urls._suffix_extractor.cache_clear()
    yield
    urls._suffix_extractor.cache_clear()


@pytest.mark.usefixtures("fresh_suffix_reader")
def test_suffix_list_is_the_bundled_one_read_without_network_or_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the suffix list was fetched")

    monkeypatch.setattr(requests.Session, "request", no_network)
    for variable in ("HOME", "XDG_CACHE_HOME", "TLDEXTRACT_CACHE"):
        monkeypatch.setenv(variable, str(tmp_path / variable))
    monkeypatch.setenv("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "https://psl.invalid/list.dat")
    assert canonical_url("https://m.nrk.no/a", "https://www.nrk.no/a") == "https://www.nrk.no/a"
    assert list(tmp_path.iterdir()) == []
