"""Privacy between providers: Bob never sees Alice's cases, evaluations or credit, whatever he types or
clicks, whatever ids he puts in a button value or a modal's private_metadata, and not on his Home tab."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from echobot.ids import Action, CaseField, EvaluationField
from echobot.models import CaseState
from echobot.storage import cases, evaluations
from echobot.views.cases import action_modal, followup_modal
from echobot.views.evaluations import certificate_modal
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    CASE,
    EVALUATION,
    FIRST_END,
    FIRST_START,
    PROGRAM_CHANNEL,
    REVIEW_CHANNEL,
    at,
    create_program,
    register,
    uploaded,
)
from tests.slack_driver import SlackDriver
from tests.state import changed_tables, snapshot

ALICE, BOB = "UALICE0001", "UBOB000001"
SPECIALIST = "USPEC00001"
OTHER_COORDINATOR = "UCOORDOUD1"  # coordinates another program: its exports must hold nothing of Alice's

SUMMARY = "60s man, refractory ascites despite maximal diuretics, MELD 19"
HISTORY = "Alcohol-associated cirrhosis, abstinent since 2019; two large-volume paracenteses this spring."
RECOMMENDATIONS = "Refer for TIPS evaluation and start albumin with each paracentesis."
CHANGE_PLAN = "Screen every patient with diabetes for advanced fibrosis with FIB-4."
SUGGESTIONS = "A session on hepatorenal syndrome and terlipressin, please."
ALICES = {
    "case summary": "refractory ascites", "case history": "large-volume paracenteses",
    "recommendations": "TIPS evaluation", "evaluation plan": "advanced fibrosis with FIB-4",
    "evaluation suggestion": "hepatorenal syndrome", "her name": "Alice Moreno",
    "her e-mail": "alice@valley.example.org", "her credit type": "Nursing contact hours",
}  # fmt: skip


class Eyes:
    """Everything one person is shown: answers to their commands and clicks, modals opened for them,
    their Home tab, their direct messages and uploads."""

    def __init__(self, bot: Bot, user: str, driver: SlackDriver | None = None) -> None:
        self.bot, self.user = bot, user
        self.driver = driver or bot.driver  # another workspace's requests, for a person of another hub
        self.seen: list[str] = []

    async def command(self, text: str) -> str:
        before = len(self.bot.fake.calls)
        reply = await self.driver.command(self.user, text)
        await self.bot.settle()
        self._saw_calls(before)
        self.seen.append(reply.text)
        return reply.message_text

    async def click(self, action: str, value: str = "", channel: str = "") -> str:
        before, answered = len(self.bot.fake.calls), len(self.bot.fake.responses)
        await self.driver.click(self.user, action, value, channel=channel or "D" + self.user[1:])
        await self.bot.settle()
        self._saw_calls(before)
        said = "\n".join(json.dumps(r) for r in self.bot.fake.responses[answered:])
        self.seen.append(said)
        return said

    async def submit(self, view: dict[str, Any], values: dict[str, Any]) -> str:
        before = len(self.bot.fake.calls)
        reply = await self.driver.submit(self.user, view, values)
        await self.bot.settle()
        self._saw_calls(before)
        self.seen.append(reply.text)
        return reply.text

    async def open_home(self, event_id: str) -> str:
        before = len(self.bot.fake.calls)
        await self.driver.event({"type": "app_home_opened", "user": self.user, "tab": "home", "event_ts": "1"},
                                event_id=event_id)  # fmt: skip
        await self.bot.settle()
        self._saw_calls(before)
        return json.dumps(self.bot.fake.homes.get(self.user, {}))

    def _saw_calls(self, since: int) -> None:
        """Slack calls made during this person's action: modals, Home, DMs, uploads (their content)."""
        for call in self.bot.fake.calls[since:]:
            self.seen.append(json.dumps(call.args, default=str))
        for content in self.bot.fake.uploads.values():
            self.seen.append(content.decode("utf-8", errors="replace"))

    def leaks(self) -> list[str]:
        everything = "\n".join(self.seen)
        return [what for what, text in ALICES.items() if text in everything]


async def alice_presents_attends_and_evaluates(bot: Bot) -> int:
    """Alice presents a case (recommendations sent), attends session 1 and evaluates it; Bob is a member of the
    same program who did neither. Returns the case id."""
    await create_program(bot)
    bot.fake.add_channel("C0OUD", "oud-echo")
    bot.fake.add_channel("G0OUDHUB", "oud-hub", private=True)
    await create_program(bot, **{"program_name": "Opioid Use Disorder ECHO", "program_channel": "C0OUD",
                                 "review_channel": "G0OUDHUB", "coordinators": [OTHER_COORDINATOR]})  # fmt: skip
    await register(bot, ALICE)
    await register(bot, BOB, **{"name": "Bob Ortiz", "credential": "MD", "organization": "Mesa Health",
                                "email": "bob@mesa.example.org"})  # fmt: skip
    for user in (ALICE, BOB):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    reply = await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], {**CASE, CaseField.SUMMARY: SUMMARY,
                                                                          CaseField.HISTORY: HISTORY})  # fmt: skip
    assert reply.text == "", reply.text
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(case.id), channel=REVIEW_CHANNEL)
    await bot.driver.click(SPECIALIST, Action.CASE_RECOMMEND, str(case.id), channel=REVIEW_CHANNEL)
    await bot.settle()
    reply = await bot.driver.submit(
        SPECIALIST, bot.fake.opened_views()[-1], {CaseField.RECOMMENDATIONS: RECOMMENDATIONS}
    )
    assert reply.text == "", reply.text
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(minutes=1))
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    evaluation = {**EVALUATION, EvaluationField.CHANGE_PLAN: CHANGE_PLAN, EvaluationField.SUGGESTIONS: SUGGESTIONS}
    assert (await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], evaluation)).text == ""
    await bot.settle()
    assert (await cases.get(bot.db.reader, case.id)).state is CaseState.RECOMMENDATIONS_SENT  # type: ignore[union-attr]
    assert len(await evaluations.credits_of(bot.db.reader, ALICE)) == 1
    return int(case.id)


