"""Byte counts as people read them: 5 MiB, 512 KiB, 300 bytes."""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB


def human_size(size: int) -> str:
    """A size in MiB, KiB or bytes, binary units as the limits are set ("5 MiB", not 5.24288 MB)."""
    for unit, name in ((MIB, "MiB"), (KIB, "KiB")):
        if size >= unit:
            return f"{round(size / unit, 1):g} {name}"
    return f"{size:,} bytes" if size != 1 else "1 byte"
