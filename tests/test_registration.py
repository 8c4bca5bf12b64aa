"""Provider registration end to end: signed Slack requests in, recorded Web API calls out."""

from __future__ import annotations

from typing import Any

from echobot.ids import Action, Callback, Consent, RegistrationField
from echobot.storage import providers
from tests.harness import BOTH_TRANSPORTS, Bot
from tests.scenarios import ALICE, PROVIDER, create_program, open_registration, register
from tests.slack_driver import blocks_text

VALID_NPI = "1234567893"  # the CMS example NPI


@BOTH_TRANSPORTS
async def test_register_prefills_from_slack_profile_and_stores(bot: Bot) -> None:
    bot.fake.add_user(ALICE, "Alice Moreno", email="alice@valley.example.org", title="Nurse practitioner")
    view = await open_registration(bot)
    assert view["title"]["text"] == "Register for ECHO"
    shown = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"] if b["type"] == "input"}
    assert shown[RegistrationField.NAME] == "Alice Moreno"
    assert shown[RegistrationField.EMAIL] == "alice@valley.example.org"
    assert shown[RegistrationField.DISCIPLINE] == "Nurse practitioner"

    assert RegistrationField.NPI not in shown  # issue 19: the identifiers come with the first credit claim
    reply = await bot.driver.submit(ALICE, view, PROVIDER)
    assert reply.status == 200 and welcome(reply)["title"]["text"] == "Welcome"
    await bot.settle()

    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.name == "Alice Moreno" and stored.npi is None
    assert stored.role == "participant" and stored.state == "NM"
    # the form itself answers (issue 19): no DM repeats it
    assert "registered as a *participant*" in blocks_text(welcome(reply)["blocks"])
    assert bot.fake.posts_to(ALICE) == []
    home = bot.fake.homes[ALICE]
    assert "Alice Moreno" in blocks_text(home["blocks"]) and "Switch to observer" in blocks_text(home["blocks"])
    await give_identifiers(bot, **{RegistrationField.NPI: VALID_NPI})  # Edit registration asks for them too
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.npi == VALID_NPI and stored.organization == "Valley Community Clinic"


def welcome(reply: Any) -> dict[str, Any]:
    """The view the registration form turned into once saved (response_action update)."""
    body = reply.json
    assert body.get("response_action") == "update", reply.text
    return dict(body["view"])


async def give_identifiers(bot: Bot, **values: Any) -> None:
    """Add credit-reporting identifiers with Edit registration."""
    view = await open_registration(bot)
    assert view["title"]["text"] == "Edit registration"
    reply = await bot.driver.submit(ALICE, view, values)
    assert "Your registration is updated." in blocks_text(welcome(reply)["blocks"])
    await bot.settle()


@BOTH_TRANSPORTS
async def test_every_bad_field_gets_its_own_message_and_nothing_is_stored(bot: Bot) -> None:
    view = await open_registration(bot)
    reply = await bot.driver.submit(
        ALICE,
        view,
        {
            RegistrationField.NAME: "  ",
            RegistrationField.CREDENTIAL: None,
            RegistrationField.DISCIPLINE: "",
            RegistrationField.ORGANIZATION: "",
            RegistrationField.STATE: None,
            RegistrationField.COUNTY: "",
            RegistrationField.EMAIL: "",
            RegistrationField.ROLE: None,
        },
    )
    errors = reply.errors
    assert set(errors) == {
        RegistrationField.NAME,
        RegistrationField.CREDENTIAL,
        RegistrationField.DISCIPLINE,
        RegistrationField.ORGANIZATION,
        RegistrationField.STATE,
        RegistrationField.COUNTY,
        RegistrationField.EMAIL,
        RegistrationField.ROLE,
    }
    assert "certificates" in errors[RegistrationField.NAME]
    assert await providers.get(bot.db.reader, ALICE) is None
    await bot.settle()
    assert bot.fake.posts_to(ALICE) == []


