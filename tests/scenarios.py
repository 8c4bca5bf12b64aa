"""Steps many tests share, each done the way a person does it in Slack."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from echobot.ids import Callback, CaseField, EvaluationField, ProgramField, RegistrationField
from echobot.models import Program
from echobot.storage import programs
from tests.harness import ADMIN, Bot

PROGRAM_CHANNEL = "C0HEPC"
REVIEW_CHANNEL = "G0HEPCHUB"
ALICE = "UALICE0001"  # a participant (NP), the provider of PROVIDER
SPECIALIST, SPECIALIST_2 = "USPEC00001", "USPEC00002"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)  # PROGRAM's first session: Tuesday 12:00 in Denver
FIRST_END = FIRST_START + timedelta(hours=1)

PROVIDER = {
    RegistrationField.NAME: "Alice Moreno",
    RegistrationField.CREDENTIAL: "NP",
    RegistrationField.DISCIPLINE: "Family medicine",
    RegistrationField.ORGANIZATION: "Valley Community Clinic",
    RegistrationField.STATE: "NM",
    RegistrationField.COUNTY: "Sierra",
    RegistrationField.EMAIL: "alice@valley.example.org",
    RegistrationField.ROLE: "participant",
}

# A de-identified case presentation, as a participant fills in the case form.
CASE = {
    CaseField.SUMMARY: "50s woman, HCV genotype 3, compensated cirrhosis, treatment-naive",
    CaseField.QUESTION: "Is 12 weeks of sofosbuvir/velpatasvir enough, or should we add ribavirin?",
    CaseField.AGE_BAND: "50–59", CaseField.SEX: "female",
    CaseField.PRESENTING: "Fatigue for 6 months; HCV RNA 2,340,000 IU/mL; platelets 98,000; no ascites.",
    CaseField.HISTORY: "Injected drugs until 2015, on buprenorphine since 2016.",
    CaseField.MEDICATIONS: "buprenorphine/naloxone 16/4 mg daily; propranolol 20 mg BID",
    CaseField.LABS: "ALT 112 U/L, AST 140 U/L, albumin 3.4 g/dL, INR 1.3, FIB-4 3.6",
    CaseField.TRIED: "Nothing yet: insurance approval came through 3 weeks ago.",
    CaseField.URGENCY: "routine", CaseField.CONFIRM: ["yes"],
}  # fmt: skip

# A complete evaluation, as an attendee fills in the evaluation form.
EVALUATION = {
    EvaluationField.OVERALL: "5",
    EvaluationField.RELEVANCE: "4",
    EvaluationField.OBJECTIVES: "yes",
    EvaluationField.INTENT: "yes",
    EvaluationField.CHANGE_PLAN: "Start DAAs in primary care for treatment-naive patients.",
    EvaluationField.BIAS_FREE: "yes",
    EvaluationField.SUGGESTIONS: "More on HBV reactivation.",
    EvaluationField.CREDIT: "1",
    EvaluationField.ATTEST: ["yes"],
}

PROGRAM = {
    ProgramField.NAME: "Hepatitis C ECHO",
    ProgramField.CHANNEL: PROGRAM_CHANNEL,
    ProgramField.REVIEW_CHANNEL: REVIEW_CHANNEL,
    ProgramField.TIMEZONE: "America/Denver",
    ProgramField.SCHEDULE: "weekly",
    ProgramField.FIRST_DATE: "2026-11-10",
    ProgramField.START_TIME: "12:00",
    ProgramField.DURATION: "60",
    ProgramField.VIDEO_URL: "https://zoom.example.org/j/123456",
    # reminders 7d, 1d, 1h, 2 case slots, a 14-day evaluation window and 1.0 hour of credit: the settings' defaults
    ProgramField.SPECIALISTS: ["USPEC00001"],
    ProgramField.COORDINATORS: ["UPCOORD001"],
}


def add_channels(bot: Bot) -> None:
    bot.fake.add_channel(PROGRAM_CHANNEL, "hepc-echo")
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", private=True)


async def open_registration(bot: Bot, user: str = ALICE) -> dict[str, Any]:
    reply = await bot.driver.command(user, "register")
    assert reply.status == 200
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.REGISTER_VIEW
    return view


async def register(bot: Bot, user: str = ALICE, **overrides: Any) -> None:
    """Register through the form: PROVIDER, with `overrides` (field id -> value)."""
    view = await open_registration(bot, user)
    reply = await bot.driver.submit(user, view, {**PROVIDER, **overrides})
    assert reply.status == 200 and reply.json.get("response_action") == "update", reply.text  # the welcome
    await bot.settle()


async def open_program_modal(bot: Bot, user: str = ADMIN, text: str = "program new") -> dict[str, Any]:
    before = len(bot.fake.opened_views())
    reply = await bot.driver.command(user, text, channel=PROGRAM_CHANNEL)
    assert reply.status == 200, reply.text
    await bot.settle()
    views = bot.fake.opened_views()
    assert len(views) == before + 1, f"no modal opened: {reply.text}"
    assert views[-1]["callback_id"] in (Callback.PROGRAM_VIEW, Callback.PROGRAM_SETTINGS_VIEW)
    return views[-1]


def inputs(view: dict[str, Any]) -> set[str]:
    return {block["element"]["action_id"] for block in view["blocks"] if block.get("type") == "input"}


async def submit_program(bot: Bot, user: str, view: dict[str, Any], values: dict[str, Any]) -> Any:
    """Fill in the program form as a coordinator does (issue 19): the basics in `view`, then any settings in
    `/echo program settings NAME`. Returns the last answer (errors stay on their fields)."""
    rest = {key: value for key, value in values.items() if key not in inputs(view)}
    reply = await bot.driver.submit(user, view, {k: v for k, v in values.items() if k in inputs(view)})
    if reply.json.get("response_action") == "errors" or not rest:
        return reply
    await bot.settle()
    name = values.get(ProgramField.NAME) or view["blocks"][0]["element"].get("initial_value")
    settings = await open_program_modal(bot, user, f"program settings {name}")
    assert settings["callback_id"] == Callback.PROGRAM_SETTINGS_VIEW, settings
    return await bot.driver.submit(user, settings, rest)


def saved_summary(reply: Any) -> dict[str, Any]:
    """The summary the program form turned into once saved (issue 19: response_action update, no DM)."""
    body = reply.json
    assert body.get("response_action") == "update", reply.text
    assert body["view"]["callback_id"] == Callback.NOTICE_VIEW, body["view"]
    return dict(body["view"])


async def create_program(bot: Bot, **overrides: Any) -> Program:
    add_channels(bot)
    view = await open_program_modal(bot)
    reply = await submit_program(bot, ADMIN, view, {**PROGRAM, **overrides})
    assert reply.text == "" or saved_summary(reply), reply.text  # the summary in the form's place, or settings saved
    await bot.settle()
    program = await programs.get_by_name(bot.db.reader, overrides.get(ProgramField.NAME, PROGRAM[ProgramField.NAME]))
    assert program is not None
    return program


async def program_with_participant(bot: Bot) -> int:
    """PROGRAM with two specialists; Alice registered and joined."""
    program = await create_program(bot, **{"specialists": [SPECIALIST, SPECIALIST_2]})
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    return program.id


async def at(bot: Bot, moment: datetime) -> None:
    """The clock moves to `moment` and the runtime does what is due."""
    bot.clock.set(moment)
    await bot.runtime.tick()  # type: ignore[union-attr]


def uploaded(bot: Bot) -> bytes:
    """The bytes of the last file echobot uploaded."""
    complete = bot.fake.last("files.completeUploadExternal")
    file_id = complete.args["files"][0]["id"] if isinstance(complete.args["files"], list) else None
    if file_id is None:
        file_id = json.loads(complete.args["files"])[0]["id"]
    return bot.fake.uploads[file_id]


async def direct_message(bot: Bot, user: str, key: str, text: str = "A note from the hub.") -> None:
    """A DM planned in the outbox as any feature plans one, then sent by the dispatcher (for tests of the
    sending machinery, now that registering answers in the form and sends no DM)."""
    from echobot.models import Message
    from echobot.storage import outbox

    async with bot.db.transaction() as tx:
        await outbox.enqueue(tx, key=key, target=user, now=bot.clock.now(), message=Message(text=text))
    await bot.settle()
