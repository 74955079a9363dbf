"""The HTTP session factory: a connector that can only reach allowed addresses.

Two locks on the same door. The resolver drops forbidden addresses before the connector
sees them; the connector then checks the peer address of every connection it hands out
(new or pooled), which also covers hosts written as IP literals, which aiohttp connects
to without asking the resolver.
"""

from __future__ import annotations

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.client_reqrep import ClientRequest
from aiohttp.connector import Connection
from aiohttp.tracing import Trace

from intake.errors import RefusedURL
from intake.policy import FetchPolicy
from intake.resolver import SafeResolver


class SafeConnector(aiohttp.TCPConnector):
    """A TCP connector that refuses connections whose peer is not an allowed address."""

    def __init__(self, resolver: SafeResolver, limit_per_host: int) -> None:
        # No DNS cache: every new connection asks the (filtering) resolver again.
        super().__init__(resolver=resolver, use_dns_cache=False, limit_per_host=limit_per_host)
        self._safe_resolver = resolver

    async def connect(
        self,
        req: ClientRequest,
        traces: list[Trace],
        timeout: aiohttp.ClientTimeout,  # noqa: ASYNC109 - aiohttp's own signature
    ) -> Connection:
        """Connect as usual, then refuse the connection if its peer is not allowed."""
        connection = await super().connect(req, traces, timeout)
        peer = _peer_address(connection)
        host = req.url.raw_host or ""
        if peer is None or not self._safe_resolver.allows_peer(host, peer):
            connection.close()
            raise RefusedURL(f"{host} is not a public address, so I won't fetch it")
        return connection


def _peer_address(connection: Connection) -> str | None:
    """The IP address the connection's socket is connected to."""
    transport = connection.transport
    if transport is None:
        return None
    peer = transport.get_extra_info("peername")
    if not peer:
        return None
    return str(peer[0]).split("%", 1)[0]


def make_session(
    policy: FetchPolicy, resolver: AbstractResolver | None = None
) -> aiohttp.ClientSession:
    """Build the one HTTP session the bot fetches with (call inside the running loop)."""
    connector = SafeConnector(SafeResolver(policy, resolver), policy.per_host_limit)
    return aiohttp.ClientSession(
        connector=connector,
        headers={
            "User-Agent": policy.user_agent,
            "Accept-Encoding": "gzip, deflate, br",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8",
        },
        timeout=aiohttp.ClientTimeout(
            total=policy.total_timeout, sock_connect=policy.connect_timeout
        ),
        auto_decompress=True,
        trust_env=False,  # never route through a proxy taken from the environment
    )
