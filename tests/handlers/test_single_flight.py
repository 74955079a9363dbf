"""KeyedLocks: one holder per key at a time, other keys free, nothing kept afterwards."""

from __future__ import annotations

import asyncio

from handlers.single_flight import KeyedLocks


async def test_same_key_waits_other_keys_do_not_and_nothing_is_kept() -> None:
    locks: KeyedLocks[str] = KeyedLocks()
    order: list[str] = []
    release = asyncio.Event()

    async def hold(key: str, name: str, wait: bool) -> None:
        async with locks.hold(key):
            order.append(f"{name} in")
            if wait:
                await release.wait()
            order.append(f"{name} out")

    first = asyncio.create_task(hold("a", "first", True))
    second = asyncio.create_task(hold("a", "second", False))
    other = asyncio.create_task(hold("b", "other", False))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert order == ["first in", "other in", "other out"]
    release.set()
    await asyncio.gather(first, second, other)
    assert order[3:] == ["first out", "second in", "second out"]
    assert len(locks) == 0


async def test_a_failing_holder_releases_the_key() -> None:
    locks: KeyedLocks[int] = KeyedLocks()
    try:
        async with locks.hold(1):
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    async with locks.hold(1):
        pass
    assert len(locks) == 0
