"""A hub review channel shared with another organization after it was chosen (Slack's channel_shared and
channel_unshared events).

Shared: the channel is held at once (storage/held_channels.py), so nothing more is sent there (case posts, their
updates and thread lines wait in the outbox, not lost), and the coordinators of the programs that use it are told
once. Unshared (or the program given another hub channel): what waited goes out, in order, and they are told
once that it did. Program channels may be shared (Slack Connect): only hub review channels are held. Should the
channel_unshared event never arrive (echobot was down past Slack's retries), a periodic recheck asks Slack about
each held channel and lets go of one that is private and internal again. The per-post check in Cases stays, for
a share Slack did not tell echobot of.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from echobot import keys
from echobot.channels import ChannelInfo, ChannelUnknown, hub_channel_problem
from echobot.clock import Clock
from echobot.models import Case, OutboxState, Program
from echobot.services.coordinators import coordinators_of
from echobot.storage import Database, Reader, Tx, audit, outbox
from echobot.storage import cases as cases_repo
from echobot.storage import held_channels as held_repo
from echobot.storage import programs as programs_repo
from echobot.views.connect import held_notice, moved_notice, resumed_notice

log = logging.getLogger(__name__)


class HubChannels:
    def __init__(self, db: Database, clock: Clock, admins: Sequence[str]) -> None:
        self._db = db
        self._clock = clock
        self._admins = tuple(admins)

    async def _reviewing(self, db: Reader, channel: str) -> list[Program]:
        """The current hub's active programs whose hub review channel is `channel`."""
        return [p for p in await programs_repo.active(db) if p.review_channel_id == channel]

    async def _people(self, db: Reader, programs: list[Program]) -> list[str]:
        people: dict[str, None] = {}
        for program in programs:
            people.update(dict.fromkeys(await coordinators_of(db, program, self._admins)))
        return list(people)

    async def shared(self, channel: str, episode: str, case: Case | None = None) -> bool:
        """Slack said `channel` was shared with another organization (its event, or `case`'s post asking first):
        when it is a hub review channel, hold it and tell its programs' coordinators (once). True when it was held
        now."""
        programs = await self._reviewing(self._db.reader, channel)
        if not programs:
            return False  # a program channel (Slack Connect is fine there), or a channel echobot does not use
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if not await held_repo.hold(tx, channel, episode, now):
                return False  # held already: a repeated or second share changes nothing
            for user in await self._people(tx, programs):
                await outbox.enqueue(tx, key=keys.hub_channel_held(channel, episode, user), target=user, now=now,
                                     message=held_notice(channel, programs, case))  # fmt: skip
            await audit.record(tx, now, "slack", "hub_channel.held", f"channel:{channel}",
                               {"programs": [p.id for p in programs]})  # fmt: skip
        log.warning("hub review channel %s was shared with another organization: nothing is sent there until it "
                    "is not", channel)  # fmt: skip
        return True

    async def unshared(self, channel: str) -> bool:
        """Slack said `channel` is shared with no other organization any more: let it go (what waited is sent,
        in order) and tell the coordinators once. True when it was held."""
        now = self._clock.now()
        async with self._db.transaction() as tx:
            episode = await held_repo.release(tx, channel)
            if episode is None:
                return False
            programs = await self._reviewing(tx, channel)
            waiting = await held_repo.waiting(tx, channel)
            for user in await self._people(tx, programs) if programs else []:
                await outbox.enqueue(tx, key=keys.hub_channel_resumed(channel, episode, user), target=user, now=now,
                                     message=resumed_notice(channel, programs, waiting))  # fmt: skip
            await audit.record(tx, now, "slack", "hub_channel.resumed", f"channel:{channel}", {"waiting": waiting})
        log.info("hub review channel %s is no longer shared: %d waiting message(s) go out", channel, waiting)
        return True

    async def recheck(self, ask: ChannelInfo) -> int:
        """Ask Slack about each of the current hub's held channels; let go of those private and internal again
        (what waited is sent, the coordinators told once). How many were let go."""
        released = 0
        for channel in await held_repo.held(self._db.reader):
            try:
                problem = hub_channel_problem(await ask(channel))
            except ChannelUnknown as unknown:
                log.info("held hub channel %s: Slack did not describe it (%s); still held", channel, unknown.code)
                continue
            if problem is None and await self.unshared(channel):
                released += 1
        return released

    async def review_moved(self, tx: Tx, program: Program, old: str, now: datetime) -> None:
        """A program's hub review channel changed (its coordinators' edit): when the old one is held, the program's
        cases not yet posted there (with their updates and thread lines) go to the new one, and the coordinators
        are told once. Messages about cases already posted in the old channel wait for it."""
        episode = await held_repo.episode(tx, old)
        if episode is None:
            return
        moved = 0
        for case_id in await cases_repo.ids_of_program(tx, program.id):
            post = await outbox.get(tx, keys.case_hub(case_id))
            if post is not None and post.target == old and post.state is OutboxState.PENDING:
                await outbox.retarget(tx, keys.case(case_id), old, program.review_channel_id)
                moved += 1
        for user in await coordinators_of(tx, program, self._admins):
            await outbox.enqueue(tx, key=keys.hub_channel_moved(old, episode, program.id, user), target=user,
                                 now=now, message=moved_notice(old, program, moved))  # fmt: skip
