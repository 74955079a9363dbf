"""Servers take turns for the analysis workers, so one server's backlog never starves another."""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class ServerTurns:
    """`slots` analyses at once; when a slot frees, the waiting server served longest ago
    (or never) goes next, and within a server the oldest request goes first.

    So a server posting 200 links delays another server's one article by at most the
    analyses already running when it arrived.
    """

    def __init__(self, slots: int = 1) -> None:
        if slots < 1:
            raise ValueError("at least one slot")
        self._free = slots
        self._waiting: dict[int, deque[asyncio.Future[None]]] = {}
        self._served_at: dict[int, int] = {}  # server -> tick of its last turn, while it waits
        self._ticks = itertools.count()

    @asynccontextmanager
    async def turn(self, server_id: int) -> AsyncIterator[None]:
        """Wait for this server's turn, hold a slot for the body, then hand it on."""
        if self._free and not self._waiting:
            self._free -= 1
            self._note_served(server_id)
        else:
            await self._wait_in_line(server_id)
        try:
            yield
        finally:
            self._hand_on()

    async def _wait_in_line(self, server_id: int) -> None:
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(server_id, deque()).append(ready)
        try:
            await ready
        except asyncio.CancelledError:
            if ready.done() and not ready.cancelled():
                self._hand_on()  # it was handed a slot as it was cancelled: pass it on
            else:
                self._leave_line(server_id, ready)
            raise

    def _leave_line(self, server_id: int, ready: asyncio.Future[None]) -> None:
        line = self._waiting.get(server_id)
        if line is not None and ready in line:
            line.remove(ready)
            if not line:
                del self._waiting[server_id]

    def _hand_on(self) -> None:
        while self._waiting:
            # Never served (-1) or served longest ago goes first; ties keep arrival order.
            server_id = min(self._waiting, key=lambda s: self._served_at.get(s, -1))
            line = self._waiting[server_id]
            ready = line.popleft()
            if not line:
                del self._waiting[server_id]
            if not ready.done():
                self._note_served(server_id)
                ready.set_result(None)
                return
        self._free += 1

    def _note_served(self, server_id: int) -> None:
        self._served_at[server_id] = next(self._ticks)
        # Only servers in line need remembering: the map stays as small as the queue.
        for known in [s for s in self._served_at if s not in self._waiting and s != server_id]:
            del self._served_at[known]

    @property
    def waiting(self) -> int:
        """How many analyses wait for a slot."""
        return sum(len(line) for line in self._waiting.values())
