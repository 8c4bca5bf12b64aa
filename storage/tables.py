"""Every table, declared once (SQLAlchemy Core). Alembic's migrations and the repositories use these.

Times are UTC text in the fixed format of storage/codec.py, so text order is time order; on PostgreSQL such
columns (and the outbox's keys, searched by prefix) use the "C" collation so that order is byte order there
too, whatever the database's locale. Flags are integers 0/1, as the SQLite schema has always had them.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import (
    CheckConstraint,
    Column,
    Computed,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects import postgresql

metadata = MetaData()

# Byte-ordered text: timestamps and keys compared with <, >= and ORDER BY.
Ordered = Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def _live(column: str = "state") -> dict[str, Any]:
    """A partial index's condition, for both dialects."""
    condition = text(f"{column} IN ('pending', 'sending')")
    return {"sqlite_where": condition, "postgresql_where": condition}


providers = Table(
    "providers", metadata,
    Column("user_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("credential", Text, nullable=False),
    Column("discipline", Text, nullable=False),
    Column("organization", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("county", Text, nullable=False),
    Column("email", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("npi", Text),
    Column("licence_number", Text),
    Column("licence_consent", Integer, nullable=False, server_default=text("0")),
    Column("birth_month", Integer),
    Column("birth_day", Integer),
    Column("birth_consent", Integer, nullable=False, server_default=text("0")),
    Column("registered_at", Ordered, nullable=False),
    Column("updated_at", Ordered, nullable=False),
    Column("reminder_dms", Integer, nullable=False, server_default=text("0")),
    Column("team_id", Text),  # the person's Slack team: a partner organization's in a Slack Connect channel
    Column("hub_id", Text, nullable=False, server_default=text("'default'")),  # its hub (0008, storage/hub.py)
    PrimaryKeyConstraint("hub_id", "user_id"),  # a registration belongs to a hub (0008)
    CheckConstraint("role IN ('participant', 'observer')", name="providers_role"),
    CheckConstraint("npi IS NULL OR length(npi) = 10", name="providers_npi"),
    CheckConstraint("birth_month IS NULL OR birth_month BETWEEN 1 AND 12", name="providers_birth_month"),
    CheckConstraint("birth_day IS NULL OR birth_day BETWEEN 1 AND 31", name="providers_birth_day"),
    CheckConstraint("licence_number IS NULL OR licence_consent = 1", name="providers_licence_consent"),
    CheckConstraint("(birth_month IS NULL) = (birth_day IS NULL)", name="providers_birth_pair"),
    CheckConstraint("birth_month IS NULL OR birth_consent = 1", name="providers_birth_consent"),
    Index("providers_registered_at", "registered_at"),
)  # fmt: skip

coordinators = Table(
    "coordinators", metadata,
    Column("user_id", Text, nullable=False),
    Column("added_by", Text, nullable=False),
    Column("added_at", Ordered, nullable=False),
    Column("hub_id", Text, nullable=False, server_default=text("'default'")),  # its hub (0008, storage/hub.py)
    PrimaryKeyConstraint("hub_id", "user_id"),
)  # fmt: skip

OUTBOX_KINDS = ("post", "update", "delete", "job", "upload")
OUTBOX_STATES = ("pending", "sending", "sent", "failed", "skipped", "cancelled")

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Ordered, nullable=False, unique=True),
    Column("kind", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("parent_key", Text),
    Column("payload", Text, nullable=False),
    Column("due_at", Ordered, nullable=False),
    Column("stale_at", Ordered),
    Column("not_before", Ordered),
    Column("state", Text, nullable=False, server_default=text("'pending'")),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("last_error", Text),
    Column("slack_channel", Text),
    Column("slack_ts", Text),
    Column("created_at", Ordered, nullable=False),
    Column("sent_at", Ordered),
    # leases (0002): the process sending a 'sending' row and until when its claim holds; a row taken over
    # from a process whose lease ran out is in doubt (Slack may have it); a row with transient errors that
    # held its channel long enough steps aside (lets later rows of its channel pass while it backs off)
    Column("claimed_by", Text),
    Column("lease_until", Ordered),
    Column("in_doubt", Integer, nullable=False, server_default=text("0")),
    Column("aside", Integer, nullable=False, server_default=text("0")),
    Column("hub_id", Text, nullable=False, server_default=text("'default'")),  # its hub (0008, storage/hub.py)
    CheckConstraint(f"kind IN {OUTBOX_KINDS}", name="outbox_kind"),
    CheckConstraint(f"state IN {OUTBOX_STATES}", name="outbox_state"),
    Index("outbox_pending_due", "due_at", **_live()),
    Index("outbox_lane", "target", "due_at", "id", **_live()),
    Index("outbox_slack_ts", "slack_ts"),  # which case a reply in a hub thread belongs to (0003)
)  # fmt: skip

# One row per target (channel or user) ever sent to: the process that owns its lane now, until when, and
# when Slack was last called for it (the next owner waits out the pacing from there). See dispatcher/lanes.py.
lanes = Table(
    "lanes", metadata,
    Column("target", Ordered, primary_key=True),
    Column("owner", Text),
    Column("lease_until", Ordered),
    Column("last_call_at", Ordered),
)  # fmt: skip

# Slack's rate limits are per workspace and method: a 429 (Retry-After) or 5xx answers from one hub pause that kind
# of outbox call (post, update, delete, upload) for that hub only, in every process, until `until` (0010).
hub_backoffs = Table(
    "hub_backoffs", metadata,
    Column("hub_id", Text, nullable=False),  # its hub (storage/hub.py)
    Column("kind", Text, nullable=False),  # the outbox kind, i.e. the Slack method (chat.postMessage, chat.update...)
    Column("until", Ordered, nullable=False),
    Column("reason", Text, nullable=False, server_default=text("''")),
    PrimaryKeyConstraint("hub_id", "kind"),
)  # fmt: skip

# A program's hub review channel that Slack said was shared with another organization (channel_shared): nothing
# is sent to it (posts, updates, thread lines wait in the outbox) until Slack says it is not (channel_unshared).
# `episode`: the share event's event_ts, naming the one notice (and the one resumed notice) each coordinator gets
# (0016, storage/held_channels.py).
held_channels = Table(
    "held_channels", metadata,
    Column("hub_id", Text, nullable=False),  # its hub (storage/hub.py)
    Column("channel_id", Text, nullable=False),
    Column("episode", Text, nullable=False),
    Column("since", Ordered, nullable=False),
    PrimaryKeyConstraint("hub_id", "channel_id"),
)  # fmt: skip

inbound_events = Table(
    "inbound_events", metadata,
    Column("event_id", Text, primary_key=True),
    Column("received_at", Ordered, nullable=False),
)  # fmt: skip

# Several processes on one database (PostgreSQL): what they must agree on.
periodic_runs = Table(
    "periodic_runs", metadata,
    Column("job", Text, primary_key=True),
    Column("owner", Text, nullable=False),  # the process that started the latest run
    Column("started_at", Ordered, nullable=False),
)  # fmt: skip

request_answers = Table(
    "request_answers", metadata,
    Column("key", Text, primary_key=True),  # a hash of the request (echobot/replays.py)
    Column("owner", Text, nullable=False),  # the process running it
    Column("claimed_at", Ordered, nullable=False),
    Column("status", Integer),  # the answer, once there is one
    Column("body", Text),
    Column("content_type", Text),
    Index("request_answers_claimed", "claimed_at"),
)  # fmt: skip

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Ordered, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Ordered, nullable=False),
    Column("subject", Text),
    Column("detail", Text),
    Column("hub_id", Text, nullable=False, server_default=text("'default'")),  # its hub (0008, storage/hub.py)
    Index("audit_log_at", "at"),
)  # fmt: skip

