"""Slack Connect: reaching people Slack will not let echobot DM.

A provider from a partner organization may sit in a shared program channel while their organization does not
let apps from other organizations open a direct message with them. When Slack refuses such a DM, the row's
message goes to a program channel instead, addressed to them by a mention: in the session's thread when the
message is about a session, else at the channel's top level. A private message (a case, credit, the
registration) is not repeated in a channel others read: the mention says which command shows it, and that
command answers only them. Never a silent failure: a DM that can go nowhere is failed and logged.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from echobot import keys
from echobot.models import Message, OutboxItem, OutboxState, Program
from echobot.renderers import Renderers
from echobot.storage import Reader, Tx, outbox
from echobot.storage import cases as cases_repo
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.views.connect import instead_of_dm

log = logging.getLogger(__name__)

_SESSION = re.compile(r"^session:(\d+):")
_CASE = re.compile(r"^case:(\d+):")
# which command shows a private message again, answered only to the person (by key shape)
_POINTERS = (("case:", "/echo cases"), ("registration:", "/echo me"), (":evaluated:", "/echo cme"),
             (":certificate:", "/echo cme"))  # a certificate of completion (issue 17)


class Reach:
    """Plans, in the refused row's transaction, the message that stands in for a DM Slack refused."""

    def __init__(self, renderers: Renderers) -> None:
        self._renderers = renderers

    def register(self) -> None:
        self._renderers.dm_refused = self.instead

    async def instead(self, tx: Tx, item: OutboxItem, now: datetime) -> str | None:
        """Where the DM went instead (for the row's record), or None when there is nowhere to send it."""
        if keys.is_reminder(item.key):
            return "nowhere: the reminder itself is in the program channel"
        program, parent = await self._place(tx, item)
        if program is None:
            return None
        message = await self._message_of(tx, item, now)
        if message is None:
            return "nowhere: the message no longer applies"
        pointer = next((command for marker, command in _POINTERS if marker in item.key), "")
        if not pointer and not item.key.startswith("session:"):
            pointer = "/echo help"
        await outbox.enqueue(tx, key=f"{item.key}:instead", target=program.channel_id, now=now,
                             parent_key=parent, message=instead_of_dm(item.target, message, private=bool(pointer),
                                                                      pointer=pointer))  # fmt: skip
        log.info("outbox %s: Slack refused the DM; addressed in program %s's channel instead", item.key, program.id)
        return f"in the program channel {program.channel_id}"

    async def _place(self, db: Reader, item: OutboxItem) -> tuple[Program | None, str | None]:
        """The program channel for the message, and the session post to thread it under (when sent)."""
        if match := _SESSION.match(item.key):
            session = await sessions_repo.get(db, int(match.group(1)))
            program = await programs_repo.get(db, session.program_id) if session else None
            live = await outbox.get(db, keys.live(int(match.group(1))))
            if live is None or live.state is not OutboxState.SENT or program is None:
                return program, None
            return program, live.key if live.target == program.channel_id else None
        if match := _CASE.match(item.key):
            case = await cases_repo.get(db, int(match.group(1)))
            return (await programs_repo.get(db, case.program_id) if case else None), None
        for program_id in await programs_repo.joined(db, item.target):
            return await programs_repo.get(db, program_id), None
        return None, None

    async def _message_of(self, db: Reader, item: OutboxItem, now: datetime) -> Message | None:
        if item.render is None:
            return item.message
        renderer = self._renderers.messages.get(item.render.name)
        return await renderer(db, item.render.args, now) if renderer else None
