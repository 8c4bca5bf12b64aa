"""What every listener needs, put into Bolt's context by one global middleware so that Bolt injects it by
name: `services`, `router` (the /echo subcommands), `actor` (who acts; their Person is looked up only when
a listener asks), `view_state` (a modal's private_metadata, parsed), `values` (a submitted modal's
inputs), `submission_id` (the view id that makes a resent submission a no-op) and `trigger_id`. Bolt
itself provides `channel_id`.

Nothing here touches the database or Slack: the ack path stays as cheap as it was."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from echobot.container import Services
from echobot.handlers.forms import read_values
from echobot.installs import request_hub
from echobot.models import Person
from echobot.services.people import People
from echobot.storage import hub
from echobot.views.metadata import ViewState

if TYPE_CHECKING:
    from echobot.handlers.command import Router


class Actor:
    """The person acting on a request: the user id at once, the Person (one query) on first use."""

    def __init__(self, people: People, user_id: str, team_id: str = "") -> None:
        self.user_id = user_id
        self.team_id = team_id  # their Slack team: a partner organization's when they act in a shared channel
        self._people = people
        self._person: Person | None = None

    async def person(self) -> Person:
        if self._person is None:
            self._person = await self._people.whois(self.user_id)
        return self._person


class ListenerContext(AsyncMiddleware):
    """The global middleware that fills the context (registered after the well-formedness check). A Bolt
    middleware object rather than a function: Bolt builds no injected arguments for it on every request."""

    def __init__(self, services: Services, router: Router) -> None:
        self._services = services
        self._router = router

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        body: Any = req.body
        context = req.context
        hub.enter(request_hub(context) if self._services.hubs.many else hub.DEFAULT_HUB)
        view = body.get("view") if isinstance(body, dict) else None
        context["services"] = self._services
        context["router"] = self._router
        context["actor"] = Actor(self._services.people, str(context.user_id or ""), user_team(body, context.team_id))
        context["trigger_id"] = str(body.get("trigger_id") or "") if isinstance(body, dict) else ""
        context["view_state"] = ViewState.decode(view.get("private_metadata") if isinstance(view, dict) else None)
        context["values"] = read_values(view) if isinstance(view, dict) else {}
        context["submission_id"] = str(view.get("id") or "") if isinstance(view, dict) else ""
        return await next()


def user_team(body: Any, fallback: str | None) -> str:
    """The acting person's own team: `user.team_id` in interactive payloads (in a Slack Connect channel, the
    partner organization's), a slash command's `team_id`, else the team Bolt found."""
    if not isinstance(body, dict):
        return str(fallback or "")
    user = body.get("user")
    team = user.get("team_id") if isinstance(user, dict) else None
    return str(team or body.get("user_team") or body.get("team_id") or fallback or "")


def register(app: AsyncApp, services: Services, router: Router) -> None:
    app.middleware(ListenerContext(services, router))
