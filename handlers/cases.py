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
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.forms import ack_submission, choice, choices, first_input, read_values, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, CaseField
from echobot.models import Person
from echobot.services.cases import CaseForm, Eligibility
from echobot.validation import parse_id
from echobot.views.blocks import Block, actions, button, section
from echobot.views.cases import action_modal, case_modal, followup_modal, my_cases_blocks, notice_modal, queue_blocks
from echobot.views.metadata import ViewState

C = CaseField
ACTIONS = {Action.CASE_ASK: "ask_info", Action.CASE_DECLINE: "decline", Action.CASE_RECOMMEND: "recommend",
           Action.CASE_SCHEDULE: "schedule", Action.CASE_REPLY: "reply"}  # fmt: skip


def form_from_values(values: dict[str, Any]) -> CaseForm:
    return CaseForm(
        program_id=choice(values, C.PROGRAM), summary=text(values, C.SUMMARY), question=text(values, C.QUESTION),
        age_band=choice(values, C.AGE_BAND), sex=choice(values, C.SEX),
        presenting_problem=text(values, C.PRESENTING), history=text(values, C.HISTORY),
        medications=text(values, C.MEDICATIONS), labs=text(values, C.LABS), tried=text(values, C.TRIED),
        urgency=choice(values, C.URGENCY), preferred_session=choice(values, C.SESSION),
        confirmed="yes" in choices(values, C.CONFIRM),
    )  # fmt: skip


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


