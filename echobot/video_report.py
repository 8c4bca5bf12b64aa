"""The video tool's participant report, read and matched. Pure functions: no Slack, no database.

Two shapes are read, with the standard library's csv module:
- Zoom's participant report as exported, with or without its meeting header lines (Meeting ID, Topic,
  Start Time…, then a blank line): Name (Original Name), User Email, Join Time, Leave Time, Duration
  (Minutes), Guest;
- a plain CSV with a name, an e-mail and minutes.

A person who left and rejoined appears on several rows: their minutes are the union of their join-leave
intervals (an overlap counts once), or the sum of the durations when the report has no times. Rows are
matched to registered providers by e-mail, then by name; a name that fits two providers or none is left
over for the coordinator, never guessed. The hub's own staff are recognised and left out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

MAX_BYTES = 5 * 1024 * 1024  # Zoom's report of a 1,000-person meeting is about 150 kB
_HEADER_SEARCH = 40  # rows looked at for the participants' header (Zoom's meeting lines come first)

NAME_COLUMNS = ("name (original name)", "name", "participant", "participant name", "user name", "full name",
                "display name", "attendee", "attendee name")  # fmt: skip
EMAIL_COLUMNS = ("user email", "email", "e-mail", "email address", "e-mail address", "participant email",
                 "attendee email")  # fmt: skip
MINUTES_COLUMNS = ("duration (minutes)", "duration (mins)", "duration", "minutes", "time in session (minutes)",
                   "total duration (minutes)", "minutes present")  # fmt: skip
JOIN_COLUMNS = ("join time", "joined", "join")
LEAVE_COLUMNS = ("leave time", "left", "leave")
GUEST_COLUMNS = ("guest",)
MEETING_MARKERS = ("meeting id", "topic", "webinar id")
_TIME_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                 "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S")  # fmt: skip


class ReportError(ValueError):
    """The file cannot be read as a participant report; the message says why, for the file field."""


@dataclass(frozen=True)
class ReportRow:
    name: str
    email: str
    minutes: float  # this row's own duration
    interval: tuple[datetime, datetime] | None
    guest: bool | None


@dataclass(frozen=True)
class Report:
    rows: list[ReportRow]
    meeting_day: date | None  # from the meeting header, or the earliest join time; None for a plain CSV
    rows_read: int


@dataclass(frozen=True)
class Known:
    """Someone echobot knows: a registered provider, or one of the hub's staff (from their Slack profile)."""

    user_id: str
    name: str
    email: str = ""
    other_names: tuple[str, ...] = ()  # a Slack display name, for staff


@dataclass(frozen=True)
class Leftover:
    """A person in the report that echobot did not match: listed back to the coordinator."""

    name: str
    email: str
    minutes: int
    guest: bool | None
    candidates: int  # providers the name fits: 0 unmatched, 2 or more ambiguous


@dataclass
class Matching:
    minutes: dict[str, int] = field(default_factory=dict)  # provider user id -> minutes present
    staff: list[str] = field(default_factory=list)  # staff user ids recognised in the report
    unmatched: list[Leftover] = field(default_factory=list)
    ambiguous: list[Leftover] = field(default_factory=list)

    def digest(self) -> str:
        """What the report says, so the same report imported again is recognised (whatever its bytes)."""
        content = {
            "minutes": sorted(self.minutes.items()),
            "left": sorted((x.name, x.email, x.minutes) for x in self.unmatched + self.ambiguous),
        }
        return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def _column(cells: Sequence[str], names: Iterable[str]) -> int | None:
    for wanted in names:
        if wanted in cells:
            return cells.index(wanted)
    return None


def _norm_header(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().lower().split())


def _time(text: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern)  # noqa: DTZ007 (the report's own clock; only spans are used)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if 0 <= value < 100_000 else None


