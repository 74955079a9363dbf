"""One record per person, organisation and place in a server, linked as articles are stored.

A full name joins the record of the same full name (or of an alias an article gave it); an
organisation also joins by an acronym or a longer form its article gave ("DNC" / "Democratic
National Committee"). A person named only by surname ("Mr. Moon", "Moon") joins the one person
of that surname the server knows; where it knows several ("Park Ji-hoon", "Park Soo-ah") the
mention stays unlinked rather than guessed, and where it knows none a record of the surname is
kept until a full name arrives and takes it over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from analysis.entities.names import name_tokens, surname
from analysis.text.stories import ENTITY_KINDS, alias_identifies
from analysis.types import Entity, joint_members
from storage.entity_records import EntityRecordRepository
from storage.records import StoredArticle, StoredRecord
from storage.text import normalize_for_search


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


async def link_article(
    records: EntityRecordRepository, article: StoredArticle, seen_at: datetime
) -> dict[str, int]:
    """Link a stored article's entities and quotes to the server's records; names -> ids."""
    linked: dict[str, int] = {}
    for rank, entity in enumerate(article.entities):
        keys = entity_keys(entity)
        if keys is None:
            continue
        record = await _record_for(records, article.guild_id, keys, seen_at)
        if record is None:
            continue
        await records.link_entity(article.guild_id, article.id, rank, record.id)
        await records.add_aliases(article.guild_id, record.id, _all_aliases(entity, record))
        await records.seen(article.guild_id, record.id, seen_at)
        for form in (entity.name, *entity.aliases):
            linked.setdefault(form, record.id)
    for position, quote in enumerate(article.quotes):
        if quote.speaker is None:
            continue
        members = joint_members(quote.speaker) or (quote.speaker,)
        ids = [linked[m] for m in members if m in linked]
        if ids:
            await records.link_speakers(article.guild_id, article.id, position, ids)
    return linked


def _all_aliases(entity: Entity, record: StoredRecord) -> dict[str, str]:
    forms = [entity.name, *entity.aliases]
    return {name_key(f): f for f in forms if f != record.name}


async def _record_for(
    records: EntityRecordRepository, guild_id: int, keys: EntityKeys, seen_at: datetime
) -> StoredRecord | None:
    if keys.bare_surname and keys.surname_key:
        return await _record_for_surname(records, guild_id, keys, seen_at)
    found = await records.find(guild_id, keys.kind, [keys.name_key, *keys.alias_keys])
    if found is not None:
        return found
    created = await records.create(
        guild_id,
        kind=keys.kind,
        label=keys.label,
        name=keys.name,
        name_key=keys.name_key,
        surname_key=keys.surname_key,
        seen_at=seen_at,
    )
    if keys.kind == "person" and keys.surname_key:
        await _take_over_bare_surname(records, guild_id, created, keys.surname_key)
    return created


async def _record_for_surname(
    records: EntityRecordRepository, guild_id: int, keys: EntityKeys, seen_at: datetime
) -> StoredRecord | None:
    assert keys.surname_key is not None
    people = await records.people_by_surname(guild_id, keys.surname_key)
    full = [p for p in people if name_key(p.name) != keys.surname_key]
    if len(full) == 1:
        return full[0]
    if full:
        return None  # several people of that name: not settled, never guessed
    if people:
        return people[0]
    return await records.create(
        guild_id,
        kind="person",
        label=keys.label,
        name=keys.name,
        name_key=keys.name_key,
        surname_key=keys.surname_key,
        seen_at=seen_at,
    )


async def _take_over_bare_surname(
    records: EntityRecordRepository, guild_id: int, created: StoredRecord, surname_key: str
) -> None:
    # "Moon" was kept alone until a full name came; the first full name of that surname takes it.
    people = await records.people_by_surname(guild_id, surname_key)
    full = [p for p in people if name_key(p.name) != surname_key]
    bare = [p for p in people if name_key(p.name) == surname_key]
    if len(full) == 1 and bare:
        for record in bare:
            await records.absorb(guild_id, created.id, record.id)
