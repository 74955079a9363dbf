"""Canonical URLs and links found in messages."""

from __future__ import annotations

import pytest

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