async def test_field_checks_email_npi_birthday_and_consent(bot: Bot) -> None:
    await register(bot)  # the identifiers are asked later: in Edit registration and with the first claim
    view = await open_registration(bot)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({RegistrationField.EMAIL: "alice-at-clinic"}, RegistrationField.EMAIL, "e-mail address"),
        ({RegistrationField.NPI: "12345"}, RegistrationField.NPI, "10 digits"),
        ({RegistrationField.NPI: "1234567890"}, RegistrationField.NPI, "check digit"),
        (
            {
                RegistrationField.BIRTH_MONTH: "2",
                RegistrationField.BIRTH_DAY: "30",
                RegistrationField.CONSENT: [Consent.BIRTH],
            },
            RegistrationField.BIRTH_DAY,
            "February has no day 30",
        ),
        (
            {
                RegistrationField.BIRTH_MONTH: "4",
                RegistrationField.BIRTH_DAY: None,
                RegistrationField.CONSENT: [Consent.BIRTH],
            },
            RegistrationField.BIRTH_DAY,
            "day too",
        ),
        (
            {RegistrationField.BIRTH_MONTH: "4", RegistrationField.BIRTH_DAY: "12"},
            RegistrationField.BIRTH_MONTH,
            "consent",
        ),
        ({RegistrationField.LICENCE: "RN-998877"}, RegistrationField.LICENCE, "consent"),
    ]
    registered = await providers.get(bot.db.reader, ALICE)
    for values, field, fragment in cases:
        reply = await bot.driver.submit(ALICE, view, {**PROVIDER, **values})
        assert field in reply.errors, (values, reply.text)
        assert fragment in reply.errors[field], (values, reply.errors)
    assert await providers.get(bot.db.reader, ALICE) == registered

    leap = {
        RegistrationField.BIRTH_MONTH: "2",
        RegistrationField.BIRTH_DAY: "29",
        RegistrationField.LICENCE: "RN-998877",
        RegistrationField.CONSENT: [Consent.BIRTH, Consent.LICENCE],
    }
    reply = await bot.driver.submit(ALICE, view, {**PROVIDER, **leap})
    assert welcome(reply)["callback_id"] == Callback.NOTICE_VIEW
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and (stored.birth_month, stored.birth_day) == (2, 29)
    assert stored.licence_number == "RN-998877" and stored.licence_consent and stored.birth_consent


async def test_editing_prefills_from_the_stored_registration(bot: Bot) -> None:
    await register(bot)
    view = await open_registration(bot)
    assert view["title"]["text"] == "Edit registration"
    shown = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert shown[RegistrationField.ORGANIZATION]["initial_value"] == "Valley Community Clinic"
    assert shown[RegistrationField.CREDENTIAL]["initial_option"]["value"] == "NP"
    reply = await bot.driver.submit(ALICE, view, {RegistrationField.ORGANIZATION: "Mesa Health Center"})
    updated = welcome(reply)
    await bot.settle()
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.organization == "Mesa Health Center"
    assert stored.registered_at < stored.updated_at or stored.registered_at == stored.updated_at
    assert updated["title"]["text"] == "Registration"
    assert blocks_text(updated["blocks"]).startswith("Your registration is updated.")
    assert bot.fake.posts_to(ALICE) == []
    assert "Mesa Health Center" in blocks_text(bot.fake.homes[ALICE]["blocks"])  # and Home shows the change


@BOTH_TRANSPORTS
async def test_resubmitted_view_gives_one_registration_and_one_confirmation(bot: Bot) -> None:
    view = await open_registration(bot)
    first = await bot.driver.submit(ALICE, view, PROVIDER)
    again = await bot.driver.submit(ALICE, view, PROVIDER)
    assert welcome(first)["title"]["text"] == "Welcome" and welcome(again)["callback_id"] == Callback.NOTICE_VIEW
    await bot.settle()
    assert await providers.count(bot.db.reader) == 1
    assert bot.fake.posts_to(ALICE) == []  # the form answered each time: no DM


