"""Issue 14, what was left: a hub review channel shared with another organization after it was chosen. Slack's
channel_shared event holds the channel (a row here): nothing more is sent to it until channel_unshared lets it go.

Revision ID: 0016
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0016"
down_revision = "0010"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "held_channels",
        sa.Column("hub_id", sa.Text(), nullable=False),
        sa.Column("channel_id", sa.Text(), nullable=False),
        sa.Column("episode", sa.Text(), nullable=False),
        sa.Column("since", ORDERED, nullable=False),
        sa.PrimaryKeyConstraint("hub_id", "channel_id"),
    )


def downgrade() -> None:
    op.drop_table("held_channels")
