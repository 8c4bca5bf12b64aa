"""Pre and post series surveys (issue 17): a short self-efficacy survey per program (a default set of six
statements, editable by its coordinators until the current series has answers), rated 1 to 5.

Delivery goes through the outbox, with keys of their own (echobot/keys.py), so nothing is sent twice across
restarts and processes: the pre-survey DM to a provider who joins a program while its series is ahead or running,
and to its members (a job) when the series is set, when it starts and when its survey is saved; the post-survey DM,
when the series ends, to those who answered the pre-survey or attended. Each DM has one reminder, planned with it
and rendered when due (nothing once answered or closed). A close job at the window's end (pre: the series' second
session starts; post: 14 days after the end) updates each DM in place: the button is gone. The DMs are rendered
when sent, from the database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from echobot import keys
from echobot.clock import Clock
from echobot.models import Message, OutboxKind, OutboxState, Person, Program, Render
from echobot.renderers import Renderers
from echobot.schedule import to_utc
from echobot.services.series import Series
from echobot.storage import Database, Reader, Tx, outbox
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage import series as series_repo
from echobot.storage import surveys as surveys_repo
from echobot.submissions import Submission
from echobot.views.surveys import closed, prompt

PRE, POST = "pre", "post"
POST_WINDOW = timedelta(days=14)
REMINDER_AFTER = timedelta(days=3)
_REF = re.compile(r"^(pre|post):([1-9][0-9]{0,14}):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$")
_SUFFIX = re.compile(r"\s*(?:project\s+)?echo\s*$", re.IGNORECASE)


def default_statements(program: Program) -> list[str]:
    """The default self-efficacy statements, about the condition the program's name gives ("Hepatitis C ECHO":
    hepatitis C), generic enough for any specialty."""
    condition = _SUFFIX.sub("", program.name).strip() or "this condition"
    return [
        f"I can identify patients with {condition} who need treatment.",
        f"I can assess and stage {condition} in my patients.",
        f"I can choose and start treatment for {condition} following current guidance.",
        f"I can recognise and manage side effects of {condition} treatment.",
        f"I can counsel patients with {condition} and their families on the condition and its care.",
        f"I know when and how to refer a patient with {condition} to a specialist.",
    ]


@dataclass(frozen=True)
class Ref:
    """Which survey: its phase and its series (the program and the series' dates)."""

    phase: str
    program_id: int
    first: date
    last: date

    def encode(self) -> str:
        return f"{self.phase}:{self.program_id}:{self.first.isoformat()}:{self.last.isoformat()}"

    @classmethod
    def decode(cls, text: object) -> Ref | None:
        """A button's value or a modal's metadata; None for anything forged or broken."""
        match = _REF.match(text) if isinstance(text, str) else None
        if match is None:
            return None
        try:
            return cls(match[1], int(match[2]), date.fromisoformat(match[3]), date.fromisoformat(match[4]))
        except ValueError:
            return None


def _is_dm(key: str, prefix: str) -> bool:
    """A survey DM or its reminder (`…:dm:<user>`, `…:reminder:<user>`), not a row that stood in for one."""
    rest = key.removeprefix(prefix).split(":")
    return len(rest) == 2 and rest[0] in ("dm", "reminder")


class Surveys:
    """Who gets which survey DM, when its window closes, and what the DM shows."""

    def __init__(self, db: Database, clock: Clock, series: Series) -> None:
        self._db = db
        self._clock = clock
        self._series = series

    async def statements(self, db: Reader, program: Program) -> list[str]:
        return await surveys_repo.statements(db, program.id) or default_statements(program)

    # ---- windows -----------------------------------------------------------------------------
    async def closes(self, db: Reader, program: Program, ref: Ref) -> datetime | None:
        """When this survey's window closes; None when it never opened (the series is not the program's, or the
        post-survey of a series that has not ended)."""
        ended = await series_repo.find(db, program.id, ref.first, ref.last)
        if ref.phase == POST:
            return None if ended is None else ended.ended_at + POST_WINDOW
        dated = program.model_copy(update={"series_starts_on": ref.first, "series_ends_on": ref.last})
        standing = await self._series.standing(db, dated)
        sessions = sorted([*standing.held, *standing.ahead], key=lambda s: s.starts_at) if standing else []
        moment = (sessions[1].starts_at if len(sessions) > 1 else
                  to_utc(datetime.combine(ref.last + timedelta(days=1), time.min), program.zone))  # fmt: skip
        return min(moment, ended.ended_at) if ended is not None else moment

    async def eligible(self, db: Reader, ref: Ref, user_id: str) -> bool:
        """Pre: a member of the program; post: answered the pre-survey or attended a session of the series."""
        if ref.phase == PRE:
            return user_id in await programs_repo.members(db, ref.program_id)
        if user_id in await surveys_repo.answered(db, ref.program_id, ref.first, PRE):
            return True
        ended = await series_repo.find(db, ref.program_id, ref.first, ref.last)
        done = await series_repo.completions(db, ended.id) if ended else []
        return any(c.user_id == user_id and c.attended > 0 for c in done)

    # ---- hooks -------------------------------------------------------------------------------
    def _ref(self, program: Program, phase: str) -> Ref | None:
        if program.series_starts_on is None or program.series_ends_on is None:
            return None
        return Ref(phase, program.id, program.series_starts_on, program.series_ends_on)

    async def program_saved(self, tx: Tx, program: Program, now: datetime) -> None:
        """A program saved with series dates: its members get the pre-survey (a job, so the members are read
        when it runs)."""
        await self._members_job(tx, program, "", now, now)

    async def survey_saved(self, tx: Tx, program: Program, now: datetime) -> None:
        """A coordinator saved the program's survey: the series' members who have not had it get the pre-survey
        now (a series set, or running, before surveys existed has members who never did)."""
        await self._members_job(tx, program, "survey", now, now)

    async def plan_all(self) -> int:
        """Periodic, with the sessions' planning: each series not ended has its members job due when the series
        starts (its first session), so every member gets the pre-survey then, also those of a series set before
        surveys existed. Once per series; how many programs were looked at."""
        now = self._clock.now()
        programs = [p for p in await programs_repo.active(self._db.reader) if self._ref(p, PRE) is not None]
        for program in programs:
            key = keys.survey_members(program.id, str(program.series_starts_on), "start")
            if await outbox.get(self._db.reader, key) is not None:
                continue  # planned already: no write
            async with self._db.transaction() as tx:
                await self._members_job(tx, program, "start", await self._starts(tx, program), now)
        return len(programs)

    async def _starts(self, db: Reader, program: Program) -> datetime:
        """When the program's series starts: its first session (by the program's own dates), else its first day."""
        standing = await self._series.standing(db, program)
        sessions = sorted([*standing.held, *standing.ahead], key=lambda s: s.starts_at) if standing else []
        if sessions:
            return sessions[0].starts_at
        assert program.series_starts_on is not None
        return to_utc(datetime.combine(program.series_starts_on, time.min), program.zone)

    async def _members_job(self, tx: Tx, program: Program, trigger: str, due: datetime, now: datetime) -> None:
        """The job that plans the pre-survey of every member (read when it runs), once per series and trigger."""
        ref = self._ref(program, PRE)
        if ref is None or await series_repo.find(tx, program.id, ref.first, ref.last) is not None:
            return
        await outbox.enqueue(tx, key=keys.survey_members(program.id, ref.first.isoformat(), trigger),
                             kind=OutboxKind.JOB, target=keys.survey_jobs(program.id), now=now, due_at=max(now, due),
                             render=Render(name="survey.members", args={"ref": ref.encode()}))  # fmt: skip

    async def joined(self, tx: Tx, program: Program, user_id: str, now: datetime) -> None:
        """A provider joined the program: the pre-survey of its series, while the window is open."""
        ref = self._ref(program, PRE)
        if ref is not None:
            await self._plan(tx, program, ref, [user_id], now)

    async def series_ended(self, tx: Tx, program: Program, series_id: int, attended: list[str], now: datetime) -> None:
        """The series ended: the pre-survey closes now, and the post-survey goes to those who answered the
        pre-survey or attended."""
        ended = await series_repo.get(tx, series_id)
        if ended is None:
            return
        pre = Ref(PRE, program.id, ended.starts_on, ended.ends_on)
        await self._plan_close(tx, program, pre, now, now)
        people = {*attended, *await surveys_repo.answered(tx, program.id, ended.starts_on, PRE)}
        registered = [u for u in sorted(people) if await providers_repo.get(tx, u) is not None]
        await self._plan(tx, program, Ref(POST, program.id, ended.starts_on, ended.ends_on), registered, now)

    async def _plan(self, tx: Tx, program: Program, ref: Ref, users: list[str], now: datetime) -> None:
        """Each person's DM and its one reminder, and the close job; nothing when the window is not open."""
        closes = await self.closes(tx, program, ref)
        if closes is None or now >= closes:
            return
        first = ref.first.isoformat()
        remind_at = min(now + REMINDER_AFTER, now + (closes - now) / 2)  # a short window: halfway
        rows: list[dict[str, Any]] = []
        for user in users:
            args = {"ref": ref.encode(), "user_id": user}
            rows.append({"key": keys.survey_dm(program.id, first, ref.phase, user), "target": user,
                         "stale_at": closes, "render": Render(name="survey.prompt", args=args)})  # fmt: skip
            rows.append({"key": keys.survey_dm(program.id, first, ref.phase, user, reminder=True), "target": user,
                         "due_at": remind_at, "stale_at": closes,
                         "render": Render(name="survey.prompt", args={**args, "reminder": True})})  # fmt: skip
        await outbox.enqueue_many(tx, rows, now)
        await self._plan_close(tx, program, ref, closes, now)

    async def _plan_close(self, tx: Tx, program: Program, ref: Ref, closes: datetime, now: datetime) -> None:
        await outbox.enqueue(tx, key=keys.survey_close(program.id, ref.first.isoformat(), ref.phase, closes),
                             kind=OutboxKind.JOB, target=keys.survey_jobs(program.id), now=now, due_at=closes,
                             render=Render(name="survey.close", args={"ref": ref.encode()}))  # fmt: skip

    # ---- jobs and renderers ------------------------------------------------------------------
    async def _loaded(self, db: Reader, args: dict[str, Any]) -> tuple[Ref, Program] | None:
        ref = Ref.decode(args.get("ref"))
        program = await programs_repo.get(db, ref.program_id, staff=False) if ref else None
        return None if ref is None or program is None else (ref, program)

    async def _members(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        loaded = await self._loaded(tx, args)
        if loaded is None or self._ref(loaded[1], PRE) != loaded[0]:
            return  # the program's series changed since
        members = await programs_repo.members(tx, loaded[1].id)
        registered = [u for u in members if await providers_repo.get(tx, u) is not None]
        await self._plan(tx, loaded[1], loaded[0], registered, now)

    async def _close(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        """The window's end: each DM sent is updated in place (its button removed). A window that moved later
        (a session rescheduled) plans its close again."""
        loaded = await self._loaded(tx, args)
        if loaded is None:
            return
        ref, program = loaded
        closes = await self.closes(tx, program, ref)
        if closes is None:
            return
        if now < closes:
            await self._plan_close(tx, program, ref, closes, now)
            return
        prefix = f"{keys.survey(program.id, ref.first.isoformat())}{ref.phase}:"
        sent = [row for row in await outbox.by_prefix(tx, prefix)
                if row.kind is OutboxKind.POST and row.state is OutboxState.SENT
                and _is_dm(row.key, prefix)]  # fmt: skip
        await outbox.enqueue_many(tx, [
            {"key": f"{row.key}:closed", "kind": OutboxKind.UPDATE, "target": row.target, "parent_key": row.key,
             "render": Render(name="survey.closed", args={"ref": ref.encode(), "user_id": row.target})}
            for row in sent
        ], now)  # fmt: skip

    async def _render_prompt(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        loaded = await self._loaded(db, args)
        if loaded is None:
            return None
        ref, program = loaded
        user = str(args.get("user_id"))
        closes = await self.closes(db, program, ref)
        if closes is None or now >= closes or user in await surveys_repo.answered(db, program.id, ref.first,
                                                                                   ref.phase):  # fmt: skip
            return None  # answered or closed: no DM, no reminder
        count = len(await self.statements(db, program))
        return prompt(program, ref.phase, ref.encode(), closes, count, reminder=bool(args.get("reminder")))

    async def _render_closed(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        loaded = await self._loaded(db, args)
        if loaded is None:
            return None
        ref, program = loaded
        answered = str(args.get("user_id")) in await surveys_repo.answered(db, program.id, ref.first, ref.phase)
        return closed(program, ref.phase, answered)

    def register_renderers(self, renderers: Renderers) -> None:
        renderers.jobs["survey.members"] = self._members
        renderers.jobs["survey.close"] = self._close
        renderers.messages["survey.prompt"] = self._render_prompt
        renderers.messages["survey.closed"] = self._render_closed

    # ---- taking a survey ---------------------------------------------------------------------
    async def why_not(self, person: Person, ref: Ref | None) -> tuple[str | None, Program | None]:
        """Why this person cannot answer this survey now (None when they can), and its program."""
        if ref is None:
            return "That survey no longer exists.", None
        program = await programs_repo.get(self._db.reader, ref.program_id, staff=False)
        if program is None or person.provider is None:
            return "That survey no longer exists.", None
        db = self._db.reader
        if person.user_id in await surveys_repo.answered(db, program.id, ref.first, ref.phase):
            return "Your answers to this survey were already recorded. Thank you!", program
        closes = await self.closes(db, program, ref)
        if closes is None or self._clock.now() >= closes:
            return "This survey has closed.", program
        if not await self.eligible(db, ref, person.user_id):
            return "This survey is for the series' participants.", program
        return None, program

    async def answer(self, person: Person, ref: Ref | None, ratings: list[str | None],
                     submission_id: str = "") -> str | None:  # fmt: skip
        """Record one person's answers (once); why not, when they cannot be. The same modal resent by Slack
        (same view id) answers as the first delivery did; another modal is told it was already recorded."""
        submission = Submission(self._db, submission_id, f"survey:{ref.encode() if ref else ''}")
        if await submission.seen():
            return None
        reason, program = await self.why_not(person, ref)
        if reason is not None or program is None or ref is None:
            return reason or "That survey no longer exists."
        statements = await self.statements(self._db.reader, program)
        if len(ratings) != len(statements) or any(r not in ("1", "2", "3", "4", "5") for r in ratings):
            return "Rate every statement from 1 to 5."
        pairs = [(text, int(str(value))) for text, value in zip(statements, ratings, strict=True)]
        now = self._clock.now()
        async with submission.once(now) as tx:
            if submission.replayed:
                return None
            if not await surveys_repo.record(tx, program.id, ref.first, ref.phase, person.user_id, pairs, now):
                submission.refuse()
                return "Your answers to this survey were already recorded. Thank you!"
        return None
