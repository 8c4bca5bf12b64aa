"""Issue 17: invitation-only programs. A program's "who can join" setting (open, the default, or invitation
only), and the invitations and join requests: who, for which program, by whom, when, and how it was decided.

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0014"
down_revision = "0011"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    op.add_column("programs", sa.Column("invite_only", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.create_table(
        "program_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("by_user", sa.Text(), nullable=False),
        sa.Column("created_at", ORDERED, nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", ORDERED, nullable=True),
        sa.Column("hub_id", sa.Text(), nullable=False, server_default=sa.text("'default'")),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("kind IN ('request', 'invite')", name="program_invitations_kind"),
        sa.CheckConstraint("state IN ('pending', 'approved', 'declined', 'joined')", name="program_invitations_state"),
        sqlite_autoincrement=True,
    )
    op.create_index("program_invitations_pending", "program_invitations", ["program_id", "user_id", "kind"],
                    unique=True, sqlite_where=sa.text("state = 'pending'"),
                    postgresql_where=sa.text("state = 'pending'"))  # fmt: skip
    op.create_index("program_invitations_user", "program_invitations", ["user_id"])


def downgrade() -> None:
    op.drop_index("program_invitations_user", table_name="program_invitations")
    op.drop_index("program_invitations_pending", table_name="program_invitations")
    op.drop_table("program_invitations")
    op.drop_column("programs", "invite_only")
