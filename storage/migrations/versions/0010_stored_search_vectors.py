"""PostgreSQL keeps each quote's and sentence's search vector, instead of parsing it again.

0008 indexed expressions (`to_tsvector(...)` of the text): the index finds candidates, but
checking a phrase and ranking each match parsed its text again, at every query, for every
match. Here each table gets a stored generated column `fts_vector` (PostgreSQL fills it on
insert and update, so it is always in step) and the GIN index is built on it. SQLite's FTS5
tables already hold their terms: nothing changes there.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from storage.search_schema import expression_index_statements, stored_vector_statements

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """On PostgreSQL, store the vectors and index them; nothing on SQLite."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in stored_vector_statements():
            op.execute(statement)


def downgrade() -> None:
    """Back to 0009: the stored vectors go, the expression indexes return."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in expression_index_statements():
            op.execute(statement)
