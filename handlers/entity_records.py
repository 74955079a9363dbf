"""One record per person, organisation and place in a server, linked as articles are stored.

A full name joins the record of the same full name (or of an alias an article gave it); an
organisation also joins by an acronym or a longer form its article gave ("DNC" / "Democratic
National Committee"). A person named only by surname ("Mr. Moon", "Moon") joins the one person
of that surname the server knows; where it knows several ("Park Ji-hoon", "Park Soo-ah") the
mention stays unlinked rather than guessed, and where it knows none a record of the surname is
kept until a full name arrives and takes it over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from analysis.entities.names import name_tokens, surname
from analysis.text.stories import ENTITY_KINDS, alias_identifies
from analysis.types import Entity, joint_members
from handlers.record_book import RecordBook
from storage.entity_records import EntityRecordRepository, KnownRecord
from storage.records import StoredArticle, StoredRecord
from storage.text import normalize_for_search

K = TypeVar("K")


@dataclass(frozen=True)
class EntityKeys:
    """How an article's entity is looked up among the server's records."""

    kind: str
    label: str
    name: str
    name_key: str
    surname_key: str | None  # people: the family name, normalised
    bare_surname: bool  # a person the article names by surname alone
    alias_keys: dict[str, str]  # identifying aliases: key -> as written


def name_key(name: str) -> str:
    """A name normalised for matching: case, marks and spacing folded."""
    return normalize_for_search(name)


def entity_keys(entity: Entity) -> EntityKeys | None:
    """The lookup keys of an entity, or None for kinds without records (NORP, EVENT, …)."""
    kind = ENTITY_KINDS.get(entity.label)
    if kind is None:
        return None
    family = name_key(surname(entity.name)) if kind == "person" else None
    bare = kind == "person" and len(name_tokens(entity.name)) < 2
    return EntityKeys(
        kind=kind,
        label=entity.label,
        name=entity.name,
        name_key=name_key(" ".join(name_tokens(entity.name, keep_suffix=True)))
        if kind == "person"
        else name_key(entity.name),
        surname_key=family or None,
        bare_surname=bare,
        alias_keys={name_key(a): a for a in entity.aliases if alias_identifies(kind, a)},
    )


class Spoken(Protocol):
    """A quote as far as its speakers go: analysed (Quote) or stored (StoredQuote)."""

    @property
    def speaker(self) -> str | None: ...


@dataclass(frozen=True)
class ArticleLinks:
    """Which record each of an article's entities and quotes' speakers is."""

    entities: dict[int, int]  # rank of an entity -> its record
    speakers: dict[int, list[int]]  # position of a quote -> its speakers' records, in order
    names: dict[str, int]  # every name and alias the article gave -> its record


async def resolve_links(
    records: EntityRecordRepository,
    guild_id: int,
    entities: Sequence[Entity],
    quotes: Sequence[Spoken],
    seen_at: datetime,
) -> ArticleLinks:
    """Find or create the server's record of each entity (aliases and times kept up to date)
    and say which records gave each quote; the article's own rows are not touched."""
    found_keys = [(rank, keys) for rank, e in enumerate(entities) if (keys := entity_keys(e))]
    book = await RecordBook.read(
        records,
        guild_id,
        [key for _, k in found_keys for key in (k.name_key, *k.alias_keys)],
        [k.surname_key for _, k in found_keys if k.kind == "person" and k.surname_key],
    )
    linking = _Linking(records, guild_id, book, seen_at)
    linked: dict[str, int] = {}
    by_rank: dict[int, int] = {}
    for rank, keys in found_keys:
        record, absorbed = await linking.record_for(keys)
        if record is None:
            continue
        for gone in absorbed:  # a bare surname this article linked is now the full name's
            _point_to(by_rank, gone, record.id)
            _point_to(linked, gone, record.id)
        entity = entities[rank]
        by_rank[rank] = record.id
        book.note_aliases(record.id, _all_aliases(entity, record))
        book.note_seen(record.id, seen_at)
        for form in (entity.name, *entity.aliases):
            linked.setdefault(form, record.id)
    await book.write(records, guild_id)
    return ArticleLinks(entities=by_rank, speakers=_speakers(quotes, linked), names=linked)