programs = Table(
    "programs", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("channel_id", Text, nullable=False),
    Column("review_channel_id", Text, nullable=False),
    Column("timezone", Text, nullable=False),
    Column("schedule_kind", Text, nullable=False),
    Column("interval_weeks", Integer, nullable=False, server_default=text("1")),
    Column("first_date", Text, nullable=False),
    Column("start_time", Text, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("video_url", Text, nullable=False),
    Column("reminder_offsets", Text, nullable=False),
    Column("case_slots", Integer, nullable=False, server_default=text("2")),
    Column("eval_window_days", Integer, nullable=False, server_default=text("14")),
    Column("credit_quarters", Integer, nullable=False, server_default=text("4")),
    Column("archived_at", Ordered),
    Column("created_by", Text, nullable=False),
    Column("created_at", Ordered, nullable=False),
    Column("updated_at", Ordered, nullable=False),
    Column("followup_weeks", Integer, nullable=False, server_default=text("4")),
    Column("anonymous_ratings", Integer, nullable=False, server_default=text("0")),
    # issue 17 (migration 0004): minutes present for credit (0: off), the current series and its threshold
    Column("credit_min_minutes", Integer, nullable=False, server_default=text("0")),
    Column("series_starts_on", Text),
    Column("series_ends_on", Text),
    Column("completion_percent", Integer, nullable=False, server_default=text("75")),
    Column("hub_id", Text, nullable=False, server_default=text("'default'")),  # its hub (0008, storage/hub.py)
    Column("invite_only", Integer, nullable=False, server_default=text("0")),  # who can join (0014): 1 invitation only
    CheckConstraint("schedule_kind IN ('weekly', 'every_n_weeks', 'monthly', 'once')", name="programs_schedule_kind"),
    CheckConstraint("duration_minutes BETWEEN 15 AND 240", name="programs_duration"),
    CheckConstraint("case_slots BETWEEN 0 AND 10", name="programs_case_slots"),
    CheckConstraint("eval_window_days BETWEEN 1 AND 60", name="programs_eval_window"),
    CheckConstraint("credit_quarters > 0", name="programs_credit_quarters"),
    Index("programs_hub_name", "hub_id", func.lower(text("name")), unique=True),  # names are unique per hub (0008)
    sqlite_autoincrement=True,
)  # fmt: skip

program_staff = Table(
    "program_staff", metadata,
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    PrimaryKeyConstraint("program_id", "user_id", "role"),
    CheckConstraint("role IN ('specialist', 'coordinator')", name="program_staff_role"),
    Index("program_staff_user", "user_id"),
)  # fmt: skip

program_members = Table(
    "program_members", metadata,
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("user_id", Text, nullable=False),  # a provider of the program's hub (no foreign key since 0008)
    Column("joined_at", Ordered, nullable=False),
    PrimaryKeyConstraint("program_id", "user_id"),
    Index("program_members_user", "user_id"),
)  # fmt: skip

# issue 17 (0014): invitations by coordinators and join requests to invitation-only programs, and their outcome
program_invitations = Table(
    "program_invitations", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("user_id", Text, nullable=False),  # the person invited, or asking to join
    Column("kind", Text, nullable=False),  # request | invite
    Column("state", Text, nullable=False),  # pending | approved | declined | joined
    Column("by_user", Text, nullable=False),  # who invited (an invitation) or who asked (a request)
    Column("created_at", Ordered, nullable=False),
    Column("decided_by", Text),
    Column("decided_at", Ordered),
    Column("hub_id", Text, nullable=False, server_default=text("'default'")),
    CheckConstraint("kind IN ('request', 'invite')", name="program_invitations_kind"),
    CheckConstraint("state IN ('pending', 'approved', 'declined', 'joined')", name="program_invitations_state"),
    Index("program_invitations_pending", "program_id", "user_id", "kind", unique=True,
          sqlite_where=text("state = 'pending'"), postgresql_where=text("state = 'pending'")),
    Index("program_invitations_user", "user_id"),
    sqlite_autoincrement=True,
)  # fmt: skip

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("occurrence", Ordered, nullable=False),
    Column("starts_at", Ordered, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("topic", Text),
    Column("presenter", Text),
    Column("status", Text, nullable=False, server_default=text("'scheduled'")),
    Column("cancel_reason", Text),
    Column("moved", Integer, nullable=False, server_default=text("0")),
    Column("attendance_code", Text),
    Column("ended_at", Ordered),
    Column("created_at", Ordered, nullable=False),
    UniqueConstraint("program_id", "occurrence"),
    CheckConstraint("status IN ('scheduled', 'cancelled', 'ended')", name="sessions_status"),
    Index("sessions_starts_at", "starts_at"),
    Index("sessions_program_status", "program_id", "status", "starts_at"),
    sqlite_autoincrement=True,
)  # fmt: skip

attendance = Table(
    "attendance", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("present", Integer, nullable=False, server_default=text("1")),
    Column("checked_in_at", Ordered),
    PrimaryKeyConstraint("session_id", "user_id"),
    Index("attendance_user", "user_id"),
)  # fmt: skip

attendance_changes = Table(
    "attendance_changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("change", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("reason", Text),
    Column("at", Ordered, nullable=False),
    CheckConstraint("change IN ('check_in', 'add', 'remove')", name="attendance_changes_change"),
    Index("attendance_changes_session", "session_id"),
)  # fmt: skip

CASE_STATES = ("submitted", "in_review", "needs_info", "scheduled", "presented", "recommendations_sent", "closed",
               "declined")  # fmt: skip

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("submitter", Text, nullable=False),
    Column("submission_key", Text, nullable=False, unique=True),
    Column("summary", Text),
    Column("question", Text),
    Column("age_band", Text, nullable=False),
    Column("sex", Text, nullable=False),
    Column("presenting_problem", Text),
    Column("history", Text),
    Column("medications", Text),
    Column("labs", Text),
    Column("tried", Text),
    Column("urgency", Text, nullable=False),
    Column("preferred_session_id", Integer, ForeignKey("sessions.id")),
    Column("session_id", Integer, ForeignKey("sessions.id")),
    Column("state", Text, nullable=False),
    Column("owner", Text),
    Column("recommendations", Text),
    Column("followup_outcome", Text),
    Column("followup_note", Text),
    Column("submitted_at", Ordered, nullable=False),
    Column("updated_at", Ordered, nullable=False),
    Column("closed_at", Ordered),
    Column("purged_at", Ordered),
    Column("reported_at", Ordered),  # its text was taken back: someone reported identifiers in it (0003)
    # the submitter's consents (0009): its teaching points may go into the case library; credit them by name
    Column("teaching_consent", Integer, nullable=False, server_default=text("0")),
    Column("credit_consent", Integer, nullable=False, server_default=text("0")),
    CheckConstraint("urgency IN ('routine', 'soon')", name="cases_urgency"),
    CheckConstraint(f"state IN {CASE_STATES}", name="cases_state"),
    Index("cases_program_state", "program_id", "state", "submitted_at"),
    Index("cases_session", "session_id"),
    Index("cases_submitter", "submitter"),
    Index("cases_closed_at", "closed_at", sqlite_where=text("purged_at IS NULL"),
          postgresql_where=text("purged_at IS NULL")),
    sqlite_autoincrement=True,
)  # fmt: skip

