"""Full-text search of the case library, ranked: SQLite FTS5 with bm25, PostgreSQL tsvector with ts_rank. The
index behind each is made by migration 0009 (an external-content FTS5 table kept by triggers; a generated,
weighted tsvector column with a GIN index). The one place in echobot where a query is written per dialect.

Words are matched as any of them (OR): an entry that holds more of the words, or holds them in its title and
tags, ranks first, so a long case summary still finds the entries that share its key terms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnClause, Select, cast, column, func, literal, literal_column, select, table
from sqlalchemy.dialects.postgresql import REGCONFIG

from echobot.models import LibraryEntry
from echobot.storage.database import Reader
from echobot.storage.library import from_row
from echobot.storage.tables import library_entries as E
from echobot.storage.tables import library_entry_tags as ET

MAX_TERMS = 16
_WORD = re.compile(r"[^\W_]+")
# Words that say nothing about a case (English stop words and the words every case form holds).
_STOP_WORDS = """a about after again all also am an and any are as at be because been before being between both
but by can could did do does doing for from had has have he her here hers him his how i if in into is it its just me
more most my no nor not of off on once only or other our out over own same she should so some such than that the
their them then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your patient patients case cases question please should"""
_STOP = frozenset(_STOP_WORDS.split())

# SQLite: the FTS5 table and its hidden column of the same name (what MATCH and bm25 take).
_FTS_TABLE = table("library_fts", column("rowid"))
_FTS: ColumnClause[Any] = literal_column("library_fts")
# bm25 weights per indexed column: title, tags, question, recommendation.
_WEIGHTS = (8.0, 8.0, 3.0, 1.0)
# SQLite: how many of FTS5's best matches are looked up before the filters, when no tag or age band is asked for.
CANDIDATES = 50
# PostgreSQL: the generated tsvector column (on SQLite a virtual column, always NULL).
_VECTOR = E.c.search
# What an entry is read as (the tsvector stays in the database).
_COLUMNS = [c for c in E.c if c.name != "search"]


def is_search_index(name: str | None) -> bool:
    """SQLite's FTS5 table and its shadow tables: made by the migration, not declared in storage/tables.py."""
    return bool(name) and (name == "library_fts" or str(name).startswith("library_fts_"))


def terms(words: str) -> list[str]:
    """The words worth searching for, lower case, in order, once each (at most MAX_TERMS)."""
    found = [w for w in _WORD.findall(words.lower()) if w not in _STOP and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(found))[:MAX_TERMS]


@dataclass(frozen=True)
class Filters:
    program_ids: Sequence[int]
    tag: str | None = None
    age_band: str | None = None


def _filtered(statement: Select[Any], filters: Filters) -> Select[Any]:
    statement = statement.where(E.c.program_id.in_(list(filters.program_ids)), E.c.hidden_at.is_(None))
    if filters.tag:
        statement = statement.where(E.c.id.in_(select(ET.c.entry_id).where(ET.c.tag == filters.tag)))
    if filters.age_band:
        statement = statement.where(E.c.age_band == filters.age_band)
    return statement


async def search(db: Reader, words: Sequence[str], filters: Filters, limit: int) -> list[LibraryEntry]:
    """Visible entries of these programs matching any of `words` (from `terms`), best first; without words, the
    newest entries that pass the filters."""
    if not filters.program_ids:
        return []
    if not words:
        statement = _filtered(select(E), filters).order_by(E.c.created_at.desc(), E.c.id.desc())
    elif db.dialect == "postgresql":
        query = func.to_tsquery(cast(literal("english"), REGCONFIG), " | ".join(words))
        # Rank ids alone (the sort then carries two numbers a match, not whole rows with their tsvector), and
        # read only the best rows.
        rank = func.ts_rank(_VECTOR, query).label("rank")
        best = (_filtered(select(E.c.id, rank), filters).where(_VECTOR.op("@@")(query))
                .order_by(rank.desc(), E.c.id.desc()).limit(limit).subquery("best"))  # fmt: skip
        statement = select(*_COLUMNS).join(best, best.c.id == E.c.id).order_by(best.c.rank.desc(), E.c.id.desc())
    else:
        match = " OR ".join(f'"{word}"' for word in words)
        if not (filters.tag or filters.age_band):
            # Most searches: FTS5 ranks its matches alone and hands over only the best CANDIDATES, so only
            # those are looked up in library_entries (program, hidden). When that leaves fewer than `limit`
            # (other programs' or hidden entries among the best), every match is ranked, as with a filter.
            rows = await db.fetchall(_fts_ranked(match, filters, CANDIDATES).limit(limit))
            if len(rows) >= limit:
                return [from_row(row) for row in rows]
        statement = _fts_ranked(match, filters, None)
    return [from_row(row) for row in await db.fetchall(statement.limit(limit))]


def _fts_ranked(match: str, filters: Filters, candidates: int | None) -> Select[Any]:
    """SQLite: the entries whose FTS5 row matches, best bm25 first (newer first on a tie); with `candidates`, only
    among that many best matches."""
    rank = func.bm25(_FTS, *_WEIGHTS)
    hits = select(_FTS_TABLE.c.rowid, rank.label("rank")).where(_FTS.op("MATCH")(match))
    if candidates is not None:
        hits = hits.order_by(rank, _FTS_TABLE.c.rowid.desc()).limit(candidates)
    fts = hits.subquery("hits")
    return (_filtered(select(E).join(fts, fts.c.rowid == E.c.id), filters)
            .order_by(fts.c.rank, E.c.id.desc()))  # fmt: skip
