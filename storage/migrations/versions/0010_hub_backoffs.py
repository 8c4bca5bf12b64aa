"""Issue 14, what was left: pacing and back-off per workspace. Slack's rate limits are per workspace and method,
so a 429 (its Retry-After) or a run of 5xx answers from one hub pauses that kind of call for that hub only, in
every process: a row per (hub, kind of call) saying until when (storage/lanes.py, `back_off` and `paused`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "hub_backoffs",
        sa.Column("hub_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("until", ORDERED, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.PrimaryKeyConstraint("hub_id", "kind"),
    )


def downgrade() -> None:
    op.drop_table("hub_backoffs")
