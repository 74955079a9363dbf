"""A record's quotes, newest first, read off one index instead of sorted whole.

- quote_speakers.posted_at: the quote's article's posted_at, copied onto the link (an
  article's posting time never changes once stored), filled here for the links already made.
- ix_quote_speakers_record_id_posted_at replaces ix_quote_speakers_record_id: a page of a
  much-quoted record's quotes stops after the page instead of sorting every quote.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

_FILL = sa.text(
    "UPDATE quote_speakers SET posted_at = (SELECT a.posted_at FROM quotes q"
    " JOIN articles a ON a.id = q.article_id WHERE q.id = quote_speakers.quote_id)"
)


def upgrade() -> None:
    """Add and fill quote_speakers.posted_at, and index it behind record_id."""
    op.add_column(
        "quote_speakers", sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.execute(_FILL)
    with op.batch_alter_table("quote_speakers") as batch:
        batch.alter_column("posted_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.drop_index("ix_quote_speakers_record_id")
        batch.create_index("ix_quote_speakers_record_id_posted_at", ["record_id", "posted_at"])


def downgrade() -> None:
    """Back to 0008: the copied time and its index go, the plain record_id index returns."""
    with op.batch_alter_table("quote_speakers") as batch:
        batch.drop_index("ix_quote_speakers_record_id_posted_at")
        batch.create_index("ix_quote_speakers_record_id", ["record_id"])
        batch.drop_column("posted_at")
