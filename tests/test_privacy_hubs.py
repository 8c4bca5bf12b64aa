"""Privacy across two hubs (issue 14): people of hub B (its coordinator, a participant, and someone registered in
both workspaces) see nothing of hub A's through any command, button, forged view submission, Home tab, export,
digest or library search, even when hub B runs a program of the same name; and change nothing of it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from echobot.ids import Action, CaseField, EvaluationField, LibraryField
from echobot.storage import cases, hub, library
from echobot.views.cases import action_modal, followup_modal
from echobot.views.evaluations import certificate_modal
from echobot.web import EVENTS_PATH
from tests.fake_slack import HUB_B, HUB_TEAM, FakeSlack
from tests.harness import SIGNING_SECRET, Bot
from tests.scenarios import CASE, PROGRAM, PROVIDER, REVIEW_CHANNEL, at
from tests.slack_driver import SlackDriver
from tests.state import changed_tables, snapshot
from tests.test_hubs import B_ADMIN, B_PARTICIPANT, two_installed_hubs
from tests.test_library import GENOTYPE, entry_from_a_case
from tests.test_privacy import ALICE, ALICES, Eyes, alice_presents_attends_and_evaluates

BO = B_PARTICIPANT
CARL = "UCARLBOTH1"  # registered in both workspaces
B_CHANNEL, B_REVIEW = "CBHEPC", "GBHEPCHUB"
HEPC = PROGRAM["program_name"]
# what hub A's library holds from Alice's second case (its teaching points, no clinical text), and what Carl
# registered with in hub A
WEEKLY_DIGEST = datetime(2026, 11, 16, 13, 5, tzinfo=UTC)  # Monday 08:05 in New York: the hubs' digest time
LEAKS = {**ALICES, "library entry": "Genotype 3 with compensated cirrhosis",
         "Carl's hub A registration": "carl@a.example.org"}  # fmt: skip


@pytest.fixture
async def two_hubs(tmp_path: Path, fake_slack: FakeSlack, clock: Any, backend: Any) -> AsyncIterator[Bot]:
    """Many workspaces (OAuth): hub A (the test workspace, installed by ADMIN) and hub B."""
    bot = await two_installed_hubs(tmp_path, fake_slack, clock)
    yield bot
    await bot.stop()


async def register_in(bot: Bot, slack: SlackDriver, user: str, name: str) -> None:
    await slack.command(user, "register")
    await bot.settle()
    email = f"{name.split()[0].lower()}@b.example.org"
    form = {**PROVIDER, "name": name, "email": email, "organization": "Mesa Health"}
    reply = await slack.submit(user, bot.fake.opened_views()[-1], form)
    assert reply.json.get("response_action") == "update", reply.text
    await bot.settle()


async def hub_b_with_a_program_of_the_same_name(bot: Bot, slack: SlackDriver) -> None:
    bot.fake.add_channel(B_CHANNEL, "hepc-b")
    bot.fake.add_channel(B_REVIEW, "hepc-hub-b", private=True)
    await slack.command(B_ADMIN, "program new", channel=B_CHANNEL)
    await bot.settle()
    form = {**PROGRAM, "program_channel": B_CHANNEL, "review_channel": B_REVIEW, "specialists": [B_ADMIN],
            "coordinators": [B_ADMIN], "first_date": "2026-11-17"}  # fmt: skip
    reply = await slack.submit(B_ADMIN, bot.fake.opened_views()[-1], form)
    assert "is set up" in str(reply.json.get("view", {}).get("blocks")), reply.text
    await bot.settle()
    for user, name in ((BO, "Bo Berg"), (CARL, "Carl Both")):
        await register_in(bot, slack, user, name)
        await slack.command(user, f"join {HEPC}", channel=B_CHANNEL)
    await bot.settle()


async def test_hub_bs_people_see_and_change_nothing_of_hub_as(two_hubs: Bot) -> None:
    bot = two_hubs
    with hub.scope(HUB_TEAM):  # hub A: Alice's case, evaluation and credit; a library entry; Carl a member
        case_id = await alice_presents_attends_and_evaluates(bot)
        entry_id = await entry_from_a_case(bot, GENOTYPE, **{CaseField.SUMMARY: CASE[CaseField.SUMMARY]})
        await bot.driver.command(CARL, "register")
        await bot.settle()
        form = {**PROVIDER, "name": "Carl Both", "email": "carl@a.example.org"}
        await bot.driver.submit(CARL, bot.fake.opened_views()[-1], form)
        await bot.driver.command(CARL, f"join {HEPC}")
        await bot.settle()
        case = await cases.get(bot.db.reader, case_id)
        a_program = case.program_id if case else 0
        transcript = await bot.runtime.services.evaluations.transcript(ALICE)  # type: ignore[union-attr]
        assert case is not None and await library.get(bot.db.reader, entry_id) is not None
        assert transcript.records, "Alice has credit in hub A"
    b = SlackDriver(bot.base_url + EVENTS_PATH, SIGNING_SECRET, bot.fake, team=HUB_B)
    try:
        await hub_b_with_a_program_of_the_same_name(bot, b)
        before = await snapshot(bot)
        user_names = {BO: "Bo Berg", CARL: "Carl Both"}
        for user in (B_ADMIN, BO, CARL):
            eyes = Eyes(bot, user, b)
            for text in ("cases", "me", "cme", "evaluate", "queue", "program list", "library ascites",
                         "library genotype cirrhosis", "library tag:cirrhosis", f"digest {HEPC}", "digest",
                         *(f"export {kind}" for kind in ("credits", "attendance", "cases", "evaluations", "surveys")),
                         *(f"export {kind} {HEPC}" for kind in ("credits", "attendance", "cases", "evaluations"))):
                await eyes.command(text)
            # buttons carrying hub A's ids
            for action in (Action.CASE_CLAIM, Action.CASE_RECOMMEND, Action.CASE_CLOSE, Action.CASE_DECLINE):
                await eyes.click(action, str(case_id), channel=REVIEW_CHANNEL)
            for action in (Action.CASE_READ, Action.CASE_REPORT, Action.CASE_CALENDAR, Action.LIBRARY_REVIEW):
                await eyes.click(action, str(case_id))
            for action in (Action.CHECK_IN, Action.EVALUATE, Action.CERTIFICATE_NOW, Action.MATERIALS_OPEN,
                           Action.ATTENDANCE_OPEN):  # hub A's first session
                await eyes.click(action, "1")
            for action in (Action.JOIN_PROGRAM, Action.PROGRAM_SETTINGS, Action.LEAVE_PROGRAM):
                await eyes.click(action, str(a_program))
            await eyes.click(Action.CASE_REPLY, str(case_id))
            await eyes.click(f"{Action.FOLLOWUP}:improved", f"{case_id}:improved")
            await eyes.click(Action.LIBRARY_READ, str(entry_id))
            await eyes.click(Action.LIBRARY_HIDE, str(entry_id))
            await eyes.click(Action.CERTIFICATE_SESSION)
            await eyes.click(Action.TRANSCRIPT_CSV)
            # forged views with hub A's ids in their private_metadata
            await eyes.submit({**action_modal(case, "reply"), "id": f"VFR{user}"}, {CaseField.MESSAGE: "Show me."})
            await eyes.submit({**action_modal(case, "recommend"), "id": f"VFM{user}"},
                              {CaseField.RECOMMENDATIONS: "Stop everything."})  # fmt: skip
            await eyes.submit({**followup_modal(case, "improved"), "id": f"VFF{user}"},
                              {CaseField.OUTCOME: "improved", CaseField.NOTE: "Better."})  # fmt: skip
            forged = {**certificate_modal(transcript, period=False, today="2026-11-11"), "id": f"VFC{user}"}
            await eyes.submit(forged, {EvaluationField.CERT_SESSION: "1"})
            forged = {**certificate_modal(transcript, period=True, today="2026-11-11"), "id": f"VFP{user}"}
            await eyes.submit(forged, {EvaluationField.CERT_FROM: "2026-01-01", EvaluationField.CERT_TO: "2026-12-31"})
            await eyes.click(Action.LIBRARY_OPEN)
            searches = [v for v in bot.fake.opened_views() if v.get("callback_id") == "library_search"]
            if searches:
                await eyes.submit({**searches[-1], "id": f"VFS{user}"}, {LibraryField.WORDS: "genotype cirrhosis"})
            await eyes.open_home(f"EvHOMEB{user}")
            seen = "\n".join(eyes.seen)
            if user != B_ADMIN:  # the probes reached their hub B records: their own registration
                assert f"{user_names[user].split()[0].lower()}@b.example.org" in seen
            leaks = [what for what, text in LEAKS.items() if text in seen]
            assert leaks == [], f"{user} of hub B saw hub A's {leaks}"
        # the weekly digests of hub B: nothing of hub A's either
        calls = len(bot.fake.calls)
        await at(bot, WEEKLY_DIGEST)
        sent = "\n".join(str(call.args) for call in bot.fake.calls[calls:] if call.team == HUB_B)
        assert HEPC in sent  # hub B's digest of its own program went out
        assert not [what for what, text in LEAKS.items() if text in sent]
        changed = changed_tables(before, await snapshot(bot))
        touched = set(changed) & {"cases", "case_events", "evaluations", "credits", "library_entries", "programs",
                                  "attendance", "attendance_changes", "program_members"}
        assert not touched, changed
    finally:
        await b.close()
    # the control: hub A's own people do see these records where hub B's looked
    with hub.scope(HUB_TEAM):
        alice = Eyes(bot, ALICE)
        assert "refractory ascites" in await alice.command("cases")
        assert "Genotype 3 with compensated cirrhosis" in await alice.command("library genotype cirrhosis")
        carl = Eyes(bot, CARL)
        assert "Genotype 3 with compensated cirrhosis" in await carl.command("library genotype cirrhosis")

