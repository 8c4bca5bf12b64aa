"""The Slack edge: one module per feature, each with register(app, router) binding ids to its listeners
(module-level functions; what they need arrives through the context, see handlers/context.py)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from echobot.container import Services
from echobot.handlers import (
    attendance,
    cases,
    command,
    context,
    digests,
    errors,
    evaluations,
    events,
    fallback,
    home,
    hubs,
    invitations,
    library,
    materials,
    programs,
    registration,
    series,
    sessions,
    surveys,
    takeback,
    wellformed,
)


def register_all(app: AsyncApp, services: Services) -> None:
    errors.register(app)
    wellformed.register(app)
    router = command.Router()
    context.register(app, services, router)
    command.register(app, router)
    registration.register(app, router)
    programs.register(app, router)
    invitations.register(app, router)
    sessions.register(app, router)
    attendance.register(app, router)
    materials.register(app, router)
    cases.register(app, router)
    library.register(app, router)
    evaluations.register(app, router)
    series.register(app, router)
    surveys.register(app, router)
    digests.register(app, router)
    hubs.register(app, router)
    home.register(app, services)
    takeback.register(app, services)
    events.register(app, services)
    fallback.register(app)
