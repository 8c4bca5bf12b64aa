"""Attendance from the video tool's report: /echo attendance import, the buttons on the ended session post and
in the attendance form, and the import modal's submission (the file is read from Slack before the answer)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import choice
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, SessionField
from echobot.models import Program
from echobot.services.sessions import NOT_ALLOWED
from echobot.slack_client import NETWORK_ERRORS
from echobot.slack_files import download
from echobot.validation import parse_id
from echobot.video_report import Known
from echobot.views.attendance import import_modal, import_result_modal
from echobot.views.sessions import attendance_edit_modal

log = logging.getLogger(__name__)
PROFILE_DEADLINE = 1.0  # staff profiles (for recognising them in the report) are looked up while the file downloads
STAFF_LOOKUPS = 40
SLACK_FAILURES: tuple[type[BaseException], ...] = (SlackApiError, *NETWORK_ERRORS)


async def import_command(request: CommandRequest) -> None:
    await request.ack()
    services = request.services
    items = await services.imports.choices(request.person)
    services.inflight.spawn(open_modal(request.client, request.trigger_id, import_modal(items),
                                       user_id=request.person.user_id, channel_id=request.channel_id),
                            "open-import")  # fmt: skip


def _in_modal(body: dict) -> bool:
    return isinstance(body.get("view"), dict) and (body.get("container") or {}).get("type") == "view"


async def open_import(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                      services: Services, actor: Actor, trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """Import video report: on the ended session post, or in the attendance form (pushed over it)."""
    await ack()
    person = await actor.person()
    managed = await services.sessions.managed(person, parse_id(action.get("value")))
    if managed is None:
        if not _in_modal(body):
            reply_later(services.inflight, respond, text=NOT_ALLOWED, response_type="ephemeral")
        return
    view = import_modal(await services.imports.choices(person), chosen=managed[0].id)
    if _in_modal(body):
        services.inflight.spawn(_push(client, trigger_id, view), "push-import")
        return
    opening = open_modal(client, trigger_id, view, user_id=actor.user_id, channel_id=channel_id or "")
    services.inflight.spawn(opening, "open-import")


async def _push(client: AsyncWebClient, trigger_id: str, view: dict) -> None:
    try:
        await asyncio.wait_for(client.views_push(trigger_id=trigger_id, view=view), 2.5)
    except SLACK_FAILURES as error:
        log.info("views.push of the import modal failed: %s", type(error).__name__)


async def open_attendance(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                          services: Services, actor: Actor, trigger_id: str,
                          channel_id: str | None) -> None:  # fmt: skip
    """Attendance on the ended session post: the attendance form of that session, for its coordinators."""
    await ack()
    managed = await services.sessions.managed(await actor.person(), parse_id(action.get("value")))
    if managed is None:
        reply_later(services.inflight, respond, text=NOT_ALLOWED, response_type="ephemeral")
        return
    session, program = managed
    view = attendance_edit_modal(session, program, await services.sessions.attendees(session.id))
    services.inflight.spawn(open_modal(client, trigger_id, view, user_id=actor.user_id, channel_id=channel_id or ""),
                            "open-attendance")  # fmt: skip


async def _profile(client: AsyncWebClient, user_id: str) -> Known | None:
    try:
        user = (await client.users_info(user=user_id)).get("user") or {}
    except SLACK_FAILURES:
        return None
    profile = user.get("profile") or {}
    names = tuple(n for n in (profile.get("display_name"), user.get("name")) if n)
    return Known(user_id=user_id, name=str(profile.get("real_name") or user.get("real_name") or ""),
                 email=str(profile.get("email") or ""), other_names=names)  # fmt: skip


async def staff_profiles(client: AsyncWebClient, program: Program, user_id: str) -> list[Known]:
    """The program's specialists and coordinators and the importer as Slack knows them (name, e-mail), so that
    they are recognised in the report even when they never registered; whatever Slack does not answer in time
    is left to their registrations."""
    ids = sorted({*program.specialists, *program.coordinators, user_id})[:STAFF_LOOKUPS]
    try:
        found = await asyncio.wait_for(asyncio.gather(*(_profile(client, u) for u in ids)), PROFILE_DEADLINE)
    except TimeoutError:
        return []
    return [k for k in found if k is not None]


def _file(values: dict[str, Any]) -> dict[str, Any] | None:
    files = values.get(SessionField.REPORT)
    return files[0] if isinstance(files, list) and files and isinstance(files[0], dict) else None


async def submit_import(ack: AsyncAck, services: Services, actor: Actor, values: dict, client: AsyncWebClient,
                        submission_id: str) -> None:  # fmt: skip
    """Read the report from Slack, record it, and show what it did (or the problem, on the file field)."""
    person = await actor.person()
    managed = await services.sessions.managed(person, parse_id(choice(values, SessionField.SESSION)))
    if managed is None:
        await ack(response_action="errors", errors={SessionField.SESSION: NOT_ALLOWED})
        return
    file = _file(values)
    if file is None or not str(file.get("id") or ""):
        await ack(response_action="errors", errors={SessionField.REPORT: "Attach the participant report (a CSV)."})
        return
    (content, name, problem), profiles = await asyncio.gather(
        download(client, str(file["id"])), staff_profiles(client, managed[1], person.user_id)
    )
    if content is None:
        await ack(response_action="errors", errors={SessionField.REPORT: problem})
        return
    outcome = await services.imports.import_report(person, managed[0].id, content, name, profiles, submission_id)
    if outcome.errors or outcome.summary is None:
        await ack(response_action="errors", errors=outcome.errors or {SessionField.REPORT: "Try again."})
        return
    await ack(response_action="update", view=import_result_modal(outcome.summary))


def register(app: AsyncApp, router: Router) -> None:
    router.add("attendance import", import_command)
    app.action(Action.ATTENDANCE_IMPORT)(open_import)
    app.action(Action.ATTENDANCE_OPEN)(open_attendance)
    app.view(Callback.ATTENDANCE_IMPORT_VIEW)(submit_import)
