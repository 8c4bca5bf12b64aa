"""Slack Connect: the Slack team (workspace) each provider belongs to.

A provider from a partner organization in a shared program channel has a team id other than the hub's.
It is kept as a plain column (NULL for registrations made before this revision, and when Slack did not
say), so that later tenancy work can scope by team without reading it from anywhere else.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("providers") as batch:
        batch.add_column(sa.Column("team_id", sa.Text(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
