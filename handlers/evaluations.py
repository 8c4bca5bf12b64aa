"""Evaluations: the Evaluate button, the modal, /echo evaluate and /echo cme."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.forms import choice, choices, read_values, text
from echobot.handlers.modals import open_modal
from echobot.ids import Action, Callback, EvaluationField
from echobot.services.evaluations import EvaluationForm, window
from echobot.views.evaluations import evaluate_list_blocks, evaluation_modal, transcript_blocks
from echobot.views.metadata import ViewState

E = EvaluationField


def form_from_values(values: dict[str, Any]) -> EvaluationForm:
    return EvaluationForm(
        overall=choice(values, E.OVERALL), relevance=choice(values, E.RELEVANCE),
        objectives_met=choice(values, E.OBJECTIVES), intent_to_change=choice(values, E.INTENT),
        change_plan=text(values, E.CHANGE_PLAN), bias_free=choice(values, E.BIAS_FREE),
        bias_comment=text(values, E.BIAS_COMMENT), suggestions=text(values, E.SUGGESTIONS),
        code=text(values, E.CODE), attested="yes" in choices(values, E.ATTEST), credit=choice(values, E.CREDIT) or "",
    )  # fmt: skip


def register(app: AsyncApp, services: Services, router: Router) -> None:
    evaluations, people = services.evaluations, services.people

    async def evaluate_command(request: CommandRequest) -> None:
        items = await evaluations.open_for(request.person)
        closes = {session.id: window(session, program)[1] for session, program in items}
        await request.ack(text=f"{len(items)} session(s) to evaluate", blocks=evaluate_list_blocks(items, closes))

    async def cme_command(request: CommandRequest) -> None:
        transcript = await evaluations.transcript(request.person.user_id)
        name = request.person.provider.name if request.person.provider else request.person.user_id
        await request.ack(text="Your continuing-education transcript", blocks=transcript_blocks(transcript, name))

    router.add("evaluate", evaluate_command)
    router.add("cme", cme_command)

    @app.action(Action.EVALUATE)
    async def on_evaluate(ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient,
                          respond: AsyncRespond) -> None:  # fmt: skip
        await ack()
        person = await people.whois(body["user"]["id"])
        value = str(action.get("value", ""))
        reason, session, program = await evaluations.why_not(person, int(value) if value.isdigit() else 0)
        if reason is not None or session is None or program is None:
            answer = respond(text=reason or "This evaluation cannot be taken.", response_type="ephemeral",
                             replace_original=False)  # fmt: skip
            services.inflight.spawn(answer, "respond")
            return
        channel = str((body.get("channel") or {}).get("id", ""))
        services.inflight.spawn(open_modal(client, str(body.get("trigger_id") or ""), evaluation_modal(session,
                                program), user_id=person.user_id, channel_id=channel), "open-evaluation")  # fmt: skip

    @app.view(Callback.EVALUATION_VIEW)
    async def on_submit(ack: AsyncAck, body: dict, view: dict) -> None:
        person = await people.whois(body["user"]["id"])
        session_id = ViewState.decode(view.get("private_metadata")).session_id or 0
        result = await evaluations.submit(person, session_id, form_from_values(read_values(view)))
        if result.errors:
            await ack(response_action="errors", errors=result.errors)
            return
        await ack()
