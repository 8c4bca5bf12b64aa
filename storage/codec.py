"""How values are written to and read from SQLite columns."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(moment: datetime) -> str:
    """A UTC instant as fixed-width ISO text (2026-11-02T14:00:00.000000Z): text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored; use the injected clock")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_db(text: str) -> datetime:
    """The inverse of `to_db`."""
    return datetime.fromisoformat(text)


def opt_from_db(text: str | None) -> datetime | None:
    return None if text is None else from_db(text)


def opt_to_db(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)
