"""What outbox rows with a render spec are made of, by name (beside the outbox, below the services).

Services register their renderers and jobs here; the dispatcher looks them up when a row is sent. Neither
side imports the other.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from echobot.channels import ChannelInfo
from echobot.models import Message, OutboxItem
from echobot.storage import Reader, Tx

MessageRenderer = Callable[[Reader, dict[str, Any], datetime], Awaitable[Message | None]]
JobRunner = Callable[[Tx, dict[str, Any], datetime], Awaitable[None]]
# A DM Slack refused (the person is in another organization that does not allow it): plans, in `tx`, what
# stands in for it and says where it went, or None when there is nowhere.
Redirect = Callable[[Tx, OutboxItem, datetime], Awaitable[str | None]]


@dataclass
class Renderers:
    """Message renderers and jobs by name.

    A message renderer returns the message to send, or None when it no longer applies (the row is then
    skipped). A job runs inside the transaction that marks its row done, so its effect happens exactly once.
    """

    messages: dict[str, MessageRenderer] = field(default_factory=dict)
    jobs: dict[str, JobRunner] = field(default_factory=dict)
    # Asks Slack about a channel when a renderer must (the hub review channel before a case is posted); set
    # by the runtime from its Slack client. None (unit tests without Slack): nothing is asked.
    channel_info: ChannelInfo | None = None
    dm_refused: Redirect | None = None


class Withheld(Exception):
    """Raised by a renderer: the message must not be sent now (say, the hub review channel is shared with
    another organization). The row is not sent; it is tried again after the dispatcher's back-off, so it goes
    out once the reason is gone. The renderer has told whoever must act."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
