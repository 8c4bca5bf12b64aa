"""Evaluations: the Evaluate button, the modal, /echo evaluate and /echo cme."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.forms import EvaluationForm, RegistrationForm
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.files import send_export, upload_to_dm
from echobot.handlers.forms import ack_submission, choice, choices, first_input, text
from echobot.handlers.modals import open_modal
from echobot.handlers.registration import form_from_values as registration_form
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, EvaluationField, RegistrationField
from echobot.services.evaluations import window
from echobot.services.registration import identifier_errors
from echobot.validation import parse_id
from echobot.views.blocks import counted
from echobot.views.evaluations import certificate_modal, evaluate_list_blocks, evaluation_modal, transcript_blocks
from echobot.views.metadata import ViewState
from echobot.views.registration import identifier_blocks
from echobot.views.series import completion_lines


def form_from_values(values: dict[str, Any]) -> EvaluationForm:
    return EvaluationForm(
        overall=choice(values, EvaluationField.OVERALL),
        relevance=choice(values, EvaluationField.RELEVANCE),
        objectives_met=choice(values, EvaluationField.OBJECTIVES),
        intent_to_change=choice(values, EvaluationField.INTENT),
        change_plan=text(values, EvaluationField.CHANGE_PLAN),
        bias_free=choice(values, EvaluationField.BIAS_FREE),
        bias_comment=text(values, EvaluationField.BIAS_COMMENT),
        suggestions=text(values, EvaluationField.SUGGESTIONS),
        code=text(values, EvaluationField.CODE),
        attested="yes" in choices(values, EvaluationField.ATTEST),
        credit=choice(values, EvaluationField.CREDIT) or "",
    )


async def evaluate_command(request: CommandRequest) -> None:
    items = await request.services.evaluations.open_for(request.person)
    closes = {session.id: window(session, program)[1] for session, program in items}
    await request.ack(text=f"{counted(len(items), 'session')} to evaluate", blocks=evaluate_list_blocks(items, closes))


async def cme_command(request: CommandRequest) -> None:
    transcript = await request.services.evaluations.transcript(request.person.user_id)
    name = request.person.provider.name if request.person.provider else request.person.user_id
    completions = completion_lines(await request.services.series.completed_by(request.person.user_id))
    blocks = transcript_blocks(transcript, name) + completions
    await request.ack(text="Your continuing-education transcript", blocks=blocks[:50])


async def export_command(request: CommandRequest) -> None:
    records = request.services.records
    parsed = records.parse(request.args)
    if isinstance(parsed, str):
        await request.ack(text=parsed)
        return
    built = await records.export(request.person, *parsed)
    await send_export(request, built, "Your export (UTF-8 CSV; opens in Excel).", "export")


async def credit_type_command(request: CommandRequest) -> None:
    credential = request.args[0] if request.args else ""
    answer = await request.services.records.set_credit_type(request.person, credential, " ".join(request.args[1:]))
    await request.ack(text=answer)


async def open_certificate(ack: AsyncAck, action: dict, client: AsyncWebClient, services: Services, actor: Actor,
                           trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    await ack()
    transcript = await services.evaluations.transcript(actor.user_id)
    view = certificate_modal(transcript, period=action.get("action_id") == Action.CERTIFICATE_PERIOD,
                             today=services.clock.now().date().isoformat())  # fmt: skip
    services.inflight.spawn(open_modal(client, trigger_id, view, user_id=actor.user_id,
                                       channel_id=channel_id or ""), "certificate")  # fmt: skip


async def certificate_now(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                          services: Services, actor: Actor) -> None:  # fmt: skip
    """"Get certificate" on the evaluated DM: that session's PDF, sent at once."""
    await ack()
    result = await services.records.certificate(actor.user_id, parse_id(action.get("value")))
    if isinstance(result, str):
        reply_later(services.inflight, respond, text=result, response_type="ephemeral")
        return
    services.inflight.spawn(upload_to_dm(client, actor.user_id, result, "echo-certificate.pdf", "ECHO certificate",
                                         "Your certificate of continuing education."), "certificate")  # fmt: skip


