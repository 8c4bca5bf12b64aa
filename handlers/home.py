"""App Home: published when a person opens it, and after changes to what it shows."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.commands import may_use
from echobot.container import Services
from echobot.handlers.command import AUDIENCES, CommandRequest, Router, parse, refusal
from echobot.handlers.context import Actor
from echobot.handlers.events import once_per_event
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.handlers.sessions import presenting_of
from echobot.ids import Action, Callback
from echobot.models import Person
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.views.blocks import escape, modal, section
from echobot.views.evaluations import credits_home_section
from echobot.views.home import StaffWork, home_view
from echobot.views.materials import past_materials_blocks

log = logging.getLogger(__name__)


async def staff_work(services: Services, person: Person) -> StaffWork:
    """A coordinator's programs (next session, cases on its agenda); a specialist's cases waiting and in review.
    Neither needs a provider registration."""
    work = StaffWork()
    for program in await services.programs.managed_by(person):
        upcoming = await services.sessions.upcoming([program])
        session = upcoming[0][0] if upcoming else None
        on_agenda = len(await services.cases.agenda(services.db.reader, session.id)) if session else 0
        work.coordinating.append((program, session, on_agenda))
    staffed = [p for p in await services.programs.active() if person.user_id in p.specialists]
    if staffed or (work.coordinating and person.specialist_programs):
        work.specialist = True
    if work.specialist:
        work.waiting = await services.cases.queue(person)
        work.in_review = await services.cases.in_review_by(person)
        work.hub_channels = [p.review_channel_id for p in staffed]
    return work


async def publish_home(services: Services, client: AsyncWebClient, user_id: str) -> None:
    """Rebuild a person's Home tab. Best effort: the next visit rebuilds it anyway."""
    person = await services.people.whois(user_id)
    programs = await services.programs.of_person(person) if person.provider else []
    upcoming = await services.sessions.upcoming(programs, days=30) if programs else []
    credits = credits_home_section(await services.evaluations.transcript(user_id)) if person.provider else None
    presenting = await presenting_of(services, user_id)
    checking_in = [(s, p, user_id in await services.sessions.attendees(s.id))
                   for s, p in await services.sessions.open_for_check_in(programs)] if programs else []  # fmt: skip
    work = await staff_work(services, person)
    materials = await services.materials.past([*programs, *(p for p, _, _ in work.coordinating if p not in programs)])
    view = home_view(person, (await services.hubs.profile()).name, programs, upcoming, credits,
                     work=work, presenting=presenting, checking_in=checking_in,
                     materials=past_materials_blocks(materials))  # fmt: skip
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


async def run_command(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                      services: Services, router: Router, actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """A button doing what `/echo <value>` does, through the command's own code path and audience check. Its
    answer is shown where the button was: in a message (an ephemeral answer) or, from Home, in a modal."""
    await ack()
    text = str(action.get("value") or "help")
    name, args = parse(text, router.names)
    handler = router.get(name) if name in AUDIENCES else None
    person = await actor.person()
    answers: list[dict[str, Any]] = []

    async def capture(text: str = "", blocks: list[dict[str, Any]] | None = None, **_: Any) -> None:
        if text or blocks:
            answers.append({"text": text, "blocks": blocks})

    if handler is None:
        return
    if not may_use(person, AUDIENCES[name]):
        await capture(**refusal(person, AUDIENCES[name], name))
    else:
        channel = str((body.get("channel") or {}).get("id") or "")
        await handler(CommandRequest(services=services, person=person, name=name, args=args, text=text,
                                     trigger_id=trigger_id, channel_id=channel, ack=capture,  # type: ignore[arg-type]
                                     client=client))  # fmt: skip
    for answer in answers:
        if getattr(respond, "response_url", None):
            reply_later(services.inflight, respond, response_type="ephemeral", **answer)
        else:
            blocks = answer["blocks"] or [section(escape(answer["text"]))]
            view = modal(BUTTON_TITLES.get(name, "echobot"), Callback.NOTICE_VIEW, blocks[:95], submit=None,
                         close="Close")  # fmt: skip
            services.inflight.spawn(open_modal(client, trigger_id, view, user_id=actor.user_id), "command-answer")


async def answer_in_view(services: Services, client: AsyncWebClient, body: dict, user_id: str, text: str) -> None:
    """A click in a view has no response_url: Home is rebuilt, and a modal (a button's answer) shows `text`."""
    view = body.get("view") or {}
    await publish_home(services, client, user_id)
    if view.get("type") == "modal" and view.get("id"):
        notice = modal("echobot", Callback.NOTICE_VIEW, [section(text)], submit=None, close="Close")
        try:
            await client.views_update(view_id=view["id"], view=notice)
        except SlackApiError as error:
            log.info("could not update the modal for %s: %s", user_id, slack_error_code(error))
        except NETWORK_ERRORS as error:
            log.info("could not update the modal for %s: %s", user_id, type(error).__name__)


BUTTON_TITLES = {"program list": "Programs", "sessions": "Sessions", "cases": "Your cases", "cme": "Your credit",
                 "evaluate": "Evaluate", "queue": "Case queue", "help": "echobot"}  # fmt: skip


def register(app: AsyncApp, services: Services) -> None:
    app.event("app_home_opened", middleware=[once_per_event(services)])(home_opened)
    app.action(re.compile(rf"^{Action.RUN_COMMAND}:\w+$"))(run_command)
