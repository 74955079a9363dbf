"""Keeping up with the channel: the messages the bot read.

- read_messages: one row per Discord message the bot read in a server (an article, a pointer
  to an earlier answer or a refusal came of it), with a fingerprint of its text, links and
  files and when it was read. An edit is compared with the fingerprint (an edit that changes
  neither does nothing); a catch-up after downtime starts after the channel's last one and
  skips those already read. Existing rows: none (articles already stored still count as read).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create read_messages."""
    op.create_table(
        "read_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_read_messages"),
        sa.UniqueConstraint("guild_id", "message_id", name="uq_read_messages_guild_id_message_id"),
    )
    op.create_index(
        "ix_read_messages_guild_id_channel_id", "read_messages", ["guild_id", "channel_id"]
    )


def downgrade() -> None:
    """Back to 0004: read_messages goes."""
    op.drop_index("ix_read_messages_guild_id_channel_id", table_name="read_messages")
    op.drop_table("read_messages")
