"""Records people take away: certificates, the transcript as CSV, and coordinators' exports."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from echobot.clock import Clock
from echobot.documents import certificate_pdf, csv_bytes, iso
from echobot.models import Credential, Person
from echobot.services.evaluations import Evaluations
from echobot.services.hubs import Hubs
from echobot.services.programs import Programs
from echobot.storage import Database, audit, exports
from echobot.storage import evaluations as evaluations_repo
from echobot.storage import providers as providers_repo
from echobot.views.blocks import escape

EXPORT_KINDS = ("credits", "attendance", "cases", "evaluations")
EXPORT_USAGE = ("Usage: `/echo export credits|attendance|cases|evaluations [program] [from] [to]`, dates as "
                "YYYY-MM-DD, e.g. `/echo export credits Hepatitis C ECHO 2026-01-01 2026-12-31`.")  # fmt: skip
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def split_name(name: str) -> tuple[str, str]:
    """(first, last) for credit reporting: the last word is the last name."""
    parts = name.split()
    return (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (name, "")


class Records:
    def __init__(self, db: Database, clock: Clock, programs: Programs, evaluations: Evaluations,
                 hubs: Hubs) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._programs = programs
        self._evaluations = evaluations
        self._hubs = hubs

    # ---- a provider's own records ---------------------------------------------------------------
    async def certificate(self, user_id: str, session_id: int | None = None,
                          since: date | None = None, until: date | None = None) -> bytes | str:  # fmt: skip
        """A PDF of one session's credit, or of the credit of sessions between two dates; or why not."""
        provider = await providers_repo.get(self._db.reader, user_id)
        if provider is None:
            return "Register first."
        transcript = await self._evaluations.transcript(user_id)
        chosen = []
        for record, session, program in transcript.records:
            day = session.starts_at.astimezone(program.zone).date()
            if (session_id is not None and session.id == session_id) or (
                session_id is None and since is not None and until is not None and since <= day <= until
            ):
                title = f"{program.name}: {session.topic}" if session.topic else program.name
                chosen.append((title, day, record.credit_type, record.hours))
        if not chosen:
            return "No credit is recorded for that session or period."
        credential = f"{provider.credential.value} · {provider.discipline} · {provider.organization}"
        profile = await self._hubs.profile()
        return certificate_pdf(
            name=provider.name,
            credential=credential,
            activities=sorted(chosen, key=lambda a: a[1]),
            hub_name=profile.name,
            statement=profile.accreditation_statement,
            issued=self._clock.now().date(),
        )

    async def transcript_csv(self, user_id: str) -> bytes:
        transcript = await self._evaluations.transcript(user_id)
        rows = [(iso(session.starts_at.astimezone(program.zone).date()), program.name, session.topic or "",
                 record.credit_type, f"{record.hours:g}", iso(record.awarded_at), "yes" if record.without_check_in
                 else "no") for record, session, program in transcript.records]  # fmt: skip
        header = ["session date", "program", "topic", "credit type", "hours", "recorded at", "without check-in"]
        return csv_bytes(header, rows)

    # ---- coordinators ------------------------------------------------------------------------
    def parse(self, args: list[str]) -> tuple[str, str, date, date] | str:
        """(kind, program name or "", from, to) from the words after /echo export; or the usage line."""
        if not args or args[0].lower() not in EXPORT_KINDS:
            return EXPORT_USAGE
        words = args[1:]
        dates: list[str] = []
        while words and _DATE.match(words[-1]) and len(dates) < 2:
            dates.insert(0, words.pop())
        try:
            parsed = [date.fromisoformat(text) for text in dates]
        except ValueError:
            return f"That is not a date: use YYYY-MM-DD. {EXPORT_USAGE}"
        today = self._clock.now().date()
        since = parsed[0] if parsed else date(today.year, 1, 1)
        until = parsed[1] if len(parsed) > 1 else today
        if until < since:
            return "The end date is before the start date."
        return args[0].lower(), " ".join(words), since, until

    async def export(
        self, person: Person, kind: str, program_name: str, since: date, until: date
    ) -> tuple[str, bytes] | str:
        """A CSV (filename, bytes) of the programs this person coordinates; or why not."""
        managed = await self._programs.managed_by(person, archived=True)
        if program_name:
            program = next((p for p in managed if p.name.lower() == program_name.lower()), None)
            if program is None:
                known = await self._programs.find(program_name)
                return (f"You do not coordinate *{escape(known.name)}*." if known else
                        f"I know no active program called “{escape(program_name[:80])}”.")  # fmt: skip
            programs = [program]
        else:
            programs = managed
        if not programs:
            return "You coordinate no program."
        ids = [p.id for p in programs]
        builders = {"credits": self._export_credits, "attendance": self._export_attendance,
                    "cases": self._export_cases, "evaluations": self._export_evaluations}  # fmt: skip
        content = await builders[kind](ids, since, until)
        now = self._clock.now()
        async with self._db.transaction() as tx:
            await audit.record(tx, now, person.user_id, f"export.{kind}", ",".join(map(str, ids)),
                               {"from": since.isoformat(), "to": until.isoformat()})  # fmt: skip
        scope = programs[0].name if len(programs) == 1 else "all-programs"
        slug = re.sub(r"[^a-z0-9]+", "-", scope.lower()).strip("-")
        return f"echo-{kind}-{slug}-{since.isoformat()}-{until.isoformat()}.csv", content

    async def _rows(self, query: Callable[..., Awaitable[list[dict[str, Any]]]], ids: list[int], since: date,
                    until: date, column: str = "starts_at") -> list[dict[str, Any]]:  # fmt: skip
        """Rows whose moment falls on a day from `since` to `until` in its program's own time zone (a 7 pm
        Mountain session on 31 December belongs to that year), with their moments in that zone."""
        start = datetime.combine(since - timedelta(days=1), time.min, UTC)  # every zone is within a day of UTC
        end = datetime.combine(until + timedelta(days=2), time.min, UTC)
        found = []
        for row in await query(self._db.reader, ids, start, end):
            zone = ZoneInfo(row["timezone"])
            local = {k: v.astimezone(zone) for k, v in row.items() if isinstance(v, datetime)}
            if since <= local[column].date() <= until:
                found.append(row | local)
        return found

    async def _export_credits(self, ids: list[int], since: date, until: date) -> bytes:
        header = [
            "first name", "last name", "credential", "NPI", "licence number", "birth month", "birth day", "e-mail",
            "program", "session date", "topic", "credit type", "hours", "without check-in",
        ]  # fmt: skip
        rows = []
        for row in await self._rows(exports.credits, ids, since, until):
            first, last = split_name(row["provider"])
            consented_birth = bool(row["birth_consent"])
            rows.append((first, last, row["credential"], row["npi"] or "",
                         row["licence_number"] if row["licence_consent"] else "",
                         row["birth_month"] if consented_birth else "", row["birth_day"] if consented_birth else "",
                         row["email"], row["program"], iso(row["starts_at"]), row["topic"] or "", row["credit_type"],
                         f"{row['quarters'] / 4:g}", "yes" if row["without_check_in"] else "no"))  # fmt: skip
        return csv_bytes(header, rows)

    async def _export_attendance(self, ids: list[int], since: date, until: date) -> bytes:
        header = ["program", "session start", "topic", "provider", "Slack user", "present", "checked in at",
                  "adjustments"]  # fmt: skip
        rows = [(r["program"], iso(r["starts_at"]), r["topic"] or "", r["provider"] or "", r["user_id"],
                 "yes" if r["present"] else "no", iso(r["checked_in_at"]), r["adjustments"] or "")
                for r in await self._rows(exports.attendance, ids, since, until)]  # fmt: skip
        return csv_bytes(header, rows)

    async def _export_cases(self, ids: list[int], since: date, until: date) -> bytes:
        header = ["case", "program", "submitted", "last change", "closed", "state", "states", "age band", "sex",
                  "urgency"]  # fmt: skip
        rows = [(r["id"], r["program"], iso(r["submitted_at"]), iso(r["updated_at"]), iso(r["closed_at"]), r["state"],
                 r["states"] or "", r["age_band"], r["sex"], r["urgency"])
                for r in await self._rows(exports.cases, ids, since, until, "submitted_at")]  # fmt: skip
        return csv_bytes(header, rows)

    async def _export_evaluations(self, ids: list[int], since: date, until: date) -> bytes:
        header = [
            "program",
            "session start",
            "topic",
            "provider",
            "overall",
            "relevance",
            "objectives met",
            "intent to change",
            "what will change",
            "free of commercial bias",
            "bias comment",
            "suggestions",
        ]
        rows = [(r["program"], iso(r["starts_at"]), r["topic"] or "",
                 "" if r["anonymous_ratings"] else (r["provider"] or ""), r["overall"], r["relevance"],
                 r["objectives_met"], r["intent_to_change"], r["change_plan"] or "",
                 "yes" if r["bias_free"] else "no", r["bias_comment"] or "", r["suggestions"] or "")
                for r in await self._rows(exports.evaluations, ids, since, until)]  # fmt: skip
        return csv_bytes(header, rows)

    async def set_credit_type(self, person: Person, credential: str, credit_type: str) -> str:
        if not person.is_coordinator:
            return "Only hub coordinators can change credit types."
        match = next((c for c in Credential if c.value.lower() == credential.lower()), None)
        if match is None or not credit_type.strip() or len(credit_type) > 80:
            names = ", ".join(c.value for c in Credential)
            return f"Usage: `/echo credit-type CREDENTIAL TYPE`, CREDENTIAL one of {names}."
        now = self._clock.now()
        async with self._db.transaction() as tx:
            await evaluations_repo.set_credit_type(tx, match.value, credit_type.strip())
            await audit.record(tx, now, person.user_id, "credit.type", match.value, {"type": credit_type.strip()})
        return f"From now on {match.value} evaluations record *{credit_type.strip()}*."
