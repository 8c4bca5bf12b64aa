"""Schedules on local wall-clock time, and reminder offsets. Pure functions.

Occurrences are computed with dateutil's rrule on naive local date-times, then placed in the
program's zone: a noon session stays at noon local time across daylight-saving changes. A time
that does not exist on a spring-forward day (02:30 on the second Sunday of March in New York)
is read with the offset in force before the change, which moves it forward by the gap (03:30);
a time that happens twice on a fall-back day is the first of the two.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from echobot.models import ScheduleKind

DEFAULT_OFFSETS = "7d, 1d, 1h"
_UNITS = {"m": 1, "h": 60, "d": 24 * 60}
_OFFSET = re.compile(r"^\s*(\d{1,3})\s*([mhd])\s*$", re.IGNORECASE)
MAX_OFFSET_MINUTES = 30 * 24 * 60
ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}


def parse_offsets(text: str) -> list[int]:
    """'7d, 1d, 1h' -> [10080, 1440, 60] (minutes, longest first). ValueError says what is wrong."""
    parts = [part for part in re.split(r"[,;]", text) if part.strip()]
    if not parts:
        raise ValueError("List when reminders go out, like 7d, 1d, 1h (units m, h, d).")
    minutes: set[int] = set()
    for part in parts:
        match = _OFFSET.match(part)
        if not match:
            raise ValueError(f"“{part.strip()[:20]}” is not an offset: use a number and m, h or d, like 1h or 7d.")
        value = int(match.group(1)) * _UNITS[match.group(2).lower()]
        if value == 0 or value > MAX_OFFSET_MINUTES:
            raise ValueError("Each reminder must be between 1 minute and 30 days before the session.")
        minutes.add(value)
    if len(minutes) > 6:
        raise ValueError("Six reminders at most, please.")
    return sorted(minutes, reverse=True)


def format_offset(minutes: int) -> str:
    for unit, size in (("d", 24 * 60), ("h", 60)):
        if minutes % size == 0:
            return f"{minutes // size}{unit}"
    return f"{minutes}m"


def format_offsets(offsets: list[int]) -> str:
    return ", ".join(format_offset(minutes) for minutes in offsets)


def nth_weekday_of(day: date) -> int:
    """Which weekday of its month `day` is: 1-4, or -1 for the fifth (read as "last")."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def describe(kind: ScheduleKind, interval_weeks: int, first_date: date, start_time: time, timezone: str) -> str:
    """'Every week on Tuesday at 12:00 (America/Denver)' and the like."""
    day = calendar.day_name[first_date.weekday()]
    at = f"at {start_time.strftime('%H:%M')} ({timezone})"
    if kind is ScheduleKind.WEEKLY:
        return f"Every week on {day} {at}"
    if kind is ScheduleKind.EVERY_N_WEEKS:
        return f"Every {interval_weeks} weeks on {day} {at}"
    if kind is ScheduleKind.MONTHLY:
        return f"Monthly on the {ORDINALS[nth_weekday_of(first_date)]} {day} {at}"
    return f"Once, on {first_date.strftime('%A %-d %B %Y')} {at}"


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """A naive local wall-clock time in `zone` as a UTC instant (gaps move forward, folds take the first)."""
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC)


def occurrences(
    kind: ScheduleKind,
    interval_weeks: int,
    first_date: date,
    start_time: time,
    timezone: str,
    window_start: datetime,
    window_end: datetime,
) -> list[tuple[date, datetime]]:
    """(local date, UTC start) of every occurrence starting within [window_start, window_end)."""
    zone = ZoneInfo(timezone)
    first = datetime.combine(first_date, start_time)
    if kind is ScheduleKind.ONCE:
        candidates = [first]
    else:
        if kind is ScheduleKind.MONTHLY:
            rule = rrule(MONTHLY, dtstart=first, byweekday=weekday(first_date.weekday(), nth_weekday_of(first_date)))
        else:
            interval = interval_weeks if kind is ScheduleKind.EVERY_N_WEEKS else 1
            rule = rrule(WEEKLY, dtstart=first, interval=interval)
        margin = timedelta(days=2)  # local and UTC dates differ by less than a day
        local_start = window_start.astimezone(zone).replace(tzinfo=None) - margin
        local_end = window_end.astimezone(zone).replace(tzinfo=None) + margin
        candidates = rule.between(local_start, local_end, inc=True)
    found = []
    for local in candidates:
        start = to_utc(local, zone)
        if window_start <= start < window_end:
            found.append((local.date(), start))
    return found


def first_start(first_date: date, start_time: time, timezone: str) -> datetime:
    return to_utc(datetime.combine(first_date, start_time), ZoneInfo(timezone))