def register(app: AsyncApp, services: Services, router: Router) -> None:
    cases, people = services.cases, services.people

    async def open_case_form(client: AsyncWebClient, trigger_id: str, person: Person, channel_id: str = "") -> None:
        eligibility, joined = await cases.eligibility(person)
        if eligibility is Eligibility.OK:
            view = case_modal(joined, await cases.sessions_with_room(joined))
        else:
            message, buttons = ineligible(eligibility)
            view = notice_modal("Present an ECHO case", message, *buttons)
        await open_modal(client, trigger_id, view, user_id=person.user_id, channel_id=channel_id)

    async def case_command(request: CommandRequest) -> None:
        eligibility, _ = await cases.eligibility(request.person)
        if eligibility is not Eligibility.OK:
            message, buttons = ineligible(eligibility)
            blocks = [section(message), *([actions(*buttons)] if buttons else [])]
            await request.ack(text=message, blocks=blocks)
            return
        await request.ack()
        services.inflight.spawn(open_case_form(request.client, request.trigger_id, request.person,
                                               request.channel_id), "open-case")  # fmt: skip

    async def cases_command(request: CommandRequest) -> None:
        items = await cases.of_submitter(request.person.user_id)
        await request.ack(text=f"{len(items)} case(s)", blocks=my_cases_blocks(items))

    async def queue_command(request: CommandRequest) -> None:
        items = await cases.queue(request.person)
        await request.ack(text=f"{len(items)} case(s) waiting", blocks=queue_blocks(items, services.clock.now()))

    router.add("case", case_command)
    router.add("cases", cases_command)
    router.add("queue", queue_command)

    @app.shortcut(Callback.CASE_SHORTCUT)
    async def on_shortcut(ack: AsyncAck, body: dict, client: AsyncWebClient) -> None:
        await ack()
        person = await people.whois(body["user"]["id"])
        services.inflight.spawn(open_case_form(client, str(body.get("trigger_id") or ""), person), "open-case")

    @app.action(Action.OPEN_CASE)
    async def on_open(ack: AsyncAck, body: dict, client: AsyncWebClient) -> None:
        await ack()
        person = await people.whois(body["user"]["id"])
        services.inflight.spawn(open_case_form(client, str(body.get("trigger_id") or ""), person), "open-case")

    @app.view(Callback.CASE_VIEW)
    async def on_submit(ack: AsyncAck, body: dict, view: dict) -> None:
        person = await people.whois(body["user"]["id"])
        result = await cases.submit(person, form_from_values(read_values(view)), str(view.get("id") or ""))
        await ack_submission(ack, result.errors)

    def reply(respond: AsyncRespond, message: str) -> None:
        reply_later(services.inflight, respond, text=message, response_type="ephemeral")

    def case_id_of(action: dict) -> int | None:
        return parse_id(str(action.get("value", "")).split(":")[0])

    @app.action(Action.CASE_CLAIM)
    @app.action(Action.CASE_CLOSE)
    async def on_quick_action(ack: AsyncAck, body: dict, action: dict, respond: AsyncRespond) -> None:
        await ack()
        person = await people.whois(body["user"]["id"])
        case_id = case_id_of(action)
        verb = "claim" if action.get("action_id") == Action.CASE_CLAIM else "close"
        outcome = await cases.act(person, case_id, verb) if case_id else None
        reply(respond, outcome.reply if outcome else "That case no longer exists.")

    @app.action(Action.CASE_ASK)
    @app.action(Action.CASE_DECLINE)
    @app.action(Action.CASE_RECOMMEND)
    @app.action(Action.CASE_SCHEDULE)
    @app.action(Action.CASE_REPLY)
    async def on_modal_action(ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient,
                              respond: AsyncRespond) -> None:  # fmt: skip
        await ack()
        person = await people.whois(body["user"]["id"])
        verb = ACTIONS[Action(action["action_id"])]
        loaded = await cases.get(case_id_of(action) or 0)
        if loaded is None:
            reply(respond, "That case no longer exists.")
            return
        case, program = loaded
        if verb == "reply" and person.user_id != case.submitter:
            reply(respond, "Only the person who presented the case can answer.")
            return
        if verb != "reply" and not cases.may_triage(person, program):
            reply(respond, f"Only {program.name}'s specialists and coordinators can triage its cases.")
            return
        sessions = await cases.sessions_with_room([program]) if verb == "schedule" else None
        view = action_modal(case, verb, sessions)
        channel = str((body.get("channel") or {}).get("id", ""))
        services.inflight.spawn(open_modal(client, str(body.get("trigger_id") or ""), view,
                                           user_id=person.user_id, channel_id=channel), "case-modal")  # fmt: skip

    @app.view(Callback.CASE_ACTION_VIEW)
    async def on_action_submit(ack: AsyncAck, body: dict, view: dict) -> None:
        person = await people.whois(body["user"]["id"])
        state = ViewState.decode(view.get("private_metadata"))
        values = read_values(view)
        written = next((text(values, f) for f in (C.MESSAGE, C.REASON, C.RECOMMENDATIONS) if f in values), "")
        if state.case_id is None or state.action not in ("ask_info", "decline", "recommend", "schedule", "reply"):
            await ack(response_action="errors", errors={first_input(view): "This form is out of date: close it."})
            return
        outcome = await cases.act(person, state.case_id, state.action, written, choice(values, C.SESSION) or "",
                                  submission_id=str(view.get("id") or ""))  # fmt: skip
        if outcome.errors:
            await ack(response_action="errors", errors=outcome.errors)
        elif not outcome.ok:
            await ack(response_action="errors", errors={first_input(view): outcome.reply})
        else:
            await ack()

    @app.action(re.compile(rf"^{Action.FOLLOWUP}:\w+$"))
    async def on_followup(ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient,
                          respond: AsyncRespond) -> None:  # fmt: skip
        await ack()
        case_id = case_id_of(action)
        outcome = str(action.get("value", "")).partition(":")[2]
        loaded = await cases.get(case_id) if case_id else None
        if loaded is None or loaded[0].submitter != body["user"]["id"]:
            reply(respond, "Only the person who presented the case can answer its follow-up.")
            return
        services.inflight.spawn(open_modal(client, str(body.get("trigger_id") or ""), followup_modal(loaded[0],
                                outcome), user_id=body["user"]["id"]), "followup")  # fmt: skip

    @app.view(Callback.FOLLOWUP_VIEW)
    async def on_followup_submit(ack: AsyncAck, body: dict, view: dict) -> None:
        person = await people.whois(body["user"]["id"])
        state = ViewState.decode(view.get("private_metadata"))
        values = read_values(view)
        outcome = await cases.followup(person, state.case_id or 0, choice(values, C.OUTCOME) or "",
                                       text(values, C.NOTE))  # fmt: skip
        if outcome.errors:
            await ack(response_action="errors", errors=outcome.errors)
        elif not outcome.ok:
            await ack(response_action="errors", errors={first_input(view): outcome.reply})
        else:
            await ack(response_action="update", view=notice_modal("Patient follow-up", outcome.reply))

    @app.view(Callback.NOTICE_VIEW)
    async def on_notice(ack: AsyncAck) -> None:
        await ack()
