"""What several echobot processes on one database must agree on: periodic runs and answered requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "periodic_runs",
        sa.Column("job", sa.Text(), primary_key=True),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("started_at", ORDERED, nullable=False),
    )
    op.create_table(
        "request_answers",
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("claimed_at", ORDERED, nullable=False),
        sa.Column("status", sa.Integer()),
        sa.Column("body", sa.Text()),
        sa.Column("content_type", sa.Text()),
    )
    op.create_index("request_answers_claimed", "request_answers", ["claimed_at"])


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
