"""Take-back of case text (issue 18): when a case's text was reported as holding identifiers, the count of
replies in case threads that looked like they held identifiers, and the index that finds a thread's case.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    op.add_column("cases", sa.Column("reported_at", ORDERED, nullable=True))
    op.create_index("outbox_slack_ts", "outbox", ["slack_ts"], unique=False)
    op.create_table(
        "reply_flags",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("day", ORDERED, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("program_id", "day"),
    )


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
