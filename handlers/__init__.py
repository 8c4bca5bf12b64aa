"""The Slack edge: one module per feature, each with register(app, services, router)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from echobot.container import Services
from echobot.handlers import (
    cases,
    command,
    digests,
    errors,
    evaluations,
    fallback,
    home,
    programs,
    registration,
    sessions,
    wellformed,
)


def register_all(app: AsyncApp, services: Services) -> None:
    errors.register(app)
    wellformed.register(app)
    router = command.register(app, services)
    registration.register(app, services, router)
    programs.register(app, services, router)
    sessions.register(app, services, router)
    cases.register(app, services, router)
    evaluations.register(app, services, router)
    digests.register(app, services, router)
    home.register(app, services)
    fallback.register(app)
