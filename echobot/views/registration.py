"""The registration modal, the confirmation DM, and how a registration is shown."""

from __future__ import annotations

from echobot.forms import RegistrationForm
from echobot.ids import Action, Callback, Consent, RegistrationField
from echobot.models import Credential, Message, Provider, Role
from echobot.reference import MONTHS, US_STATES
from echobot.views.blocks import (
    Block,
    actions,
    button,
    checkboxes,
    context,
    escape,
    fields,
    input_block,
    modal,
    option,
    radio_buttons,
    section,
    static_select,
    text_input,
)

ROLE_OPTIONS = [
    ("Participant: I attend and may present cases", Role.PARTICIPANT.value),
    ("Observer: I attend, without presenting cases", Role.OBSERVER.value),
]


def registration_modal(
    form: RegistrationForm, *, editing: bool, programs: list[tuple[str, str]] | None = None
) -> Block:
    """The modal, filled with what we already know (the Slack profile, or the stored registration).

    `programs` are (name, id) of the active programs, offered to join; none: no such field.
    """
    state_options = [(f"{name} ({code})", code) for code, name in US_STATES.items()]
    credential_options = [(credential.value, credential.value) for credential in Credential]
    blocks: list[Block] = [
        section(
            "Your registration is used for session attendance and your continuing-education certificates. "
            "It holds *your* details as a provider: never enter patient information here."
        ),
        input_block(
            RegistrationField.NAME,
            "Full name",
            text_input(RegistrationField.NAME, initial=form.name, max_length=100),
            hint="As it should appear on your certificates.",
        ),
        input_block(
            RegistrationField.CREDENTIAL,
            "Professional credential",
            static_select(RegistrationField.CREDENTIAL, credential_options, initial=form.credential),
            hint="It sets the kind of credit on your certificates (for example nursing contact hours for an NP).",
        ),
        input_block(
            RegistrationField.DISCIPLINE,
            "Discipline or specialty",
            text_input(
                RegistrationField.DISCIPLINE,
                initial=form.discipline,
                max_length=100,
                placeholder="Family medicine, psychiatry, pharmacy…",
            ),
        ),
        input_block(
            RegistrationField.ORGANIZATION,
            "Organization (spoke site)",
            text_input(RegistrationField.ORGANIZATION, initial=form.organization, max_length=150),
            hint="The clinic or hospital where you practise: your “spoke” in ECHO's hub-and-spoke model.",
        ),
        input_block(
            RegistrationField.STATE, "State", static_select(RegistrationField.STATE, state_options, initial=form.state)
        ),
        input_block(
            RegistrationField.COUNTY,
            "County",
            text_input(RegistrationField.COUNTY, initial=form.county, max_length=100),
        ),
        input_block(
            RegistrationField.EMAIL,
            "E-mail for certificates",
            text_input(RegistrationField.EMAIL, initial=form.email, kind="email_text_input"),
            hint="Printed on your certificates and in the hub's credit reports. echobot sends no e-mail: "
            "certificates arrive here in Slack (`/echo cme`).",
        ),
        input_block(
            RegistrationField.ROLE,
            "How will you take part?",
            radio_buttons(RegistrationField.ROLE, ROLE_OPTIONS, initial=form.role),
            hint="You can switch to participant at any time.",
        ),
    ]
    if editing:  # a new registration asks only what is needed now; these come with the first credit claim
        blocks += identifier_blocks(form)
    if programs:
        chosen = [p for p in programs if p[1] in set(form.programs or [])]
        element: Block = {
            "type": "multi_static_select",
            "action_id": RegistrationField.PROGRAMS,
            "placeholder": {"type": "plain_text", "text": "Choose programs"},
            "options": [option(name, value) for name, value in programs[:100]],
        }
        if chosen:
            element["initial_options"] = [option(name, value) for name, value in chosen]
        blocks.insert(
            9,
            input_block(
                RegistrationField.PROGRAMS,
                "Programs to join",
                element,
                optional=True,
                hint="You get their reminders and can present cases to them.",
            ),
        )
    title = "Edit registration" if editing else "Register for ECHO"
    return modal(title, Callback.REGISTER_VIEW, blocks, submit="Save" if editing else "Register")


CREDIT_REPORTING = (
    "*For credit reporting (optional).* Some accreditors need your NPI, state licence number or birth month and "
    "day to report your credit to their registry. Give them once; they stay with your registration (*Edit "
    "registration* changes them) and the licence number and birth date are shared only with your consent."
)


