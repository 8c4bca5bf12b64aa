"""What a series' end shows: the completion DM, the coordinators' report, the close confirmation, the completion
certificates in /echo cme and the digest's line."""

from __future__ import annotations

from datetime import date

from echobot.ids import Action
from echobot.models import Message, Program
from echobot.views.blocks import Block, actions, button, context, escape, mrkdwn, plain, section


def dates(first: date, last: date) -> str:
    return f"{first:%-d %b %Y} to {last:%-d %b %Y}"


def certificate_message(program: Program, series: tuple[date, date], attended: int, held: int) -> Message:
    """The DM to a provider who met the threshold; the PDF is uploaded beside it."""
    text = (f"You completed the *{escape(program.name)}* series ({dates(*series)}): you attended {attended} of "
            f"{held} {'session' if held == 1 else 'sessions'}. Your certificate of completion is below; "
            "`/echo cme` gives it again, with any credit recorded since.")  # fmt: skip
    return Message(text=f"You completed the {program.name} series", blocks=[section(text)])


def report_message(program: Program, series: tuple[date, date], held: int, completed: int, people: int,
                   threshold: int, *, closed_by: str | None) -> Message:  # fmt: skip
    """The DM to each coordinator when a series ends; the completion report (CSV) is uploaded beside it."""
    how = f"closed by <@{closed_by}>" if closed_by else "its last session ended"
    text = (f"*{escape(program.name)}*: the series {dates(*series)} has ended ({how}). "
            f"{held} {'session was' if held == 1 else 'sessions were'} held; *{completed} of {people}* "
            f"{'provider' if people == 1 else 'providers'} attended at least {threshold}% and got a certificate of "
            "completion. The completion report (CSV) is below.")  # fmt: skip
    return Message(text=f"{program.name}: the series has ended", blocks=[section(text)])


def close_prompt(program: Program, series: tuple[date, date], held: int, ahead: int, completing: int,
                 people: int) -> list[Block]:  # fmt: skip
    """`/echo series close`: what closing will do, and the button (behind Slack's confirm dialog)."""
    close = button("Close the series", Action.SERIES_CLOSE, str(program.id), style="danger")
    close["confirm"] = {
        "title": plain("Close this series?"),
        "text": mrkdwn(f"The *{escape(program.name)}* series ends now. {completing} of {people} providers get a "
                       "certificate of completion and you get the completion report. This cannot be undone."),
        "confirm": plain("Close the series"), "deny": plain("Keep it open"), "style": "danger",
    }  # fmt: skip
    later = f" {ahead} more {'is' if ahead == 1 else 'are'} scheduled in its dates and will not count." if ahead else ""
    return [
        section(
            f"*{escape(program.name)}* · series {dates(*series)}: {held} "
            f"{'session' if held == 1 else 'sessions'} held so far.{later} At {program.completion_percent}%, "
            f"*{completing} of {people}* providers would complete it."
        ),
        actions(close),
        context("Only you can see this. Closing asks you to confirm first."),
    ]


def completion_lines(items: list[tuple[int, str, date, date, int, int]]) -> list[Block]:
    """In /echo cme: each series this person completed (series id, program, dates, attended, held), with its
    certificate button."""
    if not items:
        return []
    blocks: list[Block] = [section("*Certificates of completion*")]
    for series_id, program, first, last, attended, held in items[:10]:
        blocks.append(
            section(
                f"{escape(program)} · {dates(first, last)} · attended {attended} of {held}",
                accessory=button("Certificate", Action.COMPLETION_CERTIFICATE, str(series_id)),
            )
        )
    return blocks


def digest_line(first: date, last: date, held: int, completed: int, people: int, threshold: int) -> str:
    return (f"*Series ended* ({dates(first, last)}): {held} {'session' if held == 1 else 'sessions'} held, "
            f"{completed} of {people} providers completed it (at least {threshold}%).")  # fmt: skip
