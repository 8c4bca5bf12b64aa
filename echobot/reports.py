"""What the reading services put together for a view to show (a transcript, a digest): plain data, below
services and views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from echobot.models import Case, CreditRecord, Program, Session
from echobot.storage import digests as digests_repo


@dataclass
class Transcript:
    records: list[tuple[CreditRecord, Session, Program]]
    this_year: dict[str, float] = field(default_factory=dict)
    all_time: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Digest:
    """Everything a digest shows, for the period [since, until) and the next session after `until`."""

    program: Program
    since: datetime
    until: datetime
    late_for: datetime | None  # the weekly moment it was due, when it is sent late
    hub_registrations: digests_repo.Registrations
    joined: digests_repo.Registrations
    pipeline: digests_repo.Pipeline
    next_session: Session | None
    agenda: list[tuple[Case, str]]
    last_session: Session | None
    results: digests_repo.SessionResults | None
    comments: list[digests_repo.Comment]
    trend: list[digests_repo.TrendPoint]
    flagged_replies: int = 0  # replies in case threads that looked like they held identifiers, in the period
    library_added: int = 0  # case library entries added in the period (issue 15)
    library_searches: int = 0  # searches that looked in this program's library in the period
    series_ended: list[SeriesResult] = field(default_factory=list)  # series of the program that ended in the period
    surveys: list[SurveyComparison] = field(default_factory=list)  # pre/post comparisons of series ended lately


@dataclass(frozen=True)
class SeriesResult:
    """A series that ended: its dates, sessions held, and how many of the people it counted completed it."""

    first: date
    last: date
    held: int
    completed: int
    people: int
    threshold: int


@dataclass(frozen=True)
class StatementChange:
    """One survey statement's paired comparison: the people who answered both surveys, their mean ratings."""

    position: int
    statement: str
    paired: int
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class SurveyComparison:
    """A series' pre and post self-efficacy surveys compared (issue 17)."""

    first: date
    last: date
    pre_answers: int
    post_answers: int
    statements: list[StatementChange]
    post_closes: datetime  # the post-survey's window closes then (the figures are final after it)