case_events = Table(
    "case_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("from_state", Text),
    Column("to_state", Text, nullable=False),
    Column("note", Text),
    Column("at", Ordered, nullable=False),
    Index("case_events_case", "case_id"),
    Index("case_events_action_at", "action", "at"),
)  # fmt: skip

evaluations = Table(
    "evaluations", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("overall", Integer, nullable=False),
    Column("relevance", Integer, nullable=False),
    Column("objectives_met", Text, nullable=False),
    Column("intent_to_change", Text, nullable=False),
    Column("change_plan", Text),
    Column("bias_free", Integer, nullable=False),
    Column("bias_comment", Text),
    Column("suggestions", Text),
    Column("submitted_at", Ordered, nullable=False),
    UniqueConstraint("session_id", "user_id"),
    CheckConstraint("overall BETWEEN 1 AND 5", name="evaluations_overall"),
    CheckConstraint("relevance BETWEEN 1 AND 5", name="evaluations_relevance"),
    CheckConstraint("objectives_met IN ('yes', 'partly', 'no')", name="evaluations_objectives_met"),
    CheckConstraint("intent_to_change IN ('yes', 'no', 'unsure')", name="evaluations_intent_to_change"),
)  # fmt: skip

credits = Table(
    "credits", metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("evaluations.id"), nullable=False, unique=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("credit_type", Text, nullable=False),
    Column("quarters", Integer, nullable=False),
    Column("without_check_in", Integer, nullable=False),
    Column("awarded_at", Ordered, nullable=False),
    UniqueConstraint("session_id", "user_id"),
    CheckConstraint("quarters > 0", name="credits_quarters"),
    Index("credits_user", "user_id", "awarded_at"),
)  # fmt: skip

