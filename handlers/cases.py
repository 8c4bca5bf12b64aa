"""Cases: /echo case and the shortcut, the case modal, hub triage buttons and modals, the
submitter's reply and follow-up, /echo cases and /echo queue."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.forms import CaseForm, TeachingForm
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import ack_submission, choice, choices, first_input, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.handlers.sessions import upload_calendar
from echobot.handlers.zones import reader_zone
from echobot.ids import Action, Callback, CaseField, LibraryField, Teaching
from echobot.models import Person
from echobot.services.cases import Eligibility
from echobot.triage import BY_ACTION_ID, TRIAGE, TriageAction, step_of
from echobot.validation import parse_id
from echobot.views.blocks import Block, actions, button, counted, section
from echobot.views.cases import (
    action_modal,
    case_modal,
    followup_modal,
    my_cases_blocks,
    notice_modal,
    queue_blocks,
    whole_case_modal,
)
from echobot.views.library import teaching_blocks
from echobot.views.metadata import ViewState


def form_from_values(values: dict[str, Any]) -> CaseForm:
    return CaseForm(
        program_id=choice(values, CaseField.PROGRAM),
        summary=text(values, CaseField.SUMMARY),
        question=text(values, CaseField.QUESTION),
        age_band=choice(values, CaseField.AGE_BAND),
        sex=choice(values, CaseField.SEX),
        presenting_problem=text(values, CaseField.PRESENTING),
        history=text(values, CaseField.HISTORY),
        medications=text(values, CaseField.MEDICATIONS),
        labs=text(values, CaseField.LABS),
        tried=text(values, CaseField.TRIED),
        urgency=choice(values, CaseField.URGENCY),
        preferred_session=choice(values, CaseField.SESSION),
        confirmed="yes" in choices(values, CaseField.CONFIRM),
        teaching=Teaching.TEACHING in choices(values, CaseField.TEACHING),
        credit=Teaching.CREDIT in choices(values, CaseField.TEACHING),
    )


def teaching_from_values(values: dict[str, Any]) -> TeachingForm:
    """The teaching points typed in the recommendations modal (the case library)."""
    return TeachingForm(
        consent="yes" in choices(values, LibraryField.CONSENT),
        title=text(values, LibraryField.TITLE),
        tags=text(values, LibraryField.TAGS),
        question=text(values, LibraryField.QUESTION),
        recommendation=text(values, LibraryField.RECOMMENDATION),
    )


def ineligible(eligibility: Eligibility) -> tuple[str, list[Block]]:
    """Why someone cannot present a case, and the button that fixes it."""
    if eligibility is Eligibility.NOT_REGISTERED:
        message = "Register first: then join a program and present cases."
        return message, [button("Register", Action.OPEN_REGISTRATION, style="primary")]
    if eligibility is Eligibility.OBSERVER:
        message = ("You are registered as an observer: observers attend sessions but do not present cases. "
                   "Switch to participant to present one.")  # fmt: skip
        return message, [button("Switch to participant", Action.SWITCH_ROLE, "participant", style="primary")]
    return "Join a program first: `/echo program list` shows them, with Join buttons.", []


async def open_case_form(services: Services, client: AsyncWebClient, trigger_id: str, person: Person,
                         channel_id: str = "") -> None:  # fmt: skip
    eligibility, joined = await services.cases.eligibility(person)
    if eligibility is Eligibility.OK:
        zone = await reader_zone(services, client, person.user_id)
        view = case_modal(joined, await services.cases.sessions_with_room(joined), zone=zone)
    else:
        message, buttons = ineligible(eligibility)
        view = notice_modal("Present an ECHO case", message, *buttons)
    await open_modal(client, trigger_id, view, user_id=person.user_id, channel_id=channel_id)


async def case_command(request: CommandRequest) -> None:
    eligibility, _ = await request.services.cases.eligibility(request.person)
    if eligibility is not Eligibility.OK:
        message, buttons = ineligible(eligibility)
        blocks = [section(message), *([actions(*buttons)] if buttons else [])]
        await request.ack(text=message, blocks=blocks)
        return
    await request.ack()
    request.services.inflight.spawn(open_case_form(request.services, request.client, request.trigger_id,
                                                   request.person, request.channel_id), "open-case")  # fmt: skip


async def cases_command(request: CommandRequest) -> None:
    items = await request.services.cases.of_submitter(request.person.user_id)
    await request.ack(text=counted(len(items), "case"), blocks=my_cases_blocks(items))


async def queue_command(request: CommandRequest) -> None:
    items = await request.services.cases.queue(request.person)
    mine = await request.services.cases.in_review_by(request.person)
    await request.ack(text=f"{len(items)} waiting, {len(mine)} in your review",
                      blocks=queue_blocks(items, request.services.clock.now(), mine))  # fmt: skip


async def open_case(ack: AsyncAck, client: AsyncWebClient, services: Services, actor: Actor, trigger_id: str) -> None:
    """The shortcut and the Present a case button: the same form."""
    await ack()
    services.inflight.spawn(open_case_form(services, client, trigger_id, await actor.person()), "open-case")


async def submit_case(ack: AsyncAck, services: Services, actor: Actor, values: dict, submission_id: str) -> None:
    result = await services.cases.submit(await actor.person(), form_from_values(values), submission_id)
    await ack_submission(ack, result.errors)


def reply(services: Services, respond: AsyncRespond, message: str) -> None:
    reply_later(services.inflight, respond, text=message, response_type="ephemeral")


def case_id_of(action: dict) -> int | None:
    return parse_id(str(action.get("value", "")).split(":")[0])


async def quick_action(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services, actor: Actor) -> None:
    """Claim and Close: no words needed, so no modal. Done, the hub post they are on updates in place and its
    thread says who did it, so only a refusal gets an answer."""
    await ack()
    case_id = case_id_of(action)
    step = BY_ACTION_ID[str(action.get("action_id"))]
    outcome = await services.cases.act(await actor.person(), case_id, step.action) if case_id else None
    if outcome is None or not outcome.ok:
        reply(services, respond, outcome.reply if outcome else "That case no longer exists.")


async def read_case(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond, services: Services,
                    actor: Actor, trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """"Read the whole case": the full presentation in a modal, for those who may read it."""
    await ack()
    person = await actor.person()
    found = await services.cases.whole_case(person, case_id_of(action))
    if isinstance(found, str):
        reply(services, respond, found)
        return
    view = whole_case_modal(*found)
    services.inflight.spawn(open_modal(client, trigger_id, view, user_id=person.user_id,
                                       channel_id=channel_id or ""), "case-read")  # fmt: skip


async def open_action_modal(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                            services: Services, actor: Actor, trigger_id: str,
                            channel_id: str | None) -> None:  # fmt: skip
    """A triage action that needs words (or a session): its modal, for those it is meant for."""
    await ack()
    person = await actor.person()
    step = BY_ACTION_ID[str(action.get("action_id"))]
    loaded = await services.cases.get(case_id_of(action) or 0)
    if loaded is None:
        reply(services, respond, "That case no longer exists.")
        return
    case, program = loaded
    if refused := services.cases.refusal(person, case, program, step.action):
        reply(services, respond, refused)
        return
    sessions = await services.cases.sessions_with_room([program]) if step.action is TriageAction.SCHEDULE else None
    zone = await reader_zone(services, client, person.user_id) if sessions else None
    extra = teaching_blocks(case, await services.library.tags([program])) if step.action is TriageAction.RECOMMEND \
        else None
    view = action_modal(case, step.action, sessions, zone, extra)
    services.inflight.spawn(open_modal(client, trigger_id, view, user_id=person.user_id,
                                       channel_id=channel_id or ""), "case-modal")  # fmt: skip


async def submit_action(ack: AsyncAck, view: dict, services: Services, actor: Actor, view_state: ViewState,
                        values: dict, submission_id: str) -> None:  # fmt: skip
    step = step_of(view_state.action)
    if view_state.case_id is None or step is None or step.modal is None:
        await ack(response_action="errors", errors={first_input(view): "This form is out of date: close it."})
        return
    written = text(values, step.modal.field) if step.asks_text else ""
    outcome = await services.cases.act(
        await actor.person(),
        view_state.case_id,
        step.action,
        written,
        choice(values, CaseField.SESSION) or "",
        submission_id=submission_id,
        teaching=teaching_from_values(values) if step.action is TriageAction.RECOMMEND else None,
    )
    if outcome.errors:
        await ack(response_action="errors", errors=outcome.errors)
    elif not outcome.ok:
        await ack(response_action="errors", errors={first_input(view): outcome.reply})
    else:
        await ack()


async def open_followup(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                        services: Services, actor: Actor, trigger_id: str) -> None:  # fmt: skip
    await ack()
    case_id = case_id_of(action)
    outcome = str(action.get("value", "")).partition(":")[2]
    loaded = await services.cases.get(case_id) if case_id else None
    if loaded is None or loaded[0].submitter != actor.user_id:
        reply(services, respond, "Only the person who presented the case can answer its follow-up.")
        return
    services.inflight.spawn(open_modal(client, trigger_id, followup_modal(loaded[0], outcome),
                                       user_id=actor.user_id), "followup")  # fmt: skip


async def submit_followup(ack: AsyncAck, view: dict, services: Services, actor: Actor, view_state: ViewState,
                          values: dict) -> None:  # fmt: skip
    outcome = await services.cases.followup(
        await actor.person(),
        view_state.case_id or 0,
        choice(values, CaseField.OUTCOME) or "",
        text(values, CaseField.NOTE),
    )
    if outcome.errors:
        await ack(response_action="errors", errors=outcome.errors)
    elif not outcome.ok:
        await ack(response_action="errors", errors={first_input(view): outcome.reply})
    else:
        await ack(response_action="update", view=notice_modal("Patient follow-up", outcome.reply))


async def close_notice(ack: AsyncAck) -> None:
    await ack()


async def case_calendar(ack: AsyncAck, action: dict, client: AsyncWebClient, services: Services,
                        actor: Actor) -> None:  # fmt: skip
    """"Add to calendar" on the presenter's case message: the session's calendar file, by DM."""
    await ack()
    session_id = parse_id(action.get("value"))
    loaded = await services.sessions.get(session_id) if session_id else None
    if loaded is not None:
        services.inflight.spawn(upload_calendar(services, client, actor.user_id, [loaded]), "calendar")


async def case_video(ack: AsyncAck) -> None:
    await ack()  # a link button: Slack opens the link


def register(app: AsyncApp, router: Router) -> None:
    router.add("case", case_command)
    router.add("cases", cases_command)
    router.add("queue", queue_command)
    app.shortcut(Callback.CASE_SHORTCUT)(open_case)
    app.action(Action.OPEN_CASE)(open_case)
    app.view(Callback.CASE_VIEW)(submit_case)
    for step in TRIAGE.values():
        app.action(step.action_id)(open_action_modal if step.modal else quick_action)
    app.view(Callback.CASE_ACTION_VIEW)(submit_action)
    app.action(Action.CASE_READ)(read_case)
    app.action(Action.CASE_CALENDAR)(case_calendar)
    app.action(Action.CASE_VIDEO)(case_video)
    app.action(re.compile(rf"^{Action.FOLLOWUP}:\w+$"))(open_followup)
    app.view(Callback.FOLLOWUP_VIEW)(submit_followup)
    app.view(Callback.NOTICE_VIEW)(close_notice)
