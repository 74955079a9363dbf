"""Fetching one page safely: checked hops, capped body, bounded retries."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import aiohttp
from aiohttp.abc import AbstractResolver
from yarl import URL

from intake.errors import FetchFailed, FetchTimeout, RefusedURL, TooLarge, UnsupportedContent
from intake.policy import FetchPolicy
from intake.resolver import SafeResolver
from intake.sizes import human_size

READABLE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf"}
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 503})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchedPage:
    """A fetched response body with what the server said about it."""

    final_url: str
    status: int
    content_type: str  # lower-case media type without parameters; "" when not given
    charset: str | None  # from the Content-Type header only
    body: bytes


@dataclass(frozen=True)
class _Redirect:
    """A hop to follow."""

    location: URL


class Fetcher:
    """Fetches pages with the policy's limits; one per session, shared by all tasks."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        policy: FetchPolicy,
        resolver: AbstractResolver | None = None,
    ) -> None:
        self._session = session
        self._policy = policy
        self._resolver = (
            resolver if isinstance(resolver, SafeResolver) else SafeResolver(policy, resolver)
        )
        self._host_slots: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(policy.per_host_limit)
        )

    async def fetch(self, url: str) -> FetchedPage:
        """Fetch `url`, following redirects; raise an IntakeError subclass on any failure."""
        try:
            async with asyncio.timeout(self._policy.total_timeout):
                return await self._follow(_parse_url(url))
        except TimeoutError as exc:
            raise FetchTimeout(
                f"the site took longer than {self._policy.total_timeout:g} seconds to send the page"
            ) from exc

    async def _follow(self, url: URL) -> FetchedPage:
        """Request `url` and each redirect target in turn, checking every hop."""
        seen = {str(url)}
        for _ in range(self._policy.max_redirects + 1):
            await self._check_target(url)
            async with self._host_slots[url.host or ""]:
                outcome = await self._get_with_retries(url)
            if isinstance(outcome, FetchedPage):
                return outcome
            url = outcome.location
            if str(url) in seen:
                raise FetchFailed("the page redirects in a loop")
            seen.add(str(url))
        raise FetchFailed(f"too many redirects (more than {self._policy.max_redirects})")

    async def _check_target(self, url: URL) -> None:
        """Refuse bad schemes, credentials and hosts that are or resolve to non-public addresses."""
        if url.scheme not in ("http", "https"):
            raise RefusedURL(f"I only fetch http and https links, not {url.scheme or 'this'}:")
        if url.user is not None or url.password is not None:
            raise RefusedURL("that link carries a user name or password, so I won't fetch it")
        host = url.raw_host
        if not host:
            raise RefusedURL("that link has no host name")
        literal_allowed = self._resolver.allows_literal(host)
        if literal_allowed is False:
            raise RefusedURL(f"{host} is not a public address, so I won't fetch it")
        if literal_allowed is None:
            await self._resolve(host, url.port or 0)

    async def _resolve(self, host: str, port: int) -> None:
        """Resolve `host` through the filtering resolver so refusals come early and clearly."""
        try:
            await self._resolver.resolve(host, port)
        except OSError as exc:
            raise FetchFailed(f"I couldn't find the site {host} (DNS lookup failed)") from exc

    async def _get_with_retries(self, url: URL) -> FetchedPage | _Redirect:
        """GET `url` once, or a few times while the site says 429/503 with a short wait."""
        for attempt in range(self._policy.max_retries + 1):
            outcome = await self._get_once(url)
            if not isinstance(outcome, float):
                return outcome
            if attempt == self._policy.max_retries:
                break
            await asyncio.sleep(outcome)
        raise FetchFailed(
            f"the site is busy and still refused after {self._policy.max_retries} retries"
        )

    async def _get_once(self, url: URL) -> FetchedPage | _Redirect | float:
        """One request: a page, a redirect, or the number of seconds to wait before retrying."""
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=self._policy.connect_timeout, sock_read=None
        )
        try:
            async with self._session.get(url, allow_redirects=False, timeout=timeout) as response:
                return await self._handle(url, response)
        except aiohttp.ClientConnectorDNSError as exc:
            raise FetchFailed(f"I couldn't find the site {url.host} (DNS lookup failed)") from exc
        except aiohttp.ClientError as exc:
            raise FetchFailed(f"I couldn't fetch that page ({_describe(exc)})") from exc

    async def _handle(
        self, url: URL, response: aiohttp.ClientResponse
    ) -> FetchedPage | _Redirect | float:
        """Turn a response into a page, a redirect, a wait, or an error."""
        status = response.status
        if status in REDIRECT_STATUSES:
            location = response.headers.get("Location")
            if not location:
                raise FetchFailed(f"the site answered HTTP {status} without saying where to go")
            return _Redirect(url.join(URL(location)))
        if status in RETRY_STATUSES:
            return self._retry_wait(status, response.headers.get("Retry-After"))
        if status >= 400:
            reason = f" {response.reason}" if response.reason else ""
            raise FetchFailed(f"the site answered HTTP {status}{reason}")
        content_type = response.content_type.lower() if "Content-Type" in response.headers else ""
        if content_type and content_type not in READABLE_TYPES:
            raise UnsupportedContent(f"that link is {content_type}, not an article I can read")
        body = await self._read_capped(response)
        return FetchedPage(str(response.url), status, content_type, response.charset, body)

    def _retry_wait(self, status: int, retry_after: str | None) -> float:
        """Seconds to wait before retrying, or FetchFailed when the site wants too long."""
        wait = parse_retry_after(retry_after)
        if wait is None:
            wait = 1.0
        if wait > self._policy.retry_max_wait:
            raise FetchFailed(
                f"the site is busy (HTTP {status}) and asked me to come back in {wait:.0f} "
                f"seconds; try again later"
            )
        return wait

    async def _read_capped(self, response: aiohttp.ClientResponse) -> bytes:
        """Read the decoded body, stopping as soon as it exceeds the cap."""
        limit = self._policy.max_bytes
        declared = response.content_length
        # A compressed body larger than the cap only grows when decoded.
        if declared is not None and declared > limit:
            raise TooLarge(_too_large(limit))
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise TooLarge(_too_large(limit))
            chunks.append(chunk)
        return b"".join(chunks)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _parse_url(url: str) -> URL:
    """Parse a user-given link, refusing what is not a URL at all."""
    try:
        parsed = URL(url.strip())
    except (ValueError, TypeError) as exc:
        raise RefusedURL("that doesn't look like a web address") from exc
    if not parsed.is_absolute():
        raise RefusedURL("that doesn't look like a web address")
    return parsed


def _too_large(limit: int) -> str:
    """The message for a body over the cap."""
    return f"that page is larger than {human_size(limit)}, so I stopped reading it"


def _describe(exc: aiohttp.ClientError) -> str:
    """A short reason for a client error, without internals."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "could not connect"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "the server hung up"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "the page arrived broken"
    return type(exc).__name__
