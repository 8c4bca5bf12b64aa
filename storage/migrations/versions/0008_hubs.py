"""Issue 14: many hubs per deployment. A `hubs` table (one row per installed workspace or Grid organization);
the hub of every top-level record (programs, providers, coordinators, audit, outbox rows); slack_sdk's
installation and OAuth state stores. Existing rows belong to the single-token hub, DEFAULT_HUB ("default"):
nothing is lost and nothing changes for a deployment with one SLACK_BOT_TOKEN.

A provider registration and a coordinator now belong to a hub (primary key (hub_id, user_id)): a person from a
partner organization may register with two hubs, each of which sees only its own copy. program_members loses
its foreign key to providers.user_id (no longer unique); a member is a provider of the program's hub.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def _hub_column() -> sa.Column[str]:
    return sa.Column("hub_id", sa.Text(), nullable=False, server_default=sa.text("'default'"))


def _before() -> list[sa.Table]:
    """providers and coordinators as revision 0004 left them."""
    meta = sa.MetaData()
    providers = sa.Table(
        "providers", meta,
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("credential", sa.Text(), nullable=False),
        sa.Column("discipline", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("npi", sa.Text()),
        sa.Column("licence_number", sa.Text()),
        sa.Column("licence_consent", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("birth_month", sa.Integer()),
        sa.Column("birth_day", sa.Integer()),
        sa.Column("birth_consent", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("registered_at", ORDERED, nullable=False),
        sa.Column("updated_at", ORDERED, nullable=False),
        sa.Column("reminder_dms", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("team_id", sa.Text()),
        sa.PrimaryKeyConstraint("user_id", name="providers_pkey"),
        sa.CheckConstraint("role IN ('participant', 'observer')", name="providers_role"),
        sa.CheckConstraint("npi IS NULL OR length(npi) = 10", name="providers_npi"),
        sa.CheckConstraint("birth_month IS NULL OR birth_month BETWEEN 1 AND 12", name="providers_birth_month"),
        sa.CheckConstraint("birth_day IS NULL OR birth_day BETWEEN 1 AND 31", name="providers_birth_day"),
        sa.CheckConstraint("licence_number IS NULL OR licence_consent = 1", name="providers_licence_consent"),
        sa.CheckConstraint("(birth_month IS NULL) = (birth_day IS NULL)", name="providers_birth_pair"),
        sa.CheckConstraint("birth_month IS NULL OR birth_consent = 1", name="providers_birth_consent"),
        sa.Index("providers_registered_at", "registered_at"),
    )  # fmt: skip
    coordinators = sa.Table(
        "coordinators", meta,
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.Column("added_at", ORDERED, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="coordinators_pkey"),
    )  # fmt: skip
    return [providers, coordinators]


def upgrade() -> None:
    op.create_table(
        "hubs",
        sa.Column("hub_id", sa.Text(), nullable=False),
        sa.Column("enterprise_id", sa.Text(), nullable=True),
        sa.Column("team_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.Column("timezone", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.Column("accreditation_statement", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.Column("installed_by", sa.Text(), nullable=True),
        sa.Column("installed_at", ORDERED, nullable=True),
        sa.Column("uninstalled_at", ORDERED, nullable=True),
        sa.Column("uninstall_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("hub_id"),
    )
    # plain ADD COLUMN with a default: every existing row belongs to the single-token hub
    for table in ("programs", "outbox", "audit_log"):
        op.add_column(table, _hub_column())
    op.drop_index("programs_name", table_name="programs")
    op.create_index("programs_hub_name", "programs", ["hub_id", sa.text("lower(name)")], unique=True)
    # program_members first: it referenced providers.user_id, which stops being unique (and on SQLite the
    # providers table is rebuilt below, which its foreign key would forbid)
    bind = op.get_bind()
    warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
    found = [fk for fk in sa.inspect(bind).get_foreign_keys("program_members") if fk["referred_table"] == "providers"]
    if found:  # SQLite's is unnamed: batch mode names it by this convention when it copies the table
        convention = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
        with op.batch_alter_table("program_members", naming_convention=convention) as batch:
            batch.drop_constraint(found[0]["name"] or "fk_program_members_user_id_providers", type_="foreignkey")
    for before in _before():
        # on SQLite the table is copied from its declaration before this revision (so that its CHECK constraints,
        # unnamed in databases made by the legacy scripts, are kept); PostgreSQL alters it in place
        with op.batch_alter_table(before.name, copy_from=before) as batch:
            batch.add_column(_hub_column())
            batch.drop_constraint(f"{before.name}_pkey", type_="primary")
            batch.create_primary_key(f"{before.name}_pkey", ["hub_id", "user_id"])
    stores = sa.MetaData()
    AsyncSQLAlchemyInstallationStore.build_installations_table(stores, "slack_installations")
    AsyncSQLAlchemyInstallationStore.build_bots_table(stores, "slack_bots")
    AsyncSQLAlchemyOAuthStateStore.build_oauth_states_table(stores, "slack_oauth_states")
    stores.create_all(bind)


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
