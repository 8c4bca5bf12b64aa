"""Sends what Slack sends: signed slash commands, view submissions, block actions, shortcuts and
events, over HTTP to echobot's real request handling (signature verification on)."""

from __future__ import annotations

import itertools
import json
import re
import time
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.fake_slack import FakeSlack

TEAM = {"id": "T0ECHO", "domain": "echo-hub"}


@dataclass
class Reply:
    status: int
    text: str

    @property
    def json(self) -> dict[str, Any]:
        """The answer as Slack reads it: a JSON body, or plain text (what Bolt sends for ack(text))."""
        if not self.text:
            return {}
        try:
            return json.loads(self.text)
        except json.JSONDecodeError:
            return {"text": self.text}

    @property
    def errors(self) -> dict[str, str]:
        body = self.json
        assert body.get("response_action") == "errors", f"expected field errors, got {self.text!r}"
        return body["errors"]

    @property
    def message_text(self) -> str:
        """Everything an ephemeral answer shows: its text and the text of its blocks."""
        return self.json.get("text", "") + "\n" + blocks_text(self.json.get("blocks", []))


# Slack's own markup in a command's text (a mention, a channel, `<!here>`): left as it is, the rest escaped.
_MARKUP = re.compile(r"(<[@#!][^<>]*>)")


def slack_escaped(text: str) -> str:
    """A slash command's text as Slack sends it: `&`, `<` and `>` HTML-escaped, its own markup kept."""
    parts = _MARKUP.split(text)
    return "".join(part if index % 2 else part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                   for index, part in enumerate(parts))  # fmt: skip


def blocks_text(blocks: list[dict[str, Any]]) -> str:
    """The visible text of Block Kit blocks, for assertions about what a person reads."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("plain_text", "mrkdwn") and isinstance(node.get("text"), str):
                out.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(out)


class Socket(Protocol):
    """Slack's end of a Socket Mode connection (tests/fake_socket.py)."""

    async def deliver(self, body: str, content_type: str, headers: dict[str, str]) -> Reply: ...


