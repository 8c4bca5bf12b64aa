"""What coordinators do with the series surveys (issue 17): edit a program's statements (5 to 8, refused once the
current series has answers; audited), and read the paired comparison (per statement: the people who answered both
surveys, their mean rating before and after, the change) in the digest with a chart and as CSV. An anonymous
program's CSV names nobody: the pairs are matched inside echobot only."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import Any

from echobot.charts import SurveyBar, survey_chart
from echobot.clock import Clock
from echobot.documents import csv_bytes
from echobot.ids import SurveyField
from echobot.models import Attachment, Message, Person, Program
from echobot.renderers import Renderers
from echobot.reports import StatementChange, SurveyComparison
from echobot.services.programs import Programs
from echobot.services.sessions import NOT_ALLOWED
from echobot.services.surveys import POST, POST_WINDOW, PRE, Surveys
from echobot.storage import Database, Reader, audit
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage import series as series_repo
from echobot.storage import surveys as surveys_repo
from echobot.submissions import Submission
from echobot.views.blocks import escape
from echobot.views.surveys import STATEMENT_LIMIT

DIGEST_PERIOD = timedelta(days=7)  # a digest on demand covers the week before it (as services/digests.py)


def compare(ratings: list[surveys_repo.Rating], statements: list[str]) -> list[StatementChange]:
    """Per statement position: the people who rated it in both surveys, their mean before and after."""
    by: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    texts: dict[int, str] = dict(enumerate(statements, start=1))
    for r in ratings:
        by[(r.user_id, r.position)][r.phase] = r.rating
        texts.setdefault(r.position, r.statement)
    found = []
    for position in sorted(texts):
        pairs = [(v[PRE], v[POST]) for (_, p), v in by.items() if p == position and PRE in v and POST in v]
        found.append(StatementChange(position, texts[position], len(pairs),
                                     fmean(b for b, _ in pairs) if pairs else None,
                                     fmean(a for _, a in pairs) if pairs else None))  # fmt: skip
    return found


class SurveyResults:
    def __init__(self, db: Database, clock: Clock, programs: Programs, surveys: Surveys) -> None:
        self._db = db
        self._clock = clock
        self._programs = programs
        self._surveys = surveys

    async def _chosen(self, person: Person, program_name: str) -> Program | str:
        """The program named (or the only one this person coordinates); or why not."""
        managed = await self._programs.managed_by(person)
        chosen = await self._programs.named_among(person, program_name, managed)
        if chosen is not None:
            return chosen
        if not managed:
            return "You coordinate no active program."
        return f"Which program? One of: {escape(', '.join(p.name for p in managed))}."

    # ---- editing the statements --------------------------------------------------------------
    async def locked(self, db: Reader, program: Program) -> str | None:
        """Why the statements cannot change now: the current series has answers (they would not compare)."""
        if program.series_starts_on and await surveys_repo.has_answers(db, program.id, program.series_starts_on):
            return (
                "The current series' survey already has answers: changing the statements now would make "
                "before and after incomparable. Edit them once the series has ended and new dates are set."
            )
        return None

    async def editor(self, person: Person, program_name: str) -> tuple[Program, list[str], str] | str:
        """`/echo survey edit [program]`: the program, its statements and why they cannot change (if so)."""
        chosen = await self._chosen(person, program_name)
        if isinstance(chosen, str):
            return chosen
        db = self._db.reader
        return chosen, await self._surveys.statements(db, chosen), await self.locked(db, chosen) or ""

    async def save(self, person: Person, program_id: int | None, values: dict[str, Any],
                   submission_id: str = "") -> dict[str, str]:  # fmt: skip
        """The editor's statements saved (audited once, also when Slack resends the form); errors by field."""
        submission = Submission(self._db, submission_id, "survey.edit")
        if await submission.seen():
            return {}
        first = f"{SurveyField.STATEMENT}1"
        program = await self._programs.get(program_id) if program_id else None
        if program is None or not person.manages(program):
            return {first: NOT_ALLOWED}
        texts = [" ".join(str(values.get(f"{SurveyField.STATEMENT}{n}") or "").split()) for n in range(1, 9)]
        for number, text in enumerate(texts, start=1):
            if len(text) > STATEMENT_LIMIT:
                return {f"{SurveyField.STATEMENT}{number}": f"At most {STATEMENT_LIMIT} characters."}
        statements = [t for t in texts if t]
        if len(statements) < 5:
            empty = next(n for n, t in enumerate(texts, start=1) if not t)
            return {f"{SurveyField.STATEMENT}{empty}": "Give 5 to 8 statements."}
        async with submission.once(self._clock.now()) as tx:
            if submission.replayed:
                return {}
            if reason := await self.locked(tx, program):
                submission.refuse()
                return {first: reason}
            await surveys_repo.set_statements(tx, program.id, statements)
            await self._surveys.survey_saved(tx, program, self._clock.now())
            await audit.record(tx, self._clock.now(), person.user_id, "survey.edit", f"program:{program.id}",
                               {"statements": len(statements)})  # fmt: skip
        return {}

    # ---- the comparison ----------------------------------------------------------------------
    async def comparison(self, db: Reader, program: Program, first: date, last: date,
                         closes: datetime) -> SurveyComparison:  # fmt: skip
        ratings = await surveys_repo.ratings(db, program.id, first)
        answers = {(r.user_id, r.phase) for r in ratings}
        statements = [r.statement for r in ratings if r.phase == PRE and r.user_id == ratings[0].user_id] if (
            ratings) else await self._surveys.statements(db, program)  # fmt: skip
        return SurveyComparison(first, last, sum(p == PRE for _, p in answers), sum(p == POST for _, p in answers),
                                compare(ratings, statements), closes)  # fmt: skip

    async def for_digest(self, db: Reader, program: Program, since: datetime,
                         until: datetime) -> list[SurveyComparison]:  # fmt: skip
        """The comparisons of the program's series that ended lately (until their post-survey window closed and a
        week more), those with answers."""
        found = []
        for ended in await series_repo.ended_between(db, program.id, since - POST_WINDOW, until):
            result = await self.comparison(db, program, ended.starts_on, ended.ends_on, ended.ended_at + POST_WINDOW)
            if result.pre_answers or result.post_answers:
                found.append(result)
        return found

    async def _render_chart(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        """Beside a digest: the latest comparison's chart (nothing when no pair was answered)."""
        program = await self._programs_get(db, int(args["program_id"]))
        if program is None:
            return None
        until = datetime.fromisoformat(str(args["until"]))
        since = datetime.fromisoformat(str(args["since"])) if args.get("since") else until - DIGEST_PERIOD
        comparisons = [c for c in await self.for_digest(db, program, since, until)
                       if any(s.paired for s in c.statements)]  # fmt: skip
        if not comparisons:
            return None
        latest = comparisons[-1]
        bars = [SurveyBar(str(s.position), s.before, s.after) for s in latest.statements if s.paired]
        title = f"{program.name}: self-efficacy before and after (mean, 1-5)"
        png = await asyncio.to_thread(survey_chart, bars, title)
        alt = "Bar chart. Mean rating before and after, per statement: " + ", ".join(
            f"{b.label}: {b.before:.1f} to {b.after:.1f}" for b in bars if b.before is not None and b.after is not None
        )
        return Message(text=f"{escape(program.name)}: the self-efficacy survey, before (light) and after (dark).",
                       file=Attachment(filename=f"survey-{program.id}-{latest.first.isoformat()}.png",
                                       title=title, content=png, alt_text=alt))  # fmt: skip

    @staticmethod
    async def _programs_get(db: Reader, program_id: int) -> Program | None:
        program = await programs_repo.get(db, program_id, staff=False)
        return program if program is not None and program.active else None

    def register_renderers(self, renderers: Renderers) -> None:
        renderers.messages["survey.chart"] = self._render_chart

    # ---- the export --------------------------------------------------------------------------
    async def export(self, person: Person, program_name: str) -> tuple[str, bytes] | str:
        """`/echo export surveys [program]`: the current (or last ended) series' comparison as CSV; each
        person's ratings below it unless the program is anonymous."""
        chosen = await self._chosen(person, program_name)
        if isinstance(chosen, str):
            return chosen
        db = self._db.reader
        first, last = chosen.series_starts_on, chosen.series_ends_on
        if first is None or last is None:
            return f"*{escape(chosen.name)}* has no series: give it series dates in `/echo program edit`."
        result = await self.comparison(db, chosen, first, last, self._clock.now())
        rows: list[list[Any]] = [[s.position, s.statement, s.paired, _cell(s.before), _cell(s.after),
                                  _cell(s.change)] for s in result.statements]  # fmt: skip
        if not chosen.anonymous_ratings:
            rows += [[], ["provider", "Slack user", "survey", "statement no", "rating"]]
            for r in await surveys_repo.ratings(db, chosen.id, first):
                provider = await providers_repo.get(db, r.user_id)
                rows.append([provider.name if provider else "", r.user_id, r.phase, r.position, r.rating])
        header = ["statement no", "statement", "n paired", "mean before", "mean after", "change"]
        async with self._db.transaction() as tx:
            await audit.record(tx, self._clock.now(), person.user_id, "export.surveys", str(chosen.id),
                               {"series": first.isoformat(), "anonymous": chosen.anonymous_ratings})  # fmt: skip
        return f"echo-surveys-{chosen.id}-{first.isoformat()}.csv", csv_bytes(header, rows)


def _cell(value: float | None) -> float | str:
    """A number (a spreadsheet reads it as one; rounded to two places), or empty."""
    return "" if value is None else round(value, 2)
