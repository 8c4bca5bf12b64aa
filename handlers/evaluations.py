"""Evaluations: the Evaluate button, the modal, /echo evaluate and /echo cme."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.files import upload_to_dm
from echobot.handlers.forms import ack_submission, choice, choices, first_input, read_values, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, EvaluationField
from echobot.services.evaluations import EvaluationForm, window
from echobot.validation import parse_id
from echobot.views.evaluations import certificate_modal, evaluate_list_blocks, evaluation_modal, transcript_blocks
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

    async def export_command(request: CommandRequest) -> None:
        parsed = services.records.parse(request.args)
        if isinstance(parsed, str):
            await request.ack(text=parsed)
            return
        built = await services.records.export(request.person, *parsed)
        if isinstance(built, str):
            await request.ack(text=built)
            return
        filename, content = built
        await request.ack(text=f"Sending `{filename}` to your direct messages.")
        services.inflight.spawn(upload_to_dm(request.client, request.person.user_id, content, filename, filename,
                                             "Your export (UTF-8 CSV; opens in Excel)."), "export")  # fmt: skip

    async def credit_type_command(request: CommandRequest) -> None:
        credential = request.args[0] if request.args else ""
        await request.ack(text=await services.records.set_credit_type(request.person, credential,
                                                                      " ".join(request.args[1:])))  # fmt: skip

    router.add("evaluate", evaluate_command)
    router.add("cme", cme_command)
    router.add("export", export_command)
    router.add("credit-type", credit_type_command)

    @app.action(Action.CERTIFICATE_SESSION)
    @app.action(Action.CERTIFICATE_PERIOD)
    async def on_certificate(ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient) -> None:
        await ack()
        user_id = body["user"]["id"]
        transcript = await evaluations.transcript(user_id)
        view = certificate_modal(transcript, period=action.get("action_id") == Action.CERTIFICATE_PERIOD,
                                 today=services.clock.now().date().isoformat())  # fmt: skip
        channel = str((body.get("channel") or {}).get("id", ""))
        services.inflight.spawn(open_modal(client, str(body.get("trigger_id") or ""), view, user_id=user_id,
                                           channel_id=channel), "certificate")  # fmt: skip

    @app.view(Callback.CERTIFICATE_VIEW)
    async def on_certificate_submit(ack: AsyncAck, body: dict, view: dict, client: AsyncWebClient) -> None:
        user_id = body["user"]["id"]
        values = read_values(view)
        picked = choice(values, E.CERT_SESSION)
        try:
            since = date.fromisoformat(choice(values, E.CERT_FROM) or "") if E.CERT_FROM in values else None
            until = date.fromisoformat(choice(values, E.CERT_TO) or "") if E.CERT_TO in values else None
        except ValueError:
            await ack(response_action="errors", errors={E.CERT_FROM: "Choose both dates."})
            return
        if since and until and until < since:
            await ack(response_action="errors", errors={E.CERT_TO: "The end is before the start."})
            return
        result = await services.records.certificate(user_id, parse_id(picked),
                                                    since, until)  # fmt: skip
        if isinstance(result, str):
            await ack(response_action="errors", errors={first_input(view): result})
            return
        await ack()
        services.inflight.spawn(upload_to_dm(client, user_id, result, "echo-certificate.pdf", "ECHO certificate",
                                             "Your certificate of continuing education."), "certificate")  # fmt: skip

    @app.action(Action.TRANSCRIPT_CSV)
    async def on_csv(ack: AsyncAck, body: dict, client: AsyncWebClient, respond: AsyncRespond) -> None:
        await ack()
        user_id = body["user"]["id"]
        content = await services.records.transcript_csv(user_id)
        services.inflight.spawn(upload_to_dm(client, user_id, content, "echo-credit-records.csv",
                                             "ECHO credit records", "Your credit records."), "csv")  # fmt: skip

    @app.action(Action.EVALUATE)
    async def on_evaluate(ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient,
                          respond: AsyncRespond) -> None:  # fmt: skip
        await ack()
        person = await people.whois(body["user"]["id"])
        reason, session, program = await evaluations.why_not(person, parse_id(action.get("value")) or 0)
        if reason is not None or session is None or program is None:
            reply_later(services.inflight, respond, text=reason or "This evaluation cannot be taken.",
                        response_type="ephemeral")  # fmt: skip
            return
        channel = str((body.get("channel") or {}).get("id", ""))
        services.inflight.spawn(open_modal(client, str(body.get("trigger_id") or ""), evaluation_modal(session,
                                program), user_id=person.user_id, channel_id=channel), "open-evaluation")  # fmt: skip

    @app.view(Callback.EVALUATION_VIEW)
    async def on_submit(ack: AsyncAck, body: dict, view: dict) -> None:
        person = await people.whois(body["user"]["id"])
        session_id = ViewState.decode(view.get("private_metadata")).session_id or 0
        result = await evaluations.submit(
            person, session_id, form_from_values(read_values(view)), str(view.get("id") or "")
        )
        await ack_submission(ack, result.errors)
