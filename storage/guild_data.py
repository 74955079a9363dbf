"""Everything stored for a server, found from the tables themselves; the servers the bot left.

A server's rows are those of every table with a `guild_id` column (and its `guilds` row), and
the rows of tables that hang off one of those by a foreign key (an article's entities, a quote's
speakers). Found from the models' metadata, not listed by hand, so a table added later is
forgotten with the rest without anyone remembering to add it here.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Column, Select, Table, delete, func, select, union
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base, Guild, GuildDeparture

GUILD_COLUMN = "guild_id"


def _guild_column(table: Table) -> Column[int] | None:
    """The column that names a table's server: `guild_id`, or the `guilds` table's own id."""
    if table is Guild.__table__:
        return table.c.id
    return table.c.get(GUILD_COLUMN)


def guild_tables() -> list[tuple[Table, Column[int]]]:
    """The tables holding a server's rows directly, with the column naming the server."""
    found = []
    for table in Base.metadata.sorted_tables:
        column = _guild_column(table)
        if column is not None:
            found.append((table, column))
    return found


def dependent_tables() -> list[tuple[Table, Column[int], Table]]:
    """Tables without a server column whose rows belong to a row of a server's table:
    (table, its foreign key column, the server's table it points to)."""
    keyed = {table for table, _ in guild_tables()}
    found = []
    for table in Base.metadata.sorted_tables:
        if table in keyed:
            continue
        # The key that deletes with its parent comes first (an entity goes with its article,
        # not with its record), so every row is found whatever else it links to.
        keys = sorted(
            (k for k in table.foreign_keys if k.column.table in keyed),
            key=lambda k: (k.ondelete != "CASCADE", k.parent.name),
        )
        if keys:
            found.append((table, keys[0].parent, keys[0].column.table))
    return found


class GuildDataRepository:
    """Lists, deletes and marks whole servers' data; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def known_guilds(self) -> set[int]:
        """Every server something is stored for."""
        ids = union(*(select(column) for _, column in guild_tables()))
        return set(await self._session.scalars(select(ids.subquery().c[0])))

    async def forget(self, guild_id: int) -> dict[str, int]:
        """Delete every row of a server, in every table; rows deleted per table, by name."""
        deleted: dict[str, int] = {}
        # Dependent rows first, then the server's tables children before parents, so every
        # row is deleted (and counted) here rather than by a cascade.
        for table, key, parent in dependent_tables():
            owners = select(parent.c.id).where(_column_of(parent) == guild_id)
            result = await self._session.execute(delete(table).where(key.in_(owners)))
            deleted[table.name] = int(result.rowcount or 0)  # type: ignore[attr-defined]
        for table, column in reversed(guild_tables()):
            result = await self._session.execute(delete(table).where(column == guild_id))
            deleted[table.name] = int(result.rowcount or 0)  # type: ignore[attr-defined]
        return deleted

    async def count(self, guild_id: int) -> dict[str, int]:
        """How many rows a server has in every table, by table name."""
        counts: dict[str, int] = {}
        for table, column in guild_tables():
            counts[table.name] = await self._count(
                select(func.count()).select_from(table).where(column == guild_id)
            )
        for table, key, parent in dependent_tables():
            owners = select(parent.c.id).where(_column_of(parent) == guild_id)
            counts[table.name] = await self._count(
                select(func.count()).select_from(table).where(key.in_(owners))
            )
        return counts

    async def mark_left(self, guild_id: int, at: datetime) -> bool:
        """Remember that the bot left a server at `at`; False if it was marked already."""
        values = {"guild_id": guild_id, "left_at": at}
        dialect = self._session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        # Two processes on one database may both see the server go: the first mark stands.
        result = await self._session.execute(
            insert(GuildDeparture).values(values).on_conflict_do_nothing()
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def clear_left(self, guild_ids: Collection[int]) -> list[int]:
        """The bot is in these servers again: forget that it left; the ids that were marked."""
        if not guild_ids:
            return []
        marked = list(
            await self._session.scalars(
                select(GuildDeparture.guild_id).where(GuildDeparture.guild_id.in_(guild_ids))
            )
        )
        if marked:
            await self._session.execute(
                delete(GuildDeparture).where(GuildDeparture.guild_id.in_(marked))
            )
        return sorted(marked)

    async def departures(self) -> list[tuple[int, datetime]]:
        """Every server the bot left, with when, earliest first."""
        rows = await self._session.execute(
            select(GuildDeparture.guild_id, GuildDeparture.left_at).order_by(
                GuildDeparture.left_at, GuildDeparture.guild_id
            )
        )
        return [(guild_id, left_at) for guild_id, left_at in rows.tuples()]

    async def left_before(self, cutoff: datetime) -> list[int]:
        """The servers the bot left at or before `cutoff`."""
        return list(
            await self._session.scalars(
                select(GuildDeparture.guild_id)
                .where(GuildDeparture.left_at <= cutoff)
                .order_by(GuildDeparture.left_at, GuildDeparture.guild_id)
            )
        )

    async def _count(self, query: Select[tuple[int]]) -> int:
        return int(await self._session.scalar(query) or 0)


def _column_of(table: Table) -> Column[int]:
    column = _guild_column(table)
    assert column is not None
    return column
