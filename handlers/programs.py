"""Programs: /echo program new|edit|archive|list, joining and leaving, coordinators, reminder DMs."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.channels import hub_channel_problem
from echobot.container import Services
from echobot.forms import ProgramForm
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import ack_submission, choice, choices, first_input, text
from echobot.handlers.home import answer_in_view
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.handlers.zones import reader_zone
from echobot.ids import Action, Callback, ProgramField
from echobot.models import Person, Program
from echobot.reference import timezone_matches
from echobot.services.coordinators import CoordinatorChange
from echobot.services.programs import Membership, ProgramResult
from echobot.slack_client import NETWORK_ERRORS, slack_error_code
from echobot.suggest import nearest
from echobot.validation import parse_id
from echobot.views.blocks import actions, button, counted, escape, modal, option, plain, section
from echobot.views.cases import notice_modal
from echobot.views.invitations import requested_in_place
from echobot.views.metadata import ViewState
from echobot.views.programs import (
    program_list_blocks,
    program_modal,
    program_saved_modal,
    program_settings_modal,
)
from echobot.views.registration import register_prompt

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^([UW][A-Z0-9]{6,})$")

log = logging.getLogger(__name__)


_READERS: dict[str, tuple[str, Callable[[dict[str, Any], str], Any]]] = {
    ProgramField.NAME: ("name", text),
    ProgramField.CHANNEL: ("channel_id", choice),
    ProgramField.REVIEW_CHANNEL: ("review_channel_id", choice),
    ProgramField.TIMEZONE: ("timezone", choice),
    ProgramField.SCHEDULE: ("schedule", choice),
    ProgramField.INTERVAL: ("interval_weeks", text),
    ProgramField.FIRST_DATE: ("first_date", choice),
    ProgramField.START_TIME: ("start_time", choice),
    ProgramField.DURATION: ("duration", text),
    ProgramField.VIDEO_URL: ("video_url", text),
    ProgramField.OFFSETS: ("offsets", lambda values, key: ", ".join(choices(values, key))),
    ProgramField.CASE_SLOTS: ("case_slots", text),
    ProgramField.EVAL_WINDOW: ("eval_window", text),
    ProgramField.CREDIT: ("credit", text),
    ProgramField.SPECIALISTS: ("specialists", choices),
    ProgramField.COORDINATORS: ("coordinators", choices),
    ProgramField.ANONYMOUS: ("anonymous", lambda values, key: "yes" in choices(values, key)),
    ProgramField.CREDIT_MINUTES: ("credit_minutes", lambda values, key: text(values, key) or "0"),
    ProgramField.SERIES_START: ("series_start", choice),
    ProgramField.SERIES_END: ("series_end", choice),
    ProgramField.COMPLETION: ("completion", lambda values, key: text(values, key) or "75"),
    ProgramField.WHO_CAN_JOIN: ("invite_only", lambda values, key: choice(values, key) == "invite"),
}


def form_from_values(values: dict[str, Any], base: ProgramForm | None = None) -> ProgramForm:
    """The form as submitted: each field the view showed, the others as in `base` (the program as it is, or
    the defaults). The program form shows the basics and the settings modal the rest (issue 19)."""
    typed = {attribute: read(values, field) for field, (attribute, read) in _READERS.items() if field in values}
    return (base or ProgramForm()).model_copy(update=typed)


def mentioned_user(words: list[str]) -> str | None:
    match = _MENTION.match(words[0]) if len(words) == 1 else None
    return (match.group(1) or match.group(2)) if match else None


# The form's answer waits this long for Slack to confirm the channels; past it, the answer is "checking" and the
# check goes on (up to CHECK_LIMIT) after the ack, so the ack stays well inside Slack's 3 seconds.
CHECK_DEADLINE = 0.8
CHECK_LIMIT = 10.0


async def channel_problem(client: AsyncWebClient, field: str, channel: str) -> str | None:
    """What is wrong with one chosen channel, or None."""
    try:
        info = await asyncio.wait_for(client.conversations_info(channel=channel), timeout=CHECK_LIMIT)
    except SlackApiError as error:
        if slack_error_code(error) in ("channel_not_found", "not_in_channel"):
            return "echobot cannot see this channel: invite it first (/invite @echobot)."
        return "Slack did not confirm this channel just now: submit again in a moment."
    except NETWORK_ERRORS:
        return "Slack did not confirm this channel just now: submit again in a moment."
    channel_info = info.get("channel") or {}
    if field == ProgramField.REVIEW_CHANNEL:
        problem = hub_channel_problem(channel_info)
        if problem is None and channel_info.get("is_member") is False:
            problem = "echobot is not in this channel: invite it first (/invite @echobot), so cases can land there."
        return problem
    return None


async def channel_problems(client: AsyncWebClient, form: ProgramForm) -> dict[str, str]:
    """echobot must see both channels, and the review channel must be private and not shared with another
    organization (both asked at once). The program channel may be a Slack Connect channel."""
    chosen = [(field, channel) for field, channel in ((ProgramField.CHANNEL, form.channel_id),
              (ProgramField.REVIEW_CHANNEL, form.review_channel_id)) if channel]  # fmt: skip
    found = await asyncio.gather(*(channel_problem(client, field, channel) for field, channel in chosen))
    return {field: problem for (field, _), problem in zip(chosen, found, strict=True) if problem}


def membership_reply(result: Membership, program: Program | None) -> str:
    name = f"*{escape(program.name)}*" if program else "that program"
    if result is Membership.JOINED and program is not None:
        return f"You joined {name}. Its reminders and session posts are in <#{program.channel_id}>."
    return {
        Membership.NOT_REGISTERED: "Register first (`/echo register`), then join programs.",
        Membership.NO_SUCH_PROGRAM: "I know no active program by that name: `/echo program list` shows them.",
        Membership.ALREADY: f"You are already in {name}.",
        Membership.LEFT: f"You left {name}.",
        Membership.NOT_A_MEMBER: f"You are not in {name}.",
        Membership.REQUESTED: f"Requested: {name} is invitation only, so its coordinators were asked. "
        "I'll DM you their decision.",
        Membership.REQUEST_PENDING: f"Requested already: the coordinators of {name} have your request and "
        "will decide soon.",
    }.get(result, "Done.")


async def list_command(request: CommandRequest) -> None:
    programs = request.services.programs
    listing = await programs.listing()
    joined = {p.id for p in await programs.joined(request.person.user_id)}
    blocks = program_list_blocks(listing, joined, can_join=request.person.is_registered)
    await request.ack(text=f"{len(listing)} ECHO programs", blocks=blocks)


def open_program_modal(request: CommandRequest, view: dict) -> None:
    request.services.inflight.spawn(open_modal(request.client, request.trigger_id, view, user_id=request.person.user_id,
                                               channel_id=request.channel_id), "open-program")  # fmt: skip


async def new_command(request: CommandRequest) -> None:
    await request.ack()
    request.services.inflight.spawn(open_new_program(request), "open-program")


async def open_new_program(request: CommandRequest) -> None:
    """The new-program form; its time zone is the creator's own (Slack's), else the hub's."""
    services = request.services
    in_a_week = (services.clock.now() + timedelta(days=7)).date().isoformat()
    zone = await reader_zone(services, request.client, request.person.user_id)
    form = ProgramForm(timezone=zone.key if zone else (await services.hubs.profile()).timezone, first_date=in_a_week)
    await open_modal(request.client, request.trigger_id, program_modal(form), user_id=request.person.user_id,
                     channel_id=request.channel_id)  # fmt: skip


