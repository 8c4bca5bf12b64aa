"""Issue 17: attendance imported from the video tool's report (minutes present, a credit minimum), program
series with a completion threshold, and the completions recorded when a series ends.

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    # plain ADD COLUMN (SQLite supports it with a default): no table rebuild, the existing constraints stay
    op.add_column("programs", sa.Column("credit_min_minutes", sa.Integer(), nullable=False,
                                        server_default=sa.text("0")))  # fmt: skip
    op.add_column("programs", sa.Column("series_starts_on", sa.Text(), nullable=True))
    op.add_column("programs", sa.Column("series_ends_on", sa.Text(), nullable=True))
    op.add_column("programs", sa.Column("completion_percent", sa.Integer(), nullable=False,
                                        server_default=sa.text("75")))  # fmt: skip
    op.create_table(
        "attendance_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", ORDERED, nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("replaces", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("attendance_imports_session", "attendance_imports", ["session_id", "id"], unique=False)
    op.create_table(
        "attendance_minutes",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.ForeignKeyConstraint(["import_id"], ["attendance_imports.id"]),
        sa.PrimaryKeyConstraint("import_id", "user_id"),
    )
    op.create_index("attendance_minutes_user", "attendance_minutes", ["user_id"], unique=False)
    op.create_table(
        "attendance_waivers",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", ORDERED, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"]),
        sa.PrimaryKeyConstraint("session_id", "user_id"),
    )
    op.create_table(
        "series_ends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Text(), nullable=False),
        sa.Column("ends_on", sa.Text(), nullable=False),
        sa.Column("threshold_percent", sa.Integer(), nullable=False),
        sa.Column("sessions_held", sa.Integer(), nullable=False),
        sa.Column("how", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("ended_at", ORDERED, nullable=False),
        sa.CheckConstraint("how IN ('last_session', 'closed')", name="series_ends_how"),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("program_id", "starts_on", "ends_on"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "completions",
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("attended", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["series_id"], ["series_ends.id"]),
        sa.PrimaryKeyConstraint("series_id", "user_id"),
    )
    op.create_index("completions_user", "completions", ["user_id"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
