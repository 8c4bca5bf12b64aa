"""Invitation-only programs end to end (issue 17): a Join becomes a request the coordinators approve or decline,
and coordinators invite people, who join with one click (after registering, when they were not)."""

from __future__ import annotations

from typing import Any

from echobot.ids import Action, Callback, ProgramField, RegistrationField
from echobot.storage import audit, hub, invitations, programs
from echobot.views.invitations import INVITEES, REASON
from tests.fake_slack import HUB_A, HUB_B
from tests.harness import ADMIN, Bot
from tests.scenarios import ALICE, PROGRAM_CHANNEL, create_program, open_program_modal, open_registration, register
from tests.slack_driver import blocks_text
from tests.test_hubs import (  # noqa: F401 (many: the fixture of two installed hubs)
    A_CHANNEL,
    A_REVIEW,
    ANN,
    B_CHANNEL,
    B_REVIEW,
    BEN,
    NAME,
    Hubs,
    installed_pair,
    many,
    program_in,
    register_in,
)

BOB, CAROL = "UBOB000001", "UCAROL0001"
COORD, COORD_2 = "UPCOORD001", "UPCOORD002"


async def invitation_only(bot: Bot) -> int:
    """Hepatitis C ECHO with two program coordinators, made invitation only in its settings modal."""
    program = await create_program(bot, **{ProgramField.COORDINATORS: [COORD, COORD_2]})
    view = await open_program_modal(bot, text="program settings Hepatitis C ECHO")
    assert "Who can join" in blocks_text(view["blocks"])
    reply = await bot.driver.submit(ADMIN, view, {ProgramField.WHO_CAN_JOIN: "invite"})
    assert reply.text == "", reply.text
    await bot.settle()
    saved = await programs.get(bot.db.reader, program.id)
    assert saved is not None and saved.invite_only
    edit = (await audit.recent(bot.db.reader, action_prefix="program.edit"))[0]
    assert edit.actor == ADMIN and edit.detail == {"invite_only": True, "schedule_changed": False}
    return program.id


def requests_to(bot: Bot, coordinator: str) -> list[dict[str, Any]]:
    return [p for p in bot.fake.posts_to(coordinator) if "asks to join" in p.get("text", "")]


def shown(bot: Bot, coordinator: str) -> str:
    """What a coordinator's request DM shows now (after any update in place)."""
    (request,) = requests_to(bot, coordinator)
    posted = next(c.response for c in bot.fake.calls_to("chat.postMessage") if c.args is request)
    message = bot.fake.messages[(posted["channel"], posted["ts"])]
    return message["text"] + "\n" + blocks_text(message.get("blocks") or [])


def button_value(post: dict[str, Any], action_id: str) -> str:
    return next(e["value"] for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == action_id)  # fmt: skip


