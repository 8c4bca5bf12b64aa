"""Small Core helpers the repositories share: prefix ranges, dialect inserts, portable aggregates."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, and_, case, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

# The outbox's keys and timestamps are ASCII, so every key starting with a prefix sorts below prefix + U+FFFF
# (byte order: the "C" collation on PostgreSQL). Unlike LIKE, the range uses the unique index on key.
_TOP = "\uffff"


def starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    return and_(column >= prefix, column < prefix + _TOP)


def insert(table: Table, dialect: str) -> Insert:
    """The dialect's INSERT, which knows ON CONFLICT (both dialects spell it the same way)."""
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet `condition` (0, not NULL, for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