def speaker_records(speaker: str | None, linked: Mapping[str, int]) -> list[int]:
    """The records who gave a quote (each member of joint speakers), by the article's names."""
    if speaker is None:
        return []
    members = joint_members(speaker) or (speaker,)
    return [linked[m] for m in members if m in linked]


def _speakers(quotes: Sequence[Spoken], linked: dict[str, int]) -> dict[int, list[int]]:
    """Position of each quote -> the records of its speakers, for quotes that have any."""
    found = {position: speaker_records(q.speaker, linked) for position, q in enumerate(quotes)}
    return {position: ids for position, ids in found.items() if ids}


async def link_article(
    records: EntityRecordRepository, article: StoredArticle, seen_at: datetime
) -> dict[str, int]:
    """Link a stored article's entities and quotes to the server's records; names -> ids."""
    links = await resolve_links(
        records, article.guild_id, article.entities, article.quotes, seen_at
    )
    for rank, record_id in links.entities.items():
        await records.link_entity(article.guild_id, article.id, rank, record_id)
    for position, record_ids in links.speakers.items():
        await records.link_speakers(article.guild_id, article.id, position, record_ids)
    return links.names


def _all_aliases(entity: Entity, record: StoredRecord) -> dict[str, str]:
    forms = [entity.name, *entity.aliases]
    return {name_key(f): f for f in forms if f != record.name}


def _point_to(links: dict[K, int], gone: int, keep: int) -> None:
    for key, record_id in links.items():
        if record_id == gone:
            links[key] = keep


@dataclass(frozen=True)
class _Linking:
    """One article's lookups: read from the book, new records written as they are made."""

    records: EntityRecordRepository
    guild_id: int
    book: RecordBook
    seen_at: datetime

    async def record_for(self, keys: EntityKeys) -> tuple[StoredRecord | None, list[int]]:
        """The entity's record, and the ids of bare-surname records it took over."""
        if keys.bare_surname and keys.surname_key:
            return await self._record_for_surname(keys, keys.surname_key), []
        found = self.book.find(keys.kind, [keys.name_key, *keys.alias_keys])
        if found is not None:
            return found, []
        created = await self._create(keys, keys.kind)
        if keys.kind == "person" and keys.surname_key:
            return created, await self._take_over_bare_surname(created, keys.surname_key)
        return created, []

    async def _record_for_surname(self, keys: EntityKeys, surname_key: str) -> StoredRecord | None:
        people = self.book.people_by_surname(surname_key)
        full = [p for p in people if name_key(p.name) != surname_key]
        if len(full) == 1:
            return full[0]
        if full:
            return None  # several people of that name: not settled, never guessed
        if people:
            return people[0]
        return await self._create(keys, "person")

    async def _create(self, keys: EntityKeys, kind: str) -> StoredRecord:
        created = await self.records.create(
            self.guild_id,
            kind=kind,
            label=keys.label,
            name=keys.name,
            name_key=keys.name_key,
            surname_key=keys.surname_key,
            seen_at=self.seen_at,
        )
        if created.id not in self.book:
            # Made now, or (PostgreSQL) by another process a moment ago: its keys as found.
            aliases = frozenset(name_key(a) for a in created.aliases)
            self.book.add(KnownRecord(created, keys.name_key, keys.surname_key, aliases))
        return created

    async def _take_over_bare_surname(self, created: StoredRecord, surname_key: str) -> list[int]:
        # "Moon" was kept alone until a full name came; the first full name of that surname
        # takes it.
        people = self.book.people_by_surname(surname_key)
        full = [p for p in people if name_key(p.name) != surname_key]
        bare = [p for p in people if name_key(p.name) == surname_key]
        if len(full) != 1:
            return []
        for record in bare:
            await self.records.absorb(self.guild_id, created.id, record.id)
            self.book.forget(record.id)
        return [record.id for record in bare]
