"""Attendance from the video tool's report: the import modal, what the import did, the names it left over."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from echobot.ids import Action, Callback, SessionField
from echobot.models import Message, Program, Session
from echobot.video_report import Leftover
from echobot.views.blocks import (
    Block,
    button,
    context,
    counted,
    escape,
    file_input,
    input_block,
    modal,
    section,
    slack_date,
    static_select,
)

SHOWN = 60  # people listed by name in the confirmation; the rest are counted
FORMATS = ("Zoom's participant report as exported (with or without its meeting lines), or a CSV with the columns "
           "name, e-mail and minutes.")  # fmt: skip


class Summary(Protocol):
    session: Session
    program: Program
    minutes: dict[str, int]
    added: list[str]
    removed: list[str]
    kept_absent: list[str]
    staff: list[str]
    unmatched: list[Leftover]
    ambiguous: list[Leftover]
    below: list[str]
    replaced: int | None
    unchanged: bool
    import_id: int


def session_label(session: Session, program: Program) -> str:
    local = session.starts_at.astimezone(program.zone)
    return f"{program.name[:40]} · {local.strftime('%a %-d %b %H:%M')} ({program.timezone.split('/')[-1]})"[:75]


def import_modal(items: list[tuple[Session, Program]], chosen: int | None = None) -> Block:
    """The session (recent ended sessions of your programs) and the report file."""
    if not items:
        blocks = [section("No session of your programs ended in the last 30 days: import a report once its "
                          "session has ended.")]  # fmt: skip
        return modal("Import attendance", Callback.ATTENDANCE_IMPORT_VIEW, blocks, submit=None, close="Close")
    options = [(session_label(session, program), str(session.id)) for session, program in items[:100]]
    initial = str(chosen) if chosen is not None and any(v == str(chosen) for _, v in options) else options[0][1]
    blocks = [
        input_block(SessionField.SESSION, "Session", static_select(SessionField.SESSION, options, initial=initial),
                    hint="Times in the program's time zone."),
        input_block(SessionField.REPORT, "Participant report (CSV)", file_input(SessionField.REPORT, ["csv"]),
                    hint=FORMATS),
        context("Rows are matched to registered providers by e-mail, then by name. Names that match nobody or two "
                "people are listed back to you, never guessed. The program's specialists and coordinators are "
                "left out. Importing a corrected report replaces the earlier one."),
    ]  # fmt: skip
    return modal("Import attendance", Callback.ATTENDANCE_IMPORT_VIEW, blocks, submit="Import")


def _people(users: Sequence[str], minutes: dict[str, int]) -> str:
    shown = [f"<@{u}> {minutes[u]} min" if u in minutes else f"<@{u}>" for u in users[:SHOWN]]
    more = f" and {len(users) - SHOWN} more" if len(users) > SHOWN else ""
    return ", ".join(shown) + more


def _leftover_lines(items: Sequence[Leftover]) -> str:
    lines = [f"• {escape(x.name or x.email)} ({x.minutes} min" + (f", fits {x.candidates} providers)"
             if x.candidates > 1 else ")") for x in items[:30]]  # fmt: skip
    if len(items) > 30:
        lines.append(f"• and {len(items) - 30} more (all in the CSV by DM)")
    return "\n".join(lines)


def import_result_modal(summary: Summary) -> Block:
    """What the import recorded, who it left out or could not match, and who is under the credit minimum."""
    session, program = summary.session, summary.program
    when = slack_date(session.starts_at)
    if summary.unchanged:
        lead = (f":information_source: This report is already the one in force for *{escape(program.name)}* · "
                f"{when}: nothing changed.")  # fmt: skip
    else:
        verb = f"replaces import #{summary.replaced}" if summary.replaced else "is recorded"
        lead = (f":white_check_mark: The report for *{escape(program.name)}* · {when} {verb} "
                f"(import #{summary.import_id}).")
    ordered = sorted(summary.minutes, key=lambda u: (-summary.minutes[u], u))
    blocks: list[Block] = [section(lead), section(f"*Present ({len(ordered)}):* " + (_people(ordered, summary.minutes)
                                                                                      or "_nobody matched_"))]
    facts = []
    if summary.added:
        facts.append(f"{len(summary.added)} added to the attendance (they had not checked in)")
    if summary.removed:
        facts.append("removed, no longer in the corrected report: " + _people(summary.removed, {}))
    if summary.kept_absent:
        facts.append("left absent, as a coordinator removed them by hand (add them in the attendance form to "
                     "change that): " + _people(summary.kept_absent, {}))  # fmt: skip
    if summary.staff:
        facts.append(f"{len(summary.staff)} of the hub's staff left out: " + _people(summary.staff, {}))
    if facts:
        blocks.append(section("\n".join(f"• {f}" for f in facts)))
    if summary.below:
        blocks.append(section(f"*Under the {program.credit_min_minutes} minutes this program asks for credit "
                              f"({len(summary.below)}):* " + _people(summary.below, summary.minutes)
                              + "\nThey are told why if they try to evaluate. To give credit anyway, add them in "
                              "the attendance form with a reason."))  # fmt: skip
    if summary.ambiguous:
        blocks.append(section("*Names that fit more than one registered provider* (not counted):\n"
                              + _leftover_lines(summary.ambiguous)))  # fmt: skip
    if summary.unmatched:
        blocks.append(section("*Names that match no registered provider* (not counted):\n"
                              + _leftover_lines(summary.unmatched)))  # fmt: skip
    if (summary.ambiguous or summary.unmatched) and not summary.unchanged:
        blocks.append(context("These names are also coming to you as a CSV by DM. Add the people they stand "
                              "for in the attendance form (`/echo attendance`), with a reason."))  # fmt: skip
    return modal("Attendance imported", Callback.ATTENDANCE_IMPORT_VIEW, blocks, submit=None, close="Done")


def leftovers_message(program: Program, session: Session, unmatched: Sequence[Leftover],
                      ambiguous: Sequence[Leftover]) -> Message:  # fmt: skip
    count = len(unmatched) + len(ambiguous)
    names = counted(count, "name")
    text = (f"{names} in the video report of *{escape(program.name)}* · {slack_date(session.starts_at)} "
            "were not counted: they match no registered provider, or more than one. They are in the file below; "
            "add the people they stand for with `/echo attendance`, with a reason.")  # fmt: skip
    return Message(text=f"{count} names from the video report were not counted", blocks=[section(text)])


def import_button(session_id: int) -> Block:
    return button("Import video report", Action.ATTENDANCE_IMPORT, str(session_id))
