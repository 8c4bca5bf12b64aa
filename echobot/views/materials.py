"""Session materials (issue 17): the modal that attaches them, the reply in the session's thread, the links."""

from __future__ import annotations

from echobot.ids import Action, Callback, MaterialsField
from echobot.models import Message, Program, Session, SessionMaterials
from echobot.views.attendance import session_label
from echobot.views.blocks import (
    Block,
    button,
    context,
    escape,
    file_input,
    input_block,
    modal,
    section,
    slack_date,
    static_select,
    text_input,
)

SLIDE_TYPES = ("pdf", "pptx", "ppt", "key", "odp")
NO_PHI = ("Slides must not contain patient identifiers (names, dates of birth, record numbers, photos): echobot "
          "cannot check a file, so check them before you attach them.")  # fmt: skip
REFUSED = ("Only the program's coordinators and the session's presenter (whose case is on its agenda) can attach "
           "its materials.")  # fmt: skip


def links(materials: SessionMaterials | None) -> str:
    """"Slides · Recording" as links, or "" when the session has none."""
    if materials is None:
        return ""
    found = []
    if materials.slides_permalink:
        found.append(f"<{materials.slides_permalink}|Slides>")
    if materials.recording_url:
        found.append(f"<{materials.recording_url}|Recording>")
    return " · ".join(found)


def materials_modal(items: list[tuple[Session, Program]], chosen: int | None = None,
                    current: SessionMaterials | None = None) -> Block:  # fmt: skip
    """The session (your programs' recent and upcoming ones), the slides file, the recording link, the title."""
    if not items:
        blocks = [section("No recent or upcoming session of your programs takes materials from you. " + REFUSED)]
        return modal("Session materials", Callback.MATERIALS_VIEW, blocks, submit=None, close="Close")
    options = [(session_label(session, program), str(session.id)) for session, program in items[:100]]
    initial = str(chosen) if chosen is not None and any(v == str(chosen) for _, v in options) else options[0][1]
    session = next(s for s, _ in items if str(s.id) == initial)
    recording = current.recording_url if current is not None and current.session_id == session.id else ""
    slides_hint = "PDF or presentation. " + NO_PHI
    if current is not None and current.session_id == session.id and current.slides_name:
        slides_hint = f"Now: {current.slides_name[:60]}. Attach a file only to replace it. " + NO_PHI
    blocks = [
        input_block(MaterialsField.SESSION, "Session",
                    static_select(MaterialsField.SESSION, options, initial=initial),
                    hint="Times in the program's time zone."),
        input_block(MaterialsField.SLIDES, "Slides", file_input(MaterialsField.SLIDES, SLIDE_TYPES),
                    optional=True, hint=slides_hint[:150]),
        input_block(MaterialsField.RECORDING, "Recording link",
                    text_input(MaterialsField.RECORDING, initial=recording or "", max_length=500,
                               placeholder="https://…"),
                    optional=True, hint="An https:// address. Leave it empty to remove the link."),
    ]  # fmt: skip
    if not session.topic:
        blocks.append(input_block(MaterialsField.TITLE, "Didactic title",
                                  text_input(MaterialsField.TITLE, max_length=150), optional=True))
    if not session.presenter:
        blocks.append(input_block(MaterialsField.PRESENTER, "Didactic presenter",
                                  text_input(MaterialsField.PRESENTER, max_length=100), optional=True))
    blocks.append(context(NO_PHI + " Attaching again replaces the session's materials; the post in the session's "
                          "thread and the evaluation messages are updated."))  # fmt: skip
    return modal("Session materials", Callback.MATERIALS_VIEW, blocks, submit="Attach")


def materials_saved_modal(session: Session, program: Program, materials: SessionMaterials) -> Block:
    text = (f":white_check_mark: The materials of *{escape(program.name)}* · {slack_date(session.starts_at)} are "
            f"saved: {links(materials)}. They are posted in the session's thread.")  # fmt: skip
    return modal("Session materials", Callback.MATERIALS_VIEW, [section(text)], submit=None, close="Done")


def materials_reply(session: Session, program: Program, materials: SessionMaterials) -> Message:
    """The one reply in the session's thread, updated in place when the materials change."""
    title = f" · _{escape(session.topic)}_" if session.topic else ""
    by = f" ({escape(session.presenter)})" if session.presenter else ""
    text = (f":paperclip: *Materials* of the {escape(program.name)} session of {slack_date(session.starts_at)}"
            f"{title}{by}: {links(materials)}")  # fmt: skip
    return Message(text=f"Materials of the {program.name} session", blocks=[
        section(text),
        context(f"Updated {slack_date(materials.at, '{date_short_pretty} at {time}')} by <@{materials.actor}>."),
    ])  # fmt: skip


def slides_comment(session: Session, program: Program) -> str:
    """Beside the slides echobot shares into the session's thread."""
    title = f": _{escape(session.topic)}_" if session.topic else ""
    return (f":paperclip: Slides of the {escape(program.name)} session of "
            f"{slack_date(session.starts_at, '{date_short_pretty}')}{title}")


def materials_button(session_id: int) -> Block:
    return button("Materials", Action.MATERIALS_OPEN, str(session_id))


def past_materials_blocks(items: list[tuple[Session, Program, SessionMaterials]]) -> list[Block]:
    """Past sessions' materials, newest first (`/echo sessions`, App Home)."""
    if not items:
        return []
    lines = [f"• *{escape(program.name)}* · {slack_date(session.starts_at, '{date_short_pretty}')}: {links(m)}"
             for session, program, m in items[:10]]  # fmt: skip
    return [section("*Past sessions' materials*\n" + "\n".join(lines))]
