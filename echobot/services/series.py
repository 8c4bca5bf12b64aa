"""Series and completion (issue 17): a program's series (a cohort over dates) ends when its last session ends
(on time or early) or when a coordinator closes it; cancelled sessions do not count. At the end, in the
transaction that ends it: one `series_ends` row (UNIQUE per program and dates, so it ends once), a completion row
per provider, a certificate of completion by DM to each provider who attended at least the program's share of
the sessions held, and the completion report (CSV) to the coordinators, all as outbox rows with keys of their
own: sent once, also across restarts. The PDF and the CSV are made when they are sent, from the database."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from echobot import keys
from echobot.clock import Clock
from echobot.documents import completion_pdf, csv_bytes
from echobot.models import Attachment, Message, OutboxKind, Person, Program, Render, Session, SessionStatus
from echobot.renderers import Renderers
from echobot.schedule import to_utc
from echobot.services.coordinators import coordinators_of
from echobot.services.hubs import Hubs
from echobot.services.programs import Programs
from echobot.services.sessions import NOT_ALLOWED, Sessions
from echobot.storage import Database, Reader, Tx, audit, outbox
from echobot.storage import imports as imports_repo
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage import series as series_repo
from echobot.storage import sessions as sessions_repo
from echobot.views.blocks import Block, escape
from echobot.views.series import certificate_message, close_prompt, report_message

log = logging.getLogger(__name__)
LAST_SESSION, CLOSED = "last_session", "closed"


@dataclass(frozen=True)
class Standing:
    """Where a program's current series stands: its sessions held (ended) and still ahead (not cancelled)."""

    program: Program
    dates: tuple[date, date]
    held: list[Session]
    ahead: list[Session]


def completed(attended: int, held: int, percent: int) -> bool:
    """At least `percent` of the sessions held (none held: nobody completes)."""
    return held > 0 and attended * 100 >= percent * held


