"""When a server's digest is due, and which stretch of time each day's digest covers.

A day's digest covers the articles posted since the previous day's digest hour, up to this day's,
in the server's zone: nothing read after one evening's post is left out of the next. Without a
digest hour a day is midnight to midnight. The hour is wall-clock time, so it stays 18:00 across
a daylight-saving change (the stretch is then 23 or 25 hours long).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

MIDNIGHT = time(0, 0)
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class DigestWindow:
    """A local date and the instants, in UTC, its digest covers: [start, end)."""

    day: date
    start: datetime
    end: datetime
    zone: str


def parse_hhmm(text: str) -> time:
    """'18:05' as a time of day; ValueError for anything else."""
    if not _HHMM.match(text):
        raise ValueError(f"not a time of day as HH:MM: {text!r}")
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes))


def local_instant(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of a wall-clock time on a local date.

    A time that does not exist that day (skipped by a spring-forward change) falls an hour later,
    as zoneinfo reads it; a repeated one (autumn) is its first occurrence.
    """
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_date(now: datetime, zone: str) -> date:
    """The date it is in a zone at an instant."""
    return now.astimezone(ZoneInfo(zone)).date()


def digest_window(day: date, zone: str, hhmm: str | None) -> DigestWindow:
    """The stretch a day's digest covers: from the previous day's hour to this day's."""
    at = parse_hhmm(hhmm) if hhmm else MIDNIGHT
    if hhmm:
        start, end = day - timedelta(days=1), day
    else:
        start, end = day, day + timedelta(days=1)
    return DigestWindow(day, local_instant(start, at, zone), local_instant(end, at, zone), zone)


def due_day(now: datetime, zone: str, hhmm: str) -> date | None:
    """The local date whose digest is due at `now`: today once its hour has passed, else None.

    A digest missed while the bot was down is still due until its local day is over.
    """
    today = local_date(now, zone)
    return today if now >= local_instant(today, parse_hhmm(hhmm), zone) else None


def next_digest_instant(now: datetime, zone: str, hhmm: str) -> datetime:
    """The first digest hour strictly after `now` in this zone."""
    today = local_date(now, zone)
    at = parse_hhmm(hhmm)
    for offset in range(3):  # a DST change moves the hour by one at most
        candidate = local_instant(today + timedelta(days=offset), at, zone)
        if candidate > now:
            return candidate
    raise AssertionError("a digest hour comes round within three days")


def end_of_local_day(day: date, zone: str) -> datetime:
    """The instant a local date ends: its digest can no longer be posted."""
    return local_instant(day + timedelta(days=1), MIDNIGHT, zone)


def matching_timezones(typed: str, limit: int = 25) -> list[str]:
    """IANA zone names containing what was typed, best first, for autocomplete."""
    needle = typed.strip().casefold().replace(" ", "_")
    zones = sorted(available_timezones())
    if not needle:
        return zones[:limit]
    starts = [z for z in zones if z.casefold().startswith(needle)]
    within = [z for z in zones if needle in z.casefold() and z not in starts]
    return (starts + within)[:limit]
