"""Attendance from the video tool's participant report: a coordinator imports it into an ended session;
minutes present are recorded per provider, the staff left out, names that match nobody or two people
listed back (never guessed). The same report again changes nothing; a corrected one replaces the earlier
import of that session (audited). Also: the minutes a program asks for credit, and who falls short."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from echobot import keys
from echobot.clock import Clock
from echobot.documents import csv_bytes
from echobot.ids import SessionField
from echobot.models import Attachment, Message, OutboxKind, Person, Program, Session, SessionStatus
from echobot.services.programs import Programs
from echobot.services.sessions import NOT_ALLOWED, Sessions
from echobot.storage import Database, Reader, Tx, audit, outbox
from echobot.storage import attendance as attendance_repo
from echobot.storage import imports as imports_repo
from echobot.storage import providers as providers_repo
from echobot.submissions import Submission
from echobot.video_report import Known, Leftover, Matching, ReportError, match, read
from echobot.views.attendance import leftovers_message

RECENT_DAYS = 30


@dataclass
class ImportSummary:
    """What an import did, for the confirmation the coordinator sees."""

    session: Session
    program: Program
    minutes: dict[str, int] = field(default_factory=dict)  # provider -> minutes present
    names: dict[str, str] = field(default_factory=dict)  # provider -> registered name
    added: list[str] = field(default_factory=list)  # made present by this import
    removed: list[str] = field(default_factory=list)  # made absent: the report they came from was corrected
    kept_absent: list[str] = field(default_factory=list)  # in the report, but a coordinator removed them by hand
    staff: list[str] = field(default_factory=list)
    unmatched: list[Leftover] = field(default_factory=list)
    ambiguous: list[Leftover] = field(default_factory=list)
    below: list[str] = field(default_factory=list)  # under the program's minutes for credit
    replaced: int | None = None  # the earlier import this one replaced
    unchanged: bool = False  # the same report as the import in force: nothing changed
    import_id: int = 0
    previous_at: datetime | None = None
    previous_by: str = ""


@dataclass(frozen=True)
class ImportOutcome:
    errors: dict[str, str]
    summary: ImportSummary | None = None


def leftovers_csv(matching: Matching) -> bytes:
    header = ["name in the report", "e-mail in the report", "minutes", "guest", "why it was not matched"]
    rows = [(x.name, x.email, x.minutes, "" if x.guest is None else ("yes" if x.guest else "no"),
             f"fits {x.candidates} registered providers" if x.candidates > 1 else "fits no registered provider")
            for x in matching.ambiguous + matching.unmatched]  # fmt: skip
    return csv_bytes(header, rows)


class AttendanceImports:
    def __init__(self, db: Database, clock: Clock, sessions: Sessions, programs: Programs) -> None:
        self._db = db
        self._clock = clock
        self._sessions = sessions
        self._programs = programs

    async def choices(self, person: Person) -> list[tuple[Session, Program]]:
        """Ended sessions of the last 30 days in the programs this person coordinates, newest first."""
        managed = await self._programs.managed_by(person)
        found = await self._sessions.recent(managed, days=RECENT_DAYS)
        return [(s, p) for s, p in found if s.status is SessionStatus.ENDED]

    async def _staff(self, db: Reader, program: Program, actor: Person, profiles: list[Known]) -> list[Known]:
        """The program's specialists and coordinators, and whoever imports: from their Slack profiles and, when
        they registered too, their registration."""
        ids = {*program.specialists, *program.coordinators, actor.user_id}
        staff = [k for k in profiles if k.user_id in ids or k.user_id == actor.user_id]
        for user in sorted(ids):
            provider = await providers_repo.get(db, user)
            if provider is not None:
                staff.append(Known(user_id=user, name=provider.name, email=provider.email))
            elif not any(k.user_id == user for k in staff):
                staff.append(Known(user_id=user, name=""))
        return staff

    async def import_report(self, actor: Person, session_id: int | None, content: bytes | None, filename: str,
                            profiles: list[Known], submission_id: str) -> ImportOutcome:  # fmt: skip
        """Read, match and record a report; errors keyed by field (the file field for a bad file)."""
        managed = await self._sessions.managed(actor, session_id)
        if managed is None:
            return ImportOutcome({SessionField.SESSION: NOT_ALLOWED})
        session, program = managed
        if session.status is not SessionStatus.ENDED:
            return ImportOutcome({SessionField.SESSION: "This session has not ended: import its report afterwards."})
        if content is None:
            return ImportOutcome({SessionField.REPORT: "Attach the participant report (a CSV file)."})
        try:
            report = read(content)
        except ReportError as problem:
            return ImportOutcome({SessionField.REPORT: str(problem)})
        local_day = session.starts_at.astimezone(program.zone).date()
        if report.meeting_day is not None and abs((report.meeting_day - local_day).days) > 1:
            return ImportOutcome({SessionField.REPORT: (
                f"This report is of a meeting on {report.meeting_day:%A %-d %B %Y}; the session was on "
                f"{local_day:%A %-d %B %Y}. Attach that session's report, or choose the right session.")})
        if not report.rows:
            return ImportOutcome({SessionField.REPORT: "The report lists nobody: export it again, with participants."})
        reader = self._db.reader
        providers = [Known(user_id=u, name=n, email=e) for u, n, e in await imports_repo.directory(reader)]
        matching = match(report, providers, await self._staff(reader, program, actor, profiles))
        names = {k.user_id: k.name for k in providers if k.user_id in matching.minutes}
        summary = ImportSummary(session=session, program=program, minutes=matching.minutes, names=names,
                                staff=matching.staff, unmatched=matching.unmatched, ambiguous=matching.ambiguous)
        if program.credit_min_minutes:
            summary.below = sorted(u for u, m in matching.minutes.items() if m < program.credit_min_minutes)
        digest = matching.digest()
        now = self._clock.now()
        submission = Submission(self._db, submission_id, f"attendance.import:{digest[:16]}")
        async with submission.once(now) as tx:
            current = await imports_repo.latest(tx, session.id)
            if submission.replayed or (current is not None and current.digest == digest):
                summary.unchanged = True
                if current is not None:
                    summary.import_id, summary.previous_at, summary.previous_by = current.id, current.at, current.actor
                submission.refuse()  # nothing recorded: the answer is the same whenever it comes again
                return ImportOutcome({}, summary)
            await self._apply(tx, summary, current, actor, filename, report.rows_read, digest, now)
        return ImportOutcome({}, summary)

    async def _apply(self, tx: Tx, summary: ImportSummary, current: imports_repo.ImportRecord | None,
                     actor: Person, filename: str, rows_read: int, digest: str, now: datetime) -> None:  # fmt: skip
        """The attendance changes, the import record, its leftovers DM and the audit entry, in one transaction."""
        session, program = summary.session, summary.program
        previous = await imports_repo.minutes_of(tx, current.id) if current else {}
        reason = f"video report {filename[:80]}".strip()
        states = await attendance_repo.states(tx, session.id)
        summary.kept_absent = sorted(set(summary.minutes) & await attendance_repo.removed_by_hand(tx, session.id))
        summary.added = sorted(u for u in summary.minutes if not states.get(u, False) and u not in summary.kept_absent)
        await attendance_repo.set_many(tx, session.id, summary.added, True, actor.user_id, reason, now)
        added = set(summary.added)
        recorded = {user: (minutes, user in added or previous.get(user, (0, False))[1])
                    for user, minutes in summary.minutes.items()}  # fmt: skip
        summary.removed = sorted(u for u, (_, was_added) in previous.items()
                                 if was_added and u not in summary.minutes and states.get(u, False))  # fmt: skip
        await attendance_repo.set_many(tx, session.id, summary.removed, False, actor.user_id, f"corrected {reason}",
                                       now)  # fmt: skip
        summary.replaced = current.id if current else None
        summary.import_id = await imports_repo.record(tx, session.id, digest, actor.user_id, now, filename,
                                                      rows_read, summary.replaced, recorded)  # fmt: skip
        if summary.unmatched or summary.ambiguous:
            post = keys.import_leftovers(session.id, summary.import_id)
            await outbox.enqueue(tx, key=post, target=actor.user_id, now=now,
                                 message=leftovers_message(program, session, summary.unmatched, summary.ambiguous))
            matching = Matching(unmatched=summary.unmatched, ambiguous=summary.ambiguous)
            file = Attachment(filename=f"unmatched-{session.starts_at.astimezone(program.zone):%Y-%m-%d}.csv",
                              title="Names the report left over", content=leftovers_csv(matching))
            await outbox.enqueue(tx, key=keys.beside(post, "csv"), kind=OutboxKind.UPLOAD, target=actor.user_id,
                                 parent_key=post, now=now, message=Message(text="", file=file))  # fmt: skip
        await audit.record(tx, now, actor.user_id, "attendance.import", f"session:{session.id}", {
            "import": summary.import_id, "replaces": summary.replaced, "attendees": len(summary.minutes),
            "added": summary.added, "removed": summary.removed, "staff": len(summary.staff),
            "unmatched": len(summary.unmatched), "ambiguous": len(summary.ambiguous), "rows": rows_read})  # fmt: skip


async def short_of_minutes(db: Reader, session: Session, program: Program, user_id: str) -> int | None:
    """This person's minutes when the program asks for more before credit and no coordinator waived it;
    None when they may evaluate (no minimum, no report imported, enough minutes, or waived)."""
    if program.credit_min_minutes <= 0:
        return None
    has_report, minutes = await imports_repo.minutes(db, session.id, user_id)
    if not has_report or minutes >= program.credit_min_minutes:
        return None
    if await imports_repo.waived(db, session.id, user_id):
        return None
    return minutes
