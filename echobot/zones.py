"""Readers' Slack time zones, for times that must be written as text (option labels cannot hold Slack date
tokens). Looked up with users.info by the handlers and kept here for a few hours: a time zone changes
rarely, and a stale one only mislabels an option for a while (never a state change)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from echobot.clock import Clock

KEEP_FOR = timedelta(hours=6)


def parse_zone(name: object) -> ZoneInfo | None:
    """An IANA zone from Slack's `tz` field, or None when there is none or it is unknown."""
    if not isinstance(name, str) or not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class ReaderZones:
    """user id -> their Slack time zone, remembered for KEEP_FOR (bounded)."""

    def __init__(self, clock: Clock, size: int = 5000) -> None:
        self._clock = clock
        self._size = size
        self._zones: dict[str, tuple[ZoneInfo, datetime]] = {}

    def get(self, user_id: str) -> ZoneInfo | None:
        found = self._zones.get(user_id)
        if found is None or self._clock.now() - found[1] > KEEP_FOR:
            return None
        return found[0]

    def remember(self, user_id: str, zone: ZoneInfo) -> None:
        if len(self._zones) >= self._size:
            self._zones.clear()
        self._zones[user_id] = (zone, self._clock.now())
