"""Sessions: planning them (and their reminders) from the schedule, changes by coordinators,
the live post and check-in, ending (with hooks for later features), attendance."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from echobot import keys
from echobot.clock import Clock
from echobot.ids import SessionField
from echobot.models import Case, Message, OutboxKind, OutboxState, Person, Program, Render, Session, SessionStatus
from echobot.renderers import Renderers
from echobot.schedule import format_offset, occurrences, parse_offsets, to_utc
from echobot.storage import Database, Reader, Tx, audit, outbox
from echobot.storage import attendance as attendance_repo
from echobot.storage import imports as imports_repo
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.submissions import Submission
from echobot.views.sessions import (
    cancelled_notice,
    live_post,
    moved_notice,
    reminder_message,
)

LIVE_LEAD = timedelta(minutes=15)  # the live post and check-in open this long before the start
CHECK_IN_GRACE = timedelta(minutes=15)  # check-in stays open this long after the end
_CODE = re.compile(r"^[A-Za-z0-9-]{2,20}$")
NOT_ALLOWED = "Only the program's coordinators can do that."

SessionEndedHook = Callable[[Tx, Session, Program, datetime], Awaitable[None]]
KeepsSession = Callable[[Reader, int], Awaitable[bool]]
Agenda = Callable[[Reader, int], Awaitable[list[tuple[Case, str]]]]  # (case, presenting site)


class CheckIn(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    NOT_REGISTERED = "not_registered"
    NO_SESSION = "no_session"
    CANCELLED = "cancelled"
    TOO_EARLY = "too_early"
    CLOSED = "closed"
    REMOVED = "removed"


@dataclass(frozen=True)
class AttendanceResult:
    errors: dict[str, str]
    added: list[str]
    removed: list[str]


def check_in_window(session: Session) -> tuple[datetime, datetime]:
    return session.starts_at - LIVE_LEAD, session.ends_at + CHECK_IN_GRACE


class Sessions:
    horizon = timedelta(days=90)

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self.on_ended: list[SessionEndedHook] = []
        self.on_cancelled: list[SessionEndedHook] = []
        self.keeps_session: list[KeepsSession] = []  # re-planning leaves these sessions alone
        self.agenda: Agenda | None = None  # the cases on a session's agenda, for reminders

    # ---- planning ----------------------------------------------------------------------------
    def _rows(self, program: Program, session: Session, now: datetime, *, posted: bool = False) -> list[dict[str, Any]]:
        """Every outbox row a scheduled session has: its reminders, its one message, the end.

        The session message (`session:<id>:live`) goes to the program channel at the first reminder still
        ahead (or when check-in opens, 15 minutes before the start, if that is sooner) and is updated in place:
        from reminder to the check-in post (`…:live:open`), to ended, to check-in closed. A reminder is a job
        planned ahead (`session:<id>:remind:<offset>`); when it runs it sends DM copies to those who asked and,
        when the session message is already out, a reply in its thread, rendered at that moment.
        `posted`: the session message is already in the channel (a re-plan), so it needs its `open` update.
        """
        start = session.starts_at
        opens = start - LIVE_LEAD
        ahead = [start - timedelta(minutes=m) for m in program.reminder_offsets if start - timedelta(minutes=m) > now]
        post_due = min([opens, *ahead])
        ids = {"session_id": session.id}
        rows: list[dict[str, Any]] = [
            {
                "key": keys.reminder(session.id, format_offset(minutes)),
                "kind": OutboxKind.JOB,
                "target": keys.session_jobs(session.id),
                "due_at": start - timedelta(minutes=minutes),
                "stale_at": start,
                "render": Render(name="session.remind", args={**ids, "label": format_offset(minutes)}),
            }
            for minutes in program.reminder_offsets
        ]
        rows.append(
            {
                "key": keys.live(session.id),
                "target": program.channel_id,
                "due_at": post_due,
                "stale_at": session.ends_at + CHECK_IN_GRACE,
                "render": Render(name="session.live", args=ids),
            }
        )
        if posted or post_due < opens:
            rows.append(self._opened_row(program, session))
        rows.append(
            {
                "key": keys.session_end(session.id),
                "kind": OutboxKind.JOB,
                "target": keys.session_jobs(session.id),
                "due_at": session.ends_at,
                "render": Render(name="session.end", args=ids),
            }
        )
        return rows

    def _opened_row(self, program: Program, session: Session) -> dict[str, Any]:
        """Check-in opens: the session message, posted earlier as a reminder, becomes the check-in post."""
        return {
            "key": keys.live_opened(session.id),
            "kind": OutboxKind.UPDATE,
            "target": program.channel_id,
            "parent_key": keys.live(session.id),
            "due_at": session.starts_at - LIVE_LEAD,
            "stale_at": session.ends_at + CHECK_IN_GRACE,
            "render": Render(name="session.live", args={"session_id": session.id}),
        }

    async def _plan_rows(self, tx: Tx, program: Program, session: Session, now: datetime) -> None:
        """Plan, or move, the session's rows; a reminder whose moment has passed is not sent."""
        post = await outbox.get(tx, keys.live(session.id))
        posted = post is not None and post.state not in (OutboxState.PENDING, OutboxState.CANCELLED)
        wanted = self._rows(program, session, now, posted=posted)
        wanted_keys = {row["key"] for row in wanted}
        for item in await outbox.pending_by_prefix(tx, keys.reminders(session.id)):
            if item.key not in wanted_keys and item.kind is OutboxKind.JOB:
                await outbox.cancel(tx, [item.key], "no longer among the program's reminders")
        if keys.live_opened(session.id) not in wanted_keys:
            await outbox.cancel(tx, [keys.live_opened(session.id)], "the session message is posted at check-in")
        new = []
        for row in wanted:
            is_reminder = keys.is_reminder(row["key"])
            existing = await outbox.get(tx, row["key"])
            if existing is not None:
                if is_reminder and row["due_at"] <= now:
                    await outbox.cancel(tx, [row["key"]], "its moment passed when the session moved")
                else:
                    await outbox.reschedule(tx, row["key"], row["due_at"], row.get("stale_at"))
            elif not (is_reminder and row["due_at"] <= now):
                new.append(row)
        await outbox.enqueue_many(tx, new, now)

    def _occurrences(self, program: Program, now: datetime) -> list[tuple[date, datetime]]:
        """The program's occurrences from now to the planning horizon."""
        return occurrences(program.schedule_kind, program.interval_weeks, program.first_date, program.start_time,
                           program.timezone, now, now + self.horizon)  # fmt: skip

    async def plan(self, tx: Tx, program: Program, now: datetime) -> int:
        """Create the sessions of the next `horizon` that do not exist yet, with their rows."""
        found = self._occurrences(program, now)
        created = await sessions_repo.add(tx, program.id, found, program.duration_minutes, now)
        rows = [row for session in created for row in self._rows(program, session, now)]
        await outbox.enqueue_many(tx, [r for r in rows if not (keys.is_reminder(r["key"]) and r["due_at"] <= now)], now)
        return len(created)

    async def plan_all(self) -> int:
        """The periodic job: extend every active program's sessions to the horizon."""
        now = self._clock.now()
        total = 0
        for program in await programs_repo.active(self._db.reader):
            async with self._db.transaction() as tx:
                total += await self.plan(tx, program, now)
        return total

    async def _kept(self, db: Reader, session: Session) -> bool:
        if session.moved:
            return True
        for keeps in self.keeps_session:
            if await keeps(db, session.id):
                return True
        return False

    async def replan(self, tx: Tx, program: Program, now: datetime) -> tuple[int, int]:
        """After a schedule change: future sessions follow the new schedule, except those with cases on
        their agenda or a one-off time of their own. Returns (re-planned, kept)."""
        wanted = dict(self._occurrences(program, now))
        replanned = kept = 0
        for session in await sessions_repo.of_program(tx, program.id, now, now + timedelta(days=3650)):
            if session.status is not SessionStatus.SCHEDULED:
                wanted.pop(session.occurrence, None)
                continue
            if await self._kept(tx, session):
                kept += 1
                wanted.pop(session.occurrence, None)
                continue
            replanned += 1
            if session.occurrence in wanted:
                start = wanted.pop(session.occurrence)
                await sessions_repo.move(tx, session.id, start, moved=False)
                await sessions_repo.set_duration(tx, session.id, program.duration_minutes)
                moved = session.model_copy(update={"starts_at": start, "duration_minutes": program.duration_minutes})
                await self._plan_rows(tx, program, moved, now)
            else:
                await outbox.cancel_prefix(tx, keys.session(session.id), "the schedule changed")
                await sessions_repo.delete(tx, session.id)
        created = await sessions_repo.add(tx, program.id, sorted(wanted.items()), program.duration_minutes, now)
        for session in created:
            await self._plan_rows(tx, program, session, now)
        return replanned + len(created), kept

    async def move_channel(self, tx: Tx, program: Program, old_channel: str, now: datetime) -> None:
        """A program's channel changed: planned posts of future sessions go to the new one."""
        for session in await sessions_repo.of_program(tx, program.id, now, now + timedelta(days=3650)):
            await outbox.retarget(tx, keys.session(session.id), old_channel, program.channel_id)

    async def withdraw_future(self, tx: Tx, program: Program, now: datetime, reason: str) -> int:
        """Cancel every future session of a program, silently (the program is archived)."""
        count = 0
        for session in await sessions_repo.of_program(tx, program.id, now, now + timedelta(days=3650)):
            if await sessions_repo.cancel(tx, session.id, reason):
                await outbox.cancel_prefix(tx, keys.session(session.id), reason)
                for hook in self.on_cancelled:
                    await hook(tx, session, program, now)
                count += 1
        return count

    # ---- reading -----------------------------------------------------------------------------
    async def get(self, session_id: int) -> tuple[Session, Program] | None:
        session = await sessions_repo.get(self._db.reader, session_id)
        if session is None:
            return None
        program = await programs_repo.get(self._db.reader, session.program_id)
        return None if program is None else (session, program)

    async def managed(self, person: Person, session_id: int | None) -> tuple[Session, Program] | None:
        """The session and its program when this person may manage it; None otherwise (or when it is gone)."""
        loaded = await self.get(session_id) if session_id is not None else None
        return loaded if loaded is not None and person.manages(loaded[1]) else None

    async def upcoming(self, programs: list[Program], days: int = 90) -> list[tuple[Session, Program]]:
        now = self._clock.now()
        by_id = {program.id: program for program in programs}
        found = await sessions_repo.upcoming(self._db.reader, list(by_id), now, now + timedelta(days=days))
        return [(session, by_id[session.program_id]) for session in found]

    async def recent(self, programs: list[Program], days: int = 30) -> list[tuple[Session, Program]]:
        now = self._clock.now()
        by_id = {program.id: program for program in programs}
        found = await sessions_repo.recent(self._db.reader, list(by_id), now - timedelta(days=days), now)
        return [(session, by_id[session.program_id]) for session in found]

    async def open_for_check_in(self, programs: list[Program]) -> list[tuple[Session, Program]]:
        """The sessions of these programs whose check-in is open now (Check in on Home, issue 19)."""
        now = self._clock.now()
        near = [*await self.recent(programs, days=1), *await self.upcoming(programs, days=1)]
        found = {s.id: (s, p) for s, p in near}
        return [(s, p) for s, p in found.values() if s.status is not SessionStatus.CANCELLED
                and check_in_window(s)[0] <= now <= check_in_window(s)[1]]  # fmt: skip

    async def attendees(self, session_id: int) -> list[str]:
        return [a.user_id for a in await attendance_repo.present(self._db.reader, session_id)]

    # ---- coordinators' changes ----------------------------------------------------------------
    async def edit(
        self,
        actor: Person,
        session: Session,
        program: Program,
        *,
        topic: str,
        presenter: str,
        local_date: str | None,
        local_time: str | None,
        submission_id: str,
    ) -> dict[str, str]:
        """Topic, presenter and a one-off change of time. Returns field errors (empty when saved)."""
        if not actor.manages(program):
            return {SessionField.TOPIC: NOT_ALLOWED}
        now = self._clock.now()
        errors: dict[str, str] = {}
        if len(topic.strip()) > 200:
            errors[SessionField.TOPIC] = "Keep the topic under 200 characters."
        if len(presenter.strip()) > 100:
            errors[SessionField.PRESENTER] = "Keep the presenter under 100 characters."
        try:
            new_local = datetime.combine(date.fromisoformat(local_date or ""), time.fromisoformat(local_time or ""))
        except ValueError:
            errors[SessionField.DATE] = "Choose the session's date and time."
            new_local = None
        if session.status is not SessionStatus.SCHEDULED or session.starts_at <= now:
            errors[SessionField.TOPIC] = (
                "This session has started, ended or was cancelled: it can no longer be changed."
            )
        new_start = to_utc(new_local, program.zone) if new_local else session.starts_at
        if new_start != session.starts_at and new_start <= now:
            errors[SessionField.DATE] = "Choose a time in the future."
        submission = Submission(self._db, submission_id, "session.edit")
        if await submission.seen():
            return {}  # Slack resent a submission already saved
        if errors:
            return errors
        unchanged = (topic.strip() or None, presenter.strip() or None) == (session.topic, session.presenter)
        if unchanged and new_start == session.starts_at:
            return {}  # nothing to change (a form saved as is, or delivered twice): nothing to record
        async with submission.once(now) as tx:
            if submission.replayed:
                return {}
            await sessions_repo.set_details(tx, session.id, topic.strip() or None, presenter.strip() or None)
            if new_start != session.starts_at:
                await sessions_repo.move(tx, session.id, new_start, moved=True)
                await self._plan_rows(tx, program, session.model_copy(update={"starts_at": new_start}), now)
                await outbox.enqueue(
                    tx,
                    key=keys.session_moved(session.id, submission_id),
                    now=now,
                    target=program.channel_id,
                    message=moved_notice(program, session.starts_at, new_start),
                )
            await self._refresh_post(tx, program, session, keys.live_changed(session.id, submission_id), now)
            await audit.record(
                tx,
                now,
                actor.user_id,
                "session.edit",
                f"session:{session.id}",
                {"moved": new_start != session.starts_at},
            )
        return {}

    async def cancel(
        self, actor: Person, session: Session, program: Program, reason: str, submission_id: str = ""
    ) -> dict[str, str]:
        if not actor.manages(program):
            return {SessionField.REASON: NOT_ALLOWED}
        now = self._clock.now()
        submission = Submission(self._db, submission_id, "session.cancel")
        if await submission.seen():
            return {}  # Slack resent a submission already saved
        if len(reason.strip()) < 3:
            return {SessionField.REASON: "Say why, in a few words: the program channel is told."}
        if len(reason.strip()) > 500:
            return {SessionField.REASON: "Keep the reason under 500 characters."}
        async with submission.once(now) as tx:
            if submission.replayed:
                return {}
            if session.starts_at <= now or not await sessions_repo.cancel(tx, session.id, reason.strip()):
                submission.refuse()
                return {SessionField.REASON: "This session has already started, ended or been cancelled."}
            await outbox.cancel_prefix(tx, keys.session(session.id), "the session was cancelled")
            cancelled = await sessions_repo.get(tx, session.id)
            for hook in self.on_cancelled:
                await hook(tx, cancelled or session, program, now)
            await self._refresh_post(tx, program, session, keys.live_cancelled(session.id), now)
            await outbox.enqueue(
                tx,
                key=keys.session_cancelled(session.id),
                target=program.channel_id,
                now=now,
                message=cancelled_notice(program, session, reason.strip()),
            )
            await audit.record(
                tx, now, actor.user_id, "session.cancel", f"session:{session.id}", {"reason": reason.strip()}
            )
        return {}

    async def set_code(
        self, actor: Person, session: Session, program: Program, code: str, submission_id: str = ""
    ) -> dict[str, str]:
        if not actor.manages(program):
            return {SessionField.CODE: NOT_ALLOWED}
        code = code.strip()
        if code and not _CODE.match(code):
            return {
                SessionField.CODE: "Use 2 to 20 letters, digits or dashes, like ECHO42 (or leave it empty for none)."
            }
        if session.status is SessionStatus.CANCELLED:
            return {SessionField.CODE: "This session was cancelled."}
        now = self._clock.now()
        submission = Submission(self._db, submission_id, "session.code")
        async with submission.once(now) as tx:
            if submission.replayed:
                return {}  # Slack resent a submission already saved
            await sessions_repo.set_code(tx, session.id, code or None)
            await audit.record(tx, now, actor.user_id, "session.code", f"session:{session.id}", {"set": bool(code)})
        return {}

    async def end_now(self, actor: Person, session: Session, program: Program) -> bool:
        """A coordinator's End session button. False when it was not running or already ended (or when this
        person does not coordinate the program)."""
        if not actor.manages(program):
            return False
        now = self._clock.now()
        if session.status is not SessionStatus.SCHEDULED or session.starts_at > now:
            return False  # only a session that has started can end
        async with self._db.transaction() as tx:
            ended = await self._end(tx, session, program, now, early=True)
            if ended:
                await outbox.cancel(tx, [keys.session_end(session.id)], "ended early by a coordinator")
                await audit.record(tx, now, actor.user_id, "session.end", f"session:{session.id}", None)
        return ended

    async def _refresh_post(self, tx: Tx, program: Program, session: Session, key: str, now: datetime) -> None:
        """Update the session message in place, when it is already in the channel (a message not posted yet
        shows the change anyway: it is rendered when sent)."""
        post = await outbox.get(tx, keys.live(session.id))
        if post is None or post.state not in (OutboxState.SENT, OutboxState.SENDING):
            return
        await outbox.enqueue(tx, key=key, kind=OutboxKind.UPDATE, now=now, parent_key=keys.live(session.id),
                             target=program.channel_id,
                             render=Render(name="session.live", args={"session_id": session.id}))  # fmt: skip

    async def _end(self, tx: Tx, session: Session, program: Program, now: datetime, *, early: bool) -> bool:
        """Scheduled -> ended, exactly once; then the live post is updated and every hook runs."""
        if not await sessions_repo.end(tx, session.id, now, early=early):
            return False
        ended = await sessions_repo.get(tx, session.id)
        assert ended is not None
        await outbox.enqueue(
            tx,
            key=keys.live_ended(session.id),
            kind=OutboxKind.UPDATE,
            now=now,
            parent_key=keys.live(session.id),
            target=program.channel_id,
            render=Render(name="session.live", args={"session_id": session.id}),
        )
        await outbox.enqueue(
            tx,
            key=keys.live_closed(session.id),
            kind=OutboxKind.UPDATE,
            now=now,
            due_at=check_in_window(ended)[1],
            parent_key=keys.live(session.id),
            target=program.channel_id,
            render=Render(name="session.live", args={"session_id": session.id}),
        )
        for hook in self.on_ended:
            await hook(tx, ended, program, now)
        return True

    async def adjust_attendance(
        self,
        actor: Person,
        session: Session,
        program: Program,
        add: list[str],
        remove: list[str],
        reason: str,
        submission_id: str = "",
    ) -> AttendanceResult:
        if not actor.manages(program):
            return AttendanceResult({SessionField.ADD: NOT_ALLOWED}, [], [])
        now = self._clock.now()
        errors: dict[str, str] = {}
        if not add and not remove:
            return AttendanceResult({}, [], [])  # only looking: no reason needed, nothing to record
        if len(reason.strip()) < 3:
            errors[SessionField.REASON] = "Say why (for example: from the Zoom attendance report)."
        if set(add) & set(remove):
            errors[SessionField.REMOVE] = "Someone is both added and removed: pick one."
        if session.status is SessionStatus.CANCELLED:
            errors[SessionField.ADD] = "This session was cancelled."
        if errors:
            return AttendanceResult(errors, [], [])
        added, removed = [], []
        submission = Submission(self._db, submission_id, "attendance.adjust")
        async with submission.once(now) as tx:
            if submission.replayed:
                return AttendanceResult({}, [], [])  # Slack resent a submission already saved
            for user in add:
                changed = await attendance_repo.set_present(tx, session.id, user, True, actor.user_id, reason.strip(),
                                                            now)  # fmt: skip
                if await self._waive_if_short(tx, session, program, user, actor, reason.strip(), now) or changed:
                    added.append(user)
            for user in remove:
                if await attendance_repo.set_present(tx, session.id, user, False, actor.user_id, reason.strip(), now):
                    removed.append(user)
            if not added and not removed:  # already as asked (or the same form delivered twice)
                return AttendanceResult({}, added, removed)
            await audit.record(
                tx,
                now,
                actor.user_id,
                "attendance.adjust",
                f"session:{session.id}",
                {"added": added, "removed": removed, "reason": reason.strip()},
            )
        return AttendanceResult({}, added, removed)

    @staticmethod
    async def _waive_if_short(tx: Tx, session: Session, program: Program, user: str, actor: Person, reason: str,
                              now: datetime) -> bool:  # fmt: skip
        """A coordinator adding someone the video report shows under the program's minutes for credit gives
        them credit anyway (recorded, with the reason). True when that is new."""
        if program.credit_min_minutes <= 0:
            return False
        has_report, minutes = await imports_repo.minutes(tx, session.id, user)
        if not has_report or minutes >= program.credit_min_minutes:
            return False
        if await imports_repo.waive(tx, session.id, user, actor.user_id, reason, now):
            await attendance_repo.note_waiver(tx, session.id, user, actor.user_id, reason, now)
            return True
        return False

    # ---- check-in ----------------------------------------------------------------------------
    async def check_in(self, person: Person, session_id: int) -> tuple[CheckIn, Session | None]:
        now = self._clock.now()
        session = await sessions_repo.get(self._db.reader, session_id)
        if session is None:
            return CheckIn.NO_SESSION, None
        if person.provider is None:
            return CheckIn.NOT_REGISTERED, session
        if session.status is SessionStatus.CANCELLED:
            return CheckIn.CANCELLED, session
        opens, closes = check_in_window(session)
        if now < opens:
            return CheckIn.TOO_EARLY, session
        if now > closes:
            return CheckIn.CLOSED, session
        async with self._db.transaction() as tx:
            if await attendance_repo.check_in(tx, session.id, person.user_id, now):
                return CheckIn.CHECKED_IN, session
            current = await attendance_repo.get(tx, session.id, person.user_id)
        if current is not None and not current.present:
            return CheckIn.REMOVED, session
        return CheckIn.ALREADY, session

    # ---- what the outbox renders and runs ------------------------------------------------------
    def register_renderers(self, renderers: Renderers) -> None:
        renderers.messages["session.reminder"] = self._render_reminder
        renderers.messages["session.live"] = self._render_live
        renderers.jobs["session.remind"] = self._remind
        renderers.jobs["session.end"] = self._end_job

    async def _load(self, db: Reader, args: dict[str, Any]) -> tuple[Session, Program] | None:
        session = await sessions_repo.get(db, int(args["session_id"]))
        if session is None:
            return None
        program = await programs_repo.get(db, session.program_id, staff=False)
        return None if program is None else (session, program)

    async def _render_reminder(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        loaded = await self._load(db, args)
        if loaded is None or loaded[0].status is not SessionStatus.SCHEDULED or not loaded[1].active:
            return None
        agenda = await self.agenda(db, loaded[0].id) if self.agenda else []
        return reminder_message(loaded[1], loaded[0], now, agenda, check_in_window(loaded[0])[0])

    async def _render_live(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        """The session message as it is now (a cancelled session's says so: only its updates ask for that)."""
        loaded = await self._load(db, args)
        if loaded is None:
            return None
        session, program = loaded
        opens, closes = check_in_window(session)
        running = session.status is SessionStatus.SCHEDULED
        agenda = await self.agenda(db, session.id) if self.agenda and running else []
        return live_post(program, session, now, closes, agenda, opens)

    async def _remind(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        """A reminder's moment: the post in the program channel, and DM copies for those who asked."""
        loaded = await self._load(tx, args)
        if loaded is None or loaded[0].status is not SessionStatus.SCHEDULED or loaded[0].starts_at <= now:
            return
        session, program = loaded
        label = str(args["label"])
        render = Render(name="session.reminder", args={"session_id": session.id})
        rows: list[dict[str, Any]] = [
            {"key": keys.reminder_dm(session.id, label, user), "target": user, "stale_at": session.starts_at,
             "render": render}
            for user in await programs_repo.members_wanting_reminder_dms(tx, program.id)
        ]  # fmt: skip
        moment = session.starts_at - timedelta(minutes=parse_offsets(label)[0])
        post = await outbox.get(tx, keys.live(session.id))
        if post is not None and post.state is OutboxState.PENDING and post.due_at > now:
            # planned before session messages went out with the first reminder: this reminder posts it
            await outbox.reschedule(tx, post.key, now, post.stale_at)
            rows.append(self._opened_row(program, session))
        elif post is not None and post.due_at < moment:  # the session message is out: a reply in its thread
            rows.append({"key": keys.reminder_post(session.id, label), "target": program.channel_id,
                         "parent_key": post.key, "stale_at": session.starts_at, "render": render})  # fmt: skip
        await outbox.enqueue_many(tx, rows, now)

    async def _end_job(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        loaded = await self._load(tx, args)
        if loaded is not None:
            await self._end(tx, loaded[0], loaded[1], now, early=False)
