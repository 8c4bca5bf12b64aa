"""Taking back what slipped through the PHI guard (issue 18).

`TakeBack.report`: "Report identifiers" on a case's hub post, its thread lines and the presenter's messages.
The program's specialists and coordinators, and the presenter, may use it. One transaction removes the case's
clinical text from the database and every outbox copy, plans the updates that replace it in Slack (hub post,
thread lines, DMs, reminders that listed the case), records it in the case's history and the audit log, and
plans what the hub thread and the presenter are told. A second click finds nothing left and changes nothing.

`CaseThreads.reply_seen`: a message someone typed in a case's hub thread that looks like it holds an identifier
gets an ephemeral note to its author. Nothing of it is kept: only a count per program and day (the digest)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from echobot import keys, phi
from echobot.clock import Clock
from echobot.models import Case, CaseState, Message, OutboxKind, OutboxState, Person, Program, Render, SessionStatus
from echobot.renderers import Renderers
from echobot.services.cases import Cases
from echobot.services.library import hold_for_review
from echobot.services.removal import remove_text
from echobot.storage import Database, Reader, Tx, audit, flags, outbox
from echobot.storage import cases as cases_repo
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage import sessions as sessions_repo
from echobot.views.blocks import escape
from echobot.views.takeback import REMOVED, reminder_removed, reply_note, takeback_dm, takeback_thread_line

REMINDER_RENDER = "takeback.reminder"


class TakeBack:
    def __init__(self, db: Database, clock: Clock, cases: Cases) -> None:
        self._db = db
        self._clock = clock
        self._cases = cases
        self._renderers: Renderers | None = None

    def refusal(self, person: Person, case: Case, program: Program) -> str | None:
        if person.user_id == case.submitter or self._cases.may_triage(person, program):
            return None
        return (f"Only {escape(program.name)}'s specialists and coordinators, and the person who presented the "
                "case, can report identifiers in it. If you saw one, tell them.")  # fmt: skip

    async def report(self, person: Person, case_id: int | None) -> str:
        """Remove the case's clinical text everywhere echobot put it; what to tell the person who asked."""
        loaded = await self._cases.get(case_id) if case_id else None
        if loaded is None:
            return "That case no longer exists."
        case, program = loaded
        if refused := self.refusal(person, case, program):
            return refused
        now = self._clock.now()
        async with self._db.transaction() as tx:
            current = await cases_repo.lock(tx, case.id)  # two clicks at once: the second waits, then finds nothing
            if current is None:
                return "That case no longer exists."
            if not current.holds_text and not await cases_repo.notes_held(tx, case.id):
                return f"The clinical text of {case.title} was already removed: nothing of it is left in echobot."
            await remove_text(tx, current, program, now, actor=person.user_id, action="takeback", note=REMOVED,
                              reported=True)  # fmt: skip
            entry = await hold_for_review(tx, case.id, person.user_id, now)
            number = await cases_repo.event_count(tx, case.id)
            await self._reminders(tx, current, number, now)
            await audit.record(tx, now, person.user_id, "case.takeback", f"case:{case.id}",
                               {"program": program.id, "state": current.state.value})  # fmt: skip
            await outbox.enqueue(tx, key=keys.takeback_hub(case.id, number), parent_key=keys.case_hub(case.id),
                                 target=program.review_channel_id, now=now,
                                 message=takeback_thread_line(person.user_id, entry))  # fmt: skip
            await outbox.enqueue(tx, key=keys.takeback_dm(case.id, number), target=case.submitter, now=now,
                                 message=takeback_dm(current, program, person.user_id))  # fmt: skip
        return (f"Done: the clinical text of {case.title} is being removed from the hub post, its thread, the "
                "presenter's messages and the database. The presenter and the hub thread are told.")  # fmt: skip

    async def _reminders(self, tx: Tx, case: Case, number: int, now: datetime) -> None:
        """Reminders already sent that listed the case (its one-line summary) are made again without it."""
        if case.session_id is None or case.state not in (CaseState.SCHEDULED, CaseState.PRESENTED,
                                                         CaseState.RECOMMENDATIONS_SENT, CaseState.CLOSED):
            return  # fmt: skip
        render = Render(name=REMINDER_RENDER, args={"session_id": case.session_id, "case_id": case.id})
        for row in await outbox.by_prefix(tx, keys.reminders(case.session_id)):
            if (row.kind is OutboxKind.POST and row.render is not None and row.render.name == "session.reminder"
                    and row.state in (OutboxState.SENDING, OutboxState.SENT)):  # fmt: skip
                await outbox.enqueue(tx, key=f"{row.key}:takeback:{case.id}:{number}", kind=OutboxKind.UPDATE,
                                     parent_key=row.key, target=row.target, now=now, render=render)  # fmt: skip

    def register_renderers(self, renderers: Renderers) -> None:
        self._renderers = renderers
        renderers.messages[REMINDER_RENDER] = self._render_reminder

    async def _render_reminder(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        """The reminder as it would read now (the case's summary gone), or, once the session is over, a note."""
        session = await sessions_repo.get(db, int(args["session_id"]))
        reminder = self._renderers.messages.get("session.reminder") if self._renderers else None
        if session is not None and session.status is SessionStatus.SCHEDULED and reminder is not None:
            message = await reminder(db, {"session_id": session.id}, now)
            if message is not None:
                return message
        return reminder_removed(int(args["case_id"]))


class CaseThreads:
    """Replies people type in the hub review channel's case threads: a note to the author of one that looks like
    it holds an identifier, and a count per program and day. Never the text, in storage or a log."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def reply_seen(self, channel: str, thread_ts: str, ts: str, user: str, text: str,
                         edited: str | None = None) -> bool:  # fmt: skip
        """Check a reply in a thread; True when its author is noted (the note planned, the count taken)."""
        if not thread_ts or thread_ts == ts or not text.strip():
            return False
        case_ids = [keys.case_of_hub(key) for key in await outbox.keys_at(self._db.reader, channel, thread_ts,
                                                                          "case:")]  # fmt: skip
        case_id = next((number for number in case_ids if number is not None), None)
        case = await cases_repo.get(self._db.reader, case_id) if case_id is not None else None
        program = await programs_repo.get(self._db.reader, case.program_id) if case else None
        if case is None or program is None or program.review_channel_id != channel:
            return False
        clinicians = [p.name for uid in program.specialists
                      if (p := await providers_repo.get(self._db.reader, uid)) is not None]  # fmt: skip
        findings = phi.scan(text, kind=phi.FieldKind.HUB, clinicians=clinicians)
        if not findings:
            return False
        note = reply_note([finding.message for finding in findings]).model_copy(update={"ephemeral_to": user})
        now = self._clock.now()
        async with self._db.transaction() as tx:
            hub = keys.case_hub(case.id)
            first = await outbox.enqueue(tx, key=keys.reply_note(channel, ts), target=channel, parent_key=hub,
                                         now=now, message=note)  # fmt: skip
            if first:
                await flags.count(tx, program.id, now.astimezone(program.zone).date())
            elif edited:
                await outbox.enqueue(tx, key=keys.reply_note(channel, ts, edited), target=channel, parent_key=hub,
                                     now=now, message=note)  # fmt: skip
        return True
