"""The first check on every request: the parts of a Slack payload the handlers rely on are there and of the
right type, and text is valid Unicode. Slack always sends them so; a request that does not is answered with
an empty 200 (nothing happens, nothing is retried) and logged without its content."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)

USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")
# A lone surrogate can reach a parsed payload only through a JSON \u escape (form fields are decoded with
# errors="replace"; a body that is not UTF-8 is refused before): written as is, or percent-encoded inside a
# form's payload field. A NUL character (JSON's \u0000, a form's %00) is dropped: Slack never sends one and
# PostgreSQL's text cannot hold it. A body without either has nothing to scrub. Socket Mode gives no raw body:
# always scrubbed.
_ESCAPE = re.compile(r"\\u|%5[cC]u|%00|\x00")
INTERACTIVE = ("block_actions", "view_submission", "view_closed", "shortcut", "message_action", "block_suggestion")


def valid_text(text: str) -> str:
    """The text with lone surrogates (which JSON can carry as escapes, but UTF-8 cannot encode) replaced and NUL
    characters dropped."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def scrub(node: Any) -> Any:
    """Make every string in a parsed payload encodable (in place for dicts and lists)."""
    if isinstance(node, str):
        return valid_text(node)
    if isinstance(node, dict):
        for key in list(node):
            value = scrub(node[key])
            clean_key = valid_text(key) if isinstance(key, str) else key
            if clean_key != key:
                del node[key]
            node[clean_key] = value
    elif isinstance(node, list):
        node[:] = [scrub(item) for item in node]
    return node


def problem(body: Any) -> str | None:
    """What is malformed in a request body, or None."""
    if not isinstance(body, dict):
        return "not an object"
    kind = body.get("type")
    if "ssl_check" in body or kind in ("url_verification", "app_rate_limited"):
        return None  # Slack's own checks, answered by Bolt
    if "command" in body:
        user = body.get("user_id")
        return None if isinstance(user, str) and USER_ID.match(user) else "command without a user"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event without a type"
        return None
    if kind not in INTERACTIVE:
        return "unknown request type"
    user = body.get("user")
    if not isinstance(user, dict) or not isinstance(user.get("id"), str) or not USER_ID.match(user["id"]):
        return "interaction without a user"
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("callback_id"), str):
            return "view without a callback id"
        if not isinstance(view.get("type"), str):
            return "view without a type"
    if kind in ("shortcut", "message_action") and not isinstance(body.get("callback_id"), str):
        return "shortcut without a callback id"
    if kind == "block_suggestion" and not isinstance(body.get("action_id"), str):
        return "menu query without an action id"
    if kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            return "click without actions"
        if not all(isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions):
            return "click without an action id"
    return None


_OBJECTS = ("channel", "container", "message", "team", "view", "state")


def normalize(body: dict[str, Any]) -> None:
    """Drop parts the handlers read as objects (or action values as text) when they are something else: a
    handler then sees them as absent, which it handles."""
    for key in _OBJECTS:
        if key in body and not isinstance(body[key], dict):
            del body[key]
    for action in body.get("actions") or []:
        if "value" in action and not isinstance(action["value"], str):
            del action["value"]
        if "selected_option" in action and not isinstance(action["selected_option"], dict):
            del action["selected_option"]
    view = body.get("view")
    if isinstance(view, dict) and "private_metadata" in view and not isinstance(view["private_metadata"], str):
        del view["private_metadata"]


class WellFormed(AsyncMiddleware):
    """The global middleware: a malformed request is answered with an empty 200; a good one is scrubbed and
    normalized for the handlers. A Bolt middleware object rather than a function, so that Bolt does not build
    injected arguments for it on every request (a function middleware costs ~20 µs more per request)."""

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        body = req.body
        found = problem(body)
        if found is not None:
            log.info("ignored a malformed request: %s", found)
            return BoltResponse(status=200, body="")
        if not req.raw_body or _ESCAPE.search(req.raw_body):
            scrub(body)
        normalize(body)
        return await next()


def register(app: AsyncApp) -> None:
    app.middleware(WellFormed())
