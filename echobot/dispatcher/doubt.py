"""Rows in doubt: a post that was in flight when the process stopped may already be in Slack. Before it is
sent again it is looked for, by the outbox key it carries in its metadata, in the conversation's history."""

from __future__ import annotations

import logging
from enum import Enum

from slack_sdk.errors import SlackApiError

from echobot.dispatcher.recorder import Recorder
from echobot.dispatcher.transport import SlackTransport, is_transient
from echobot.logs import describe_exception
from echobot.models import OutboxItem
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.storage import outbox as outbox_repo

log = logging.getLogger(__name__)


class Delivery(Enum):
    """What is known about whether Slack already has a row's message."""

    UNSENT = "unsent"  # as far as anyone knows, never reached Slack
    IN_DOUBT = "in doubt"  # in flight when the process stopped: Slack may have it

    @classmethod
    def of(cls, item: OutboxItem) -> Delivery:
        """Read from the row: in doubt when its process stopped or died while it was in flight (recovered at
        start, or taken over when that process's lease ran out)."""
        return cls.IN_DOUBT if item.in_doubt else cls.UNSENT


class Presence(Enum):
    """What looking for a row in doubt found."""

    IN_SLACK = "in Slack"  # recorded as sent with Slack's ts; never sent again
    ABSENT = "absent"  # not there (or Slack cannot say): sent like any other row from now on
    UNKNOWN = "unknown"  # Slack could not be asked: the row keeps its doubt and is asked about again later


class DoubtResolver:
    """Settles a row in doubt before it is sent."""

    def __init__(self, transport: SlackTransport, recorder: Recorder) -> None:
        self._transport = transport
        self._recorder = recorder
        self.resends_prevented = 0  # posts a crash left in flight that Slack already had

    async def resolve(self, item: OutboxItem) -> Presence:
        """Look for the post; record it as sent when found. Without the history scopes (missing_scope,
        not_in_channel and the like) it warns and lets the post go, so it may show twice."""
        try:
            found = await self._transport.find_in_history(item)
        except SlackApiError as error:
            code = slack_error_code(error)
            if is_transient(code):
                return await self._ask_later(item, code)
            log.warning("cannot look for outbox %s in Slack's history (%s): sending it again, so it may show "
                        "twice", item.key, code)  # fmt: skip
            await self._recorder.clear_error(item)
            return Presence.ABSENT
        except NETWORK_ERRORS as error:
            return await self._ask_later(item, type(error).__name__)
        if found is None:
            await self._recorder.clear_error(item)
            return Presence.ABSENT
        channel, ts = found
        self.resends_prevented += 1
        try:
            await self._recorder.sent(item.id, channel, ts)
        except Exception as error:
            # Slack has it: never sent from here. The row stays "sending"; once its lease runs out it is looked
            # for again.
            log.error("outbox %s was found in Slack but could not be recorded: %s", item.key,
                      describe_exception(error))  # fmt: skip
            return Presence.IN_SLACK
        log.warning("outbox %s was already in Slack (ts %s): recorded as sent, not sent again", item.key, ts)
        return Presence.IN_SLACK

    async def give_back(self, item: OutboxItem) -> None:
        """A claimed row a lane could not finish goes back to the queue, keeping its doubt if it had one."""
        reason = outbox_repo.IN_FLIGHT_AT_STOP if Delivery.of(item) is Delivery.IN_DOUBT else "lane_error"
        await self._recorder.retry(item, reason, self._recorder.backoff)

    async def _ask_later(self, item: OutboxItem, error: str) -> Presence:
        log.warning("outbox %s: cannot look in Slack's history yet (%s); asking again later", item.key, error)
        await self._recorder.retry(item, outbox_repo.IN_FLIGHT_AT_STOP, self._recorder.backoff)
        return Presence.UNKNOWN
