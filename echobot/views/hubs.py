"""The hub settings modal (/echo hub settings)."""

from __future__ import annotations

from echobot.ids import Callback, HubField
from echobot.models import HubProfile
from echobot.services.hubs import NAME_LIMIT, STATEMENT_LIMIT
from echobot.settings import WEEKDAYS
from echobot.views.blocks import Block, conversations_select, input_block, modal, static_select, text_input


def hub_settings_modal(profile: HubProfile) -> Block:
    """Name, time zone, accreditation statement and the weekly digest's day, time and channel, filled with what
    the hub has now."""
    return modal("Hub settings", Callback.HUB_SETTINGS_VIEW, [
        input_block(HubField.NAME, "Hub name", text_input(HubField.NAME, initial=profile.name, max_length=NAME_LIMIT),
                    hint="Shown on certificates, help and the Home tab."),
        input_block(HubField.TIMEZONE, "Time zone", text_input(HubField.TIMEZONE, initial=profile.timezone,
                    placeholder="America/Chicago"), hint="An IANA time zone: new programs start with it."),
        input_block(HubField.STATEMENT, "Accreditation statement",
                    text_input(HubField.STATEMENT, initial=profile.accreditation_statement, multiline=True,
                               max_length=STATEMENT_LIMIT),
                    optional=True, hint="Printed on every certificate the hub issues."),
        input_block(HubField.DIGEST_DAY, "Weekly digest: day",
                    static_select(HubField.DIGEST_DAY, [(day.title(), day) for day in WEEKDAYS],
                                  initial=profile.digest_day)),
        input_block(HubField.DIGEST_TIME, "Weekly digest: time",
                    text_input(HubField.DIGEST_TIME, initial=profile.digest_time, placeholder="08:00"),
                    hint="HH:MM in the hub's time zone."),
        input_block(HubField.DIGEST_CHANNEL, "Weekly digest: channel",
                    conversations_select(HubField.DIGEST_CHANNEL, initial=profile.digest_channel or None),
                    optional=True, hint="Every program's digest goes there; without one, to its coordinators."),
    ], submit="Save")  # fmt: skip
