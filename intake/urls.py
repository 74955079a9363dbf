"""URLs for de-duplication (canonical form) and for finding links in a message."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import tldextract

from intake.addresses import parse_host_address

# Query parameters that identify a campaign or a click, never the document.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "ncid",
        "ito",
        "mkt_tok",
        "oly_enc_id",
        "oly_anon_id",
        "vero_id",
        "wickedid",
        "s_cid",
        "rss",
        "smid",
        "amp",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_URL_IN_TEXT = re.compile(r"<(https?://[^\s<>]+)>|(https?://[^\s<>]+)", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?'\"*_~"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def canonical_url(url: str, page_canonical: str | None = None) -> str:
    """The form of `url` used to recognise the same article: tracking, fragment and AMP removed."""
    chosen = url
    if page_canonical and _usable_canonical(url, page_canonical):
        chosen = page_canonical
    return _normalise(chosen)


def _usable_canonical(url: str, page_canonical: str) -> bool:
    """Trust the page's canonical link only if absolute, http(s), and on the same site."""
    candidate = urlsplit(page_canonical.strip())
    if candidate.scheme not in _DEFAULT_PORTS or not candidate.hostname:
        return False
    return _site(candidate.hostname) == _site(urlsplit(url).hostname or "")


def _site(host: str) -> str:
    """The registrable domain a host belongs to ("m.nrk.no" → "nrk.no"), by the Public Suffix List.

    Private suffixes count (alice.github.io and bob.github.io are two sites: one person's
    page must not claim another's). An IP address is its own site; a name under no known
    suffix (localhost, intranet names, .test) takes the list's default rule, its last two labels.
    """
    host = host.lower().rstrip(".")
    address = parse_host_address(host)
    if address is not None:
        return str(address)
    parts = _suffix_extractor()(host)
    if parts.suffix:
        return parts.top_domain_under_public_suffix or host
    return ".".join(host.split(".")[-2:])


@functools.cache
def _suffix_extractor() -> tldextract.TLDExtract:
    """A suffix reader over tldextract's bundled list snapshot: never fetched, nothing on disk."""
    return tldextract.TLDExtract(
        cache_dir=None,
        suffix_list_urls=(),
        fallback_to_snapshot=True,
        include_psl_private_domains=True,
    )


def _normalise(url: str) -> str:
    """Lower-case scheme and host, default port, tracking, fragment and AMP gone."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if host.startswith("amp."):
        host = host[len("amp.") :]
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = _fold_amp_path(parts.path) or "/"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not _is_tracking(key)
        ]
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def _fold_amp_path(path: str) -> str:
    """Drop an /amp/ segment or a trailing /amp or .amp.html from a path."""
    segments = [segment for segment in path.split("/") if segment.lower() != "amp"]
    folded = "/".join(segments)
    if path.endswith("/") and not folded.endswith("/"):
        folded += "/"
    return re.sub(r"\.amp(\.html?)$", r"\1", folded, flags=re.IGNORECASE)


def _is_tracking(key: str) -> bool:
    """Whether a query parameter only tracks the click."""
    lowered = key.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def find_urls(message: str) -> list[str]:
    """The http/https links in a Discord message, in order, without trailing punctuation."""
    found: list[str] = []
    for match in _URL_IN_TEXT.finditer(message):
        url = match.group(1) or _strip_trailing(match.group(2))
        if url and url not in found:
            found.append(url)
    return found


def _strip_trailing(url: str) -> str:
    """Remove sentence punctuation and unbalanced closing brackets after a link."""
    while url:
        last = url[-1]
        unbalanced = last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last])
        if last in _TRAILING_PUNCTUATION or unbalanced:
            url = url[:-1]
        else:
            break
    return url
