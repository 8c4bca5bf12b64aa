"""Small Block Kit building blocks used by every view."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any

Block = dict[str, Any]

MODAL_TITLE_LIMIT = 24


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo Slack's escaping of text it sends us (a slash command's text arrives with `&amp;`, `&lt;`, `&gt;`):
    once, at the edge, `&amp;` last so that `&amp;lt;` stays the `&lt;` someone typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def section(text: str, *, block_id: str | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if block_id:
        block["block_id"] = block_id
    if accessory:
        block["accessory"] = accessory
    return block


SECTION_LIMIT = 3000
# Slack refuses a message whose blocks hold more characters than this in all (`msg_blocks_too_long`; not in
# Slack's published limits, confirmed by its Bolt maintainers). Counted as `block_chars` counts.
MESSAGE_BLOCKS_LIMIT = 12_000
_ENTITY_LONGEST = len("&amp;")


def block_chars(blocks: Iterable[Any]) -> int:
    """The characters of every text in `blocks` (what Slack's total-length limit of a message counts)."""
    total = 0

    def walk(node: Any) -> None:
        nonlocal total
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    total += len(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(list(blocks))
    return total


def _safe_cut(text: str, cut: int) -> int:
    """`cut`, moved back to before an escaped entity (`&amp;`, `&lt;`, `&gt;`) it would split."""
    start = text.rfind("&", max(0, cut - _ENTITY_LONGEST + 1), cut)
    if start != -1 and ";" not in text[start:cut]:
        return start
    return cut


def _chunks(text: str, size: int, *, entities: bool) -> list[str]:
    """`text` in pieces of at most `size` characters, cut at a space where one is near the end."""
    chunks, rest = [], text
    while rest:
        if len(rest) <= size:
            chunks.append(rest)
            break
        space = rest.rfind(" ", 0, size)
        cut = space if space > size // 2 else size
        if entities:
            cut = _safe_cut(rest, cut) or cut
        chunks.append(rest[:cut])
        rest = rest[cut:].lstrip(" ")
    return chunks


def long_text(label: str, text: str, *, quote: bool = False) -> list[Block]:
    """A labelled text of any length as mrkdwn sections within Slack's 3,000 characters each. `text` is
    escaped here, and never cut inside one of the entities escaping makes."""
    body = escape(text)
    if quote:
        body = ">" + body.replace("\n", "\n>")
    first = f"*{label}*\n" if label else ""
    chunks = _chunks(first + body, SECTION_LIMIT - 10, entities=True)
    if quote:
        chunks = [chunk if index == 0 or chunk.startswith(">") else ">" + chunk for index, chunk in enumerate(chunks)]
    return [section(chunk) for chunk in chunks]


def typed_text(label: str, text: str) -> list[Block]:
    """Text a person typed (a case's fields, a note), shown exactly as typed: plain text, so nothing in it is
    read as mrkdwn, a link or a mention, and nothing needs escaping (its length in Slack is its own). A bold
    label, then sections within Slack's 3,000 characters each."""
    blocks: list[Block] = [section(f"*{escape(label)}*")] if label else []
    blocks += [{"type": "section", "text": plain(chunk)} for chunk in _chunks(text, SECTION_LIMIT, entities=False)]
    return blocks


def fields(pairs: Iterable[tuple[str, str]]) -> list[Block]:
    """Label/value pairs as section fields, ten per section (Slack's limit)."""
    items = [mrkdwn(f"*{label}*\n{value}") for label, value in pairs]
    return [{"type": "section", "fields": items[i : i + 10]} for i in range(0, len(items), 10)]


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text[:150])}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str = "", *, style: str | None = None) -> Block:
    element: Block = {"type": "button", "text": plain(text), "action_id": action_id}
    if value:
        element["value"] = value
    if style:
        element["style"] = style
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def option(text: str, value: str) -> Block:
    return {"text": plain(text[:75]), "value": value}


def static_select(
    action_id: str, options: Sequence[tuple[str, str]], *, initial: str | None = None, placeholder: str = "Choose"
) -> Block:
    choices = [option(text, value) for text, value in options]
    element: Block = {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": plain(placeholder),
        "options": choices,
    }
    chosen = next((choice for choice in choices if choice["value"] == initial), None)
    if chosen:
        element["initial_option"] = chosen
    return element


def multi_static_select(
    action_id: str, options: Sequence[tuple[str, str]], *, initial: Iterable[str] = (), placeholder: str = "Choose"
) -> Block:
    """Several choices from a list; `initial` in the order of the options."""
    choices = [option(text, value) for text, value in options]
    element: Block = {"type": "multi_static_select", "action_id": action_id, "placeholder": plain(placeholder),
                      "options": choices}  # fmt: skip
    wanted = set(initial)
    chosen = [choice for choice in choices if choice["value"] in wanted]
    if chosen:
        element["initial_options"] = chosen
    return element


def radio_buttons(action_id: str, options: Sequence[tuple[str, str]], *, initial: str | None = None) -> Block:
    choices = [option(text, value) for text, value in options]
    element: Block = {"type": "radio_buttons", "action_id": action_id, "options": choices}
    chosen = next((choice for choice in choices if choice["value"] == initial), None)
    if chosen:
        element["initial_option"] = chosen
    return element


def checkboxes(action_id: str, options: Sequence[tuple[str, str]], *, initial: Iterable[str] = ()) -> Block:
    choices = [{"text": mrkdwn(text), "value": value} for text, value in options]
    element: Block = {"type": "checkboxes", "action_id": action_id, "options": choices}
    chosen = [choice for choice in choices if choice["value"] in set(initial)]
    if chosen:
        element["initial_options"] = chosen
    return element


