"""Reading submitted modal state. Slack nests values by block id, then action id, by element type."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck


def read_values(view: Any) -> dict[str, Any]:
    """{action_id: value} for every input in a submitted view; malformed parts are skipped."""
    values: dict[str, Any] = {}
    state = view.get("state") if isinstance(view, dict) else None
    blocks = state.get("values") if isinstance(state, dict) else None
    if not isinstance(blocks, dict):
        return values
    for actions in blocks.values():
        if not isinstance(actions, dict):
            continue
        for action_id, element in actions.items():
            if isinstance(element, dict):
                values[str(action_id)] = element_value(element)
    return values


def element_value(element: dict[str, Any]) -> Any:
    kind = element.get("type")
    if not isinstance(kind, str):
        return None  # a forged element (its type a list or object would not even hash)
    if kind in ("static_select", "radio_buttons", "external_select"):
        return _option_value(element.get("selected_option"))
    if kind in ("checkboxes", "multi_static_select", "multi_external_select"):
        options = element.get("selected_options")
        if not isinstance(options, list):
            return []
        return [value for value in (_option_value(option) for option in options) if value is not None]
    simple = {
        "users_select": "selected_user",
        "multi_users_select": "selected_users",
        "conversations_select": "selected_conversation",
        "multi_conversations_select": "selected_conversations",
        "channels_select": "selected_channel",
        "multi_channels_select": "selected_channels",
        "datepicker": "selected_date",
        "timepicker": "selected_time",
        "datetimepicker": "selected_date_time",
    }
    if kind in simple:
        return element.get(simple[kind])
    if kind == "file_input":  # the uploaded files, as Slack describes them (id, name, filetype…)
        files = element.get("files")
        return [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []
    return element.get("value")


def _option_value(option: Any) -> str | None:
    if isinstance(option, dict) and isinstance(option.get("value"), str):
        return option["value"]
    return None


def text(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    return value if isinstance(value, str) else ""


def choice(values: dict[str, Any], key: str) -> str | None:
    value = values.get(key)
    return value if isinstance(value, str) else None


def choices(values: dict[str, Any], key: str) -> list[str]:
    value = values.get(key)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def first_input(view: Any) -> str:
    """The block id of a view's first input: where to show an error about the whole form."""
    blocks = view.get("blocks") if isinstance(view, dict) else None
    for block in blocks if isinstance(blocks, list) else []:  # a forged view may carry anything here
        if isinstance(block, dict) and block.get("type") == "input":
            return str(block.get("block_id"))
    return "none"


async def ack_submission(ack: AsyncAck, errors: Mapping[str, str]) -> bool:
    """Answer a view submission: the errors on their fields, or close the modal. True when it closed."""
    if errors:
        await ack(response_action="errors", errors=dict(errors))
        return False
    await ack()
    return True
