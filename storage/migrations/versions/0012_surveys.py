"""Issue 17: pre and post series surveys: each program's self-efficacy statements, and each provider's answers
(one response per series, phase and person; a rating per statement).

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0012"
down_revision = "0009"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "survey_statements",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("program_id", "position"),
    )
    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("series_starts_on", sa.Text(), nullable=False),
        sa.Column("phase", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("answered_at", ORDERED, nullable=False),
        sa.CheckConstraint("phase IN ('pre', 'post')", name="survey_responses_phase"),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("program_id", "series_starts_on", "phase", "user_id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "survey_ratings",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name="survey_ratings_rating"),
        sa.ForeignKeyConstraint(["response_id"], ["survey_responses.id"]),
        sa.PrimaryKeyConstraint("response_id", "position"),
    )


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