async def test_a_request_is_approved_once_and_every_coordinator_sees_who_approved(bot: Bot) -> None:
    program_id = await invitation_only(bot)
    await register(bot, ALICE)
    reply = await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    assert "Requested" in reply.json["text"] and "invitation only" in reply.json["text"]
    await bot.settle()
    assert await programs.members(bot.db.reader, program_id) == []
    for coordinator in (COORD, COORD_2):
        (request,) = requests_to(bot, coordinator)
        text = blocks_text(request["blocks"])
        assert f"<@{ALICE}> asks to join *Hepatitis C ECHO*" in text
        assert "Organization" in text and "Profession" in text and "Approve" in text and "Decline" in text
    # asking again (the Join button this time) sends nothing new
    await bot.driver.click(ALICE, Action.JOIN_PROGRAM, str(program_id), channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "Requested already" in bot.fake.responses[-1]["text"]
    assert len(requests_to(bot, COORD)) == 1 and len(requests_to(bot, COORD_2)) == 1
    request_id = button_value(requests_to(bot, COORD)[0], Action.APPROVE_REQUEST)
    # someone who does not coordinate the program is refused
    await register(bot, BOB, **{RegistrationField.EMAIL: "bob@valley.example.org"})
    await bot.driver.click(BOB, Action.APPROVE_REQUEST, request_id, channel=BOB)
    await bot.settle()
    assert "Only the program's coordinators" in bot.fake.responses[-1]["text"]
    assert await programs.members(bot.db.reader, program_id) == []
    # the first coordinator approves; a double click and the second coordinator change nothing twice
    await bot.driver.click(COORD, Action.APPROVE_REQUEST, request_id, channel=COORD)
    await bot.settle()
    assert "Approved" in bot.fake.responses[-1]["text"]
    await bot.driver.click(COORD, Action.APPROVE_REQUEST, request_id, channel=COORD)
    await bot.driver.click(COORD_2, Action.DECLINE_REQUEST, request_id, channel=COORD_2)
    await bot.settle()
    assert f"already decided by <@{COORD}>" in bot.fake.responses[-1]["text"]
    assert await programs.members(bot.db.reader, program_id) == [ALICE]
    told = [p["text"] for p in bot.fake.posts_to(ALICE) if "Hepatitis C ECHO" in p.get("text", "")]
    assert told == [f"Your request to join *Hepatitis C ECHO* was approved: you joined. Its reminders and "
                    f"session posts are in <#{PROGRAM_CHANNEL}>."]  # fmt: skip
    for coordinator in (COORD, COORD_2):
        now_shows = shown(bot, coordinator)
        assert f"Approved by <@{COORD}>" in now_shows and "Approve" not in now_shows.replace("Approved", "")
    assert len(bot.fake.calls_to("chat.update")) == 2
    actions = [e.action for e in await audit.recent(bot.db.reader, action_prefix="program.join_request")]
    assert sorted(actions) == ["program.join_request", "program.join_request.approved"]


async def test_a_request_declined_with_a_reason(bot: Bot) -> None:
    program_id = await invitation_only(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.settle()
    request_id = button_value(requests_to(bot, COORD_2)[0], Action.DECLINE_REQUEST)
    await bot.driver.click(COORD_2, Action.DECLINE_REQUEST, request_id, channel=COORD_2)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.DECLINE_VIEW
    reply = await bot.driver.submit(COORD_2, view, {REASON: "This series is for the Valley clinics only."})
    assert reply.text == "", reply.text
    await bot.settle()
    assert await programs.members(bot.db.reader, program_id) == []
    (told,) = [p for p in bot.fake.posts_to(ALICE) if "Hepatitis C ECHO" in p.get("text", "")]
    assert "Thank you for your interest" in told["text"]
    assert "From the coordinator: This series is for the Valley clinics only." in blocks_text(told["blocks"])
    for coordinator in (COORD, COORD_2):
        assert f"Declined by <@{COORD_2}>" in shown(bot, coordinator)
    # the same modal submitted again (or another coordinator's late decision) is refused politely
    again = await bot.driver.submit(COORD, view, {REASON: ""})
    assert "already decided" in again.errors[REASON]
    await bot.settle()
    assert len([p for p in bot.fake.posts_to(ALICE) if "Hepatitis C ECHO" in p.get("text", "")]) == 1


async def test_invited_people_join_with_one_click_even_before_registering(bot: Bot) -> None:
    program_id = await invitation_only(bot)
    await register(bot, ALICE)
    # a registered person who coordinates nothing cannot invite
    reply = await bot.driver.command(ALICE, f"invite <@{BOB}> Hepatitis C ECHO")
    assert "coordinators" in reply.message_text and "Invited" not in reply.message_text
    # a program coordinator invites Alice (registered) by name
    reply = await bot.driver.command(COORD, f"invite <@{ALICE}> Hepatitis C ECHO")
    assert f"Invited to *Hepatitis C ECHO*: <@{ALICE}>" in reply.json["text"]
    reply = await bot.driver.command(COORD, f"invite <@{ALICE}> Hepatitis C ECHO")
    assert "not sent again" in reply.json["text"]
    await bot.settle()
    (invite,) = [p for p in bot.fake.posts_to(ALICE) if "invited" in p.get("text", "")]
    assert f"You're invited to *Hepatitis C ECHO* by <@{COORD}>" in invite["text"]
    await bot.driver.click(ALICE, Action.JOIN_PROGRAM, button_value(invite, Action.JOIN_PROGRAM), channel=ALICE)
    await bot.settle()
    assert "You joined *Hepatitis C ECHO*" in bot.fake.responses[-1]["text"]
    assert await programs.members(bot.db.reader, program_id) == [ALICE]
    assert requests_to(bot, COORD) == []  # an invitation is no request
    # Carol (not registered) is invited with the modal, clicks Join, registers, and is in without a second step
    await bot.driver.command(COORD, "invite Hepatitis C ECHO")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.INVITE_VIEW
    reply = await bot.driver.submit(COORD, view, {INVITEES: [CAROL, ALICE]})
    assert f"Invited to *Hepatitis C ECHO*: <@{CAROL}>" in blocks_text(reply.json["view"]["blocks"])
    assert f"Already in it: <@{ALICE}>" in blocks_text(reply.json["view"]["blocks"])
    await bot.settle()
    (invite,) = [p for p in bot.fake.posts_to(CAROL) if "invited" in p.get("text", "")]
    await bot.driver.click(CAROL, Action.JOIN_PROGRAM, button_value(invite, Action.JOIN_PROGRAM), channel=CAROL)
    await bot.settle()
    assert "Register first" in bot.fake.responses[-1]["text"]
    await register(bot, CAROL, **{RegistrationField.EMAIL: "carol@valley.example.org"})
    assert sorted(await programs.members(bot.db.reader, program_id)) == [ALICE, CAROL]
    assert any("You joined *Hepatitis C ECHO*, as invited" in p.get("text", "") for p in bot.fake.posts_to(CAROL))
    invites = [e for e in await audit.recent(bot.db.reader, action_prefix="program.invit")]
    assert sorted(e.action for e in invites) == ["program.invitation.join"] * 2 + ["program.invite"] * 2


async def test_an_invitation_to_an_open_program_joins_with_one_click(bot: Bot) -> None:
    program = await create_program(bot)
    await register(bot, ALICE)
    reply = await bot.driver.command(ADMIN, f"invite <@{ALICE}> Hepatitis C ECHO")
    assert "Invited" in reply.json["text"]
    await bot.settle()
    (invite,) = [p for p in bot.fake.posts_to(ALICE) if "invited" in p.get("text", "")]
    await bot.driver.click(ALICE, Action.JOIN_PROGRAM, button_value(invite, Action.JOIN_PROGRAM), channel=ALICE)
    await bot.settle()
    assert "You joined *Hepatitis C ECHO*" in bot.fake.responses[-1]["text"]
    assert await programs.members(bot.db.reader, program.id) == [ALICE]


async def test_join_in_the_program_list_turns_into_requested(bot: Bot) -> None:
    program_id = await invitation_only(bot)
    await register(bot, ALICE)
    listing = await bot.driver.command(ALICE, "program list")
    # the Join button of the list only Alice sees (Slack marks the click's container ephemeral)
    payload = {
        "type": "block_actions", "team": bot.driver.team, "api_app_id": "A0ECHO", "token": "legacy",
        "user": {"id": ALICE, "team_id": bot.driver.team_of(ALICE)}, "trigger_id": bot.driver.trigger(),
        "actions": [{"type": "button", "action_id": Action.JOIN_PROGRAM, "block_id": "b", "value": str(program_id),
                     "action_ts": "1700000000.000002"}],
        "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": PROGRAM_CHANNEL,
                      "is_ephemeral": True},
        "channel": {"id": PROGRAM_CHANNEL}, "response_url": bot.fake.response_url(),
        "message": {"ts": "1700000000.000001", "text": "", "blocks": listing.json["blocks"]},
    }  # fmt: skip
    await bot.driver.interactive(payload)
    await bot.settle()
    answer = bot.fake.responses[-1]
    assert answer["replace_original"] is True
    text = blocks_text(answer["blocks"])
    assert "Requested" in text and "Join" not in text.replace("Join or leave", "")
    assert "its coordinators were asked" in text
    assert len(requests_to(bot, COORD)) == 1


async def test_registration_offers_invitation_only_programs_only_to_their_members(bot: Bot) -> None:
    program_id = await invitation_only(bot)
    await create_program(bot, **{ProgramField.NAME: "Liver ECHO"})
    view = await open_registration(bot, BOB)
    assert "Liver ECHO" in str(view["blocks"]) and "Hepatitis C ECHO" not in str(view["blocks"])
    # a member keeps it on editing (so saving the form does not make them leave)
    await register(bot, ALICE)
    await bot.driver.command(ADMIN, f"invite <@{ALICE}> Hepatitis C ECHO")
    await bot.settle()
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    view = await open_registration(bot, ALICE)
    assert "Hepatitis C ECHO" in str(view["blocks"])
    reply = await bot.driver.submit(ALICE, view, {})
    assert "Your registration is updated." in reply.text, reply.text  # the form turns into its answer
    await bot.settle()
    assert await programs.members(bot.db.reader, program_id) == [ALICE]


async def test_invite_people_from_the_program_settings_modal(bot: Bot) -> None:
    await invitation_only(bot)
    settings = await open_program_modal(bot, user=COORD, text="program settings Hepatitis C ECHO")
    assert "Invite people" in blocks_text(settings["blocks"])
    value = button_value(settings, Action.INVITE_PEOPLE)
    await bot.driver.click(COORD, Action.INVITE_PEOPLE, value, home=settings)
    await bot.settle()
    pushed = bot.fake.opened_views()[-1]
    assert pushed["callback_id"] == Callback.INVITE_VIEW and bot.fake.last("views.push")
    reply = await bot.driver.submit(COORD, pushed, {INVITEES: [BOB]})
    assert f"Invited to *Hepatitis C ECHO*: <@{BOB}>" in blocks_text(reply.json["view"]["blocks"])
    # the same button, clicked (forged) by someone who does not coordinate the program
    await register(bot, ALICE)
    await bot.driver.click(ALICE, Action.INVITE_PEOPLE, value, home=settings)
    await bot.settle()
    assert "Only the program's coordinators" in blocks_text(bot.fake.opened_views()[-1]["blocks"])
    await bot.driver.submit(ALICE, pushed, {INVITEES: [CAROL]})
    await bot.settle()
    assert [p for p in bot.fake.posts_to(CAROL) if "invited" in p.get("text", "")] == []


async def test_other_hubs_requests_and_programs_are_out_of_reach(many: Hubs) -> None:  # noqa: F811 (the fixture)
    bot = many.bot
    await installed_pair(many)
    a_program = await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW)
    b_program = await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    await many[HUB_B].command(BEN, f"program settings {NAME}")
    await bot.settle()
    reply = await many[HUB_B].submit(BEN, bot.fake.opened_views()[-1], {ProgramField.WHO_CAN_JOIN: "invite"})
    assert reply.text == "", reply.text
    bot.fake.add_member("UBNURSE001", "Bea Nurse", HUB_B)
    await register_in(many, HUB_B, "UBNURSE001", name="Bea Nurse", email="bea@b.example.org")
    reply = await many[HUB_B].command("UBNURSE001", f"join {NAME}", channel=B_CHANNEL)
    assert "Requested" in reply.json["text"]
    await bot.settle()
    (request,) = requests_to(bot, BEN)  # the program has no coordinators of its own: the hub's are asked
    assert not requests_to(bot, ANN)
    request_id = button_value(request, Action.APPROVE_REQUEST)
    # hub A's coordinator cannot decide hub B's request, nor invite to hub B's program (hers has the same name)
    await many[HUB_A].click(ANN, Action.APPROVE_REQUEST, request_id, channel=ANN)
    await bot.settle()
    assert "no longer open" in bot.fake.responses[-1]["text"]
    await many[HUB_A].command(ANN, f"invite <@UBNURSE001> {NAME}")
    await bot.settle()
    with hub.scope(HUB_B):
        assert await programs.members(bot.db.reader, b_program) == []
    with hub.scope(HUB_A):
        assert [i.program_id for i in await invitations.pending_invites_of(bot.db.reader, "UBNURSE001")] == [a_program]
    await many[HUB_B].click(BEN, Action.APPROVE_REQUEST, request_id, channel=BEN)
    await bot.settle()
    with hub.scope(HUB_B):
        assert await programs.members(bot.db.reader, b_program) == ["UBNURSE001"]