async def test_global_shortcut_and_home_button_open_the_form(bot: Bot) -> None:
    await bot.driver.shortcut(ALICE, Callback.REGISTER_SHORTCUT)
    await bot.settle()
    assert bot.fake.opened_views()[-1]["callback_id"] == Callback.REGISTER_VIEW
    await bot.driver.click(ALICE, Action.OPEN_REGISTRATION, home={"id": "VHOME"})
    await bot.settle()
    assert len(bot.fake.opened_views()) == 2


async def test_role_command_switches_and_explains(bot: Bot) -> None:
    reply = await bot.driver.command(ALICE, "role observer")
    assert "for registered providers" in reply.message_text and "Register" in reply.message_text
    await register(bot)
    reply = await bot.driver.command(ALICE, "role observer")
    assert "now an *observer*" in reply.json["text"]
    reply = await bot.driver.command(ALICE, "role observer")
    assert "already an observer" in reply.json["text"]
    reply = await bot.driver.command(ALICE, "role specialist")
    assert reply.json["text"].startswith("Usage: `/echo role participant`")
    reply = await bot.driver.command(ALICE, "role")
    assert reply.json["text"].startswith("Usage:")
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.role == "observer"


async def test_switch_role_button_in_home_updates_home(bot: Bot) -> None:
    await register(bot)
    await bot.driver.click(ALICE, Action.SWITCH_ROLE, "observer", home=bot.fake.homes[ALICE])
    await bot.settle()
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.role == "observer"
    assert "Switch to participant" in blocks_text(bot.fake.homes[ALICE]["blocks"])
    # a forged value changes nothing
    await bot.driver.click(ALICE, Action.SWITCH_ROLE, "coordinator", home=bot.fake.homes[ALICE])
    await bot.settle()
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.role == "observer"