def text_input(
    action_id: str,
    *,
    initial: str = "",
    multiline: bool = False,
    max_length: int | None = None,
    placeholder: str = "",
    kind: str = "plain_text_input",
) -> Block:
    element: Block = {"type": kind, "action_id": action_id}
    if kind == "plain_text_input":
        element["multiline"] = multiline
    if initial:
        element["initial_value"] = initial
    if max_length:
        element["max_length"] = max_length
    if placeholder:
        element["placeholder"] = plain(placeholder)
    return element


def input_block(block_id: str, label: str, element: Block, *, optional: bool = False, hint: str = "") -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def modal(
    title: str,
    callback_id: str,
    blocks: list[Block],
    *,
    submit: str | None = "Submit",
    close: str = "Cancel",
    private_metadata: str = "",
) -> Block:
    if len(title) > MODAL_TITLE_LIMIT:
        raise ValueError(f"modal title {title!r} is longer than Slack's {MODAL_TITLE_LIMIT} characters")
    view: Block = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title),
        "close": plain(close),
        "blocks": blocks,
    }
    if submit:
        view["submit"] = plain(submit)
    if private_metadata:
        view["private_metadata"] = private_metadata
    return view


def slack_date(moment: datetime, token: str = "{date_short_pretty} at {time}") -> str:
    """A date every reader sees in their own time zone; the fallback is UTC."""
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{token}|{fallback}>"


def conversations_select(action_id: str, *, initial: str | None = None, current: bool = False,
                         shared: bool = False) -> Block:  # fmt: skip
    """A channel picker; `shared`: Slack Connect channels (shared with other organizations) are offered too."""
    element: Block = {
        "type": "conversations_select",
        "action_id": action_id,
        "placeholder": plain("Choose a channel"),
        "filter": {
            "include": ["public", "private"],
            "exclude_bot_users": True,
            "exclude_external_shared_channels": not shared,
        },
    }
    if initial:
        element["initial_conversation"] = initial
    elif current:
        element["default_to_current_conversation"] = True
    return element


def users_select(action_id: str, *, initial: Sequence[str] = (), multi: bool = True) -> Block:
    if multi:
        element: Block = {"type": "multi_users_select", "action_id": action_id, "placeholder": plain("Choose people")}
        if initial:
            element["initial_users"] = list(initial)
        return element
    element = {"type": "users_select", "action_id": action_id, "placeholder": plain("Choose a person")}
    if initial:
        element["initial_user"] = initial[0]
    return element


def datepicker(action_id: str, *, initial: str | None = None) -> Block:
    element: Block = {"type": "datepicker", "action_id": action_id}
    if initial:
        element["initial_date"] = initial
    return element


def timepicker(action_id: str, *, initial: str | None = None) -> Block:
    element: Block = {"type": "timepicker", "action_id": action_id}
    if initial:
        element["initial_time"] = initial
    return element


def number_input(
    action_id: str, *, initial: str = "", decimal: bool = False, low: int | None = None, high: int | None = None
) -> Block:
    element: Block = {"type": "number_input", "action_id": action_id, "is_decimal_allowed": decimal}
    if initial:
        element["initial_value"] = initial
    if low is not None:
        element["min_value"] = str(low)
    if high is not None:
        element["max_value"] = str(high)
    return element


def external_select(action_id: str, *, initial: tuple[str, str] | None = None, placeholder: str = "Search") -> Block:
    element: Block = {
        "type": "external_select",
        "action_id": action_id,
        "placeholder": plain(placeholder),
        "min_query_length": 0,
    }
    if initial:
        element["initial_option"] = option(*initial)
    return element


def overflow(action_id: str, options: Sequence[tuple[str, str]]) -> Block:
    return {"type": "overflow", "action_id": action_id, "options": [option(text, value) for text, value in options]}


def link_button(text: str, action_id: str, url: str) -> Block:
    return {"type": "button", "text": plain(text), "action_id": action_id, "url": url}


def when_phrase(start: datetime, now: datetime) -> str:
    """'in 7 days', 'in about 1 hour', 'in 12 minutes', 'now'."""
    minutes = round((start - now).total_seconds() / 60)
    if minutes <= 1:
        return "now"
    if minutes < 90:
        return f"in {minutes} minutes"
    hours = round(minutes / 60)
    if hours < 36:
        return f"in about {hours} hour{'s' if hours != 1 else ''}"
    days = round(hours / 24)
    return f"in {days} days"


def local_label(moment: datetime, zone: tzinfo) -> str:
    """A time written as text (an option label cannot hold a date token), in the reader's zone: 'Tue 10 Nov 20:00'."""
    return moment.astimezone(zone).strftime("%a %-d %b %H:%M")


def zone_note(zone: tzinfo | None) -> str:
    """Says whose clock the times written as text use: 'Times in your time zone, Europe/Berlin.' (None: the
    reader's zone is unknown and each program's own is used)."""
    if zone is None:
        return "Times in each program's time zone (Slack did not tell us yours)."
    return f"Times in your time zone, {getattr(zone, 'key', None) or str(zone)}."


def file_input(action_id: str, filetypes: Sequence[str], *, max_files: int = 1) -> Block:
    """A file upload field (modals only); Slack's client offers only these file types."""
    return {"type": "file_input", "action_id": action_id, "filetypes": list(filetypes), "max_files": max_files}


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun in the right number: "1 session", "12 sessions" (issue 19: no "session(s)")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
