"""The Slack app manifest matches what the code listens for."""

from __future__ import annotations

from pathlib import Path

import yaml

from echobot.handlers.command import SLASH_COMMAND
from echobot.ids import Callback

MANIFEST = yaml.safe_load((Path(__file__).parent.parent / "manifest.yml").read_text())


def test_slash_command_and_shortcuts_match_the_code() -> None:
    [command] = MANIFEST["features"]["slash_commands"]
    assert command["command"] == SLASH_COMMAND and command["should_escape"] is True
    shortcut_ids = {s["callback_id"] for s in MANIFEST["features"]["shortcuts"]}
    assert shortcut_ids <= {c.value for c in Callback}
    assert {Callback.REGISTER_SHORTCUT, Callback.CASE_SHORTCUT} <= shortcut_ids


def test_events_scopes_and_socket_mode() -> None:
    settings = MANIFEST["settings"]
    assert "app_home_opened" in settings["event_subscriptions"]["bot_events"]
    assert settings["interactivity"]["is_enabled"] and settings["socket_mode_enabled"]
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "im:write", "users:read", "users:read.email", "files:write"} <= scopes
    # reading back its own posts after a crash (Dispatcher._already_posted) in channels, the hub and DMs
    assert {"channels:history", "groups:history", "im:history"} <= scopes
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"]
    assert len(MANIFEST["display_information"]["name"]) <= 35


def test_the_messages_tab_is_read_only_since_nothing_answers_there() -> None:
    """echobot does not subscribe to message.im: a writable Messages tab would swallow what people type."""
    app_home = MANIFEST["features"]["app_home"]
    assert app_home["messages_tab_enabled"] and app_home["messages_tab_read_only_enabled"] is True
    assert "message.im" not in MANIFEST["settings"]["event_subscriptions"]["bot_events"]


def test_the_scopes_echobot_check_compares_are_the_manifests() -> None:
    from echobot.cli import BOT_SCOPES
    from tests.fake_slack import BOT_SCOPES as GRANTED_BY_THE_FAKE

    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES) == set(GRANTED_BY_THE_FAKE)