async def test_alice_sees_her_own_records_where_bob_looks(bot: Bot) -> None:
    """The control: each place probed below does show Alice her own records."""
    await alice_presents_attends_and_evaluates(bot)
    alice = Eyes(bot, ALICE)
    assert "refractory ascites" in await alice.command("cases")
    assert "Nursing contact hours" in await alice.command("cme")
    assert "Alice Moreno" in await alice.command("me")
    assert "Nursing contact hours" in await alice.open_home("EvALICEHOME1")
    await alice.click(Action.TRANSCRIPT_CSV)
    assert set(alice.leaks()) >= {"case summary", "her name", "her credit type"}


async def test_bob_sees_nothing_of_alices_through_commands_buttons_forged_modals_or_home(bot: Bot) -> None:
    case_id = await alice_presents_attends_and_evaluates(bot)
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None
    before = await snapshot(bot)
    bob = Eyes(bot, BOB)
    # commands
    assert "not presented a case" in await bob.command("cases")
    assert "Bob Ortiz" in await bob.command("me")
    await bob.command("cme")
    assert "Sessions you can evaluate* (1)" in await bob.command("evaluate")  # his own, still open
    for kind in ("credits", "attendance", "cases", "evaluations"):
        assert "Only coordinators" in await bob.command(f"export {kind}")
    # buttons carrying Alice's case id
    assert "Only the person who presented the case" in await bob.click(Action.CASE_REPLY, str(case_id))
    assert "Only the person who presented the case" in await bob.click(f"{Action.FOLLOWUP}:improved",
                                                                        f"{case_id}:improved")  # fmt: skip
    # forged modals with Alice's case id in private_metadata
    reply = await bob.submit({**action_modal(case, "reply"), "id": "VFORGEDR1"}, {CaseField.MESSAGE: "Let me read it."})
    assert "Only the person who presented the case" in reply
    reply = await bob.submit({**followup_modal(case, "improved"), "id": "VFORGEDF1"},
                             {CaseField.OUTCOME: "improved", CaseField.NOTE: "Better."})  # fmt: skip
    assert "Only the person who presented the case" in reply
    # certificates and the transcript: Alice's session id in the value or the form
    await bob.click(Action.CERTIFICATE_SESSION)
    await bob.click(Action.CERTIFICATE_PERIOD)
    uploads = len(bot.fake.uploads)
    transcript = await bot.runtime.services.evaluations.transcript(ALICE)  # type: ignore[union-attr]
    forged = {**certificate_modal(transcript, period=False, today="2026-11-11"), "id": "VFORGEDC1"}
    assert "No credit is recorded" in await bob.submit(forged, {EvaluationField.CERT_SESSION: "1"})
    forged = {**certificate_modal(transcript, period=True, today="2026-11-11"), "id": "VFORGEDC2"}
    reply = await bob.submit(forged, {EvaluationField.CERT_FROM: "2026-01-01", EvaluationField.CERT_TO: "2026-12-31"})
    assert "No credit is recorded" in reply
    assert len(bot.fake.uploads) == uploads  # no certificate for Bob
    await bob.click(Action.TRANSCRIPT_CSV)
    # his Home tab
    home = await bob.open_home("EvBOBHOME001")
    assert "Bob" in home or "Hepatitis C ECHO" in home
    assert bob.leaks() == []
    # nothing Bob did changed Alice's case, her evaluation or her credit
    changed = changed_tables(before, await snapshot(bot))
    assert not set(changed) & {"cases", "case_events", "evaluations", "credits"}, changed


async def test_another_programs_coordinator_exports_nothing_of_alices(bot: Bot) -> None:
    await alice_presents_attends_and_evaluates(bot)
    coordinator = Eyes(bot, OTHER_COORDINATOR)
    for kind in ("credits", "attendance", "cases", "evaluations"):
        assert f"echo-{kind}-opioid-use-disorder-echo" in await coordinator.command(f"export {kind}")
        assert "do not coordinate" in await coordinator.command(f"export {kind} Hepatitis C ECHO")
    assert coordinator.leaks() == []
    # the control: the hub's export of the same records holds them
    admin = Eyes(bot, ADMIN)
    await admin.command("export evaluations")
    await admin.command("export credits")
    assert {"evaluation plan", "her name"} <= set(admin.leaks())
    assert "UALICE0001" in uploaded(bot).decode("utf-8") or "Alice" in uploaded(bot).decode("utf-8")
