"""How the fetcher behaves: timeouts, size cap, redirects, retries, what it may reach."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_USER_AGENT = "newsbot/0.1 (Discord bot for newsrooms; reads links that members post)"


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for fetching one page; the defaults suit a bot answering in seconds."""

    connect_timeout: float = 5.0
    total_timeout: float = 20.0  # the whole fetch: every redirect hop and retry included
    max_bytes: int = 5_000_000  # of the decoded body
    max_redirects: int = 5
    # Loopback (127.0.0.0/8 and ::1) only, for tests and the demo; every other
    # non-public range stays refused whatever this says.
    allow_loopback: bool = False
    user_agent: str = DEFAULT_USER_AGENT
    retry_max_wait: float = 10.0  # longest Retry-After we are willing to sleep
    max_retries: int = 2  # on 429/503
    per_host_limit: int = 4  # concurrent requests to one host