async def test_me_shows_registration_or_asks_to_register(bot: Bot) -> None:
    reply = await bot.driver.command(ALICE, "me")
    assert reply.status == 200
    assert any(
        e.get("action_id") == Action.OPEN_REGISTRATION
        for b in reply.json["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    )
    await register(bot)
    await give_identifiers(bot, **{RegistrationField.NPI: VALID_NPI})
    reply = await bot.driver.command(ALICE, "me")
    assert "Valley Community Clinic" in reply.message_text and VALID_NPI in reply.message_text
    assert "Sierra, New Mexico" in reply.message_text


async def test_expired_trigger_gets_a_friendly_answer(bot: Bot) -> None:
    reply = await bot.driver.command(ALICE, "register", trigger_id="expired-trigger")
    assert reply.status == 200
    await bot.settle()
    [ephemeral] = bot.fake.ephemerals_to(ALICE)
    assert "took too long" in ephemeral["text"]


async def test_the_welcome_is_short_with_next_step_buttons_not_an_echo_of_the_answers(bot: Bot) -> None:
    """Issue 19: the form answers in its own place (no DM) with a short welcome and the next step; Home has the
    rest (the registration, Present a case, Edit registration)."""
    await create_program(bot)
    view = await open_registration(bot)
    shown_view = {**welcome(await bot.driver.submit(ALICE, view, PROVIDER)), "id": "VWELCOME"}
    await bot.settle()
    shown = blocks_text(shown_view["blocks"])
    assert shown.startswith("Welcome to Test Hub, Alice Moreno: you are registered as a *participant*.")
    assert "Next: join a program" in shown
    assert "Organization" not in shown and "E-mail" not in shown and "NPI" not in shown  # no echo of the form
    steps = {e["text"]["text"]: e for b in shown_view["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert list(steps) == ["Browse programs"]
    assert bot.fake.posts_to(ALICE) == []
    home = blocks_text(bot.fake.homes[ALICE]["blocks"])
    assert "Alice Moreno" in home and "Present a case" in home and "Edit registration" in home
    # Browse programs: the list takes the welcome's place, and Join answers there too
    await bot.driver.click(ALICE, Action.BROWSE_PROGRAMS, home=shown_view)
    await bot.settle()
    listed = bot.fake.last("views.update").args
    assert listed["view_id"] == "VWELCOME" and "Hepatitis C ECHO" in blocks_text(listed["view"]["blocks"])
    join = next(e for b in listed["view"]["blocks"] for e in (b.get("elements") or [b.get("accessory") or {}])
                if e.get("action_id") == Action.JOIN_PROGRAM)  # fmt: skip
    await bot.driver.click(ALICE, join["action_id"], join["value"], home={**listed["view"], "id": "VWELCOME"})
    await bot.settle()
    assert "You joined *Hepatitis C ECHO*" in blocks_text(bot.fake.last("views.update").args["view"]["blocks"])
    # an observer is welcomed as one, and not offered to present a case
    view = await open_registration(bot, "UOBS000001")
    observer = welcome(await bot.driver.submit("UOBS000001", view, {**PROVIDER, RegistrationField.ROLE: "observer"}))
    assert "registered as an *observer*" in blocks_text(observer["blocks"])
    assert "Present a case" not in blocks_text(observer["blocks"])


async def test_credit_reporting_identifiers_are_asked_with_the_first_claim_and_may_be_skipped(bot: Bot) -> None:
    """Issue 19: registration asks what is needed now; NPI, licence and birth month and day (with consents) come
    with the first credit claim, explained, and credit is recorded for someone who skips them."""
    from datetime import timedelta

    from echobot.storage import evaluations
    from tests.scenarios import EVALUATION, FIRST_END, FIRST_START, PROGRAM_CHANNEL, at

    view = await open_registration(bot)
    assert not {RegistrationField.NPI, RegistrationField.LICENCE, RegistrationField.BIRTH_MONTH,
                RegistrationField.CONSENT} & {b.get("block_id") for b in view["blocks"]}  # fmt: skip
    organization = next(b for b in view["blocks"] if b.get("block_id") == RegistrationField.ORGANIZATION)
    assert "Organization (spoke site)" in organization["label"]["text"] and "spoke" in organization["hint"]["text"]
    await create_program(bot)
    await register(bot, ALICE)
    await register(bot, "UBOB000001", **{RegistrationField.NAME: "Bob Ortiz", RegistrationField.CREDENTIAL: "MD"})
    for user in (ALICE, "UBOB000001"):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    for user in (ALICE, "UBOB000001"):
        await bot.driver.click(user, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(minutes=1))

    async def evaluation_of(user: str) -> dict[str, Any]:
        await bot.driver.click(user, Action.EVALUATE, "1", channel="D" + user[1:])
        await bot.settle()
        return bot.fake.opened_views()[-1]

    # Alice skips them: her credit is recorded all the same
    claim = await evaluation_of(ALICE)
    shown = blocks_text(claim["blocks"])
    assert "*For credit reporting (optional).*" in shown and "your credit is recorded either way" in shown
    assert RegistrationField.NPI in {b.get("block_id") for b in claim["blocks"]}
    assert (await bot.driver.submit(ALICE, claim, EVALUATION)).text == ""
    assert await evaluations.get(bot.db.reader, 1, ALICE) is not None
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.npi is None
    # Bob gives them with his claim: a wrong NPI is refused on its field and nothing is recorded; then stored
    claim = await evaluation_of("UBOB000001")
    reply = await bot.driver.submit("UBOB000001", claim, {**EVALUATION, RegistrationField.NPI: "1234567890"})
    assert "check digit" in reply.errors[RegistrationField.NPI]
    assert await evaluations.get(bot.db.reader, 1, "UBOB000001") is None
    given = {RegistrationField.NPI: VALID_NPI, RegistrationField.BIRTH_MONTH: "4", RegistrationField.BIRTH_DAY: "12",
             RegistrationField.CONSENT: [Consent.BIRTH]}  # fmt: skip
    assert (await bot.driver.submit("UBOB000001", claim, {**EVALUATION, **given})).text == ""
    assert await evaluations.get(bot.db.reader, 1, "UBOB000001") is not None
    bob = await providers.get(bot.db.reader, "UBOB000001")
    assert bob is not None and (bob.npi, bob.birth_month, bob.birth_day, bob.birth_consent) == (VALID_NPI, 4, 12, True)
    assert bob.organization == "Valley Community Clinic" and bob.licence_number is None
