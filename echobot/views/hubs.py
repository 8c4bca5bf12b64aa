"""The hub settings modal (/echo hub settings)."""

from __future__ import annotations

from echobot.ids import Callback, HubField
from echobot.models import HubProfile
from echobot.services.hubs import NAME_LIMIT, STATEMENT_LIMIT
from echobot.views.blocks import Block, input_block, modal, text_input


def hub_settings_modal(profile: HubProfile) -> Block:
    """Name, time zone and accreditation statement, filled with what the hub has now."""
    return modal("Hub settings", Callback.HUB_SETTINGS_VIEW, [
        input_block(HubField.NAME, "Hub name", text_input(HubField.NAME, initial=profile.name, max_length=NAME_LIMIT),
                    hint="Shown on certificates, help and the Home tab."),
        input_block(HubField.TIMEZONE, "Time zone", text_input(HubField.TIMEZONE, initial=profile.timezone,
                    placeholder="America/Chicago"), hint="An IANA time zone: new programs start with it."),
        input_block(HubField.STATEMENT, "Accreditation statement",
                    text_input(HubField.STATEMENT, initial=profile.accreditation_statement, multiline=True,
                               max_length=STATEMENT_LIMIT),
                    optional=True, hint="Printed on every certificate the hub issues."),
    ], submit="Save")  # fmt: skip
