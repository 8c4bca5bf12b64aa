"""Issue 14, what was left: pacing and back-off per workspace. Slack's rate limits are per workspace and method,
so a 429 (its Retry-After) or a run of 5xx answers from one hub pauses that kind of call for that hub only, in
every process: a row per (hub, kind of call) saying until when (storage/lanes.py, `back_off` and `paused`).
And each hub's weekly digest day, time and channel, changed in `/echo hub settings`; empty: the environment's
(ECHOBOT_DIGEST_DAY, ECHOBOT_DIGEST_TIME, ECHOBOT_DIGEST_CHANNEL), so nothing changes until a hub sets them.

Revision ID: 0010
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0014"
branch_labels = None
depends_on = None

DIGEST_COLUMNS = ("digest_day", "digest_time", "digest_channel")
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
    for column in DIGEST_COLUMNS:
        op.add_column("hubs", sa.Column(column, sa.Text(), nullable=False, server_default=sa.text("''")))


def downgrade() -> None:
    with op.batch_alter_table("hubs") as batch:
        for column in DIGEST_COLUMNS:
            batch.drop_column(column)
    op.drop_table("hub_backoffs")
