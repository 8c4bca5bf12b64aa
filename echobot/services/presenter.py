"""The presenter's side of a case: one message per case (a DM), its status line updated in place, each
change a reply in its thread (issue 19). Rows go to the presenter's lane, so they arrive in order; an update
a later one supersedes is skipped when its turn comes, so updates coalesce."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from echobot import keys
from echobot.models import Case, Message, OutboxKind, Render
from echobot.storage import Reader, Tx, outbox
from echobot.storage import cases as cases_repo
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.views.cases import presenter_message, presenter_reply

RENDERER = "case.presenter"


async def tell(tx: Tx, case: Case, action: str, note: str | None, number: int, now: datetime,
               *, dm: bool = True) -> None:  # fmt: skip
    """Plan the case message (once: its key is taken after), its update and the change's thread reply."""
    main = keys.case_presenter(case.id)
    await outbox.enqueue(tx, key=main, target=case.submitter, now=now,
                         render=Render(name=RENDERER, args={"case_id": case.id}))  # fmt: skip
    if action == "submit":
        return
    await update(tx, case.id, case.submitter, number, now)
    session = await sessions_repo.get(tx, case.session_id) if case.session_id else None
    reply = presenter_reply(case, action, note, session) if dm else None
    if reply is not None:
        await outbox.enqueue(tx, key=keys.case_presenter_thread(case.id, number), parent_key=main,
                             target=case.submitter, now=now, message=reply)  # fmt: skip


async def update(tx: Tx, case_id: int, submitter: str, number: int, now: datetime) -> None:
    """Plan an update of the case message, rendered when sent (the `number`th change of the case)."""
    render = Render(name=RENDERER, args={"case_id": case_id, "update": number})
    await outbox.enqueue(tx, key=keys.case_presenter_update(case_id, number), kind=OutboxKind.UPDATE,
                         parent_key=keys.case_presenter(case_id), target=submitter, now=now,
                         render=render)  # fmt: skip


async def render(db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
    """The case message as the case stands now; None (skipped) for an update a later planned one supersedes."""
    case = await cases_repo.get(db, int(args["case_id"]))
    if case is None:
        return None
    if "update" in args:
        later = await outbox.pending_by_prefix(db, keys.case_presenter(case.id) + ":update:")
        if any(int(row.key.rsplit(":", 1)[1]) > int(args["update"]) for row in later):
            return None
    program = await programs_repo.get(db, case.program_id)
    session = await sessions_repo.get(db, case.session_id) if case.session_id else None
    return None if program is None else presenter_message(case, program, session)
