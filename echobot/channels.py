"""What a channel is, as Slack's conversations.info describes it: shared with other organizations (Slack
Connect) or not, private or public. Pure functions over Slack's channel object, used where a channel is
chosen (the program form) and again before a case is posted to the hub review channel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.slack_client import NETWORK_ERRORS, slack_error_code

# Asks Slack about a channel (conversations.info); answers the channel object, raises Slack's or the
# network's error. Injected where a service needs it, so services never hold a Slack client.
ChannelInfo = Callable[[str], Awaitable[dict[str, Any]]]

# What Slack answers when it will not let an app DM someone (checked in the stored Slack docs): conversations.open's
# `invalid_user_combination` (external people must share a channel, and their organization must allow it), a
# post to their user id that finds no DM conversation (`channel_not_found`), or a workspace preference
# forbidding the post (`restricted_action`).
DM_REFUSED = frozenset({"invalid_user_combination", "channel_not_found", "restricted_action"})


def is_direct_target(target: str) -> bool:
    """Whether an outbox target is a person (a DM), not a channel."""
    return target[:1] in ("U", "W")


NOT_PRIVATE = "Choose a private channel: cases are for the hub team only."
SHARED = ("This channel is shared with another organization (Slack Connect): cases stay inside the hub. "
          "Choose a private channel of your own workspace that is not shared.")  # fmt: skip


def shared_outside(channel: dict[str, Any]) -> bool:
    """Whether people of another organization can read the channel, or soon may: connected through Slack
    Connect (`is_ext_shared`), an invitation pending (`is_pending_ext_shared`, `pending_shared`,
    `pending_connected_team_ids`), or shared between workspaces that are not one Enterprise organization
    (`is_shared` without `is_org_shared`)."""
    return bool(
        channel.get("is_ext_shared")
        or channel.get("is_pending_ext_shared")
        or channel.get("pending_shared")
        or channel.get("pending_connected_team_ids")
        or (channel.get("is_shared") and not channel.get("is_org_shared"))
    )


def hub_channel_problem(channel: dict[str, Any]) -> str | None:
    """Why this channel cannot be a hub review channel (private, and inside the hub), or None."""
    if shared_outside(channel):
        return SHARED
    if not channel.get("is_private", False):
        return NOT_PRIVATE
    return None


class ChannelUnknown(Exception):
    """Slack did not describe the channel: `code` is Slack's error, or the network failure's name."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def channel_info_from(client: AsyncWebClient) -> ChannelInfo:
    """conversations.info through echobot's Slack client, as a ChannelInfo."""

    async def info(channel: str) -> dict[str, Any]:
        try:
            answer = await client.conversations_info(channel=channel)
        except SlackApiError as error:
            raise ChannelUnknown(slack_error_code(error)) from error
        except NETWORK_ERRORS as error:
            raise ChannelUnknown(type(error).__name__) from error
        found = answer.get("channel")
        return found if isinstance(found, dict) else {}

    return info