async def submit_certificate(ack: AsyncAck, view: dict, client: AsyncWebClient, services: Services, actor: Actor,
                             values: dict) -> None:  # fmt: skip
    picked = choice(values, EvaluationField.CERT_SESSION)
    try:
        since = date.fromisoformat(choice(values, EvaluationField.CERT_FROM) or "") if (
            EvaluationField.CERT_FROM in values) else None  # fmt: skip
        until = date.fromisoformat(choice(values, EvaluationField.CERT_TO) or "") if (
            EvaluationField.CERT_TO in values) else None  # fmt: skip
    except ValueError:
        await ack(response_action="errors", errors={EvaluationField.CERT_FROM: "Choose both dates."})
        return
    if since and until and until < since:
        await ack(response_action="errors", errors={EvaluationField.CERT_TO: "The end is before the start."})
        return
    result = await services.records.certificate(actor.user_id, parse_id(picked), since, until)
    if isinstance(result, str):
        await ack(response_action="errors", errors={first_input(view): result})
        return
    await ack()
    channels = [program.channel_id for program in await services.programs.joined(actor.user_id)]
    services.inflight.spawn(upload_to_dm(client, actor.user_id, result, "echo-certificate.pdf", "ECHO certificate",
                                         "Your certificate of continuing education.", channels=channels),
                            "certificate")  # fmt: skip


async def transcript_csv(ack: AsyncAck, client: AsyncWebClient, services: Services, actor: Actor) -> None:
    await ack()
    content = await services.records.transcript_csv(actor.user_id)
    services.inflight.spawn(upload_to_dm(client, actor.user_id, content, "echo-credit-records.csv",
                                         "ECHO credit records", "Your credit records."), "csv")  # fmt: skip


async def open_evaluation(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                          services: Services, actor: Actor, trigger_id: str,
                          channel_id: str | None) -> None:  # fmt: skip
    await ack()
    person = await actor.person()
    reason, session, program = await services.evaluations.why_not(person, parse_id(action.get("value")) or 0)
    if reason is not None or session is None or program is None:
        reply_later(services.inflight, respond, text=reason or "This evaluation cannot be taken.",
                    response_type="ephemeral")  # fmt: skip
        return
    provider = person.provider
    first_claim = provider is not None and not (provider.npi or provider.licence_number or provider.birth_month)
    identifiers = identifier_blocks(RegistrationForm(), CLAIM_INTRO) if first_claim else []
    services.inflight.spawn(open_modal(client, trigger_id, evaluation_modal(session, program, identifiers),
                                       user_id=person.user_id, channel_id=channel_id or ""),
                            "open-evaluation")  # fmt: skip


async def submit_evaluation(ack: AsyncAck, services: Services, actor: Actor, view_state: ViewState, values: dict,
                            submission_id: str) -> None:  # fmt: skip
    """The evaluation (the credit claim), with the credit-reporting identifiers when they were asked: checked
    first, stored with the registration once the evaluation is recorded."""
    identifiers = registration_form(values) if RegistrationField.NPI in values else None
    if identifiers is not None and (problems := identifier_errors(identifiers)):
        await ack(response_action="errors", errors=problems)
        return
    result = await services.evaluations.submit(await actor.person(), view_state.session_id or 0,
                                               form_from_values(values), submission_id)  # fmt: skip
    if not result.errors and identifiers is not None:
        await services.registration.add_identifiers(actor.user_id, identifiers)
    await ack_submission(ack, result.errors)


CLAIM_INTRO = (
    "*For credit reporting (optional).* Some accreditors need your NPI, state licence number or birth month and "
    "day to report your credit to their registry. Leave these empty if your hub has not asked for them: your "
    "credit is recorded either way. Given once, they stay with your registration."
)


def register(app: AsyncApp, router: Router) -> None:
    router.add("evaluate", evaluate_command)
    router.add("cme", cme_command)
    router.add("export", export_command)
    router.add("credit-type", credit_type_command)
    app.action(Action.CERTIFICATE_SESSION)(open_certificate)
    app.action(Action.CERTIFICATE_PERIOD)(open_certificate)
    app.action(Action.CERTIFICATE_NOW)(certificate_now)
    app.view(Callback.CERTIFICATE_VIEW)(submit_certificate)
    app.action(Action.TRANSCRIPT_CSV)(transcript_csv)
    app.action(Action.EVALUATE)(open_evaluation)
    app.view(Callback.EVALUATION_VIEW)(submit_evaluation)
