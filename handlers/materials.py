"""Session materials (issue 17): /echo session materials, "Materials" on the session post and on Home, and the
modal's submission (the slides' permalink is read from Slack with files.info before the answer)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlparse

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import choice, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, MaterialsField
from echobot.services.materials import MaterialsForm, Slides
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.validation import parse_id
from echobot.views.materials import REFUSED, materials_modal, materials_saved_modal

log = logging.getLogger(__name__)
FILES_INFO_DEADLINE = 1.8


async def materials_command(request: CommandRequest) -> None:
    """`/echo session materials`: your programs' recent and upcoming sessions you may attach materials to."""
    await request.ack()
    services = request.services
    items = await services.materials.choices(request.person)
    current = await services.materials.current(items[0][0].id) if items else None
    services.inflight.spawn(open_modal(request.client, request.trigger_id, materials_modal(items, current=current),
                                       user_id=request.person.user_id, channel_id=request.channel_id),
                            "open-materials")  # fmt: skip


async def open_materials(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                         services: Services, actor: Actor, trigger_id: str,
                         channel_id: str | None) -> None:  # fmt: skip
    """Materials on the session post: the modal of that session, for its coordinators and presenter."""
    await ack()
    person = await actor.person()
    allowed = await services.materials.allowed(person, parse_id(action.get("value")))
    if allowed is None:
        reply_later(services.inflight, respond, text=REFUSED, response_type="ephemeral", replace_original=False)
        return
    session = allowed[0]
    items = await services.materials.choices(person)
    if all(s.id != session.id for s, _ in items):
        items.insert(0, allowed)  # older than the recent sessions listed: still theirs to complete
    view = materials_modal(items, chosen=session.id, current=await services.materials.current(session.id))
    services.inflight.spawn(open_modal(client, trigger_id, view, user_id=actor.user_id, channel_id=channel_id or ""),
                            "open-materials")  # fmt: skip


async def _slides(client: AsyncWebClient, values: dict[str, Any]) -> tuple[Slides | None, str]:
    """The attached file as Slack keeps it (from files.info, the app's own call): (slides, "") or (None, why)."""
    files = values.get(MaterialsField.SLIDES)
    file = files[0] if isinstance(files, list) and files and isinstance(files[0], dict) else None
    file_id = str(file.get("id") or "") if file else ""
    if not file_id:
        return None, ""
    try:
        info = (await asyncio.wait_for(client.files_info(file=file_id), FILES_INFO_DEADLINE)).get("file") or {}
    except SlackApiError as error:
        log.warning("files.info for %s failed: %s", file_id, slack_error_code(error))
        return None, "Slack did not hand over the file: attach it again."
    except NETWORK_ERRORS as error:
        log.warning("files.info for %s failed: %s", file_id, type(error).__name__)
        return None, "Slack took too long to answer: try again in a moment."
    permalink = str(info.get("permalink") or "")
    if urlparse(permalink).scheme != "https":
        log.warning("file %s has no permalink", file_id)
        return None, "Slack gave no link to this file: attach it again."
    return Slides(file_id=file_id, name=str(info.get("name") or "slides"), permalink=permalink), ""


async def submit_materials(ack: AsyncAck, services: Services, actor: Actor, values: dict, client: AsyncWebClient,
                           submission_id: str) -> None:  # fmt: skip
    """Save the materials and show them (or the problems, on their fields)."""
    person = await actor.person()
    session_id = parse_id(choice(values, MaterialsField.SESSION))
    if await services.materials.allowed(person, session_id) is None:
        await ack(response_action="errors", errors={MaterialsField.SESSION: REFUSED})
        return
    slides, problem = await _slides(client, values)
    if problem:
        await ack(response_action="errors", errors={MaterialsField.SLIDES: problem})
        return
    form = MaterialsForm(session_id=session_id, slides=slides, recording_url=text(values, MaterialsField.RECORDING),
                         title=text(values, MaterialsField.TITLE), presenter=text(values, MaterialsField.PRESENTER))
    errors, saved = await services.materials.attach(person, form, submission_id)
    if errors or saved is None:
        await ack(response_action="errors", errors=errors or {MaterialsField.SESSION: "Try again."})
        return
    await ack(response_action="update", view=materials_saved_modal(*saved))


def register(app: AsyncApp, router: Router) -> None:
    router.add("session materials", materials_command)
    app.action(Action.MATERIALS_OPEN)(open_materials)
    app.view(Callback.MATERIALS_VIEW)(submit_materials)
