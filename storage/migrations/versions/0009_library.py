"""The case library (issue 15): the submitter's consents on cases, library entries (teaching points only, no
clinical text), each program's tags, the searches made (counted for the digest, never their words), and the
full-text index: an external-content FTS5 table kept in step by triggers on SQLite, a stored tsvector column
with a GIN index on PostgreSQL.

Revision ID: 0009
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

ORDERED = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
INDEXED = ("title", "tags", "question", "recommendation")  # the columns search reads, in this order

# SQLite: an FTS5 index over library_entries (external content: the text is held once, in the entries) kept in
# step by triggers, so every writer (echobot, `db copy`, a restore) keeps it right. Porter stemming: "cirrhotic"
# finds "cirrhosis" no better, but "genotypes" finds "genotype".
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE library_fts USING fts5(title, tags, question, recommendation, "
    "content='library_entries', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER library_fts_insert AFTER INSERT ON library_entries BEGIN "
    "INSERT INTO library_fts(rowid, title, tags, question, recommendation) "
    "VALUES (new.id, new.title, new.tags, new.question, new.recommendation); END",
    "CREATE TRIGGER library_fts_delete AFTER DELETE ON library_entries BEGIN "
    "INSERT INTO library_fts(library_fts, rowid, title, tags, question, recommendation) "
    "VALUES ('delete', old.id, old.title, old.tags, old.question, old.recommendation); END",
    "CREATE TRIGGER library_fts_update AFTER UPDATE OF title, tags, question, recommendation ON library_entries "
    "BEGIN INSERT INTO library_fts(library_fts, rowid, title, tags, question, recommendation) "
    "VALUES ('delete', old.id, old.title, old.tags, old.question, old.recommendation); "
    "INSERT INTO library_fts(rowid, title, tags, question, recommendation) "
    "VALUES (new.id, new.title, new.tags, new.question, new.recommendation); END",
)
# PostgreSQL: a generated tsvector (title and tags weigh most, then the question, then the recommendation) and
# its GIN index. A slash becomes a space first: PostgreSQL's parser reads "sofosbuvir/velpatasvir" as one file
# path, so neither drug would be found alone (FTS5's unicode61 splits there already). Generated, so no writer can
# leave it behind; not declared in storage/tables.py, so `db copy` never reads or writes it.
POSTGRESQL_SEARCH = (
    "ALTER TABLE library_entries ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', translate(coalesce(title, ''), '/', ' ')), 'A') || "
    "setweight(to_tsvector('english', translate(coalesce(tags, ''), '/', ' ')), 'A') || "
    "setweight(to_tsvector('english', translate(coalesce(question, ''), '/', ' ')), 'B') || "
    "setweight(to_tsvector('english', translate(coalesce(recommendation, ''), '/', ' ')), 'C')) STORED",
    "CREATE INDEX library_entries_search ON library_entries USING gin (search)",
)


def upgrade() -> None:
    op.add_column("cases", sa.Column("teaching_consent", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.add_column("cases", sa.Column("credit_consent", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.create_table(
        "library_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=False),
        sa.Column("age_band", sa.Text(), nullable=False),
        sa.Column("sex", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("credited", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", ORDERED, nullable=False),
        sa.Column("hidden_at", ORDERED, nullable=True),
        sa.Column("hidden_by", sa.Text(), nullable=True),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('improved', 'unchanged', 'worse')",
                           name="library_entries_outcome"),
        sa.CheckConstraint("(hidden_at IS NULL) = (hidden_by IS NULL)", name="library_entries_hidden"),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("library_entries_program", "library_entries", ["program_id", "created_at"], unique=False)
    op.create_table(
        "library_tags",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("program_id", "tag"),
    )
    op.create_table(
        "library_entry_tags",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["library_entries.id"]),
        sa.PrimaryKeyConstraint("entry_id", "tag"),
    )
    op.create_index("library_entry_tags_tag", "library_entry_tags", ["tag", "entry_id"], unique=False)
    op.create_table(
        "library_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("at", ORDERED, nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["programs.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("library_searches_program", "library_searches", ["program_id", "at"], unique=False)
    statements = SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else POSTGRESQL_SEARCH
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("echobot does not downgrade; restore a backup instead")
