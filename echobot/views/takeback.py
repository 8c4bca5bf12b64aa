"""What a report of identifiers shows: its button (with Slack's confirm dialog), the placeholder that replaces
the case's text, what the hub thread and the presenter are told, and the note to someone whose reply in a case
thread looked like it held an identifier. Never any of the reported text."""

from __future__ import annotations

from echobot.ids import Action
from echobot.models import Case, LibraryEntry, Message, Program
from echobot.views.blocks import Block, actions, button, context, escape, plain, section

REMOVED = "(Text removed: someone reported patient identifiers in this case.)"


def report_button(case_id: int) -> Block:
    """"Report identifiers", asking first: the removal cannot be undone."""
    element = button("Report identifiers", Action.CASE_REPORT, str(case_id))
    element["confirm"] = {
        "title": plain("Remove this case's text?"),
        "text": plain("echobot removes the case's clinical text everywhere it put it: the hub post, its thread, "
                      "the presenter's messages and its database. The case number, program, dates and states "
                      "stay. This cannot be undone."),
        "confirm": plain("Remove the text"),
        "deny": plain("Keep it"),
        "style": "danger",
    }  # fmt: skip
    return element


def report_block(case_id: int, text: str = "Does this identify the patient?") -> Block:
    """The button beside a short question, apart from the case's other buttons."""
    return section(f"_{text}_", accessory=report_button(case_id))


def removed_message(note: str) -> Message:
    """What every message of the case that held its text says instead."""
    return Message(text=note, blocks=[section(note)])


def reminder_removed(case_id: int) -> Message:
    """A reminder that listed the case, after its text was taken back (the session has ended meanwhile)."""
    note = (f"(This reminder listed Case #{case_id}, whose text was removed: someone reported patient "
            "identifiers in it. `/echo sessions` shows the sessions.)")  # fmt: skip
    return removed_message(note)


def takeback_thread_line(actor: str, entry: LibraryEntry | None = None) -> Message:
    """What the hub thread is told; with the case's library entry hidden pending review, a coordinator's button."""
    text = (f"<@{actor}> reported patient identifiers in this case: echobot removed its clinical text from the "
            "hub post, this thread, the presenter's messages and its database. The case number, program, dates "
            "and states stay. If you copied any of it elsewhere, remove it there too.")  # fmt: skip
    if entry is None:
        return Message(text=text, blocks=[section(text)])
    held = ("Its case library entry (the teaching points) is hidden from search until a coordinator reviews it: "
            "Keep hidden, or Show again if it names no one.")  # fmt: skip
    return Message(text=f"{text} {held}", blocks=[
        section(text), section(held),
        actions(button("Review the library entry", Action.LIBRARY_REVIEW, str(entry.id))),
    ])  # fmt: skip


def takeback_dm(case: Case, program: Program, actor: str) -> Message:
    """The presenter is told, with a way to present the case again without the identifiers."""
    who = "You" if actor == case.submitter else f"<@{actor}>"
    text = (f"{who} reported patient identifiers in *{case.title}* ({escape(program.name)}). echobot removed "
            "its clinical text from the hub's channel, its thread, your messages and its database; the case "
            "number, program, dates and states stay. To have the hub discuss it, present it again without "
            "names, places smaller than a state, full dates or numbers that point to the patient.")  # fmt: skip
    return Message(text=text.replace("*", ""), blocks=[
        section(text),
        actions(button("Present it again, de-identified", Action.OPEN_CASE, str(program.id), style="primary")),
        context("Safe Harbor: say “the patient”, “rural”, “3 weeks ago”, “90+”."),
    ])  # fmt: skip


def reply_note(seen: list[str]) -> Message:
    """The ephemeral note to the author of a reply in a case thread that looked like it held identifiers."""
    what = "; ".join(dict.fromkeys(seen))
    text = (f":warning: Your reply in this case thread {what}. Please edit it or delete it: case threads must "
            "stay de-identified. (echobot kept nothing of it; only a count reaches the coordinators.)")  # fmt: skip
    return Message(text=text, blocks=[section(text)])
