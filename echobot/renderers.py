"""What outbox rows with a render spec are made of, by name (beside the outbox, below the services).

Services register their renderers and jobs here; the dispatcher looks them up when a row is sent. Neither
side imports the other.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from echobot.models import Message
from echobot.storage import Reader, Tx

MessageRenderer = Callable[[Reader, dict[str, Any], datetime], Awaitable[Message | None]]
JobRunner = Callable[[Tx, dict[str, Any], datetime], Awaitable[None]]


@dataclass
class Renderers:
    """Message renderers and jobs by name.

    A message renderer returns the message to send, or None when it no longer applies (the row is then
    skipped). A job runs inside the transaction that marks its row done, so its effect happens exactly once.
    """

    messages: dict[str, MessageRenderer] = field(default_factory=dict)
    jobs: dict[str, JobRunner] = field(default_factory=dict)