class Series:
    def __init__(self, db: Database, clock: Clock, programs: Programs, sessions: Sessions, *, hubs: Hubs,
                 admins: tuple[str, ...]) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._programs = programs
        self._sessions = sessions
        self._hubs = hubs  # the certificate names the current hub and its accreditation statement
        self._admins = admins
        # issue 17: what a series' end sets off besides completion (the post-survey): (tx, program, series id,
        # the people who attended a session of it, now)
        self.on_ended: list[Callable[[Tx, Program, int, list[str], datetime], Awaitable[None]]] = []

    # ---- where a series stands ---------------------------------------------------------------
    async def standing(self, db: Reader, program: Program) -> Standing | None:
        """The program's series (None without dates) and its sessions, by local date in the program's zone."""
        first, last = program.series_starts_on, program.series_ends_on
        if first is None or last is None:
            return None
        since = to_utc(datetime.combine(first, time.min), program.zone)
        until = to_utc(datetime.combine(last + timedelta(days=1), time.min), program.zone)
        found = await sessions_repo.of_program(db, program.id, since, until)
        held = [s for s in found if s.status is SessionStatus.ENDED]
        ahead = [s for s in found if s.status in (SessionStatus.SCHEDULED, SessionStatus.LIVE)]
        return Standing(program=program, dates=(first, last), held=held, ahead=ahead)

    # ---- hooks: a session ended or was cancelled ---------------------------------------------
    async def session_ended(self, tx: Tx, session: Session, program: Program, now: datetime) -> None:
        """The series ends with its last session: none left ahead in its dates, and all of them planned (the
        series' last day is within the sessions planned ahead)."""
        await self._ends_if_last(tx, program, now)

    async def session_cancelled(self, tx: Tx, session: Session, program: Program, now: datetime) -> None:
        """A cancelled last session: the series ended with the one held before it."""
        await self._ends_if_last(tx, program, now)

    async def _ends_if_last(self, tx: Tx, program: Program, now: datetime) -> None:
        standing = await self.standing(tx, program)
        if standing is None or standing.ahead or not standing.held:
            return
        last_day = to_utc(datetime.combine(standing.dates[1] + timedelta(days=1), time.min), program.zone)
        if last_day > now + self._sessions.horizon:
            return  # later sessions of the series are not planned yet
        await self._end(tx, standing, LAST_SESSION, None, now)

    # ---- a coordinator closes it -------------------------------------------------------------
    async def _chosen(self, person: Person, program_name: str) -> Program | str:
        managed = [p for p in await self._programs.managed_by(person) if p.series_starts_on is not None]
        chosen = await self._programs.named_among(person, program_name, managed, outside=_no_series)
        if chosen is not None:
            return chosen
        if not managed:
            return "None of your programs has a series: give one series dates in `/echo program edit`."
        names = ", ".join(p.name for p in managed)
        return f"Which program? `/echo series close NAME`, one of: {escape(names)}."

    async def close_prompt(self, person: Person, program_name: str) -> list[Block] | str:
        """`/echo series close [program]`: what closing would do, with the button; or why not."""
        chosen = await self._chosen(person, program_name)
        if isinstance(chosen, str):
            return chosen
        standing = await self.standing(self._db.reader, chosen)
        refusal = await self._refusal(self._db.reader, standing)
        if refusal or standing is None:
            return refusal or "This program has no series."
        counts = await series_repo.attended(self._db.reader, [s.id for s in standing.held])
        people = await self._people(self._db.reader, chosen, counts)
        completing = sum(completed(counts.get(u, 0), len(standing.held), chosen.completion_percent) for u in people)
        return close_prompt(chosen, standing.dates, len(standing.held), len(standing.ahead), completing, len(people))

    async def _refusal(self, db: Reader, standing: Standing | None) -> str | None:
        if standing is None:
            return "This program has no series."
        if await series_repo.find(db, standing.program.id, *standing.dates) is not None:
            return f"The *{escape(standing.program.name)}* series {standing.dates[0]:%-d %b %Y} has already ended."
        if not standing.held:
            return "No session of this series has been held yet: there is nothing to complete."
        return None

    async def close(self, person: Person, program_id: int | None) -> str:
        """The Close the series button (Slack asked to confirm first): ends the series now; the answer to show."""
        program = await self._programs.get(program_id) if program_id is not None else None
        if program is None or not person.manages(program):
            return NOT_ALLOWED
        now = self._clock.now()
        async with self._db.transaction() as tx:
            standing = await self.standing(tx, program)
            refusal = await self._refusal(tx, standing)
            if refusal or standing is None:
                return refusal or "This program has no series."
            series_id = await self._end(tx, standing, CLOSED, person.user_id, now)
            if series_id is None:
                return "This series has already ended."
        return (f"The *{escape(program.name)}* series is closed: certificates of completion are on their way, and "
                "the completion report to you and the program's coordinators.")  # fmt: skip

    # ---- the end -----------------------------------------------------------------------------
    async def _people(self, db: Reader, program: Program, counts: dict[str, int]) -> list[str]:
        """Who the series' completion is about: its members and whoever attended a session of it."""
        return sorted({*await programs_repo.members(db, program.id), *counts})

    async def _recipients(self, db: Reader, program: Program) -> list[str]:
        """The program's coordinators (read with its staff: a hook may hold the program without), else the hub's."""
        return await coordinators_of(db, await programs_repo.get(db, program.id) or program, self._admins)

    async def _end(self, tx: Tx, standing: Standing, how: str, actor: str | None, now: datetime) -> int | None:
        """Record the end once (None when it had already ended), the completions, the DMs and the report."""
        program, held = standing.program, [s.id for s in standing.held]
        series_id = await series_repo.record_end(tx, program.id, *standing.dates, program.completion_percent,
                                                 len(held), how, actor, now)  # fmt: skip
        if series_id is None:
            return None
        counts = await series_repo.attended(tx, held)
        minutes = await imports_repo.minutes_by_user(tx, held)
        rows = [series_repo.Completion(series_id=series_id, user_id=user, attended=counts.get(user, 0),
                                       minutes=minutes.get(user) if minutes else None,
                                       completed=completed(counts.get(user, 0), len(held), program.completion_percent))
                for user in await self._people(tx, program, counts)]  # fmt: skip
        await series_repo.add_completions(tx, rows)
        planned: list[dict[str, Any]] = []
        done = [r for r in rows if r.completed and await providers_repo.get(tx, r.user_id) is not None]
        for row in done:
            key = keys.completion_certificate(series_id, row.user_id)
            planned.append(
                {
                    "key": key,
                    "target": row.user_id,
                    "message": certificate_message(program, standing.dates, row.attended, len(held)),
                }
            )
            planned.append(
                {
                    "key": keys.beside(key, "pdf"),
                    "kind": OutboxKind.UPLOAD,
                    "target": row.user_id,
                    "parent_key": key,
                    "render": Render(name="series.certificate", args={"series_id": series_id, "user_id": row.user_id}),
                }
            )
        report = report_message(program, standing.dates, len(held), len(done), len(rows), program.completion_percent,
                                closed_by=actor)  # fmt: skip
        for coordinator in await self._recipients(tx, program):
            key = keys.completion_report(series_id, coordinator)
            planned.append({"key": key, "target": coordinator, "message": report})
            planned.append(
                {
                    "key": keys.beside(key, "csv"),
                    "kind": OutboxKind.UPLOAD,
                    "target": coordinator,
                    "parent_key": key,
                    "render": Render(name="series.report", args={"series_id": series_id}),
                }
            )
        await outbox.enqueue_many(tx, planned, now)
        for hook in self.on_ended:
            await hook(tx, program, series_id, sorted(u for u, n in counts.items() if n), now)
        detail = {"series": series_id, "how": how, "held": len(held), "people": len(rows), "completed": len(done)}
        await audit.record(tx, now, actor or "echobot", "series.end", f"program:{program.id}", detail)
        log.info("series %s of program %s ended (%s): %s of %s completed", series_id, program.id, how, len(done),
                 len(rows))  # fmt: skip
        return series_id

    # ---- what people take away ---------------------------------------------------------------
    async def certificate(self, db: Reader, series_id: int, user_id: str) -> bytes | str:
        """This person's certificate of completion of a series (looked up by the acting user); or why not."""
        ended = await series_repo.get(db, series_id)
        mine = [c for c in await series_repo.completions(db, series_id) if c.user_id == user_id] if ended else []
        provider = await providers_repo.get(db, user_id)
        program = await programs_repo.get(db, ended.program_id, staff=False) if ended else None
        if ended is None or not mine or not mine[0].completed or provider is None or program is None:
            return "No certificate of completion of that series is recorded for you."
        credit = (await series_repo.credit(db, await self._held(db, program, ended), user_id)).get(user_id, {})
        credential = f"{provider.credential.value} · {provider.discipline} · {provider.organization}"
        hub_profile = await self._hubs.profile()
        return completion_pdf(name=provider.name, credential=credential,
                              program=program.name, series=(ended.starts_on, ended.ends_on), attended=mine[0].attended,
                              held=ended.sessions_held, credit=credit, hub_name=hub_profile.name,
                              statement=hub_profile.accreditation_statement,
                              issued=self._clock.now().date())  # fmt: skip

    async def _held(self, db: Reader, program: Program, ended: series_repo.SeriesEnd) -> list[int]:
        """The sessions an ended series counted: held in its dates by the moment it ended."""
        dated = program.model_copy(update={"series_starts_on": ended.starts_on, "series_ends_on": ended.ends_on})
        standing = await self.standing(db, dated)
        return [s.id for s in standing.held if s.ends_at <= ended.ended_at] if standing else []

    async def certificate_for(self, user_id: str, series_id: int | None) -> bytes | str:
        if series_id is None:
            return "No certificate of completion of that series is recorded for you."
        return await self.certificate(self._db.reader, series_id, user_id)

    async def completed_by(self, user_id: str) -> list[tuple[int, str, date, date, int, int]]:
        """(series id, program, first day, last day, attended, held) of each series this person completed."""
        found = []
        for ended, completion in await series_repo.completed_by(self._db.reader, user_id):
            program = await programs_repo.get(self._db.reader, ended.program_id, staff=False)
            name = program.name if program else "A program"
            found.append((ended.id, name, ended.starts_on, ended.ends_on, completion.attended, ended.sessions_held))
        return found

    async def report_csv(self, db: Reader, series_id: int) -> bytes | None:
        """The completion report: provider, sessions attended, minutes, credit, completed yes/no."""
        ended = await series_repo.get(db, series_id)
        if ended is None:
            return None
        program = await programs_repo.get(db, ended.program_id, staff=False)
        credit = await series_repo.credit(db, await self._held(db, program, ended) if program else [])
        header = ["provider", "Slack user", "e-mail", "sessions attended", "sessions held", "minutes (video report)",
                  "credit (hours)", "credit by type", "completed"]  # fmt: skip
        rows = []
        for completion in await series_repo.completions(db, series_id):
            provider = await providers_repo.get(db, completion.user_id)
            hours = credit.get(completion.user_id, {})
            rows.append((provider.name if provider else "", completion.user_id, provider.email if provider else "",
                         completion.attended, ended.sessions_held,
                         "" if completion.minutes is None else completion.minutes, f"{sum(hours.values()):g}",
                         "; ".join(f"{kind}: {value:g}" for kind, value in sorted(hours.items())),
                         "yes" if completion.completed else "no"))  # fmt: skip
        rows.sort(key=lambda r: (r[8] != "yes", str(r[0]).lower(), r[1]))
        return csv_bytes(header, rows)

    # ---- rows rendered when sent -------------------------------------------------------------
    async def _render_certificate(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        pdf = await self.certificate(db, int(args["series_id"]), str(args["user_id"]))
        if isinstance(pdf, str):
            return None
        return Message(text="", file=Attachment(filename="echo-certificate-of-completion.pdf",
                                                title="Certificate of completion", content=pdf))  # fmt: skip

    async def _render_report(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        series_id = int(args["series_id"])
        content = await self.report_csv(db, series_id)
        ended = await series_repo.get(db, series_id)
        if content is None or ended is None:
            return None
        return Message(text="", file=Attachment(filename=f"echo-completion-{ended.starts_on}-{ended.ends_on}.csv",
                                                title="Completion report", content=content))  # fmt: skip

    def register_renderers(self, renderers: Renderers) -> None:
        renderers.messages["series.certificate"] = self._render_certificate
        renderers.messages["series.report"] = self._render_report


def _no_series(program: Program) -> str:
    return f"*{escape(program.name)}* has no series: give it series dates in `/echo program edit`."
