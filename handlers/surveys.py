"""Series surveys (issue 17): "Take the survey" on the DM and its modal, `/echo survey edit` and its modal,
`/echo export surveys`."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.files import send_export
from echobot.handlers.forms import ack_submission, choice
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, SurveyField
from echobot.services.surveys import Ref
from echobot.views.metadata import ViewState
from echobot.views.surveys import editor_modal, survey_modal


async def open_survey(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                      services: Services, actor: Actor, trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """ "Take the survey": the modal, one rating per statement; or why not (already answered, closed)."""
    await ack()
    person = await actor.person()
    ref = Ref.decode(action.get("value"))
    reason, program = await services.surveys.why_not(person, ref)
    if reason is not None or program is None or ref is None:
        reply_later(services.inflight, respond, text=reason or "That survey no longer exists.",
                    response_type="ephemeral")  # fmt: skip
        return
    statements = await services.surveys.statements(services.db.reader, program)
    view = survey_modal(program, ref.phase, statements, ref.encode())
    services.inflight.spawn(open_modal(client, trigger_id, view, user_id=person.user_id, channel_id=channel_id or ""),
                            "open-survey")  # fmt: skip


async def submit_survey(ack: AsyncAck, view: dict, services: Services, actor: Actor, values: dict,
                        submission_id: str) -> None:  # fmt: skip
    """The answers, recorded once; a second submit is told they were already recorded."""
    ref = Ref.decode(view.get("private_metadata"))
    count = sum(1 for key in values if key.startswith(SurveyField.RATING))
    ratings = [choice(values, f"{SurveyField.RATING}{n}") for n in range(1, count + 1)]
    reason = await services.surveys.answer(await actor.person(), ref, ratings, submission_id)
    await ack_submission(ack, {f"{SurveyField.RATING}1": reason} if reason else {})


async def edit_command(request: CommandRequest) -> None:
    """`/echo survey edit [program]`: the statements editor (coordinators of the program)."""
    found = await request.services.survey_results.editor(request.person, " ".join(request.args))
    if isinstance(found, str):
        await request.ack(text=found)
        return
    await request.ack()
    program, statements, note = found
    view = editor_modal(program, statements, ViewState(program_id=program.id).encode(), note)
    request.services.inflight.spawn(open_modal(request.client, request.trigger_id, view,
                                               user_id=request.person.user_id, channel_id=request.channel_id),
                                    "open-survey-edit")  # fmt: skip


async def submit_edit(ack: AsyncAck, services: Services, actor: Actor, view_state: ViewState, values: dict,
                      submission_id: str) -> None:  # fmt: skip
    """The statements saved; or the errors on their fields."""
    errors = await services.survey_results.save(await actor.person(), view_state.program_id, values, submission_id)
    await ack_submission(ack, errors)


async def export_command(request: CommandRequest) -> None:
    """`/echo export surveys [program]`: the comparison as CSV, by DM."""
    built = await request.services.survey_results.export(request.person, " ".join(request.args))
    await send_export(request, built, "The series survey, before and after (UTF-8 CSV).", "export-surveys")


def register(app: AsyncApp, router: Router) -> None:
    router.add("survey edit", edit_command)
    router.add("export surveys", export_command)
    app.action(Action.SURVEY_TAKE)(open_survey)
    app.view(Callback.SURVEY_VIEW)(submit_survey)
    app.view(Callback.SURVEY_EDIT_VIEW)(submit_edit)