# ---- issue 17: attendance from the video tool's report, series and completion (migration 0004) -------------

attendance_imports = Table(
    "attendance_imports", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("digest", Text, nullable=False),  # of what the report says (matched minutes, names left over)
    Column("actor", Text, nullable=False),
    Column("at", Ordered, nullable=False),
    Column("filename", Text, nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("replaces", Integer),  # the import of the same session this one replaced
    Index("attendance_imports_session", "session_id", "id"),
    sqlite_autoincrement=True,
)  # fmt: skip

attendance_minutes = Table(
    "attendance_minutes", metadata,
    Column("import_id", Integer, ForeignKey("attendance_imports.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("added", Integer, nullable=False, server_default=text("0")),  # this import made them present
    PrimaryKeyConstraint("import_id", "user_id"),
    Index("attendance_minutes_user", "user_id"),
)  # fmt: skip

attendance_waivers = Table(
    "attendance_waivers", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", Ordered, nullable=False),
    PrimaryKeyConstraint("session_id", "user_id"),
)  # fmt: skip

series_ends = Table(
    "series_ends", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("starts_on", Text, nullable=False),
    Column("ends_on", Text, nullable=False),
    Column("threshold_percent", Integer, nullable=False),
    Column("sessions_held", Integer, nullable=False),
    Column("how", Text, nullable=False),
    Column("actor", Text),
    Column("ended_at", Ordered, nullable=False),
    UniqueConstraint("program_id", "starts_on", "ends_on"),
    CheckConstraint("how IN ('last_session', 'closed')", name="series_ends_how"),
    sqlite_autoincrement=True,
)  # fmt: skip

session_materials = Table(
    "session_materials", metadata,  # issue 17: the one current set of a session's slides and recording link
    Column("session_id", Integer, ForeignKey("sessions.id"), primary_key=True),
    Column("slides_file_id", Text),  # Slack's file stays Slack's: its id, name and permalink
    Column("slides_name", Text),
    Column("slides_permalink", Text),
    Column("recording_url", Text),
    Column("version", Integer, nullable=False),  # 1, 2, …: each change (the thread reply is updated in place)
    Column("actor", Text, nullable=False),
    Column("at", Ordered, nullable=False),
)  # fmt: skip

completions = Table(
    "completions", metadata,
    Column("series_id", Integer, ForeignKey("series_ends.id"), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("attended", Integer, nullable=False),
    Column("minutes", Integer),
    Column("completed", Integer, nullable=False),
    PrimaryKeyConstraint("series_id", "user_id"),
    Index("completions_user", "user_id"),
)  # fmt: skip

credit_types = Table(
    "credit_types", metadata,
    Column("credential", Text, primary_key=True),
    Column("credit_type", Text, nullable=False),
)  # fmt: skip

# Replies in case threads that looked like they held identifiers: a count per program and local day, nothing
# of the text (0003).
reply_flags = Table(
    "reply_flags", metadata,
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("day", Ordered, nullable=False),
    Column("count", Integer, nullable=False),
    PrimaryKeyConstraint("program_id", "day"),
)  # fmt: skip

# ---- issue 14: many hubs per deployment (migration 0008) ------------------------------------------------------

# One row per hub: an installed workspace (its team id) or Enterprise Grid organization (its enterprise id), or
# DEFAULT_HUB in single-token mode. Its settings are changed by its coordinators (/echo hub settings); an empty
# value falls back to the environment's. `uninstalled_at`: Slack said the app is gone; nothing is sent for it.
hubs = Table(
    "hubs", metadata,
    Column("hub_id", Text, primary_key=True),
    Column("enterprise_id", Text),
    Column("team_id", Text),
    Column("name", Text, nullable=False, server_default=text("''")),
    Column("timezone", Text, nullable=False, server_default=text("''")),
    Column("accreditation_statement", Text, nullable=False, server_default=text("''")),
    Column("installed_by", Text),
    Column("installed_at", Ordered),
    Column("uninstalled_at", Ordered),
    Column("uninstall_reason", Text),
    # the weekly digest's day (monday…), time (HH:MM, in the hub's zone) and channel; empty: the environment's (0010)
    Column("digest_day", Text, nullable=False, server_default=text("''")),
    Column("digest_time", Text, nullable=False, server_default=text("''")),
    Column("digest_channel", Text, nullable=False, server_default=text("''")),
)  # fmt: skip

# slack_sdk's installation and OAuth state stores (AsyncSQLAlchemyInstallationStore, AsyncSQLAlchemyOAuthStateStore),
# declared with the stores' own builders so that they match what the stores read and write.
slack_installations = AsyncSQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
slack_bots = AsyncSQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
slack_oauth_states = AsyncSQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")

# ---- issue 15: the case library (migration 0009) ---------------------------------------------------------------
# An entry holds a case's teaching points only (never its clinical text), so it outlives the retention purge. Its
# full-text index: an FTS5 table kept by triggers on SQLite (made by the migration, not declared: SQLAlchemy has
# no virtual tables), a generated tsvector column on PostgreSQL (declared below); read by storage/library_search.py.
# The tsvector as migration 0009 generates it: title and tags weigh most, then the question, then the
# recommendation; a slash becomes a space ("sofosbuvir/velpatasvir" is two drugs, not a file path).
SEARCH_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, translate(COALESCE(title, ''::text), '/'::text, ' '::text)), 'A') || "
    "setweight(to_tsvector('english'::regconfig, translate(COALESCE(tags, ''::text), '/'::text, ' '::text)), 'A') || "
    "setweight(to_tsvector('english'::regconfig, translate(COALESCE(question, ''::text), '/'::text, ' '::text)), "
    "'B') || setweight(to_tsvector('english'::regconfig, translate(COALESCE(recommendation, ''::text), '/'::text, "
    "' '::text)), 'C')"
)

library_entries = Table(
    "library_entries", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("case_id", Integer, ForeignKey("cases.id"), unique=True),
    Column("title", Text, nullable=False),
    Column("tags", Text, nullable=False),  # as shown: "HCV, genotype 3, cirrhosis"
    Column("question", Text, nullable=False),
    Column("recommendation", Text, nullable=False),
    Column("age_band", Text, nullable=False),
    Column("sex", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("outcome", Text),  # the submitter's follow-up answer: improved, unchanged, worse
    Column("credited", Text),  # the presenter, only when they agreed to be credited
    Column("created_by", Text, nullable=False),
    Column("created_at", Ordered, nullable=False),
    Column("hidden_at", Ordered),
    Column("hidden_by", Text),
    # (0011) hidden because its case was reported as holding identifiers, until a coordinator reviews it
    Column("pending_review", Integer, nullable=False, server_default=text("0")),
    # PostgreSQL's full-text index (0009): a generated, weighted tsvector with a GIN index. On SQLite (whose index
    # is the FTS5 table) the column is a virtual one that is always NULL (0011), so both schemas are this one.
    Column("search", postgresql.TSVECTOR().with_variant(Text(), "sqlite"), Computed(SEARCH_VECTOR, persisted=True)),
    CheckConstraint("outcome IS NULL OR outcome IN ('improved', 'unchanged', 'worse')",
                    name="library_entries_outcome"),
    CheckConstraint("(hidden_at IS NULL) = (hidden_by IS NULL)", name="library_entries_hidden"),
    Index("library_entries_program", "program_id", "created_at"),
    Index("library_entries_search", "search", postgresql_using="gin", sqlite_where=text("search IS NOT NULL")),
    sqlite_autoincrement=True,
)  # fmt: skip

# Each program's tag list, grown as specialists type tags (lower case), with how many entries carry each.
library_tags = Table(
    "library_tags", metadata,
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("tag", Text, nullable=False),
    Column("entries", Integer, nullable=False, server_default=text("0")),
    PrimaryKeyConstraint("program_id", "tag"),
)  # fmt: skip

library_entry_tags = Table(
    "library_entry_tags", metadata,
    Column("entry_id", Integer, ForeignKey("library_entries.id"), nullable=False),
    Column("tag", Text, nullable=False),
    PrimaryKeyConstraint("entry_id", "tag"),
    Index("library_entry_tags_tag", "tag", "entry_id"),
)  # fmt: skip

# One row per program a search looked in: the digest counts them. Neither the words nor the person are kept.
library_searches = Table(
    "library_searches", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("at", Ordered, nullable=False),
    Index("library_searches_program", "program_id", "at"),
)  # fmt: skip

# ---- issue 17: pre and post series surveys (migration 0012) -----------------------------------------------------
# A program's self-efficacy statements (none stored: the default set), and each provider's answers: one response
# per series (its dates), phase and person, with a rating (1-5) per statement, the statement's text kept beside it.

survey_statements = Table(
    "survey_statements", metadata,
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("statement", Text, nullable=False),
    PrimaryKeyConstraint("program_id", "position"),
)  # fmt: skip

survey_responses = Table(
    "survey_responses", metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("series_starts_on", Text, nullable=False),
    Column("phase", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("answered_at", Ordered, nullable=False),
    UniqueConstraint("program_id", "series_starts_on", "phase", "user_id"),
    CheckConstraint("phase IN ('pre', 'post')", name="survey_responses_phase"),
    sqlite_autoincrement=True,
)  # fmt: skip

survey_ratings = Table(
    "survey_ratings", metadata,
    Column("response_id", Integer, ForeignKey("survey_responses.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("statement", Text, nullable=False),
    Column("rating", Integer, nullable=False),
    PrimaryKeyConstraint("response_id", "position"),
    CheckConstraint("rating BETWEEN 1 AND 5", name="survey_ratings_rating"),
)  # fmt: skip

# Parents before children: the order `db copy` writes them in.
COPY_ORDER = [table.name for table in metadata.sorted_tables]
