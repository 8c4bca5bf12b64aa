"""How values are written to and read from SQLite columns."""

from __future__ import annotations

from datetime import UTC, datetime

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def to_db(moment: datetime) -> str:
    """A UTC instant as fixed-width ISO text, so that text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored; use the injected clock")
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    """The inverse of `to_db`."""
    return datetime.strptime(text, _FORMAT).replace(tzinfo=UTC)


def opt_from_db(text: str | None) -> datetime | None:
    return None if text is None else from_db(text)


def opt_to_db(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)
