"""Slack Connect end to end: a program channel shared with a partner organization, providers from that
organization from registration to certificate, a hub review channel that must stay inside the hub (checked
when chosen and before every case post), and DMs that Slack refuses reaching the person another way."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from echobot.ids import Action, Callback, EvaluationField, ProgramField
from echobot.models import OutboxState
from echobot.storage import cases, evaluations, outbox, programs, providers
from tests.fake_slack import PARTNER_TEAM
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    CASE,
    EVALUATION,
    FIRST_END,
    FIRST_START,
    PROGRAM,
    PROGRAM_CHANNEL,
    PROVIDER,
    REVIEW_CHANNEL,
    at,
    open_program_modal,
    open_registration,
    register,
    uploaded,
)
from tests.slack_driver import blocks_text

PAT = "UPARTNER01"  # a nurse practitioner at a partner clinic; its Slack lets echobot DM her
RAY = "UPARTNER02"  # a physician at a partner clinic whose Slack does not allow DMs from other organizations
COORDINATOR = "UPCOORD001"  # PROGRAM's coordinator
PAT_FORM = {"name": "Pat Okafor", "email": "pat@partner.example.org", "organization": "Partner Health Center"}


def connect_channels(bot: Bot, *, review: dict[str, Any] | None = None) -> None:
    """The program channel is shared with the partner (Slack Connect); the review channel as given."""
    bot.fake.add_channel(PROGRAM_CHANNEL, "hepc-echo", shared_with=[PARTNER_TEAM], members=[PAT, RAY])
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", **(review or {"private": True}))
    bot.fake.add_partner_user(PAT, "Pat Okafor")
    bot.fake.add_partner_user(RAY, "Ray Tanaka", dm=False, found=False)


async def shared_program(bot: Bot, **overrides: Any) -> dict[str, Any]:
    view = await open_program_modal(bot)
    reply = await bot.driver.submit(ADMIN, view, {**PROGRAM, **overrides})
    assert reply.json.get("response_action") == "update", reply.text  # the set-up summary in the form's place
    await bot.settle()
    return view


def picker(view: dict[str, Any], field: str) -> dict[str, Any]:
    return next(b for b in view["blocks"] if b.get("block_id") == field)["element"]


def channel_posts(bot: Bot, channel: str = PROGRAM_CHANNEL) -> list[dict[str, Any]]:
    return bot.fake.posts_to(channel)


async def test_a_partner_provider_in_a_shared_channel_goes_from_registration_to_certificate(bot: Bot) -> None:
    connect_channels(bot)
    view = await shared_program(bot)
    # the program channel may be a Slack Connect channel; the hub review channel may not
    assert picker(view, ProgramField.CHANNEL)["filter"]["exclude_external_shared_channels"] is False
    assert picker(view, ProgramField.REVIEW_CHANNEL)["filter"]["exclude_external_shared_channels"] is True
    # registration: Slack shares her name only; the form asks for the rest
    form = await open_registration(bot, PAT)
    shown = {b["block_id"]: b["element"].get("initial_value", "") for b in form["blocks"] if "element" in b}
    assert shown["name"] == "Pat Okafor" and shown["email"] == "" and shown["discipline"] == ""
    reply = await bot.driver.submit(PAT, form, {**PROVIDER, **PAT_FORM})
    assert "registered as a *participant*" in str(reply.json["view"]["blocks"]), reply.text  # the welcome
    await bot.settle()
    stored = await providers.get(bot.db.reader, PAT)
    assert stored is not None and stored.team_id == PARTNER_TEAM and stored.email == "pat@partner.example.org"
    # join, present a case (the hub sees it in its own private channel), check in, evaluate, certificate
    reply = await bot.driver.command(PAT, "join Hepatitis C ECHO", channel=PROGRAM_CHANNEL)
    assert "You joined" in reply.text
    await bot.driver.command(PAT, "case", channel=PROGRAM_CHANNEL)
    await bot.settle()
    reply = await bot.driver.submit(PAT, bot.fake.opened_views()[-1], CASE)
    assert reply.text == "", reply.text
    await bot.settle()
    assert any(p["text"].startswith("Case #") for p in bot.fake.posts_to(PAT))  # her DM works: her case message
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, PAT)
    hub = [p for p in bot.fake.posts_to(REVIEW_CHANNEL) if not p.get("thread_ts")]
    assert len(hub) == 1 and f"Case #{case.id}" in blocks_text(hub[0]["blocks"])
    assert not any("sofosbuvir" in p["text"] + blocks_text(p.get("blocks", [])) for p in channel_posts(bot))
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    reply = await bot.driver.click(PAT, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    assert reply.status == 200
    await at(bot, FIRST_END + timedelta(minutes=1))
    assert any("Evaluate the session" in p["text"] for p in bot.fake.posts_to(PAT))
    await bot.driver.click(PAT, Action.EVALUATE, "1", channel="D" + PAT[1:])
    await bot.settle()
    evaluation = bot.fake.opened_views()[-1]
    assert evaluation["callback_id"] == Callback.EVALUATION_VIEW
    reply = await bot.driver.submit(PAT, evaluation, EVALUATION)
    assert reply.text == "", reply.text
    await bot.settle()
    assert len(await evaluations.credits_of(bot.db.reader, PAT)) == 1
    await bot.driver.click(PAT, Action.CERTIFICATE_SESSION, channel="D" + PAT[1:])
    await bot.settle()
    reply = await bot.driver.submit(PAT, bot.fake.opened_views()[-1], {EvaluationField.CERT_SESSION: "1"})
    assert reply.text == ""
    await bot.settle()
    assert uploaded(bot).startswith(b"%PDF-")


async def test_a_shared_or_public_hub_channel_is_refused_when_chosen(bot: Bot) -> None:
    connect_channels(bot, review={"private": True, "shared_with": [PARTNER_TEAM]})
    bot.fake.add_channel("G0PENDING", "hepc-hub-2", private=True, pending=[PARTNER_TEAM])
    bot.fake.add_channel("C0PUBLIC", "hepc-public")
    view = await open_program_modal(bot)
    for channel, wanted in ((REVIEW_CHANNEL, "shared with another organization"),
                            ("G0PENDING", "shared with another organization"), ("C0PUBLIC", "private channel"),
                            (PROGRAM_CHANNEL, "shared with another organization")):  # fmt: skip
        reply = await bot.driver.submit(ADMIN, view, {**PROGRAM, ProgramField.REVIEW_CHANNEL: channel})
        assert wanted in reply.errors[ProgramField.REVIEW_CHANNEL], channel
    assert await _programs(bot) == 0


async def _programs(bot: Bot) -> int:
    return len(await programs.active(bot.db.reader))


async def test_a_case_is_not_posted_once_the_hub_channel_is_shared_and_goes_out_when_it_is_not(bot: Bot) -> None:
    connect_channels(bot)
    await shared_program(bot)
    await register(bot, PAT, **PAT_FORM)
    await bot.driver.command(PAT, "join Hepatitis C ECHO", channel=PROGRAM_CHANNEL)
    bot.fake.share(REVIEW_CHANNEL)  # someone connects the hub channel with the partner after set-up
    await bot.driver.command(PAT, "case", channel=PROGRAM_CHANNEL)
    await bot.settle()
    await bot.driver.submit(PAT, bot.fake.opened_views()[-1], CASE)
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, PAT)
    assert bot.fake.posts_to(REVIEW_CHANNEL) == []  # nothing of the case reaches a shared channel
    row = await outbox.get(bot.db.reader, f"case:{case.id}:hub")
    assert row is not None and row.state is OutboxState.PENDING and "withheld" in (row.last_error or "")
    [notice] = bot.fake.posts_to(COORDINATOR)
    assert f"Case #{case.id}" in notice["text"] and "not posted" in blocks_text(notice["blocks"])
    assert "shared with another organization" in blocks_text(notice["blocks"])
    assert "sofosbuvir" not in notice["text"] + blocks_text(notice["blocks"])
    # tried again after the back-off: still shared, still withheld, and the coordinator is not told twice
    await at(bot, bot.clock.now() + timedelta(minutes=15))
    assert bot.fake.posts_to(REVIEW_CHANNEL) == [] and len(bot.fake.posts_to(COORDINATOR)) == 1
    # the channel is made internal again: the case lands
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", private=True)
    await at(bot, bot.clock.now() + timedelta(minutes=30))
    hub = [p for p in bot.fake.posts_to(REVIEW_CHANNEL) if not p.get("thread_ts")]
    assert len(hub) == 1 and f"Case #{case.id}" in blocks_text(hub[0]["blocks"])


async def test_dms_slack_refuses_reach_the_person_in_the_shared_channel(bot: Bot) -> None:
    connect_channels(bot)
    await shared_program(bot)
    # Slack will not describe Ray (user_not_found) and will not let echobot DM him
    form = await open_registration(bot, RAY)
    assert {b["block_id"]: b["element"].get("initial_value", "") for b in form["blocks"] if "element" in b}[
        "name"
    ] == ""
    ray = {**PROVIDER, "name": "Ray Tanaka", "credential": "MD", "programs": ["1"],
           "email": "ray@partner.example.org"}  # fmt: skip
    reply = await bot.driver.submit(RAY, form, ray)
    assert "registered as a *participant*" in str(reply.json["view"]["blocks"]), reply.text
    await bot.settle()
    # the welcome is the form's own answer (issue 19): nothing to DM, so nothing to point at in the channel
    assert [p for p in channel_posts(bot) if f"<@{RAY}>" in p["text"]] == []
    me = await bot.driver.command(RAY, "me", channel=PROGRAM_CHANNEL)  # answered only to him
    assert "Ray Tanaka" in me.message_text
    # the evaluation prompt is not private: it goes to the session's thread, addressed to him, with its button
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(RAY, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(minutes=1))
    [prompt] = [p for p in channel_posts(bot) if f"<@{RAY}>" in p["text"] and "Evaluate" in p["text"]]
    assert prompt.get("thread_ts") and "Evaluate" in blocks_text(prompt["blocks"])
    live = await outbox.get(bot.db.reader, "session:1:live")
    assert live is not None and prompt["thread_ts"] == live.slack_ts
    # nothing was dropped silently: every DM row to him is sent or stands in the channel
    rows = [r for r in await outbox.by_prefix(bot.db.reader, "") if r.target == RAY]
    assert rows and all(r.state is OutboxState.SKIPPED for r in rows)


async def test_a_certificate_that_cannot_be_sent_by_dm_is_said_so_to_the_person_only(bot: Bot) -> None:
    connect_channels(bot)
    await shared_program(bot)
    ray = {**PROVIDER, "name": "Ray Tanaka", "credential": "MD", "programs": ["1"]}
    await register(bot, RAY, **ray)
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(RAY, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(minutes=1))
    await bot.driver.click(RAY, Action.EVALUATE, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    reply = await bot.driver.submit(RAY, bot.fake.opened_views()[-1], EVALUATION)
    assert reply.text == "", reply.text
    await bot.settle()
    await bot.driver.click(RAY, Action.CERTIFICATE_SESSION, channel=PROGRAM_CHANNEL)
    await bot.settle()
    reply = await bot.driver.submit(RAY, bot.fake.opened_views()[-1], {EvaluationField.CERT_SESSION: "1"})
    assert reply.text == ""
    await bot.settle()
    assert bot.fake.calls_to("files.completeUploadExternal") == []  # no certificate in a channel others read
    [note] = [e for e in bot.fake.ephemerals_to(RAY) if "echo-certificate.pdf" in e["text"]]
    assert note["channel"] == PROGRAM_CHANNEL and "could not be sent" in note["text"]
