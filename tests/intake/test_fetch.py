"""The fetcher against a real loopback server, with the refusal rules on.

A HostsResolver pins the public-looking name news.test.example to the loopback server, as an
operator's hosts file would; every other name goes to an "upstream" that answers with
loopback and private addresses, like a hostile DNS server would, and must be refused.
"""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web
from intake_samples import ARTICLE_PARAGRAPHS, article_html, tiny_pdf

from intake.errors import (
    FetchFailed,
    FetchTimeout,
    RefusedURL,
    TooLarge,
    Unreadable,
    UnsupportedContent,
)
from intake.fetch import FetchedPage, Fetcher
from intake.pages import article_from_page
from intake.policy import FetchPolicy
from intake.resolver import HostsResolver
from intake.session import make_session
from intake.sizes import human_size

HOST = "news.test.example"
CAP = 50_000


def make_app() -> web.Application:
    """The test site."""
    app = web.Application()
    hits: dict[str, int] = {}

    async def article(request: web.Request) -> web.Response:
        return web.Response(text=article_html(), content_type="text/html")

    async def gzipped(request: web.Request) -> web.Response:
        body = gzip.compress(article_html().encode())
        return web.Response(
            body=body, content_type="text/html", headers={"Content-Encoding": "gzip"}
        )

    async def redirect(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    async def chain(request: web.Request) -> web.Response:
        left = int(request.match_info["n"])
        raise web.HTTPFound("/article" if left == 0 else f"/chain/{left - 1}")

    async def loop(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop-b" if request.path == "/loop-a" else "/loop-a")

    async def huge(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        for _ in range(100):
            await response.write(b"<p>" + b"x" * 4096 + b"</p>")
        return response

    async def drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        for _ in range(100):
            await response.write(b"<p>drip</p>")
            await asyncio.sleep(0.1)
        return response

    async def wrong_charset(request: web.Request) -> web.Response:
        page = article_html(["Caf\u00e9 owners on the quay said the strike cost them dearly."] * 8)
        body = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
        return web.Response(
            body=body.encode("cp1252"), headers={"Content-Type": "text/html; charset=utf-8"}
        )

    async def binary(request: web.Request) -> web.Response:
        return web.Response(body=bytes(range(256)) * 20, content_type="text/html")

    async def status(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="nope")

    async def busy(request: web.Request) -> web.Response:
        key = request.path
        hits[key] = hits.get(key, 0) + 1
        wait = request.query.get("wait", "0")
        if hits[key] == 1 or wait != "0":
            return web.Response(status=429, headers={"Retry-After": wait})
        return web.Response(text=article_html(), content_type="text/html")

    async def paywall(request: web.Request) -> web.Response:
        teaser = [
            ARTICLE_PARAGRAPHS[0],
            "Subscribe to continue reading. Already a subscriber? Sign in.",
        ]
        return web.Response(text=article_html(teaser), content_type="text/html")

    async def pdf(request: web.Request) -> web.Response:
        body = tiny_pdf("The harbour authority voted on Monday to reopen the terminal.")
        return web.Response(body=body, content_type="application/pdf")

    async def plain(request: web.Request) -> web.Response:
        return web.Response(text="Port strike ends\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS))

    async def png(request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")

    async def agent(request: web.Request) -> web.Response:
        return web.Response(text=request.headers.get("User-Agent", ""))

    app.router.add_get("/article", article)
    app.router.add_get("/gzip", gzipped)
    app.router.add_get("/redirect", redirect)
    app.router.add_get("/chain/{n}", chain)
    app.router.add_get("/loop-a", loop)
    app.router.add_get("/loop-b", loop)
    app.router.add_get("/huge", huge)
    app.router.add_get("/drip", drip)
    app.router.add_get("/wrong-charset", wrong_charset)
    app.router.add_get("/binary", binary)
    app.router.add_get("/status/{code}", status)
    app.router.add_get("/busy/{name}", busy)
    app.router.add_get("/paywall", paywall)
    app.router.add_get("/report.pdf", pdf)
    app.router.add_get("/plain", plain)
    app.router.add_get("/image", png)
    app.router.add_get("/agent", agent)
    return app


@dataclass
class Site:
    """The running test site and a fetcher pointed at it."""

    port: int
    fetcher: Fetcher
    session: aiohttp.ClientSession

    def url(self, path: str, host: str = HOST) -> str:
        """A URL on the test site under `host`."""
        return f"http://{host}:{self.port}{path}"


def hostile_dns() -> HostsResolver:
    """Names a hostile DNS server would point at internal addresses."""
    return HostsResolver({"rebind.test.example": "127.0.0.1", "intranet.test.example": "10.0.0.1"})


@pytest.fixture
async def server() -> AsyncIterator[int]:
    """The test site on 127.0.0.1, on a free port."""
    runner = web.AppRunner(make_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield port
    await runner.cleanup()


async def open_site(port: int, policy: FetchPolicy) -> Site:
    """A session and fetcher that reach the site only through the pinned name."""
    resolver = HostsResolver({HOST: "127.0.0.1"}, upstream=hostile_dns())
    session = make_session(policy, resolver)
    return Site(port, Fetcher(session, policy, resolver), session)


@pytest.fixture
async def site(server: int) -> AsyncIterator[Site]:
    """The site with the default test policy (loopback not allowed)."""
    opened = await open_site(server, FetchPolicy(total_timeout=3.0, max_bytes=CAP))
    yield opened
    await opened.session.close()


async def test_normal_article_is_fetched_and_extracted(site: Site) -> None:
    page = await site.fetcher.fetch(site.url("/article?utm_source=x"))
    assert page.status == 200
    assert page.content_type == "text/html"
    article = article_from_page(page)
    assert article.title == "Port strike ends after forty days"
    assert "line in the sand" in article.text
    assert "disgrace" not in article.text  # comments excluded
    assert article.url == "https://news.test.example/2024/03/port-strike-ends"


async def test_user_agent_names_the_bot(site: Site) -> None:
    page = await site.fetcher.fetch(site.url("/agent"))
    assert page.body.decode().startswith("newsbot/")


async def test_gzip_body_is_decoded(site: Site) -> None:
    page = await site.fetcher.fetch(site.url("/gzip"))
    assert b"line in the sand" in page.body


async def test_redirect_chain_within_limit_is_followed(site: Site) -> None:
    page = await site.fetcher.fetch(site.url("/chain/4"))
    assert page.final_url.endswith("/article")


async def test_redirect_chain_over_limit_fails(site: Site) -> None:
    with pytest.raises(FetchFailed, match="too many redirects"):
        await site.fetcher.fetch(site.url("/chain/6"))


async def test_redirect_loop_fails(site: Site) -> None:
    with pytest.raises(FetchFailed, match="loop"):
        await site.fetcher.fetch(site.url("/loop-a"))


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/article",
        "http://10.0.0.1/",
        "http://[::1]:{port}/article",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433:{port}/article",
        "http://0x7f.0.0.1:{port}/article",
        "http://[::ffff:127.0.0.1]:{port}/article",
        "http://rebind.test.example:{port}/article",
        "http://intranet.test.example/",
        "file:///etc/passwd",
        "http://user:secret@news.test.example:{port}/article",
    ],
)
async def test_redirects_to_internal_addresses_are_refused(site: Site, target: str) -> None:
    location = target.format(port=site.port)
    with pytest.raises(RefusedURL):
        await site.fetcher.fetch(site.url("/redirect?" + urlencode({"to": location})))


async def test_refused_message_is_plain(site: Site) -> None:
    with pytest.raises(RefusedURL) as caught:
        await site.fetcher.fetch(f"http://127.0.0.1:{site.port}/article")
    assert "not a public address" in caught.value.message


async def test_connector_refuses_loopback_even_without_the_fetcher(site: Site) -> None:
    # The session alone, as any other caller would use it: literal IP and rebinding name.
    literal = f"http://127.0.0.1:{site.port}/article"
    for url in (literal, site.url("/article", "rebind.test.example")):
        with pytest.raises(RefusedURL):
            async with site.session.get(url):
                pass


async def test_loopback_setting_allows_loopback_only(server: int) -> None:
    opened = await open_site(server, FetchPolicy(total_timeout=3.0, allow_loopback=True))
    try:
        page = await opened.fetcher.fetch(f"http://127.0.0.1:{server}/article")
        assert page.status == 200
        with pytest.raises(RefusedURL):
            await opened.fetcher.fetch("http://10.0.0.1/")
    finally:
        await opened.session.close()


async def test_body_over_cap_is_too_large(site: Site) -> None:
    with pytest.raises(TooLarge, match=rf"larger than {human_size(CAP)},"):
        await site.fetcher.fetch(site.url("/huge"))


async def test_slow_drip_hits_the_total_timeout(server: int) -> None:
    opened = await open_site(server, FetchPolicy(total_timeout=0.5))
    try:
        with pytest.raises(FetchTimeout):
            await opened.fetcher.fetch(opened.url("/drip"))
    finally:
        await opened.session.close()


async def test_wrong_header_charset_falls_back_to_the_document(site: Site) -> None:
    article = article_from_page(await site.fetcher.fetch(site.url("/wrong-charset")))
    assert "Café owners" in article.text


async def test_binary_served_as_html_is_unreadable(site: Site) -> None:
    page = await site.fetcher.fetch(site.url("/binary"))
    with pytest.raises(Unreadable):
        article_from_page(page)


@pytest.mark.parametrize("code", [404, 500, 410])
async def test_error_status_is_reported_with_its_number(site: Site, code: int) -> None:
    with pytest.raises(FetchFailed, match=str(code)):
        await site.fetcher.fetch(site.url(f"/status/{code}"))


async def test_short_retry_after_is_waited_for(site: Site) -> None:
    page = await site.fetcher.fetch(site.url("/busy/short?wait=0"))
    assert b"line in the sand" in page.body


async def test_long_retry_after_is_reported_not_slept(site: Site) -> None:
    with pytest.raises(FetchFailed, match="3600 seconds"):
        await site.fetcher.fetch(site.url("/busy/long?wait=3600"))


async def test_paywall_teaser_gets_a_note(site: Site) -> None:
    article = article_from_page(await site.fetcher.fetch(site.url("/paywall")))
    assert any(note.startswith("this looks paywalled") for note in article.notes)


async def test_pdf_text_is_extracted(site: Site) -> None:
    article = article_from_page(await site.fetcher.fetch(site.url("/report.pdf")))
    assert "reopen the terminal" in article.text


async def test_plain_text_is_read_as_text(site: Site) -> None:
    article = article_from_page(await site.fetcher.fetch(site.url("/plain")))
    assert article.title == "Port strike ends"
    assert article.text.count("\n\n") == len(ARTICLE_PARAGRAPHS) - 1


async def test_image_is_declined_by_type(site: Site) -> None:
    with pytest.raises(UnsupportedContent, match="image/png"):
        await site.fetcher.fetch(site.url("/image"))


async def test_unknown_host_is_a_dns_failure(site: Site) -> None:
    with pytest.raises(FetchFailed, match="DNS"):
        await site.fetcher.fetch("http://nowhere.test.example/")


def test_empty_page_is_unreadable() -> None:
    page = FetchedPage("https://news.test.example/", 200, "text/html", None, b"  ")
    with pytest.raises(Unreadable):
        article_from_page(page)
