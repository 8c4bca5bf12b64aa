"""The PHI guard on identifiers typed in a hurry or to slip past it, end to end: a presenter fills in the case form
through the real Bolt app (signed requests, the fake Slack, both databases) and sees each refused on its field,
named for what it is, with nothing kept or posted; hurried clinical shorthand with numbers in words still goes
through (issue 18, session 7)."""

from __future__ import annotations

import logging

import pytest

from echobot.ids import CaseField
from echobot.storage import cases
from tests.harness import Bot
from tests.scenarios import ALICE, CASE, program_with_participant
from tests.test_cases import open_case_form

# (field, text typed in a hurry, what the refusal must say): invented for the classes, not copied from a corpus
EVASIVE = [
    (CaseField.HISTORY, "her cell is 4O5-22l-9O8l, text only", "looks like a phone number"),
    (CaseField.PRESENTING, "login to the portal from ip forty-four dot one twelve dot nine dot two thirty",
     "looks like an IP address"),
    (CaseField.TRIED, "mom's email is tsosie dot ann77 at g mail", "looks like an e-mail address"),
    (CaseField.HISTORY, "sleeps in the car, tag delta foxtrot lima six one one", "looks like a vehicle plate or VIN"),
    (CaseField.LABS, "LMP 0914, spotting since", "looks like a full date"),
    (CaseField.SUMMARY, "AGE: NINE-SIX, on apixaban, falls", "looks like an age over 89"),
    (CaseField.MEDICATIONS, "medcaid 4471029381 lapsed, paying cash", "looks like a health plan or member number"),
    (CaseField.HISTORY, "home: 418 los lunas hwy, no phone", "looks like a place smaller than a state"),
    (CaseField.QUESTION, "can we write her soc sec four one two dash seven seven dash three three nine one on the PA?",
     "looks like a Social Security number"),
]  # fmt: skip

HURRIED_BUT_CLEAN = {
    CaseField.PRESENTING: "fatigue x6 mo, one or two naps a day, walks 45 minute each way, lives at home w 2 kids",
    CaseField.MEDICATIONS: "insulin 6 8 10 units w meals, take one 500 mg tab two-three times a week",
    CaseField.LABS: "BP 142 / 88, HR 96 / 102; O2 sat 91% on 2L; HCV RNA 2,340,000 IU/mL",
}


@pytest.mark.parametrize(("field", "text", "message"), EVASIVE)
async def test_an_identifier_typed_to_slip_past_is_refused_on_its_field_named_for_what_it_is(
    bot: Bot, caplog: pytest.LogCaptureFixture, field: str, text: str, message: str
) -> None:
    await program_with_participant(bot)
    view = await open_case_form(bot)
    posts_before = len(bot.fake.calls_to("chat.postMessage"))
    caplog.set_level(logging.DEBUG)
    reply = await bot.driver.submit(ALICE, view, {**CASE, field: text})
    assert list(reply.errors) == [field]
    assert message in reply.errors[field] and "Nothing was saved" in reply.errors[field]
    assert text[:12] not in reply.errors[field]
    await bot.settle()
    assert await cases.of_submitter(bot.db.reader, ALICE) == []
    assert len(bot.fake.calls_to("chat.postMessage")) == posts_before
    assert text[5:30] not in caplog.text


async def test_hurried_shorthand_with_numbers_in_words_goes_through(bot: Bot) -> None:
    await program_with_participant(bot)
    view = await open_case_form(bot)
    reply = await bot.driver.submit(ALICE, view, {**CASE, **HURRIED_BUT_CLEAN})
    assert reply.text == "", reply.text
    await bot.settle()
    assert len(await cases.of_submitter(bot.db.reader, ALICE)) == 1