def identifier_blocks(form: RegistrationForm, intro: str = CREDIT_REPORTING) -> list[Block]:
    """The credit-reporting identifiers (NPI, licence, birth month and day, consents): in Edit registration, and
    asked with the first credit claim (the evaluation) of someone who has given none."""
    return [
        section(intro),
        input_block(
            RegistrationField.NPI,
            "NPI",
            text_input(RegistrationField.NPI, initial=form.npi, max_length=10),
            optional=True,
            hint="Your 10-digit National Provider Identifier, for credit reporting.",
        ),
        input_block(
            RegistrationField.LICENCE,
            "State licence number",
            text_input(RegistrationField.LICENCE, initial=form.licence_number, max_length=40),
            optional=True,
        ),
        input_block(
            RegistrationField.BIRTH_MONTH,
            "Birth month",
            static_select(
                RegistrationField.BIRTH_MONTH, [(name, str(n)) for n, name in MONTHS.items()], initial=form.birth_month
            ),
            optional=True,
        ),
        input_block(
            RegistrationField.BIRTH_DAY,
            "Birth day",
            static_select(
                RegistrationField.BIRTH_DAY, [(str(day), str(day)) for day in range(1, 32)], initial=form.birth_day
            ),
            optional=True,
        ),
        input_block(
            RegistrationField.CONSENT,
            "Consent",
            checkboxes(
                RegistrationField.CONSENT,
                [
                    ("I consent to my *licence number* being reported with my credit", Consent.LICENCE),
                    ("I consent to my *birth month and day* being reported with my credit", Consent.BIRTH),
                ],
                initial=form.consent,
            ),
            optional=True,
        ),
    ]


def provider_fields(provider: Provider) -> list[Block]:
    pairs = [
        ("Name", escape(provider.name)),
        ("Credential", provider.credential.value),
        ("Discipline", escape(provider.discipline)),
        ("Organization", escape(provider.organization)),
        ("Location", f"{escape(provider.county)}, {US_STATES.get(provider.state, provider.state)}"),
        ("E-mail", escape(provider.email)),
        ("Role", f"{provider.role.label}: {provider.role.explanation}"),
        ("NPI", provider.npi or "not given"),
    ]
    if provider.licence_number:
        pairs.append(("Licence number", f"{escape(provider.licence_number)} (reporting consented)"))
    if provider.birth_month and provider.birth_day:
        pairs.append(("Birth month and day", f"{MONTHS[provider.birth_month]} {provider.birth_day} (consented)"))
    return fields(pairs)


def registration_blocks(provider: Provider) -> list[Block]:
    """A registration with buttons to edit it or switch role (for /echo me and App Home)."""
    other = Role.OBSERVER if provider.role is Role.PARTICIPANT else Role.PARTICIPANT
    return [
        *provider_fields(provider),
        actions(
            button("Edit registration", Action.OPEN_REGISTRATION),
            button(f"Switch to {other.value}", Action.SWITCH_ROLE, other.value),
        ),
    ]


def confirmation_message(provider: Provider, *, created: bool, hub_name: str) -> Message:
    """A short welcome (or "updated") and the next steps as buttons; the answers are not echoed back (they
    are in `/echo me` and on Home)."""
    if created:
        role = provider.role.value
        article = "an" if role[:1] in "aeiou" else "a"
        lead = f"Welcome to {escape(hub_name)}, {escape(provider.name)}: you are registered as {article} *{role}*."
    else:
        lead = "Your registration is updated."
    steps = [button("Browse programs", Action.BROWSE_PROGRAMS, style="primary")]
    if provider.role is Role.PARTICIPANT:
        steps.append(button("Present a case", Action.OPEN_CASE))
    steps.append(button("Edit registration", Action.OPEN_REGISTRATION))
    return Message(
        text=lead,
        blocks=[
            section(f"{lead}\nNext: join a program to get its session reminders and check in for credit."),
            actions(*steps),
            context("Your answers are in `/echo me`; everything you can do is in `/echo help`."),
        ],
    )


def confirmation_modal(provider: Provider, *, created: bool, hub_name: str) -> Block:
    """What the registration form shows in its place once saved (no DM): the same short welcome, the next step
    as a button (answered in this window), and where the rest is: Home, which now shows the registration."""
    lead = confirmation_message(provider, created=created, hub_name=hub_name).text
    where = "your registration, your programs and *Present a case*" if provider.role is Role.PARTICIPANT else (
        "your registration and your programs")
    blocks = [
        section(f"{lead}\nNext: join a program to get its session reminders and check in for credit."),
        actions(button("Browse programs", Action.BROWSE_PROGRAMS, style="primary")),
        context(f"echobot's *Home* tab now shows {where}; *Edit registration* is there too."),
    ]
    return modal("Welcome" if created else "Registration", Callback.NOTICE_VIEW, blocks, submit=None, close="Close")


def register_prompt(reason: str) -> list[Block]:
    """An ephemeral answer for someone who must register first."""
    return [
        section(reason),
        actions(button("Register", Action.OPEN_REGISTRATION, style="primary")),
    ]