class SlackDriver:
    """Sends each request over HTTP, signed, or with `socket`, as the Socket Mode envelope Slack would send
    instead (no signature there; the retry headers become the envelope's retry_attempt and retry_reason)."""

    def __init__(self, app_url: str, signing_secret: str, fake: FakeSlack, socket: Socket | None = None,
                 *, team: str | None = None) -> None:  # fmt: skip
        """`team`: the workspace the requests come from (one of several installed hubs); else the one hub."""
        self.app_url = app_url
        self.team = {"id": team, "domain": team.lower()} if team else TEAM
        self.installed_team = team
        self.fake = fake
        self.socket = socket
        self._verifier = SignatureVerifier(signing_secret)
        self._counter = itertools.count(1)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def signed_headers(self, body: str, *, timestamp: int | None = None) -> dict[str, str]:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        return {
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self._verifier.generate_signature(timestamp=stamp, body=body) or "",
        }

    async def send(
        self, body: str, content_type: str, *, headers: dict[str, str] | None = None, sign: bool = True
    ) -> Reply:
        if self.socket is not None:
            return await self.socket.deliver(body, content_type, headers or {})
        if self._session is None:
            self._session = aiohttp.ClientSession()
        all_headers = {"Content-Type": content_type, **(self.signed_headers(body) if sign else {}), **(headers or {})}
        async with self._session.post(self.app_url, data=body.encode(), headers=all_headers) as response:
            return Reply(response.status, await response.text())

    async def ssl_check(self) -> Reply:
        """Slack's probe of the request URL: unsigned, `ssl_check=1` and the app's verification token."""
        return await self.send(urlencode({"ssl_check": "1", "token": "legacy"}), "application/x-www-form-urlencoded",
                               sign=False)  # fmt: skip

    def team_of(self, user: str) -> str:
        """The Slack team a person belongs to: the partner workspace's for someone from a partner organization
        in a Slack Connect channel (Slack puts it in `user.team_id`, and a slash command's `team_id`)."""
        users = getattr(self.fake, "users", {})  # a benchmark's link to a fake in another process has none
        return str(users.get(user, {}).get("team_id") or self.team["id"])

    def trigger(self) -> str:
        return f"{next(self._counter)}.{int(time.time())}.trigger"

    async def command(
        self, user: str, text: str = "", *, channel: str = "C0GENERAL", trigger_id: str | None = None
    ) -> Reply:
        form = {
            "token": "legacy",
            "team_id": self.installed_team or self.team_of(user),
            "user_team": self.team_of(user),
            "team_domain": self.team["domain"],
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/echo",
            "text": slack_escaped(text),
            "api_app_id": "A0ECHO",
            "response_url": self.fake.response_url(),
            "trigger_id": trigger_id or self.trigger(),
        }
        return await self.send(urlencode(form), "application/x-www-form-urlencoded")

    async def interactive(self, payload: dict[str, Any]) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        return await self.send(body, "application/x-www-form-urlencoded")

    async def shortcut(self, user: str, callback_id: str) -> Reply:
        return await self.interactive(
            {
                "type": "shortcut",
                "callback_id": callback_id,
                "trigger_id": self.trigger(),
                "user": {"id": user, "team_id": self.team_of(user)},
                "team": self.team,
                "api_app_id": "A0ECHO",
                "token": "legacy",
            }
        )

    async def submit(self, user: str, view: dict[str, Any], values: dict[str, Any] | None = None) -> Reply:
        """Submit a modal as a person would: what it showed, with `values` typed over it (by action id)."""
        submitted = {**view, "state": {"values": state_values(view, values or {})}}
        return await self.interactive(
            {
                "type": "view_submission",
                "team": self.team,
                "user": {"id": user, "team_id": self.team_of(user)},
                "api_app_id": "A0ECHO",
                "token": "legacy",
                "trigger_id": self.trigger(),
                "view": submitted,
            }
        )

    async def click(
        self,
        user: str,
        action_id: str,
        value: str = "",
        *,
        block_id: str = "b",
        home: dict[str, Any] | None = None,
        message: dict[str, Any] | None = None,
        channel: str = "C0GENERAL",
        selected: str | None = None,
    ) -> Reply:
        """Click a button in a message (the default) or in a view such as the Home tab (`home=`);
        with `selected`, choose that option of an overflow menu instead."""
        action: dict[str, Any] = {
            "type": "button",
            "action_id": action_id,
            "block_id": block_id,
            "value": value,
            "action_ts": str(time.time()),
        }
        if selected is not None:
            action = {
                "type": "overflow",
                "action_id": action_id,
                "block_id": block_id,
                "selected_option": {"value": selected, "text": {"type": "plain_text", "text": selected}},
                "action_ts": str(time.time()),
            }
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": self.team,
            "user": {"id": user, "team_id": self.team_of(user)},
            "api_app_id": "A0ECHO",
            "token": "legacy",
            "trigger_id": self.trigger(),
            "actions": [action],
        }
        if home is not None:
            payload["container"] = {"type": "view", "view_id": home.get("id", "V0")}
            payload["view"] = home
        else:
            msg = message or {"ts": "1700000000.000001", "text": "", "blocks": []}
            payload["container"] = {
                "type": "message",
                "message_ts": msg.get("ts"),
                "channel_id": channel,
                "is_ephemeral": message is None,
            }
            payload["channel"] = {"id": channel}
            payload["message"] = msg
            payload["response_url"] = self.fake.response_url()
        return await self.interactive(payload)

    async def suggest(self, user: str, action_id: str, typed: str, view: dict[str, Any] | None = None) -> Reply:
        """What Slack asks an external select for as the person types."""
        return await self.interactive(
            {
                "type": "block_suggestion",
                "action_id": action_id,
                "block_id": action_id,
                "value": typed,
                "team": self.team,
                "user": {"id": user, "team_id": self.team_of(user)},
                "api_app_id": "A0ECHO",
                "token": "legacy",
                "view": view or {"id": "V0", "type": "modal"},
                "container": {"type": "view", "view_id": "V0"},
            }
        )

    async def event(self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None) -> Reply:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": self.team["id"],
                "api_app_id": "A0ECHO",
                "event": event,
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(self._counter):08d}",
                "event_time": int(time.time()),
            }
        )
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else {}
        return await self.send(body, "application/json", headers=headers)


def state_values(view: dict[str, Any], values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Slack's view.state.values for a modal: each input's initial value unless `values` overrides it."""
    state: dict[str, dict[str, Any]] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        action_id = element["action_id"]
        kind = element["type"]
        given = values.get(action_id, _initial(element))
        state[block["block_id"]] = {action_id: _element_state(kind, given)}
    unknown = set(values) - {a for block in state.values() for a in block}
    assert not unknown, f"the modal has no inputs {unknown}"
    return state


def _initial(element: dict[str, Any]) -> Any:
    kind = element["type"]
    if kind in ("static_select", "radio_buttons", "external_select"):
        return (element.get("initial_option") or {}).get("value")
    if kind in ("checkboxes", "multi_static_select"):
        return [option["value"] for option in element.get("initial_options", [])]
    keys = {
        "users_select": "initial_user",
        "multi_users_select": "initial_users",
        "conversations_select": "initial_conversation",
        "channels_select": "initial_channel",
        "datepicker": "initial_date",
        "timepicker": "initial_time",
    }
    return element.get(keys.get(kind, "initial_value"))


def _element_state(kind: str, value: Any) -> dict[str, Any]:
    if kind == "file_input":  # value: the files attached (FakeSlack.attach_file), as Slack describes them
        return {"type": kind, "files": list(value or [])}
    if kind in ("static_select", "radio_buttons", "external_select"):
        return {"type": kind, "selected_option": None if value is None else {"value": value}}
    if kind in ("checkboxes", "multi_static_select"):
        return {"type": kind, "selected_options": [{"value": v} for v in value or []]}
    keys = {
        "users_select": "selected_user",
        "multi_users_select": "selected_users",
        "conversations_select": "selected_conversation",
        "channels_select": "selected_channel",
        "datepicker": "selected_date",
        "timepicker": "selected_time",
    }
    return {"type": kind, keys.get(kind, "value"): value}