async def schedule_changed(ack: AsyncAck, body: dict, client: AsyncWebClient, view_state: ViewState,
                           values: dict) -> None:  # fmt: skip
    """The form again after "How often" changed, with "Every how many weeks" only when it applies."""
    await ack()
    view = body.get("view") or {}
    updated = program_modal(form_from_values(values), program_id=view_state.program_id)
    try:
        await client.views_update(view_id=str(view.get("id") or ""), hash=view.get("hash"), view=updated)
    except SlackApiError as error:  # hash_conflict: the person changed something else meanwhile; fine
        log.info("program form not updated: %s", slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.warning("program form not updated: %s", type(error).__name__)


async def named_program(request: CommandRequest, usage: str) -> Program | None:
    """The active program named after the subcommand, if the person may manage it; else answered and None."""
    programs = request.services.programs
    name = " ".join(request.args)
    program = await programs.find(name) if name else None
    if program is None or not program.active:
        await request.ack(text=f"{usage}\nI know no active program called “{escape(name[:80])}”." if name else usage)
        return None
    if not programs.can_manage(request.person, program):
        await request.ack(text=f"Only coordinators of *{escape(program.name)}* can do that.")
        return None
    return program


async def edit_command(request: CommandRequest) -> None:
    program = await named_program(request, "Usage: `/echo program edit NAME`")
    if program is None:
        return
    await request.ack()
    open_program_modal(request, program_modal(ProgramForm.from_program(program), program_id=program.id))


async def archive_command(request: CommandRequest) -> None:
    program = await named_program(request, "Usage: `/echo program archive NAME`")
    if program is None:
        return
    withdrawn = await request.services.programs.archive(request.person, program)
    await request.ack(text=f"*{escape(program.name)}* is archived: {counted(withdrawn, 'upcoming session')} and their "
                      "reminders are withdrawn. Its records stay for reports.")  # fmt: skip


async def did_you_mean_program(request: CommandRequest, typed: str, *, offer_join: bool) -> bool:
    """A program name with a typo: answered with the nearest active program (and a Join button); False when
    none is near (the caller answers as before)."""
    active = await request.services.programs.active()
    suggestion = nearest(typed, [p.name for p in active])
    program = next((p for p in active if p.name == suggestion), None)
    if program is None:
        return False
    text = f"I know no program called “{escape(typed[:80])}”. Did you mean *{escape(program.name)}*?"
    blocks: list[dict] = [section(text)]
    if offer_join:
        blocks.append(actions(button(f"Join {program.name}"[:75], Action.JOIN_PROGRAM, str(program.id),
                                     style="primary")))  # fmt: skip
    await request.ack(text=text, blocks=blocks)
    return True


async def join_command(request: CommandRequest) -> None:
    if not request.args:
        await list_command(request)
        return
    programs = request.services.programs
    typed = " ".join(request.args)
    program = await programs.find(typed)
    if program is None and await did_you_mean_program(request, typed, offer_join=request.person.is_registered):
        return
    await request.ack(text=membership_reply(await programs.join(request.person, program), program))


async def leave_command(request: CommandRequest) -> None:
    if not request.args:
        await request.ack(text="Usage: `/echo leave NAME` (`/echo program list` shows your programs).")
        return
    programs = request.services.programs
    typed = " ".join(request.args)
    program = await programs.find(typed)
    if program is None and await did_you_mean_program(request, typed, offer_join=False):
        return
    await request.ack(text=membership_reply(await programs.leave(request.person, program), program))


async def reminders_command(request: CommandRequest) -> None:
    words = [w.lower() for w in request.args]
    if words not in (["dm", "on"], ["dm", "off"]):
        await request.ack(text="Usage: `/echo reminders dm on` or `/echo reminders dm off`.")
        return
    wanted = words[1] == "on"
    await request.services.programs.set_reminder_dms(request.person.user_id, wanted)
    await request.ack(text="You will also get session reminders by direct message." if wanted
                      else "Reminders stay in the program channels; no more DM copies.")  # fmt: skip


COORDINATOR_REPLIES = {
    CoordinatorChange.ADDED: "<@{user}> is now a hub coordinator.",
    CoordinatorChange.ALREADY: "<@{user}> is already a hub coordinator.",
    CoordinatorChange.REMOVED: "<@{user}> is no longer a hub coordinator.",
    CoordinatorChange.NOT_ONE: "<@{user}> is not a hub coordinator.",
    CoordinatorChange.IS_ADMIN: "<@{user}> is named in ECHOBOT_ADMINS: change the configuration instead.",
    CoordinatorChange.REFUSED: "Only the hub administrators (ECHOBOT_ADMINS) can change coordinators.",
}


async def coordinator_command(request: CommandRequest, adding: bool) -> None:
    user = mentioned_user(request.args)
    if user is None:
        await request.ack(text=f"Usage: `/echo coordinator {'add' if adding else 'remove'} @person`")
        return
    coordinators = request.services.coordinators
    change = await (coordinators.add if adding else coordinators.remove)(request.person, user)
    await request.ack(text=COORDINATOR_REPLIES[change].format(user=user))


async def coordinator_add(request: CommandRequest) -> None:
    await coordinator_command(request, True)


async def coordinator_remove(request: CommandRequest) -> None:
    await coordinator_command(request, False)


async def save_program(services: Services, person: Person, view_state: ViewState, form: ProgramForm,
                       submission_id: str) -> ProgramResult:  # fmt: skip
    """Saved without a DM: the form shows the summary in its place (saved_view)."""
    if view_state.program_id is None:
        return await services.programs.create(person, form, submission_id, dm=False)
    return await services.programs.update(person, view_state.program_id, form, submission_id, dm=False)


async def saved_view(services: Services, result: ProgramResult, view_state: ViewState) -> dict:
    """The summary the program form turns into once saved: schedule, channels, next sessions, Settings."""
    assert result.program is not None
    upcoming = [s for s, _ in await services.sessions.upcoming([result.program])][:3]
    return program_saved_modal(result.program, upcoming, edited=view_state.program_id is not None,
                               replanned=result.replanned, kept=result.kept)  # fmt: skip


async def base_form(services: Services, program_id: int | None) -> ProgramForm:
    """What the fields a view does not show stay: the program as it is, or the defaults for a new one."""
    program = await services.programs.get(program_id) if program_id else None
    return ProgramForm.from_program(program) if program else ProgramForm()


async def submit_program(ack: AsyncAck, client: AsyncWebClient, services: Services, actor: Actor, view: dict,
                         view_state: ViewState, values: dict, submission_id: str) -> None:  # fmt: skip
    """The basics: checked (channels with Slack), then saved; the settings keep their defaults (or values)."""
    person = await actor.person()
    refused = await services.programs.refusal(person, view_state.program_id)
    if refused:  # before any Slack call: someone who may not save the form learns nothing from it
        await ack(response_action="errors", errors=refused)
        return
    form = form_from_values(values, await base_form(services, view_state.program_id))
    check = asyncio.ensure_future(channel_problems(client, form))
    done, _ = await asyncio.wait({check}, timeout=CHECK_DEADLINE)
    if check not in done:  # Slack is slow: answer now, finish after the ack, and show the outcome in the modal
        title = str((view.get("title") or {}).get("text") or "ECHO program")[:24]
        await ack(response_action="update", view=notice_modal(title, "Checking the channels with Slack…"))
        services.inflight.spawn(finish_program(client, services, person, view_state, form, submission_id,
                                               check, str(view.get("id") or ""), title), "program-check")  # fmt: skip
        return
    if problems := check.result():
        await ack(response_action="errors", errors=problems)
        return
    result = await save_program(services, person, view_state, form, submission_id)
    if result.errors or result.program is None:
        await ack_submission(ack, result.errors)
        return
    await ack(response_action="update", view=await saved_view(services, result, view_state))


async def finish_program(client: AsyncWebClient, services: Services, person: Person, view_state: ViewState,
                         form: ProgramForm, submission_id: str, check: asyncio.Future[dict[str, str]], view_id: str,
                         title: str) -> None:  # fmt: skip
    """The rest of a submission Slack was slow to check: saved when the channels are right, and the modal
    says what happened (nothing is saved with a channel echobot cannot see or a public review channel)."""
    problems = await check
    result = None if problems else await save_program(services, person, view_state, form, submission_id)
    errors = problems or (result.errors if result else {})
    if errors or result is None or result.program is None:
        text = ("The program was not saved:\n" + "\n".join(f"• {message}" for message in errors.values())
                + "\nOpen the form again (`/echo program new`, or `edit`) and submit it once this is fixed.")
        outcome = notice_modal(title, text)
    else:
        outcome = await saved_view(services, result, view_state)
    try:
        await client.views_update(view_id=view_id, view=outcome)
    except SlackApiError as error:
        log.warning("could not show the program form's outcome: %s", slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.warning("could not show the program form's outcome: %s", type(error).__name__)


async def settings_command(request: CommandRequest) -> None:
    """`/echo program settings NAME`: the program's settings modal (also Settings on the coordinator's Home)."""
    program = await named_program(request, "Usage: `/echo program settings NAME`")
    if program is None:
        return
    await request.ack()
    view = program_settings_modal(ProgramForm.from_program(program), program_id=program.id)
    open_program_modal(request, view)


async def open_settings(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, services: Services,
                        actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """Settings (a button on the coordinator's Home and in the set-up summary): the settings modal, for the
    program's coordinators only; anyone else is told so in a modal. From the summary the program form turned
    into, the settings take that window's place."""
    await ack()
    person = await actor.person()
    program_id = parse_id(action.get("value"))
    program = await services.programs.get(program_id) if program_id else None
    if program is None or not program.active or not services.programs.can_manage(person, program):
        view = notice_modal("Program settings", "Only the program's coordinators can change its settings.")
    else:
        view = program_settings_modal(ProgramForm.from_program(program), program_id=program.id)
    shown = body.get("view") or {}
    if shown.get("type") == "modal" and shown.get("id"):
        await update_view(client, str(shown["id"]), view)
        return
    await open_modal(client, trigger_id, view, user_id=actor.user_id)


async def submit_settings(ack: AsyncAck, services: Services, actor: Actor, view: dict, view_state: ViewState,
                          values: dict, submission_id: str) -> None:  # fmt: skip
    """Save a program's settings; its basics stay as they are. A problem shows on its field (a refusal on the
    first one)."""
    person = await actor.person()
    if view_state.program_id is None:
        await ack(response_action="errors", errors={first_input(view): "This form has expired: open it again."})
        return
    refused = await services.programs.refusal(person, view_state.program_id)
    form = form_from_values(values, await base_form(services, view_state.program_id))
    errors = refused or (await services.programs.update(person, view_state.program_id, form, submission_id)).errors
    shown = {block.get("block_id") for block in view.get("blocks") or [] if isinstance(block, dict)}
    elsewhere = [message for field, message in errors.items() if field not in shown]
    if elsewhere:  # a basic field went wrong meanwhile (the name taken, the first date now past)
        errors = {**{k: v for k, v in errors.items() if k in shown}, first_input(view): " ".join(elsewhere)}
    await ack_submission(ack, errors)


async def timezone_options(ack: AsyncAck, payload: dict) -> None:
    us, others = timezone_matches(str(payload.get("value") or ""))
    groups = []
    if us:
        groups.append({"label": plain("United States"), "options": [option(*pair) for pair in us]})
    if others:
        groups.append({"label": plain("Everywhere else"), "options": [option(*pair) for pair in others]})
    await ack(option_groups=groups)


async def membership_click(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                           services: Services, actor: Actor) -> None:  # fmt: skip
    """The Join and Leave buttons."""
    await ack()
    joining = action.get("action_id") == Action.JOIN_PROGRAM
    person = await actor.person()
    program_id = parse_id(action.get("value"))
    program = await services.programs.get(program_id) if program_id else None
    if joining and person.provider is None:
        text_ = "Register first, then join programs."
        reply: dict[str, Any] = {"text": text_, "blocks": register_prompt(text_)}
    else:
        result = await (services.programs.join if joining else services.programs.leave)(person, program)
        reply = {"text": membership_reply(result, program)}
        if result in (Membership.REQUESTED, Membership.REQUEST_PENDING) and program_id:  # issue 17
            reply.update(requested_in_place(body, program_id, reply["text"]))
    reply_later(services.inflight, respond, **reply, response_type="ephemeral")
    if not getattr(respond, "response_url", None):  # from Home or a modal (issue 19): answered there
        services.inflight.spawn(answer_in_view(services, client, body, actor.user_id, reply["text"]), "join-answer")


async def browse_programs(ack: AsyncAck, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                          services: Services, actor: Actor) -> None:  # fmt: skip
    """Browse programs (after registering): the program list with Join buttons, for the person who clicked; in
    a modal (the registration form's welcome), the list takes the modal's place."""
    await ack()
    person = await actor.person()
    listing = await services.programs.listing()
    joined = {p.id for p in await services.programs.joined(person.user_id)}
    blocks = program_list_blocks(listing, joined, can_join=person.is_registered)
    view = body.get("view") or {}
    if not getattr(respond, "response_url", None) and view.get("type") == "modal" and view.get("id"):
        listing_view = modal("Programs", Callback.NOTICE_VIEW, blocks[:95], submit=None, close="Close")
        services.inflight.spawn(update_view(client, str(view["id"]), listing_view), "browse-programs")
        return
    reply_later(services.inflight, respond, text=f"{len(listing)} ECHO programs", blocks=blocks,
                response_type="ephemeral")  # fmt: skip


async def update_view(client: AsyncWebClient, view_id: str, view: dict) -> None:
    """Replace an open modal's content. Best effort: the person can close it and use Home."""
    try:
        await client.views_update(view_id=view_id, view=view)
    except SlackApiError as error:
        log.info("could not update the modal: %s", slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.info("could not update the modal: %s", type(error).__name__)


def register(app: AsyncApp, router: Router) -> None:
    router.add("program list", list_command)
    router.add("program new", new_command)
    router.add("program edit", edit_command)
    router.add("program archive", archive_command)
    router.add("program settings", settings_command)
    router.add("join", join_command)
    router.add("leave", leave_command)
    router.add("reminders", reminders_command)
    router.add("coordinator add", coordinator_add)
    router.add("coordinator remove", coordinator_remove)
    app.view(Callback.PROGRAM_VIEW)(submit_program)
    app.view(Callback.PROGRAM_SETTINGS_VIEW)(submit_settings)
    app.action(Action.PROGRAM_SETTINGS)(open_settings)
    app.options(ProgramField.TIMEZONE)(timezone_options)
    app.action(ProgramField.SCHEDULE)(schedule_changed)
    app.action(Action.BROWSE_PROGRAMS)(browse_programs)
    app.action(Action.JOIN_PROGRAM)(membership_click)
    app.action(Action.LEAVE_PROGRAM)(membership_click)
