"""People, organisations and places across articles: one record each per server.

- entity_records: a server's person, organisation or place, its canonical name and the keys it
  is found by (`name_key`, and for people `surname_key`), first and last seen.
- entity_record_aliases: the other forms its articles gave ("Mr. Moon", "DNC").
- entities.record_id: which record an article's entity is (none for a bare surname that fits
  several people); a record left with no entity is deleted with its last article.
- quote_speakers: the records who gave a quote, in order (joint speakers are several rows).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the record tables and link article entities and quotes to them."""
    op.create_table(
        "entity_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("surname_key", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_records"),
        sa.UniqueConstraint(
            "guild_id", "kind", "name_key", name="uq_entity_records_guild_id_kind_name_key"
        ),
    )
    op.create_index(
        "ix_entity_records_guild_id_surname_key", "entity_records", ["guild_id", "surname_key"]
    )
    op.create_table(
        "entity_record_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("alias_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["entity_records.id"],
            name="fk_entity_record_aliases_record_id_entity_records",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_entity_record_aliases"),
        sa.UniqueConstraint(
            "record_id", "alias_key", name="uq_entity_record_aliases_record_id_alias_key"
        ),
    )
    op.create_index(
        "ix_entity_record_aliases_guild_id_alias_key",
        "entity_record_aliases",
        ["guild_id", "alias_key"],
    )
    with op.batch_alter_table("entities") as entities:
        entities.add_column(sa.Column("record_id", sa.Integer(), nullable=True))
        entities.create_foreign_key(
            "fk_entities_record_id_entity_records",
            "entity_records",
            ["record_id"],
            ["id"],
            ondelete="SET NULL",
        )
        entities.create_index("ix_entities_record_id", ["record_id"])
    op.create_table(
        "quote_speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name="fk_quote_speakers_quote_id_quotes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["entity_records.id"],
            name="fk_quote_speakers_record_id_entity_records",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_quote_speakers"),
        sa.UniqueConstraint("quote_id", "record_id", name="uq_quote_speakers_quote_id_record_id"),
    )
    op.create_index("ix_quote_speakers_record_id", "quote_speakers", ["record_id"])


def downgrade() -> None:
    """Back to 0003: the records and their links go."""
    op.drop_table("quote_speakers")
    with op.batch_alter_table("entities") as entities:
        entities.drop_index("ix_entities_record_id")
        entities.drop_constraint("fk_entities_record_id_entity_records", type_="foreignkey")
        entities.drop_column("record_id")
    op.drop_table("entity_record_aliases")
    op.drop_table("entity_records")
