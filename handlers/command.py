"""The /echo slash command: splits off the subcommand, checks who may use it, routes it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Set
from dataclasses import dataclass

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from echobot.commands import COMMANDS, Audience, available_to, family, may_use
from echobot.container import Services
from echobot.handlers.context import Actor
from echobot.models import Person
from echobot.suggest import nearest
from echobot.views.blocks import context, escape, section, unescape
from echobot.views.help import help_answer
from echobot.views.registration import register_prompt

SLASH_COMMAND = "/echo"


@dataclass(frozen=True)
class CommandRequest:
    """A parsed /echo invocation."""

    services: Services
    person: Person
    name: str
    args: list[str]
    text: str
    trigger_id: str
    channel_id: str
    ack: AsyncAck
    client: AsyncWebClient


Subcommand = Callable[[CommandRequest], Awaitable[None]]


class Router:
    def __init__(self) -> None:
        self._handlers: dict[str, Subcommand] = {}
        self._names: frozenset[str] = frozenset()

    def add(self, name: str, handler: Subcommand) -> None:
        if name not in {command.name for command in COMMANDS}:
            raise ValueError(f"/echo {name} is not described in echobot.commands.COMMANDS")
        self._handlers[name] = handler
        self._names = frozenset(self._handlers)  # read on every /echo: built here, not per request

    def get(self, name: str) -> Subcommand | None:
        return self._handlers.get(name)

    @property
    def names(self) -> frozenset[str]:
        return self._names


def parse(text: str, known: Set[str]) -> tuple[str, list[str]]:
    """The subcommand (one or two words, as listed in COMMANDS) and the words after it."""
    words = text.split()
    if not words:
        return "help", []
    if len(words) > 1 and f"{words[0].lower()} {words[1].lower()}" in known:
        return f"{words[0].lower()} {words[1].lower()}", words[2:]
    return words[0].lower(), words[1:]


async def show_help(request: CommandRequest) -> None:
    hub = (await request.services.hubs.profile()).name
    await request.ack(**help_answer(request.person, hub))


AUDIENCES = {command.name: command.audience for command in COMMANDS}


async def on_echo(ack: AsyncAck, body: dict, client: AsyncWebClient, services: Services, router: Router,
                  actor: Actor, trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """/echo: who asks, which subcommand, may they use it; then that subcommand's function."""
    text = unescape(str(body.get("text") or ""))  # Slack sends it HTML-escaped
    name, args = parse(text, router.names)
    person = await actor.person()
    name, args = spelled_together(name, args, router.names)
    handler = router.get(name)
    if handler is None:
        usable = [c for c in family(name) if may_use(person, c.audience)]
        if usable:
            await ack(text="Usage:\n" + "\n".join(f"`{c.usage}`: {c.summary}" for c in usable))
        elif (suggestion := nearest(name, [c.name for c in available_to(person)])) is not None:
            await ack(**did_you_mean(name, suggestion))
        else:
            await ack(**help_answer(person, (await services.hubs.profile()).name, unknown=name))
        return
    audience = AUDIENCES[name]
    if not may_use(person, audience):
        await ack(**refusal(person, audience, name))
        return
    request = CommandRequest(services=services, person=person, name=name, args=args, text=text,
                             trigger_id=trigger_id, channel_id=channel_id or "", ack=ack, client=client)  # fmt: skip
    await handler(request)


def spelled_together(name: str, args: list[str], known: Set[str]) -> tuple[str, list[str]]:
    """`check in` and `check-in` are `checkin`: a command written in two words or with a dash."""
    if name not in known and name.replace("-", "") in known:
        return name.replace("-", ""), args
    if name not in known and args and f"{name}{args[0].lower()}" in known:
        return f"{name}{args[0].lower()}", args[1:]
    return name, args


def did_you_mean(typed: str, suggestion: str) -> dict:
    """A typo's answer: the nearest command, not the whole help page."""
    text = f"I don't know `/echo {escape(typed[:40])}`. Did you mean `/echo {suggestion}`?"
    return {"text": text, "blocks": [section(text), context("`/echo help` lists everything you can do.")]}


def register(app: AsyncApp, router: Router) -> None:
    router.add("help", show_help)
    app.command(SLASH_COMMAND)(on_echo)


def refusal(person: Person, audience: Audience, name: str) -> dict:
    """The ephemeral answer for someone who may not use a command."""
    if not person.is_registered and audience in (Audience.REGISTERED, Audience.PARTICIPANT):
        text = f"`/echo {name}` is for registered providers. Register first: it takes about two minutes."
        return {"text": text, "blocks": register_prompt(text)}
    if audience is Audience.PARTICIPANT:
        return {"text": f"`/echo {name}` is for participants. Switch with `/echo role participant`."}
    if audience is Audience.STAFF:
        return {"text": f"`/echo {name}` is for the hub's specialists and coordinators."}
    if audience is Audience.MANAGER:
        return {"text": f"Only coordinators can use `/echo {name}`. Ask a hub coordinator if you need it."}
    return {"text": f"Only {audience.value} can use `/echo {name}`. Ask a hub coordinator if you need it."}
