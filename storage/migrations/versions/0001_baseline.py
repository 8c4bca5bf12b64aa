"""The schema of echobot 0.1 (the numbered SQL scripts up to version 5), as the first Alembic revision.

A SQLite database made before Alembic is finished with the scripts it lacks and then is this revision's
schema as it stands: nothing is copied or rebuilt. An empty database, SQLite or PostgreSQL, is created.

Revision ID: 0001
Revises:
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from echobot.storage.migrate import finish_legacy, mark_sqlite

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def upgrade() -> None:
    bind = op.get_bind()
    if not finish_legacy(bind):
        _create()
    mark_sqlite(bind)


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")


def _create() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", ORDERED, nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", ORDERED, nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("audit_log_at", "audit_log", ["at"], unique=False)
    op.create_table(
        "coordinators",
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.Column("added_at", ORDERED, nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "credit_types",
        sa.Column("credential", sa.Text(), nullable=False),
        sa.Column("credit_type", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("credential"),
    )
    op.create_table(
        "inbound_events",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("received_at", ORDERED, nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", ORDERED, nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("parent_key", sa.Text(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("due_at", ORDERED, nullable=False),
        sa.Column("stale_at", ORDERED, nullable=True),
        sa.Column("not_before", ORDERED, nullable=True),
        sa.Column("state", sa.Text(), server_default=sa.text("'pending'"), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("slack_channel", sa.Text(), nullable=True),
        sa.Column("slack_ts", sa.Text(), nullable=True),
        sa.Column("created_at", ORDERED, nullable=False),
        sa.Column("sent_at", ORDERED, nullable=True),
        sa.CheckConstraint("kind IN ('post', 'update', 'delete', 'job', 'upload')", name="outbox_kind"),
        sa.CheckConstraint(
            "state IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')", name="outbox_state"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index(
        "outbox_lane",
        "outbox",
        ["target", "due_at", "id"],
        unique=False,
        sqlite_where=sa.text("state IN ('pending', 'sending')"),
        postgresql_where=sa.text("state IN ('pending', 'sending')"),
    )
    op.create_index(
        "outbox_pending_due",
        "outbox",
        ["due_at"],
        unique=False,
        sqlite_where=sa.text("state IN ('pending', 'sending')"),
        postgresql_where=sa.text("state IN ('pending', 'sending')"),
    )
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("channel_id", sa.Text(), nullable=False),
        sa.Column("review_channel_id", sa.Text(), nullable=False),
        sa.Column("timezone", sa.Text(), nullable=False),
        sa.Column("schedule_kind", sa.Text(), nullable=False),
        sa.Column("interval_weeks", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("first_date", sa.Text(), nullable=False),
        sa.Column("start_time", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("video_url", sa.Text(), nullable=False),
        sa.Column("reminder_offsets", sa.Text(), nullable=False),
        sa.Column("case_slots", sa.Integer(), server_default=sa.text("2"), nullable=False),
        sa.Column("eval_window_days", sa.Integer(), server_default=sa.text("14"), nullable=False),
        sa.Column("credit_quarters", sa.Integer(), server_default=sa.text("4"), nullable=False),
        sa.Column("archived_at", ORDERED, nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", ORDERED, nullable=False),
        sa.Column("updated_at", ORDERED, nullable=False),
        sa.Column("followup_weeks", sa.Integer(), server_default=sa.text("4"), nullable=False),
        sa.Column("anonymous_ratings", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint(
            "schedule_kind IN ('weekly', 'every_n_weeks', 'monthly', 'once')", name="programs_schedule_kind"
        ),
        sa.CheckConstraint("case_slots BETWEEN 0 AND 10", name="programs_case_slots"),
        sa.CheckConstraint("credit_quarters > 0", name="programs_credit_quarters"),
        sa.CheckConstraint("duration_minutes BETWEEN 15 AND 240", name="programs_duration"),
        sa.CheckConstraint("eval_window_days BETWEEN 1 AND 60", name="programs_eval_window"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("programs_name", "programs", [sa.text("lower(name)")], unique=True)
    op.create_table(
        "providers",
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("credential", sa.Text(), nullable=False),
        sa.Column("discipline", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("npi", sa.Text(), nullable=True),
        sa.Column("licence_number", sa.Text(), nullable=True),
        sa.Column("licence_consent", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("birth_month", sa.Integer(), nullable=True),
        sa.Column("birth_day", sa.Integer(), nullable=True),
        sa.Column("birth_consent", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("registered_at", ORDERED, nullable=False),
        sa.Column("updated_at", ORDERED, nullable=False),
        sa.Column("reminder_dms", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint("role IN ('participant', 'observer')", name="providers_role"),
        sa.CheckConstraint("(birth_month IS NULL) = (birth_day IS NULL)", name="providers_birth_pair"),
        sa.CheckConstraint("birth_day IS NULL OR birth_day BETWEEN 1 AND 31", name="providers_birth_day"),
        sa.CheckConstraint("birth_month IS NULL OR birth_consent = 1", name="providers_birth_consent"),
        sa.CheckConstraint("birth_month IS NULL OR birth_month BETWEEN 1 AND 12", name="providers_birth_month"),
        sa.CheckConstraint("licence_number IS NULL OR licence_consent = 1", name="providers_licence_consent"),
        sa.CheckConstraint("npi IS NULL OR length(npi) = 10", name="providers_npi"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_index("providers_registered_at", "providers", ["registered_at"], unique=False)
    op.create_table(
        "program_members",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("joined_at", ORDERED, nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["providers.user_id"],
        ),
        sa.PrimaryKeyConstraint("program_id", "user_id"),
    )
    op.create_index("program_members_user", "program_members", ["user_id"], unique=False)
    op.create_table(
        "program_staff",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.CheckConstraint("role IN ('specialist', 'coordinator')", name="program_staff_role"),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
        ),
        sa.PrimaryKeyConstraint("program_id", "user_id", "role"),
    )
    op.create_index("program_staff_user", "program_staff", ["user_id"], unique=False)
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("occurrence", ORDERED, nullable=False),
        sa.Column("starts_at", ORDERED, nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=True),
        sa.Column("presenter", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), server_default=sa.text("'scheduled'"), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("moved", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("attendance_code", sa.Text(), nullable=True),
        sa.Column("ended_at", ORDERED, nullable=True),
        sa.Column("created_at", ORDERED, nullable=False),
        sa.CheckConstraint("status IN ('scheduled', 'cancelled', 'ended')", name="sessions_status"),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("program_id", "occurrence"),
        sqlite_autoincrement=True,
    )
    op.create_index("sessions_program_status", "sessions", ["program_id", "status", "starts_at"], unique=False)
    op.create_index("sessions_starts_at", "sessions", ["starts_at"], unique=False)
    op.create_table(
        "attendance",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("present", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("checked_in_at", ORDERED, nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
        ),
        sa.PrimaryKeyConstraint("session_id", "user_id"),
    )
    op.create_index("attendance_user", "attendance", ["user_id"], unique=False)
    op.create_table(
        "attendance_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", ORDERED, nullable=False),
        sa.CheckConstraint("change IN ('check_in', 'add', 'remove')", name="attendance_changes_change"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("attendance_changes_session", "attendance_changes", ["session_id"], unique=False)
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("submitter", sa.Text(), nullable=False),
        sa.Column("submission_key", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("age_band", sa.Text(), nullable=False),
        sa.Column("sex", sa.Text(), nullable=False),
        sa.Column("presenting_problem", sa.Text(), nullable=True),
        sa.Column("history", sa.Text(), nullable=True),
        sa.Column("medications", sa.Text(), nullable=True),
        sa.Column("labs", sa.Text(), nullable=True),
        sa.Column("tried", sa.Text(), nullable=True),
        sa.Column("urgency", sa.Text(), nullable=False),
        sa.Column("preferred_session_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("recommendations", sa.Text(), nullable=True),
        sa.Column("followup_outcome", sa.Text(), nullable=True),
        sa.Column("followup_note", sa.Text(), nullable=True),
        sa.Column("submitted_at", ORDERED, nullable=False),
        sa.Column("updated_at", ORDERED, nullable=False),
        sa.Column("closed_at", ORDERED, nullable=True),
        sa.Column("purged_at", ORDERED, nullable=True),
        sa.CheckConstraint(
            "state IN ('submitted', 'in_review', 'needs_info', 'scheduled', 'presented', 'recommendations_sent',"
            " 'closed', 'declined')",
            name="cases_state",
        ),
        sa.CheckConstraint("urgency IN ('routine', 'soon')", name="cases_urgency"),
        sa.ForeignKeyConstraint(
            ["preferred_session_id"],
            ["sessions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("submission_key"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "cases_closed_at",
        "cases",
        ["closed_at"],
        unique=False,
        sqlite_where=sa.text("purged_at IS NULL"),
        postgresql_where=sa.text("purged_at IS NULL"),
    )
    op.create_index("cases_program_state", "cases", ["program_id", "state", "submitted_at"], unique=False)
    op.create_index("cases_session", "cases", ["session_id"], unique=False)
    op.create_index("cases_submitter", "cases", ["submitter"], unique=False)
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=False),
        sa.Column("relevance", sa.Integer(), nullable=False),
        sa.Column("objectives_met", sa.Text(), nullable=False),
        sa.Column("intent_to_change", sa.Text(), nullable=False),
        sa.Column("change_plan", sa.Text(), nullable=True),
        sa.Column("bias_free", sa.Integer(), nullable=False),
        sa.Column("bias_comment", sa.Text(), nullable=True),
        sa.Column("suggestions", sa.Text(), nullable=True),
        sa.Column("submitted_at", ORDERED, nullable=False),
        sa.CheckConstraint("intent_to_change IN ('yes', 'no', 'unsure')", name="evaluations_intent_to_change"),
        sa.CheckConstraint("objectives_met IN ('yes', 'partly', 'no')", name="evaluations_objectives_met"),
        sa.CheckConstraint("overall BETWEEN 1 AND 5", name="evaluations_overall"),
        sa.CheckConstraint("relevance BETWEEN 1 AND 5", name="evaluations_relevance"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "user_id"),
    )
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("from_state", sa.Text(), nullable=True),
        sa.Column("to_state", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", ORDERED, nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("case_events_action_at", "case_events", ["action", "at"], unique=False)
    op.create_index("case_events_case", "case_events", ["case_id"], unique=False)
    op.create_table(
        "credits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("credit_type", sa.Text(), nullable=False),
        sa.Column("quarters", sa.Integer(), nullable=False),
        sa.Column("without_check_in", sa.Integer(), nullable=False),
        sa.Column("awarded_at", ORDERED, nullable=False),
        sa.CheckConstraint("quarters > 0", name="credits_quarters"),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("evaluation_id"),
        sa.UniqueConstraint("session_id", "user_id"),
    )
    op.create_index("credits_user", "credits", ["user_id", "awarded_at"], unique=False)
