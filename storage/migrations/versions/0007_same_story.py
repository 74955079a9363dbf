"""The same story in another form, and notes given once per channel.

- article_fingerprints: each article's MinHash signature (analysis.text.fingerprints) and the
  content_hash of the text it was made from.
- article_bands: the signature's LSH band keys, one row each, keyed (guild_id, band_key,
  article_id), so "this server's articles sharing a band" is an index lookup.
- channel_notes: a note the bot gives once per channel ("too short to read as an article").

Articles stored before this revision get their fingerprints lazily: the first article read in a
server after the upgrade fingerprints that server's older ones (handlers.same_story), since the
fingerprint is analysis code that a migration does not import.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the fingerprint, band and channel-note tables."""
    op.create_table(
        "article_fingerprints",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("shingles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_fingerprints_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_fingerprints"),
    )
    op.create_table(
        "article_bands",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("band_key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_bands_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("guild_id", "band_key", "article_id", name="pk_article_bands"),
    )
    op.create_index("ix_article_bands_article_id", "article_bands", ["article_id"])
    op.create_table(
        "channel_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.String(length=32), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_channel_notes"),
        sa.UniqueConstraint(
            "guild_id", "channel_id", "note", name="uq_channel_notes_guild_id_channel_id_note"
        ),
    )


def downgrade() -> None:
    """Back to 0004: fingerprints, bands and channel notes go."""
    op.drop_table("channel_notes")
    op.drop_index("ix_article_bands_article_id", table_name="article_bands")
    op.drop_table("article_bands")
    op.drop_table("article_fingerprints")
