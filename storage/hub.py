"""Which hub (installed workspace, or Enterprise Grid organization) the running code acts for.

One echobot deployment may serve many hubs. Every request and every outbox row belongs to one; the hub is
set once where the work enters echobot (the request middleware from Bolt's authorization, the dispatcher from
the row it sends, the periodic jobs for each hub in turn) and read here by the repositories of the top-level
records (programs, providers, coordinators, audit, outbox), which filter and write by it. Records hanging off
a program are reached through their program, so they need no hub of their own.

A context variable rather than a parameter threaded through every service: asyncio copies it into the tasks
a request spawns, so work started for a hub stays that hub's, and no call site can forget to pass it. In
single-token mode (one hub, SLACK_BOT_TOKEN) it is always DEFAULT_HUB, the key existing rows migrated to.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import select

DEFAULT_HUB = "default"

_current: ContextVar[str] = ContextVar("echobot_hub", default=DEFAULT_HUB)


def current() -> str:
    """The hub the running code acts for."""
    return _current.get()


def enter(hub: str) -> None:
    """Act for `hub` from here on in this task (and the tasks it starts): the request middleware's call."""
    _current.set(hub or DEFAULT_HUB)


@contextmanager
def scope(hub: str) -> Iterator[str]:
    """Act for `hub` inside the block, then for whichever hub was current before."""
    token = _current.set(hub or DEFAULT_HUB)
    try:
        yield hub
    finally:
        _current.reset(token)


def owns_program(program_id: Any) -> Any:
    """A condition on a program id column: the program belongs to the current hub. Records that hang off a
    program (sessions, cases, credits…) are scoped through it."""
    from echobot.storage.tables import programs

    return program_id.in_(select(programs.c.id).where(programs.c.hub_id == current()))


def owns_session(session_id: Any) -> Any:
    """A condition on a session id column: the session's program belongs to the current hub."""
    from echobot.storage.tables import sessions

    return session_id.in_(select(sessions.c.id).where(owns_program(sessions.c.program_id)))
