"""Leases for several processes on one database: outbox claims with an owner and an expiry, an explicit
in-doubt flag instead of a sentinel in last_error, rows that step aside from their channel's lane, and the
lanes table (one owner per target at a time, and when Slack was last called for it).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
# what release 0.1 wrote in last_error for a row a crash left in flight
IN_FLIGHT_AT_STOP = "in flight at the last stop"


def upgrade() -> None:
    op.add_column("outbox", sa.Column("claimed_by", sa.Text(), nullable=True))
    op.add_column("outbox", sa.Column("lease_until", ORDERED, nullable=True))
    op.add_column("outbox", sa.Column("in_doubt", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.add_column("outbox", sa.Column("aside", sa.Integer(), nullable=False, server_default=sa.text("0")))
    outbox = sa.table("outbox", sa.column("last_error", sa.Text()), sa.column("in_doubt", sa.Integer()))
    op.execute(outbox.update().where(outbox.c.last_error == IN_FLIGHT_AT_STOP).values(in_doubt=1))
    op.create_table(
        "lanes",
        sa.Column("target", ORDERED, nullable=False),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("lease_until", ORDERED, nullable=True),
        sa.Column("last_call_at", ORDERED, nullable=True),
        sa.PrimaryKeyConstraint("target"),
    )


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
