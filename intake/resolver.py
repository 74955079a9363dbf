"""Resolvers that only ever hand the connector public addresses.

`SafeResolver` wraps whatever resolver does the lookup and drops every address the
policy forbids, so the connector cannot connect to one even when DNS answers differ
between our check and the connection (DNS rebinding). `HostsResolver` is a hosts file:
names the operator pins to addresses on purpose. Its pinned answers are trusted for
those exact names only (tests pin a public-looking name to the loopback test server);
every other name it passes on, and those answers are filtered like any other.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from intake.addresses import is_allowed_address, parse_host_address
from intake.errors import RefusedURL
from intake.policy import FetchPolicy


class HostsResolver(AbstractResolver):
    """Answer pinned names from a fixed table; pass other names to `upstream`."""

    def __init__(self, pinned: Mapping[str, str], upstream: AbstractResolver | None = None) -> None:
        self._pinned = {name.lower().rstrip("."): address for name, address in pinned.items()}
        self._upstream = upstream

    def pinned_address(self, host: str) -> str | None:
        """The address the table pins `host` to, if it does."""
        return self._pinned.get(host.lower().rstrip("."))

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Resolve from the table, else upstream; unknown names fail like DNS does."""
        address = self.pinned_address(host)
        if address is not None:
            return [_result(host, address, port)]
        if self._upstream is None:
            raise OSError(socket.EAI_NONAME, f"no such host: {host}")
        return await self._upstream.resolve(host, port, family)

    async def close(self) -> None:
        """Close the upstream resolver."""
        if self._upstream is not None:
            await self._upstream.close()


class SafeResolver(AbstractResolver):
    """Resolve with `upstream`, keeping only addresses the policy allows."""

    def __init__(self, policy: FetchPolicy, upstream: AbstractResolver | None = None) -> None:
        self._policy = policy
        self._upstream: AbstractResolver = upstream or DefaultResolver()

    def trusted_address(self, host: str) -> str | None:
        """The operator-pinned address for `host`, trusted whatever range it is in."""
        if isinstance(self._upstream, HostsResolver):
            return self._upstream.pinned_address(host)
        return None

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_UNSPEC
    ) -> list[ResolveResult]:
        """Resolve `host`; raise RefusedURL when no allowed address is left."""
        results = await self._upstream.resolve(host, port, family)
        trusted = self.trusted_address(host)
        allowed = [
            result
            for result in results
            if result["host"] == trusted
            or is_allowed_address(result["host"], self._policy.allow_loopback)
        ]
        if not allowed:
            raise RefusedURL(f"{host} is not a public address, so I won't fetch it")
        return allowed

    def allows_peer(self, host: str, peer_address: str) -> bool:
        """Whether a connection to `host` may have ended up at `peer_address`."""
        if peer_address == self.trusted_address(host):
            return True
        return is_allowed_address(peer_address, self._policy.allow_loopback)

    def allows_literal(self, host: str) -> bool | None:
        """For a host spelled as an IP address: whether it is allowed; None for a name."""
        address = parse_host_address(host)
        if address is None:
            return None
        return is_allowed_address(address, self._policy.allow_loopback)

    async def close(self) -> None:
        """Close the upstream resolver."""
        await self._upstream.close()


def _result(host: str, address: str, port: int) -> ResolveResult:
    """One resolver answer in aiohttp's shape."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    return ResolveResult(hostname=host, host=address, port=port, family=family, proto=0, flags=0)