async def test_an_invitation_settles_a_request_still_waiting(bot: Bot) -> None:
    program_id = await invitation_only(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.driver.command(COORD_2, f"invite <@{ALICE}> Hepatitis C ECHO")
    await bot.settle()
    (invite,) = [p for p in bot.fake.posts_to(ALICE) if "invited" in p.get("text", "")]
    await bot.driver.click(ALICE, Action.JOIN_PROGRAM, button_value(invite, Action.JOIN_PROGRAM), channel=ALICE)
    await bot.settle()
    assert await programs.members(bot.db.reader, program_id) == [ALICE]
    for coordinator in (COORD, COORD_2):
        assert f"Approved by <@{COORD_2}>" in shown(bot, coordinator)
    request_id = button_value(requests_to(bot, COORD)[0], Action.APPROVE_REQUEST)
    await bot.driver.click(COORD, Action.APPROVE_REQUEST, request_id, channel=COORD)
    await bot.settle()
    assert f"already decided by <@{COORD_2}>" in bot.fake.responses[-1]["text"]


def home_of(bot: Bot, user: str) -> dict[str, Any]:
    """The Home tab last published for this person."""
    return next(c.args["view"] for c in reversed(bot.fake.calls_to("views.publish")) if c.args["user_id"] == user)


def home_buttons(home: dict[str, Any], action_id: str) -> list[dict[str, Any]]:
    return [e for b in home["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"] == action_id]


async def test_invite_people_from_the_coordinators_home(bot: Bot) -> None:
    """An everyday task is a button where coordinators look: Invite people on their program card in App Home, only
    for invitation-only programs; refused for anyone else who presses it."""
    await create_program(bot, **{ProgramField.COORDINATORS: [COORD, COORD_2]})
    await bot.driver.event({"type": "app_home_opened", "user": COORD, "tab": "home"})
    await bot.settle()
    assert home_buttons(home_of(bot, COORD), Action.INVITE_PEOPLE) == []  # an open program: nothing to invite to
    view = await open_program_modal(bot, user=COORD, text="program settings Hepatitis C ECHO")
    assert (await bot.driver.submit(COORD, view, {ProgramField.WHO_CAN_JOIN: "invite"})).text == ""
    await bot.driver.event({"type": "app_home_opened", "user": COORD, "tab": "home"})
    await bot.settle()
    home = home_of(bot, COORD)
    [invite] = home_buttons(home, Action.INVITE_PEOPLE)
    assert invite["text"]["text"] == "Invite people"
    assert "Programs you coordinate" in blocks_text(home["blocks"])
    await bot.driver.click(COORD, Action.INVITE_PEOPLE, invite["value"], home=home)
    await bot.settle()
    opened = bot.fake.last("views.open").args["view"]
    assert opened["callback_id"] == Callback.INVITE_VIEW and "Hepatitis C ECHO" in str(opened)
    reply = await bot.driver.submit(COORD, bot.fake.opened_views()[-1], {INVITEES: [BOB]})
    assert f"Invited to *Hepatitis C ECHO*: <@{BOB}>" in blocks_text(reply.json["view"]["blocks"])
    await bot.settle()
    (invitation,) = [p for p in bot.fake.posts_to(BOB) if "invited" in p.get("text", "")]
    assert "Join" in str(invitation["blocks"])
    # a provider's Home has no such button; pressing it anyway (a forged click) is refused, nothing sent
    await register(bot, ALICE)
    await bot.driver.event({"type": "app_home_opened", "user": ALICE, "tab": "home"})
    await bot.settle()
    assert home_buttons(home_of(bot, ALICE), Action.INVITE_PEOPLE) == []
    await bot.driver.click(ALICE, Action.INVITE_PEOPLE, invite["value"], home=home_of(bot, ALICE))
    await bot.settle()
    assert "Only the program's coordinators" in blocks_text(bot.fake.opened_views()[-1]["blocks"])
    assert await invitations.pending_invites_of(bot.db.reader, CAROL) == []
