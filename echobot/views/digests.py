"""The coordinators' digest as Block Kit: people, cases, the next session, the last session."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from echobot.models import Message, Program
from echobot.reports import Digest
from echobot.views.blocks import (
    SECTION_LIMIT,
    Block,
    context,
    counted,
    divider,
    escape,
    fields,
    header,
    section,
    slack_date,
)
from echobot.views.series import digest_line
from echobot.views.surveys import comparison_blocks

if TYPE_CHECKING:
    from echobot.storage.digests import Comment, Registrations, SessionResults

OLD_WAITING = timedelta(days=7)  # a case waiting longer than this for triage is highlighted
MAX_COMMENTS = 8
COMMENT_LIMIT = 400
COMMENT_KINDS = {"suggestion": "Suggestion", "change": "Will change", "bias": "Bias reported"}


def _people(count: Registrations) -> str:
    if not count.total:
        return "none"
    return f"{count.total} ({count.participants} participant{'s' * (count.participants != 1)}, " \
           f"{count.observers} observer{'s' * (count.observers != 1)})"  # fmt: skip


def _n(count: int, noun: str) -> str:
    """"1 new case", "2 new cases", "no new cases"."""
    return f"{count or 'no'} {noun}{'s' * (count != 1)}"


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "n/a"


def _rating(value: float | None) -> str:
    return f"{value:.1f} / 5" if value is not None else "n/a"


def _age(since: datetime, now: datetime) -> str:
    days = (now - since).days
    if days >= 1:
        return f"{days} day{'s' * (days != 1)}"
    hours = int((now - since).total_seconds() // 3600)
    return f"{hours} hour{'s' * (hours != 1)}"


def _cases(digest: Digest, now: datetime) -> list[Block]:
    p = digest.pipeline
    waiting = str(p.waiting)
    if p.oldest_waiting is not None:
        age = _age(p.oldest_waiting, now)
        waiting += f" (oldest {age})" if now - p.oldest_waiting <= OLD_WAITING else f"\n:warning: *oldest {age}*"
    figures = [
        ("New this week", p.new, str(p.new)), ("Waiting for triage", p.waiting, waiting),
        ("In review", p.in_review, str(p.in_review)), ("Waiting for the presenter", p.needs_info, str(p.needs_info)),
        ("Scheduled", p.scheduled, str(p.scheduled)),
        ("Recommendations sent this week", p.recommendations_sent, str(p.recommendations_sent)),
        ("Follow-ups answered this week", p.followups_answered, str(p.followups_answered)),
    ]  # fmt: skip
    shown = [(label, value) for label, count, value in figures if count]  # zeros say nothing: left out
    if not shown:
        return [section("*Case pipeline*: none waiting, nothing new this week."), *_flagged(digest.flagged_replies)]
    head = "*Case pipeline*" + (": none waiting for triage" if not p.waiting else "")
    return [section(head), *fields(shown), *_flagged(digest.flagged_replies)]


def _library(digest: Digest) -> list[Block]:
    """The case library this week: entries added, searches made (none of either: nothing said)."""
    if not digest.library_added and not digest.library_searches:
        return []
    added = f"{digest.library_added} entr{'y' if digest.library_added == 1 else 'ies'} added"
    searched = f"{digest.library_searches} search{'' if digest.library_searches == 1 else 'es'}"
    return [context(f":books: Case library this week: {added}, {searched}.")]


def _flagged(count: int) -> list[Block]:
    """Replies people typed in case threads that looked like they held identifiers (their authors were told)."""
    if not count:
        return []
    replies = "1 reply" if count == 1 else f"{count} replies"
    held = "it held" if count == 1 else "they held"
    return [context(f":warning: {replies} in case threads looked like {held} identifiers this week: echobot "
                    "asked their authors to edit them.")]  # fmt: skip


def _next_session(digest: Digest) -> list[Block]:
    session, program = digest.next_session, digest.program
    if session is None:
        return [section("*Next session*\nNone is scheduled.")]
    lines = [f"*Next session*: {slack_date(session.starts_at, '{date_long_pretty} at {time}')}"]
    lines.append(f"Topic: {escape(session.topic)}" if session.topic else "Topic: _not set yet_")
    lines.append(f"Presenter: {escape(session.presenter)}" if session.presenter else "Presenter: _not set yet_")
    open_slots = max(program.case_slots - len(digest.agenda), 0)
    lines.append(f"Open case slots: *{open_slots}* of {program.case_slots}")
    if not digest.agenda:
        lines.append("No case on the agenda yet.")
        return [section("\n".join(lines))]
    lines.append("Cases on the agenda:")
    blocks = [section("\n".join(lines))]
    agenda = [f"• Case #{case.id}: {escape(_short(case.summary or 'summary removed', 200))} "
              f"({escape(_short(site, 100))})" for case, site in digest.agenda]  # fmt: skip
    chunk: list[str] = []
    for line in agenda:  # a section holds 3,000 characters: a long agenda takes several
        if chunk and len("\n".join([*chunk, line])) > SECTION_LIMIT - 100:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    blocks.append(section("\n".join(chunk)))
    return blocks


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _credits(results: SessionResults) -> str:
    if not results.credits:
        return "none"
    return "\n".join(f"{kind}: {people} {'person' if people == 1 else 'people'}, {quarters / 4:g} h"
                     for kind, (people, quarters) in results.credits.items())  # fmt: skip


def _comment(comment: Comment, anonymous: bool) -> str:
    quoted = ">" + escape(_short(comment.text, COMMENT_LIMIT)).replace("\n", "\n>")
    who = "" if anonymous else f" (<@{comment.user_id}>)"
    return f"_{COMMENT_KINDS.get(comment.kind, comment.kind)}_{who}\n{quoted}"


def _last_session(digest: Digest) -> list[Block]:
    session, results = digest.last_session, digest.results
    if session is None or results is None:
        return [section("*Last session*\nNo session has ended yet.")]
    title = f"*Last session*: {slack_date(session.starts_at, '{date_long_pretty}')}"
    if session.topic:
        title += f", {escape(session.topic)}"
    attended = f"{results.present} ({results.checked_in} checked in"
    if results.added or results.removed:
        attended += f"; coordinators added {results.added}, removed {results.removed}"
    attended += ")"
    blocks = [
        section(title),
        *fields([
            ("Attended", attended),
            ("Evaluations completed", _share(results.evaluations_by_present, results.present)),
            ("Average rating", _rating(results.overall)), ("Didactic relevance", _rating(results.relevance)),
            ("Objectives met", _share(results.objectives_met, results.evaluations)),
            ("Intend to change practice", _share(results.intent_to_change, results.evaluations)),
            ("Credit issued", _credits(results)),
        ]),
    ]  # fmt: skip
    if results.evaluations > results.evaluations_by_present:
        extra = results.evaluations - results.evaluations_by_present
        blocks.append(context(f"{counted(extra, 'evaluation')} from people not on the attendance list "
                              "(flagged claims)."))  # fmt: skip
    anonymous = digest.program.anonymous_ratings
    if digest.comments:
        shown = digest.comments[:MAX_COMMENTS]
        heading = "*Evaluation comments*" + (" (anonymous)" if anonymous else "")
        blocks.append(section(heading))
        blocks += [section(_comment(comment, anonymous)) for comment in shown]
        if len(digest.comments) > len(shown):
            blocks.append(context(f"{counted(len(digest.comments) - len(shown), 'more comment')}: "
                                  "`/echo export evaluations` has them all."))  # fmt: skip
    return blocks


def digest_message(digest: Digest, now: datetime) -> Message:
    """The digest for coordinators; times in each reader's own time zone."""
    program = digest.program
    period = f"{slack_date(digest.since, '{date_short_pretty}')} to {slack_date(digest.until, '{date_short_pretty}')}"
    blocks: list[Block] = [header(f"{program.name}: digest"), context(f"The week from {period}.")]
    if digest.late_for is not None:
        blocks.append(context(f":hourglass: Sent late: it was due {slack_date(digest.late_for)}."))
    people = (f"*People*\nJoined the program this week: {_people(digest.joined)}\n"
              f"New registrations with the hub this week: {_people(digest.hub_registrations)}")  # fmt: skip
    blocks += [section(people), divider(), *_cases(digest, now), *_library(digest), divider(), *_next_session(digest),
               divider(),
               *_last_session(digest)]  # fmt: skip
    if len(digest.trend) < 2:
        blocks.append(context("The attendance chart appears once two sessions have ended."))
    for ended in digest.series_ended:
        blocks += [divider(), section(digest_line(ended.first, ended.last, ended.held, ended.completed, ended.people,
                                                  ended.threshold))]  # fmt: skip
    for comparison in digest.surveys:
        blocks += [divider(), *comparison_blocks(comparison, now)]
    p = digest.pipeline
    text = (f"{escape(program.name)} digest: {_n(p.new, 'new case')}, "
            f"{p.waiting or 'none'} waiting for triage, {p.scheduled or 'none'} scheduled, "
            f"{_n(p.recommendations_sent, 'recommendation')} sent this week.")  # fmt: skip
    return Message(text=text, blocks=blocks[:50])


def chart_comment(program: Program, sessions: int) -> str:
    return (f"{escape(program.name)}: attended (light) and evaluated (dark) over the last {sessions} sessions, "
            "with the evaluation completion rate above each bar.")  # fmt: skip
