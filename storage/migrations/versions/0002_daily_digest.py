"""The daily digest: per-server settings, who posted an article and when, and the day's claims.

- guilds: a quiet-day note switch, a per-server article minimum, and when the digest was set
  (a digest hour already past when it was set is not posted that day); `last_digest_date` gives
  way to digest_posts, which records each day's post, claim and failure.
- articles: `posted_at` (when the reporter's message was posted, Discord's clock; back-filled
  from `created_at`) decides an article's day; `author_name` is the display name shown in the
  digest header (no ping, no member lookup at posting time).
- digest_posts: one row per server and local date, unique, claimed before the post is sent.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the digest's settings, the articles' posting time and author, and digest_posts."""
    with op.batch_alter_table("guilds") as guilds:
        guilds.add_column(
            sa.Column("quiet_day_note", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        guilds.add_column(sa.Column("min_article_words", sa.Integer(), nullable=True))
        guilds.add_column(sa.Column("digest_set_at", sa.DateTime(timezone=True), nullable=True))
        guilds.drop_column("last_digest_date")
    op.add_column("articles", sa.Column("author_name", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE articles SET posted_at = created_at")
    with op.batch_alter_table("articles") as articles:
        articles.alter_column("posted_at", existing_type=sa.DateTime(timezone=True), nullable=False)
    op.create_index("ix_articles_guild_id_posted_at", "articles", ["guild_id", "posted_at"])
    op.create_table(
        "digest_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("channel_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digest_posts"),
        sa.UniqueConstraint("guild_id", "local_date", name="uq_digest_posts_guild_id_local_date"),
    )


def downgrade() -> None:
    """Back to 0001: digest_posts, the articles' new columns and the settings go."""
    op.drop_table("digest_posts")
    op.drop_index("ix_articles_guild_id_posted_at", table_name="articles")
    with op.batch_alter_table("articles") as articles:
        articles.drop_column("posted_at")
        articles.drop_column("author_name")
    with op.batch_alter_table("guilds") as guilds:
        guilds.add_column(sa.Column("last_digest_date", sa.Date(), nullable=True))
        guilds.drop_column("digest_set_at")
        guilds.drop_column("min_article_words")
        guilds.drop_column("quiet_day_note")
