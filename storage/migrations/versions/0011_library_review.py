"""The case library, closing issue 15: an entry hidden by a report of identifiers waits for a coordinator's
review (`pending_review`); on SQLite, the `search` column PostgreSQL has had since 0009 (its tsvector), as a
virtual column that is always NULL (SQLite's index is the FTS5 table), so storage/tables.py declares one schema.

Revision ID: 0011
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # 1 while an entry hidden because its case was reported as holding identifiers waits for a coordinator
    # (Keep hidden or Show again); 0 otherwise.
    op.add_column("library_entries", sa.Column("pending_review", sa.Integer(), nullable=False,
                                               server_default=sa.text("0")))  # fmt: skip
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE library_entries ADD COLUMN search TEXT GENERATED ALWAYS AS (NULL) VIRTUAL")
        op.execute("CREATE INDEX library_entries_search ON library_entries (search) WHERE search IS NOT NULL")


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
