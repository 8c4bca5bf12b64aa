"""Sending the outbox to Slack: the dispatcher (core), its lanes, the Slack transport, the recording of
outcomes, and rows in doubt. See docs/architecture.md, "The dispatcher"."""

from echobot.dispatcher.core import Dispatcher
from echobot.dispatcher.doubt import Delivery, Presence
from echobot.dispatcher.lanes import Outcome
from echobot.dispatcher.transport import METADATA_EVENT, is_transient

__all__ = ["METADATA_EVENT", "Delivery", "Dispatcher", "Outcome", "Presence", "is_transient"]
