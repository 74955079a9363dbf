"""Servers the bot was removed from: when it left, so their data goes after a grace period.

- guild_departures: one row per server the bot is no longer in, with when it left; the row
  goes when the bot is added back, or with the rest of the server's data once the period ends.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the table of servers the bot left."""
    op.create_table(
        "guild_departures",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", name="pk_guild_departures"),
    )


def downgrade() -> None:
    """Back to 0004: the servers' departures are forgotten (their data stays)."""
    op.drop_table("guild_departures")
