"""Which IP addresses the fetcher may reach, and how hosts spell IP addresses."""

from __future__ import annotations

import ipaddress
import re

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOOPBACK_V6 = ipaddress.IPv6Address("::1")
_NUMBER_PART = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")


def parse_host_address(host: str) -> IPAddress | None:
    """Read `host` as an IP address in any spelling a resolver accepts, or None for a name."""
    host = host.strip().rstrip(".").strip("[]")
    if not host:
        return None
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return None
    return _parse_legacy_ipv4(host)


def _parse_legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Parse inet_aton spellings: 2130706433, 0x7f.0.0.1, 0177.0.0.1, 127.1."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMBER_PART.match(part) for part in parts):
        return None
    numbers = [_parse_number(part) for part in parts]
    # All parts but the last are single bytes; the last fills the bytes that remain.
    last_bits = 8 * (5 - len(parts))
    if any(n > 0xFF for n in numbers[:-1]) or numbers[-1] >= 1 << last_bits:
        return None
    value = 0
    for n in numbers[:-1]:
        value = value << 8 | n
    value = value << last_bits | numbers[-1]
    return ipaddress.IPv4Address(value)


def _parse_number(part: str) -> int:
    """One part of a legacy IPv4 spelling: hex with 0x, octal with a leading 0, else decimal."""
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    return int(part)


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64), if any."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_loopback(address: IPAddress) -> bool:
    """True for 127.0.0.0/8, ::1 and IPv4-mapped 127.0.0.0/8; nothing else counts."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped
        return address == _LOOPBACK_V6 or (mapped is not None and mapped.is_loopback)
    return address.is_loopback


def is_public_address(address: IPAddress) -> bool:
    """True only for globally routable unicast addresses."""
    inner = embedded_ipv4(address)
    if inner is not None and not is_public_address(inner):
        return False
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def is_allowed_address(address: IPAddress | str, allow_loopback: bool = False) -> bool:
    """Whether the fetcher may connect to `address` under the loopback setting."""
    if isinstance(address, str):
        parsed = parse_host_address(address)
        if parsed is None:
            return False
        address = parsed
    if allow_loopback and is_loopback(address):
        return True
    return is_public_address(address)
