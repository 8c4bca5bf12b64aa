"""Removing a case's clinical text everywhere echobot put it: the database (the case and its history's notes),
every outbox copy, and in Slack (each sent message updated in place, the hub post re-rendered). Retention and a
report of identifiers share it; the caller's transaction holds it all, so it happens entirely or not at all."""

from __future__ import annotations

from datetime import datetime

from echobot import keys
from echobot.models import Case, OutboxKind, OutboxState, Program, Render
from echobot.services import presenter
from echobot.storage import Tx, outbox
from echobot.storage import cases as cases_repo
from echobot.views.takeback import removed_message

# A post in one of these states may reach Slack, or have reached it, with the text: it gets an update too (an
# update waits for its post to be sent, and repeating one is harmless).
REACHABLE = (OutboxState.PENDING, OutboxState.SENDING, OutboxState.SENT)


async def remove_text(tx: Tx, case: Case, program: Program, now: datetime, *, actor: str, action: str,
                      note: str, reported: bool = False) -> bool:  # fmt: skip
    """Purge the case's text and history notes, record `action` in its history, rewrite every outbox copy to
    `note` and plan the updates that replace it in Slack. False (and nothing done) when retention finds the
    case already purged; a report (`reported`) removes whatever text it holds again."""
    if not await cases_repo.purge(tx, case.id, now, reported=reported):
        return False
    await cases_repo.record(tx, case.id, actor, action, case.state, case.state, None, now)
    removed = removed_message(note)
    for row in await outbox.by_prefix(tx, keys.case(case.id)):
        if row.message is None or row.key.startswith(keys.takebacks(case.id)):
            continue  # rendered when sent (from the purged case), or a report's notice (no case text)
        await outbox.replace_message(tx, row.id, removed)
        if row.state in REACHABLE and row.kind is OutboxKind.POST and not keys.is_case_hub(row.key):
            await outbox.enqueue(tx, key=keys.purged(row.key), kind=OutboxKind.UPDATE, parent_key=row.key,
                                 target=row.target, now=now, message=removed)  # fmt: skip
    number = await cases_repo.event_count(tx, case.id)
    await outbox.enqueue(tx, key=keys.case_hub_update(case.id, number), kind=OutboxKind.UPDATE,
                         parent_key=keys.case_hub(case.id), target=program.review_channel_id, now=now,
                         render=Render(name="case.hub", args={"case_id": case.id}))  # fmt: skip
    if await outbox.get(tx, keys.case_presenter(case.id)) is not None:
        await presenter.update(tx, case.id, case.submitter, number, now)
    return True
