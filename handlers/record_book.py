"""The server's records one article can meet: read in one query, kept in step as the article
links to them, and written back in two statements (new aliases, first and last seen).

Linking an article looked each entity up, added its aliases and widened its times one query at
a time, some 150 statements for an article of 20 names; the book answers the same questions
from memory, in the same order, so a name an earlier entity of the article added is found by a
later one exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from storage.entity_records import EntityRecordRepository, KnownRecord
from storage.records import StoredRecord


@dataclass
class _Entry:
    record: StoredRecord
    name_key: str
    surname_key: str | None
    alias_keys: set[str]
    first_seen: datetime
    last_seen: datetime
    new_aliases: dict[str, str] = field(default_factory=dict)  # key -> as written, unwritten
    times_changed: bool = False


class RecordBook:
    """Finds records as EntityRecordRepository.find and people_by_surname would, in memory."""

    def __init__(self, known: Iterable[KnownRecord]) -> None:
        self._entries: dict[int, _Entry] = {}
        for record in known:
            self.add(record)

    @classmethod
    async def read(
        cls,
        records: EntityRecordRepository,
        guild_id: int,
        keys: Iterable[str],
        surname_keys: Iterable[str],
    ) -> RecordBook:
        """The records whose name or an alias has one of the keys, and the people of these
        surnames: every record the article's lookups can reach."""
        wanted, surnames = sorted(set(keys)), sorted(set(surname_keys))
        return cls(await records.known(guild_id, wanted, surnames))

    def add(self, known: KnownRecord) -> None:
        """A record this article created (or found created by another process)."""
        record = known.record
        self._entries[record.id] = _Entry(
            record=record,
            name_key=known.name_key,
            surname_key=known.surname_key,
            alias_keys=set(known.alias_keys),
            first_seen=record.first_seen,
            last_seen=record.last_seen,
        )

    def __contains__(self, record_id: int) -> bool:
        return record_id in self._entries

    def forget(self, record_id: int) -> None:
        """A record deleted (taken over by a full name): its unwritten changes go with it."""
        self._entries.pop(record_id, None)

    def find(self, kind: str, keys: Iterable[str]) -> StoredRecord | None:
        """The oldest record of this kind whose name or an alias has one of the keys."""
        wanted = set(keys)
        matches = [
            entry
            for entry in self._entries.values()
            if entry.record.kind == kind
            and (entry.name_key in wanted or not entry.alias_keys.isdisjoint(wanted))
        ]
        return min(matches, key=lambda e: e.record.id).record if matches else None

    def people_by_surname(self, surname_key: str) -> list[StoredRecord]:
        """The people records of this surname, oldest first."""
        people = [
            entry.record
            for entry in self._entries.values()
            if entry.record.kind == "person" and entry.surname_key == surname_key
        ]
        return sorted(people, key=lambda r: r.id)

    def note_aliases(self, record_id: int, aliases: dict[str, str]) -> None:
        """Other forms of the record's name (key -> as written); each key kept once."""
        entry = self._entries[record_id]
        for key, alias in aliases.items():
            if key not in entry.alias_keys:
                entry.alias_keys.add(key)
                entry.new_aliases[key] = alias

    def note_seen(self, record_id: int, at: datetime) -> None:
        """Widen the record's first and last seen to include `at`."""
        entry = self._entries[record_id]
        first, last = min(entry.first_seen, at), max(entry.last_seen, at)
        if (first, last) != (entry.first_seen, entry.last_seen):
            entry.first_seen, entry.last_seen = first, last
            entry.times_changed = True

    async def write(self, records: EntityRecordRepository, guild_id: int) -> None:
        """Store the new aliases and the widened times, in the article's unit of work."""
        entries = self._entries.values()
        await records.add_alias_rows(
            guild_id,
            [(e.record.id, key, alias) for e in entries for key, alias in e.new_aliases.items()],
        )
        await records.set_seen(
            guild_id,
            {e.record.id: (e.first_seen, e.last_seen) for e in entries if e.times_changed},
        )
        for entry in entries:
            entry.new_aliases.clear()
            entry.times_changed = False
