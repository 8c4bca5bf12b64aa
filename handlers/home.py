"""App Home: published when a person opens it, and after changes to what it shows."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.events import once_per_event
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.views.evaluations import credits_home_section
from echobot.views.home import home_view

log = logging.getLogger(__name__)


async def publish_home(services: Services, client: AsyncWebClient, user_id: str) -> None:
    """Rebuild a person's Home tab. Best effort: the next visit rebuilds it anyway."""
    person = await services.people.whois(user_id)
    programs = await services.programs.of_person(person) if person.provider else []
    upcoming = await services.sessions.upcoming(programs, days=30) if programs else []
    credits = credits_home_section(await services.evaluations.transcript(user_id)) if person.provider else None
    view = home_view(person, services.settings.hub_name, programs, upcoming, credits)
    try:
        await client.views_publish(user_id=user_id, view=view)
    except SlackApiError as error:
        log.warning("could not publish App Home for %s: %s", user_id, slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.warning("could not publish App Home for %s: %s", user_id, type(error).__name__)


async def home_opened(event: dict, client: AsyncWebClient, services: Services) -> None:
    if event.get("tab", "home") != "home" or not isinstance(event.get("user"), str):
        return
    services.inflight.spawn(publish_home(services, client, event["user"]), "publish-home")


def register(app: AsyncApp, services: Services) -> None:
    app.event("app_home_opened", middleware=[once_per_event(services)])(home_opened)
