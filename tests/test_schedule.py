"""Recurrence on local wall-clock time across daylight-saving changes, and reminder offsets."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from echobot.models import ScheduleKind
from echobot.schedule import describe, format_offsets, occurrences, parse_offsets

YEAR = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))


def local_times(kind: ScheduleKind, first: date, at: time, zone: str, interval: int = 1) -> list[datetime]:
    found = occurrences(kind, interval, first, at, zone, *YEAR)
    return [start.astimezone(ZoneInfo(zone)) for _, start in found]


@pytest.mark.parametrize("zone", ["America/New_York", "America/Denver", "America/Phoenix"])
def test_noon_stays_noon_across_march_and_november(zone: str) -> None:
    starts = local_times(ScheduleKind.WEEKLY, date(2026, 1, 6), time(12, 0), zone)
    assert len(starts) == 52
    assert {(s.hour, s.minute) for s in starts} == {(12, 0)}
    offsets = {s.utcoffset() for s in starts}
    assert len(offsets) == (1 if zone == "America/Phoenix" else 2)


def test_phoenix_keeps_one_utc_hour_all_year() -> None:
    found = occurrences(ScheduleKind.WEEKLY, 1, date(2026, 1, 6), time(12, 0), "America/Phoenix", *YEAR)
    assert {start.hour for _, start in found} == {19}


def test_a_time_that_does_not_exist_on_spring_forward_day_is_resolved_not_dropped() -> None:
    # 2026-03-08 is a Sunday; 02:30 does not exist in New York that day.
    starts = local_times(ScheduleKind.WEEKLY, date(2026, 3, 1), time(2, 30), "America/New_York")
    march_8 = [s for s in starts if s.date() == date(2026, 3, 8)]
    assert len(march_8) == 1 and (march_8[0].hour, march_8[0].minute) == (3, 30)
    assert starts[0].hour == 2 and starts[2].hour == 2  # the weeks either side keep 02:30


def test_a_time_that_happens_twice_on_fall_back_day_is_taken_once() -> None:
    starts = local_times(ScheduleKind.WEEKLY, date(2026, 10, 25), time(1, 30), "America/New_York")
    nov_1 = [s for s in starts if s.date() == date(2026, 11, 1)]
    assert len(nov_1) == 1 and nov_1[0].utcoffset() == timedelta(hours=-4)


def test_every_n_weeks_monthly_nth_weekday_and_once() -> None:
    biweekly = local_times(ScheduleKind.EVERY_N_WEEKS, date(2026, 1, 6), time(8, 0), "America/Chicago", 2)
    assert len(biweekly) == 26 and all((b - a).days == 14 for a, b in itertools.pairwise(biweekly))
    monthly = local_times(ScheduleKind.MONTHLY, date(2026, 1, 13), time(12, 0), "America/Denver")  # 2nd Tuesday
    assert len(monthly) == 12
    assert all(s.weekday() == 1 and 8 <= s.day <= 14 for s in monthly)
    last = local_times(ScheduleKind.MONTHLY, date(2026, 1, 29), time(12, 0), "America/Denver")  # 5th Thursday
    assert all(s.weekday() == 3 and (s + timedelta(days=7)).month != s.month for s in last)
    once = local_times(ScheduleKind.ONCE, date(2026, 5, 5), time(9, 0), "America/New_York")
    assert [(s.date(), s.hour) for s in once] == [(date(2026, 5, 5), 9)]


def test_describe() -> None:
    assert describe(ScheduleKind.MONTHLY, 1, date(2026, 1, 13), time(12, 0), "America/Denver") == (
        "Monthly on the 2nd Tuesday at 12:00 (America/Denver)"
    )
    assert describe(ScheduleKind.EVERY_N_WEEKS, 3, date(2026, 1, 6), time(7, 30), "UTC").startswith("Every 3 weeks")


def test_offsets() -> None:
    assert parse_offsets("7d, 1d, 1h") == [10080, 1440, 60]
    assert parse_offsets(" 30M ;2h,2h") == [120, 30]
    assert format_offsets([10080, 1440, 60, 90]) == "7d, 1d, 1h, 90m"
    for bad, fragment in [
        ("", "List when"),
        ("soon", "not an offset"),
        ("0h", "between"),
        ("31d", "between"),
        ("1w", "not an offset"),
    ]:
        with pytest.raises(ValueError, match=fragment):
            parse_offsets(bad)


@given(
    zone=st.sampled_from(
        [
            "America/New_York",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "Europe/London",
            "Australia/Sydney",
            "Pacific/Honolulu",
        ]
    ),
    first=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.sampled_from([0, 15, 30, 45]),
    kind=st.sampled_from([ScheduleKind.WEEKLY, ScheduleKind.EVERY_N_WEEKS, ScheduleKind.MONTHLY]),
    interval=st.integers(2, 6),
)
def test_occurrences_are_ordered_unique_in_window_and_keep_local_time(
    zone: str, first: date, hour: int, minute: int, kind: ScheduleKind, interval: int
) -> None:
    window = (datetime(2025, 12, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC))
    found = occurrences(kind, interval, first, time(hour, minute), zone, *window)
    starts = [start for _, start in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert len({day for day, _ in found}) == len(found)
    assert all(window[0] <= s < window[1] for s in starts)
    assert found and found[0][0] == first
    for day, start in found:
        local = start.astimezone(ZoneInfo(zone))
        assert local.date() == day
        # the wall-clock time is kept, except in a spring-forward gap, where it moves forward by the gap
        shift = (local.hour * 60 + local.minute) - (hour * 60 + minute)
        assert shift in (0, 30, 60)
