"""What the pre and post series surveys show (issue 17): the DM with its button and what it becomes when the window
closes, the survey modal, the statements editor, and the digest's comparison."""

from __future__ import annotations

from datetime import datetime

from echobot.ids import Action, Callback, SurveyField
from echobot.models import Message, Program
from echobot.reports import SurveyComparison
from echobot.views.blocks import (
    Block,
    actions,
    button,
    context,
    escape,
    input_block,
    modal,
    section,
    slack_date,
    static_select,
    text_input,
)

SCALE = (
    ("1 · Not at all confident", "1"),
    ("2 · Slightly confident", "2"),
    ("3 · Somewhat confident", "3"),
    ("4 · Very confident", "4"),
    ("5 · Completely confident", "5"),
)
STATEMENT_LIMIT = 150
NAMES = {"pre": "pre-series survey", "post": "post-series survey"}


def prompt(program: Program, phase: str, value: str, closes: datetime, count: int, *, reminder: bool) -> Message:
    """The survey DM: what it is for, until when, and the button opening it."""
    name = NAMES[phase]
    why = ("before the series starts, how confident you feel today" if phase == "pre" else
           "now that the series has ended, how confident you feel today")  # fmt: skip
    lead = "A reminder: the" if reminder else "The"
    text = (f"{lead} *{escape(program.name)}* {name}: {count} short statements, {why}, each rated from 1 (not at "
            f"all confident) to 5 (completely confident). It takes about a minute and helps the hub see what the "
            f"series changes. Open until {slack_date(closes, '{date_short_pretty} at {time}')}.")  # fmt: skip
    return Message(text=f"{program.name}: the {name}", blocks=[
        section(text), actions(button("Take the survey", Action.SURVEY_TAKE, value, style="primary")),
        context("Your answers go to the program's coordinators; the program's anonymous setting applies."),
    ])  # fmt: skip


def closed(program: Program, phase: str, answered: bool) -> Message:
    """The DM once the window has closed: the button is gone."""
    name = NAMES[phase]
    text = (f"The *{escape(program.name)}* {name} has closed. Thank you: your answers are recorded." if answered
            else f"The *{escape(program.name)}* {name} has closed; it can no longer be answered.")  # fmt: skip
    return Message(text=f"{program.name}: the {name} has closed", blocks=[section(text)])


def survey_modal(program: Program, phase: str, statements: list[str], metadata: str) -> Block:
    """One rating (1-5) per statement."""
    blocks: list[Block] = [section(f"*{escape(program.name)}*: how confident are you today?")]
    for number, statement in enumerate(statements, start=1):
        field = f"{SurveyField.RATING}{number}"
        blocks.append(input_block(field, statement[:2000], static_select(field, SCALE, placeholder="Rate 1 to 5")))
    title = "Pre-series survey" if phase == "pre" else "Post-series survey"
    return modal(title, Callback.SURVEY_VIEW, blocks, submit="Send", private_metadata=metadata)


def editor_modal(program: Program, statements: list[str], metadata: str, note: str = "") -> Block:
    """A program's statements, one line each: 5 to 8 (the last three may stay empty)."""
    blocks: list[Block] = [
        section(
            f"*{escape(program.name)}*: the self-efficacy survey's statements, rated 1 (not "
            "at all confident) to 5 (completely confident) before and after each series."
        )
    ]
    if note:
        blocks.append(context(note))
    for number in range(1, 9):
        field = f"{SurveyField.STATEMENT}{number}"
        initial = statements[number - 1] if number <= len(statements) else ""
        blocks.append(input_block(field, f"Statement {number}", text_input(field, initial=initial,
                                                                            max_length=STATEMENT_LIMIT),
                                  optional=number > 5))  # fmt: skip
    return modal("Survey statements", Callback.SURVEY_EDIT_VIEW, blocks, submit="Save", private_metadata=metadata)


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def comparison_blocks(comparison: SurveyComparison, now: datetime) -> list[Block]:
    """The digest's survey section: per statement, n paired, mean before, mean after and the change."""
    c = comparison
    still = (f" The post-survey is open until {slack_date(c.post_closes, '{date_short_pretty}')}: figures so far."
             if now < c.post_closes else "")  # fmt: skip
    lines = [f"*Self-efficacy survey, before and after* (series {c.first:%-d %b %Y} to {c.last:%-d %b %Y}): "
             f"{c.pre_answers} pre, {c.post_answers} post answers.{still}"]  # fmt: skip
    for s in c.statements:
        lines.append(f"{s.position}. {escape(s.statement)}: n={s.paired}, {_number(s.before)} → {_number(s.after)} "
                     f"({_number(s.change, signed=True)})")  # fmt: skip
    return [section("\n".join(lines)[:3000])]