def _decode(content: bytes) -> str:
    if not content.strip():
        raise ReportError("The file is empty: export the participant report again and attach it.")
    if len(content) > MAX_BYTES:
        raise ReportError("The file is larger than 5 MB: that is not a participant report.")
    if b"\x00" in content[:4096] or content[:4] in (b"%PDF", b"PK\x03\x04"):
        raise ReportError("That file is not a CSV: in Zoom, export the participant report as CSV.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows


def read(content: bytes) -> Report:
    """The report's rows; ReportError when it is not one (not CSV, no name or e-mail column, no minutes)."""
    text = _decode(content)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as problem:
        raise ReportError("That file is not a readable CSV: export the participant report as CSV.") from problem
    header_at = None
    meeting_day = None
    for index, row in enumerate(rows[:_HEADER_SEARCH]):
        cells = [_norm_header(c) for c in row]
        if any(marker in cells for marker in MEETING_MARKERS):
            start = _column(cells, ("start time",))
            if start is not None and index + 1 < len(rows) and start < len(rows[index + 1]):
                moment = _time(rows[index + 1][start])
                meeting_day = moment.date() if moment else None
            continue
        if _column(cells, NAME_COLUMNS) is not None or _column(cells, EMAIL_COLUMNS) is not None:
            header_at = index
            break
    if header_at is None:
        raise ReportError("The file has no name or e-mail column: attach Zoom's participant report, or a CSV "
                          "with the columns name, e-mail and minutes.")  # fmt: skip
    cells = [_norm_header(c) for c in rows[header_at]]
    at = {kind: _column(cells, names) for kind, names in (
        ("name", NAME_COLUMNS), ("email", EMAIL_COLUMNS), ("minutes", MINUTES_COLUMNS), ("join", JOIN_COLUMNS),
        ("leave", LEAVE_COLUMNS), ("guest", GUEST_COLUMNS))}  # fmt: skip
    if at["minutes"] is None and (at["join"] is None or at["leave"] is None):
        raise ReportError("The file has no minutes: it needs a Duration (Minutes) column, or Join Time and "
                          "Leave Time, or a minutes column.")  # fmt: skip

    def cell(row: list[str], kind: str) -> str:
        index = at[kind]
        return row[index].strip() if index is not None and index < len(row) else ""

    found: list[ReportRow] = []
    for row in rows[header_at + 1 :]:
        name, email = cell(row, "name"), cell(row, "email")
        if not name and not email:
            continue
        joined, left = _time(cell(row, "join")), _time(cell(row, "leave"))
        interval = (joined, left) if joined and left and left >= joined else None
        minutes = _number(cell(row, "minutes"))
        if minutes is None:
            minutes = (interval[1] - interval[0]).total_seconds() / 60 if interval else 0.0
        guest_text = cell(row, "guest").lower()
        guest = True if guest_text in ("yes", "true", "1") else False if guest_text in ("no", "false", "0") else None
        found.append(ReportRow(name=name, email=email, minutes=minutes, interval=interval, guest=guest))
    if meeting_day is None:
        joins = [r.interval[0] for r in found if r.interval]
        meeting_day = min(joins).date() if joins else None
    return Report(rows=found, meeting_day=meeting_day, rows_read=len(found))


def name_keys(name: str) -> list[str]:
    """Ways to compare a name: in full, without a trailing (note), before a comma ("Ana Ruiz, NP")."""
    def norm(text: str) -> str:
        flat = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return " ".join(re.sub(r"[^\w]+", " ", flat.casefold()).split())

    keys = [norm(name), norm(re.sub(r"\s*\([^)]*\)\s*$", "", name)), norm(name.split(",")[0])]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def minutes_present(rows: Sequence[ReportRow]) -> int:
    """One person's minutes: the union of their intervals (overlaps once), plus durations without times."""
    spans = sorted(r.interval for r in rows if r.interval)
    total = sum(r.minutes for r in rows if not r.interval)
    current: list[datetime] | None = None
    for start, end in spans:
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).total_seconds() / 60
            current = [start, end]
        else:
            current[1] = max(current[1], end)
    if current is not None:
        total += (current[1] - current[0]).total_seconds() / 60
    return round(total)


class _Directory:
    """Look-ups by e-mail and by name, built once per import."""

    def __init__(self, people: Iterable[Known]) -> None:
        self.by_email: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}
        for person in people:
            if person.email:
                self.by_email[person.email.strip().casefold()] = person.user_id
            for name in (person.name, *person.other_names):
                for key in name_keys(name)[:1]:
                    self.by_name.setdefault(key, set()).add(person.user_id)

    def by_names(self, name: str) -> set[str]:
        for key in name_keys(name):
            if key in self.by_name:
                return self.by_name[key]
        return set()


def match(report: Report, providers: Iterable[Known], staff: Iterable[Known]) -> Matching:
    """Each row to a provider (by e-mail, then by name), to the staff, or left over; minutes per person."""
    staff_directory, directory = _Directory(staff), _Directory(providers)
    staff_ids = set(staff_directory.by_email.values()) | {u for ids in staff_directory.by_name.values() for u in ids}
    rows_of: dict[str, list[ReportRow]] = {}
    left: dict[tuple[str, str], tuple[list[ReportRow], int]] = {}
    staff_seen: set[str] = set()
    for row in report.rows:
        email = row.email.casefold()
        user = directory.by_email.get(email) if email else None
        if user is None and email and email in staff_directory.by_email:
            staff_seen.add(staff_directory.by_email[email])
            continue
        if user is None:
            candidates = directory.by_names(row.name) if row.name else set()
            staff_hits = (staff_directory.by_names(row.name) if row.name else set()) | (candidates & staff_ids)
            outside = candidates - staff_ids
            if staff_hits and not outside:
                staff_seen.update(staff_hits)
                continue
            if len(outside) != 1:
                key = (email, "") if email else ("", (name_keys(row.name) or [row.name])[0])
                rows, _ = left.get(key, ([], len(outside)))
                rows.append(row)
                left[key] = (rows, len(outside))
                continue
            user = next(iter(outside))
        if user in staff_ids:
            staff_seen.add(user)
            continue
        rows_of.setdefault(user, []).append(row)
    matching = Matching(minutes={user: minutes_present(rows) for user, rows in rows_of.items()},
                        staff=sorted(staff_seen))  # fmt: skip
    for left_rows, fits in left.values():
        first = left_rows[0]
        leftover = Leftover(name=first.name, email=first.email, minutes=minutes_present(left_rows),
                            guest=first.guest, candidates=fits)  # fmt: skip
        (matching.ambiguous if fits > 1 else matching.unmatched).append(leftover)
    matching.unmatched.sort(key=lambda x: (x.name.casefold(), x.email))
    matching.ambiguous.sort(key=lambda x: (x.name.casefold(), x.email))
    return matching
