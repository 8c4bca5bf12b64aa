"""A modal submission's change, made once: a resent submission (same Slack view id, same purpose) is a no-op.

    submission = Submission(db, submission_id, "session.edit")
    if await submission.seen():          # optional: answer a resend before validating again
        return {}
    async with submission.once(now) as tx:
        if submission.replayed:          # the same form, delivered twice at once
            return {}
        if refused:
            submission.refuse()          # not recorded: the person corrects the form and submits it again
            return errors
        ...                              # the change; recorded with it when the block ends without error

The record is written in the change's own transaction (`storage/inbound.py`: an `inbound_events` row keyed
`view:<view id>:<purpose>`), so a change and its record commit together or not at all. Only success is
recorded: Slack keeps the view id when a person corrects a refused form, so a refusal must not be remembered.
An empty submission id (a caller with no modal) is never recorded, and never counts as seen.

Which replay mechanism guards what (the same table is in docs/architecture.md):

- replay guard (`echobot/replays.py`): any identical signed request (same body) within the signature's
  5 minutes is single-flighted and answered alike; one process, in memory.
- recorded submissions (this module): a modal resent with the same view id (sessions: edit, cancel, code,
  attendance; programs: create, edit; evaluations; case triage); `inbound_events`, across processes.
- the submission-key column (`cases.submission_key`, UNIQUE): one case per submitted case form.
- event ids (`inbound.first_sighting` in `handlers/events.py`): Slack's retried Events API deliveries.
- outbox keys (`echobot/keys.py`; `outbox.key` is UNIQUE): each message and job is planned once,
  whatever asked for it twice.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from echobot.storage import inbound
from echobot.storage.database import Database, Tx


class Submission:
    """One modal submission (`submission_id` = Slack's view id) for one `purpose`."""

    def __init__(self, db: Database, submission_id: str, purpose: str) -> None:
        self._db = db
        self.submission_id = submission_id
        self.purpose = purpose
        self.replayed = False
        self._refused = False

    async def seen(self) -> bool:
        """True when this submission already succeeded (read outside any transaction)."""
        return await inbound.submitted(self._db.reader, self.submission_id, self.purpose)

    def refuse(self) -> None:
        """This attempt is refused: do not record it, so the corrected form is handled when it comes."""
        self._refused = True

    @asynccontextmanager
    async def once(self, now: datetime) -> AsyncIterator[Tx]:
        """A write transaction; `replayed` says whether the submission was already recorded (checked inside it,
        so two deliveries at once are told apart). Recorded at the end unless replayed, refused or failed."""
        async with self._db.transaction() as tx:
            self.replayed = await inbound.submitted(tx, self.submission_id, self.purpose)
            self._refused = False
            yield tx
            if not self.replayed and not self._refused:
                await inbound.remember_submission(tx, self.submission_id, self.purpose, now)
