"""Steps many tests share, each done the way a person does it in Slack."""

from __future__ import annotations

from typing import Any

from echobot.ids import Callback, CaseField, ProgramField, RegistrationField
from echobot.models import Program
from echobot.storage import programs
from tests.harness import ADMIN, Bot

PROGRAM_CHANNEL = "C0HEPC"
REVIEW_CHANNEL = "G0HEPCHUB"

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
    ProgramField.OFFSETS: "7d, 1d, 1h",
    ProgramField.CASE_SLOTS: "2",
    ProgramField.EVAL_WINDOW: "14",
    ProgramField.CREDIT: "1.0",
    ProgramField.SPECIALISTS: ["USPEC00001"],
    ProgramField.COORDINATORS: ["UPCOORD001"],
}


def add_channels(bot: Bot) -> None:
    bot.fake.add_channel(PROGRAM_CHANNEL, "hepc-echo")
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", private=True)


async def register(bot: Bot, user: str, **overrides: Any) -> None:
    await bot.driver.command(user, "register")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(user, view, {**PROVIDER, **overrides})
    assert reply.text == "", reply.text
    await bot.settle()


async def open_program_modal(bot: Bot, user: str = ADMIN, text: str = "program new") -> dict[str, Any]:
    before = len(bot.fake.opened_views())
    reply = await bot.driver.command(user, text, channel=PROGRAM_CHANNEL)
    assert reply.status == 200, reply.text
    await bot.settle()
    views = bot.fake.opened_views()
    assert len(views) == before + 1, f"no modal opened: {reply.text}"
    assert views[-1]["callback_id"] == Callback.PROGRAM_VIEW
    return views[-1]


async def create_program(bot: Bot, **overrides: Any) -> Program:
    add_channels(bot)
    view = await open_program_modal(bot)
    reply = await bot.driver.submit(ADMIN, view, {**PROGRAM, **overrides})
    assert reply.text == "", reply.text
    await bot.settle()
    program = await programs.get_by_name(bot.db.reader, overrides.get(ProgramField.NAME, PROGRAM[ProgramField.NAME]))
    assert program is not None
    return program
