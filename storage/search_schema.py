"""The full-text indexes behind storage/search, per backend: what the migration creates.

SQLite: FTS5 tables with external content (the rows stay in `quotes` and `article_sentences`;
the index holds only the terms), kept in step by triggers, Porter-stemmed.
PostgreSQL: GIN indexes on the `english` tsvector of the same columns; since 0010 the vector
is a stored generated column (`fts_vector`, the database's to fill, not the models'), so a
match is checked and ranked without parsing the text again; before it, expression indexes.
Every object's name starts with "fts_", so schema comparisons can leave them out.
"""

from __future__ import annotations

PREFIX = "fts_"
TOKENIZE = "porter unicode61 remove_diacritics 2"
# Kept word for word in storage/search's queries: PostgreSQL uses an expression index only
# for the very expression it was built on.
PG_QUOTE_VECTOR = (
    "(setweight(to_tsvector('english', text), 'A')"
    " || setweight(to_tsvector('english', coalesce(speaker_names, '')), 'B'))"
)
PG_SENTENCE_VECTOR = (
    "(setweight(to_tsvector('english', text), 'A')"
    " || setweight(to_tsvector('english', lemmas), 'B'))"
)
# table -> (its full-text columns, the index's name)
INDEXED = {
    "quotes": (("text", "speaker_names"), "fts_quotes"),
    "article_sentences": (("text", "lemmas"), "fts_sentences"),
}


def is_search_object(name: str | None) -> bool:
    """Whether a table or index is the full-text engine's, not the models'."""
    return bool(name) and str(name).startswith(PREFIX)


def include_name(name: str | None, type_: str, parents: object) -> bool:
    """Alembic's filter: leave the full-text engine's objects out of schema comparisons."""
    return not is_search_object(name)


PG_VECTOR_COLUMN = "fts_vector"
# table -> (the expression its stored vector holds, its index's name)
PG_STORED = {
    "quotes": (PG_QUOTE_VECTOR, "fts_quotes"),
    "article_sentences": (PG_SENTENCE_VECTOR, "fts_sentences"),
}


def create_statements(dialect: str) -> list[str]:
    """DDL that creates the indexes and fills them from the rows already stored (0008's:
    expression indexes on PostgreSQL)."""
    if dialect == "postgresql":
        return [
            f"CREATE INDEX fts_quotes ON quotes USING gin ({PG_QUOTE_VECTOR})",
            f"CREATE INDEX fts_sentences ON article_sentences USING gin ({PG_SENTENCE_VECTOR})",
        ]
    statements: list[str] = []
    for table, (columns, index) in INDEXED.items():
        statements += _sqlite_index(table, columns, index)
    return statements


def drop_statements(dialect: str) -> list[str]:
    """DDL that removes what create_statements made."""
    if dialect == "postgresql":
        return ["DROP INDEX fts_sentences", "DROP INDEX fts_quotes"]
    statements: list[str] = []
    for _columns, index in INDEXED.values():
        statements += [f"DROP TRIGGER {index}_{when}" for when in ("ai", "ad", "au")]
        statements.append(f"DROP TABLE {index}")
    return statements


def stored_vector_statements() -> list[str]:
    """PostgreSQL DDL from 0008's expression indexes to stored vectors indexed (0010)."""
    statements: list[str] = []
    for table, (vector, index) in PG_STORED.items():
        statements += [
            f"DROP INDEX {index}",
            f"ALTER TABLE {table} ADD COLUMN {PG_VECTOR_COLUMN} tsvector"
            f" GENERATED ALWAYS AS ({vector}) STORED",
            f"CREATE INDEX {index} ON {table} USING gin ({PG_VECTOR_COLUMN})",
        ]
    return statements


def expression_index_statements() -> list[str]:
    """PostgreSQL DDL back from stored vectors to 0008's expression indexes."""
    statements: list[str] = []
    for table, (_vector, index) in PG_STORED.items():
        statements += [f"DROP INDEX {index}", f"ALTER TABLE {table} DROP COLUMN {PG_VECTOR_COLUMN}"]
    return statements + create_statements("postgresql")


def _sqlite_index(table: str, columns: tuple[str, ...], index: str) -> list[str]:
    # The trigger set SQLite's FTS5 documentation gives for external-content tables.
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {index}({index}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {index}(rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5({names}, content='{table}',"
        f" content_rowid='id', tokenize='{TOKENIZE}')",
        f"CREATE TRIGGER {index}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {index}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {index}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    ]
