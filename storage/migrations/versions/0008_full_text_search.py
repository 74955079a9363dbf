"""Full-text search: the articles' sentences, and the engines' indexes of them and of quotes.

- article_sentences: an article's title (position 0) and its sentences as spaCy's parse found
  them at ingest, with offsets into the text and the lemmas of their words.
- quotes.speaker_names: the speaker with the other names the article gave them.
- The full-text indexes (storage/search_schema.py): FTS5 tables kept by triggers on SQLite,
  GIN expression indexes on PostgreSQL.

Existing rows: the quotes' speaker names come from their article's entities; the sentences of
articles read before this revision are found by spaCy's rule-based sentencizer (the parse is
not stored, and a migration does not load the model), without lemmas; then the indexes are
built from every row.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from storage.search_schema import create_statements, drop_statements

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_BATCH = 500


def upgrade() -> None:
    """Create article_sentences and quotes.speaker_names, fill them, build the indexes."""
    op.add_column("quotes", sa.Column("speaker_names", sa.Text(), nullable=True))
    sentences = op.create_table(
        "article_sentences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lemmas", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_sentences_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_article_sentences"),
    )
    op.create_index(
        "ix_article_sentences_article_id_position", "article_sentences", ["article_id", "position"]
    )
    op.create_index("ix_article_sentences_guild_id", "article_sentences", ["guild_id"])
    connection = op.get_bind()
    _fill_speaker_names(connection)
    if sentences is not None:
        _fill_sentences(connection, sentences)
    for statement in create_statements(connection.dialect.name):
        op.execute(statement)


def downgrade() -> None:
    """Back to 0005: the indexes, article_sentences and quotes.speaker_names go."""
    for statement in drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_index("ix_article_sentences_guild_id", table_name="article_sentences")
    op.drop_index("ix_article_sentences_article_id_position", table_name="article_sentences")
    op.drop_table("article_sentences")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("speaker_names")


def _fill_speaker_names(connection: sa.Connection) -> None:
    # storage.mapping's rule, on rows: the speaker, then the aliases of the article's entity
    # of that name.
    aliases: dict[tuple[int, str], list[str]] = {}
    entities = connection.execute(sa.text("SELECT article_id, name, aliases FROM entities"))
    for article_id, name, names in entities:
        aliases[(article_id, name)] = list(_json_list(names))
    quotes = connection.execute(
        sa.text("SELECT id, article_id, speaker FROM quotes WHERE speaker IS NOT NULL")
    ).all()
    updates = [
        {"id": id_, "names": " | ".join(dict.fromkeys([speaker, *aliases.get((art, speaker), [])]))}
        for id_, art, speaker in quotes
    ]
    for batch in _batches(updates):
        connection.execute(
            sa.text("UPDATE quotes SET speaker_names = :names WHERE id = :id"), batch
        )


def _fill_sentences(connection: sa.Connection, table: sa.Table) -> None:
    articles = connection.execute(sa.text("SELECT id, guild_id, title, text FROM articles")).all()
    if not articles:
        return
    import spacy  # only when there is something to split: a fresh database never loads it

    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    rows: list[dict[str, Any]] = []
    for article_id, guild_id, title, text in articles:
        base = {"article_id": article_id, "guild_id": guild_id, "lemmas": ""}
        if title:
            rows.append({**base, "position": 0, "start": -1, "end": -1, "text": title})
        for position, (start, end) in enumerate(_sentences(splitter(text)), start=1):
            rows.append(
                {**base, "position": position, "start": start, "end": end, "text": text[start:end]}
            )
    for batch in _batches(rows):
        connection.execute(table.insert(), batch)


def _sentences(doc: Any) -> list[tuple[int, int]]:
    spans = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            spans.append((words[0].idx, words[-1].idx + len(words[-1])))
    return spans


def _json_list(value: Any) -> list[str]:
    if isinstance(value, str):
        import json

        value = json.loads(value)
    return [str(v) for v in value or ()]


def _batches(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + _BATCH] for i in range(0, len(rows), _BATCH)]
