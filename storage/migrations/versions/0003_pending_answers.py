"""Answers that are not lost, and one row per canonical URL per server.

- articles.answer_pending: true from when an article is stored until its answer is sent, so
  an answer whose send failed is posted again (existing rows were answered: false).
- uq_articles_guild_id_url: a partial unique index on (guild_id, url) where url is not null,
  in place of the plain index. Copies a race stored before it keep their text and quotes
  but give up their URL (the oldest copy keeps it), so the index can be built.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

URL_IS_SET = sa.text("url IS NOT NULL")


def upgrade() -> None:
    """Add answer_pending; make (guild_id, url) unique where a URL is set."""
    with op.batch_alter_table("articles") as articles:
        articles.add_column(
            sa.Column("answer_pending", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute(
        "UPDATE articles SET url = NULL WHERE url IS NOT NULL AND id > ("
        "SELECT MIN(first.id) FROM articles AS first "
        "WHERE first.guild_id = articles.guild_id AND first.url = articles.url)"
    )
    op.drop_index("ix_articles_guild_id_url", table_name="articles")
    op.create_index(
        "uq_articles_guild_id_url",
        "articles",
        ["guild_id", "url"],
        unique=True,
        sqlite_where=URL_IS_SET,
        postgresql_where=URL_IS_SET,
    )


def downgrade() -> None:
    """Back to 0002: the plain (guild_id, url) index, no answer_pending."""
    op.drop_index("uq_articles_guild_id_url", table_name="articles")
    op.create_index("ix_articles_guild_id_url", "articles", ["guild_id", "url"])
    with op.batch_alter_table("articles") as articles:
        articles.drop_column("answer_pending")
