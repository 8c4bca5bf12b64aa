"""The /echo slash command: splits off the subcommand, checks who may use it, routes it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from echobot.commands import COMMANDS, Audience, family, may_use
from echobot.container import Services
from echobot.models import Person
from echobot.views.help import help_blocks, help_text
from echobot.views.registration import register_prompt

SLASH_COMMAND = "/echo"


@dataclass(frozen=True)
class CommandRequest:
    """A parsed /echo invocation."""

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

    def add(self, name: str, handler: Subcommand) -> None:
        if name not in {command.name for command in COMMANDS}:
            raise ValueError(f"/echo {name} is not described in echobot.commands.COMMANDS")
        self._handlers[name] = handler

    def get(self, name: str) -> Subcommand | None:
        return self._handlers.get(name)

    @property
    def names(self) -> set[str]:
        return set(self._handlers)


def parse(text: str, known: set[str]) -> tuple[str, list[str]]:
    """The subcommand (one or two words, as listed in COMMANDS) and the words after it."""
    words = text.split()
    if not words:
        return "help", []
    if len(words) > 1 and f"{words[0].lower()} {words[1].lower()}" in known:
        return f"{words[0].lower()} {words[1].lower()}", words[2:]
    return words[0].lower(), words[1:]


def register(app: AsyncApp, services: Services) -> Router:
    router = Router()
    audiences = {command.name: command.audience for command in COMMANDS}
    hub = services.settings.hub_name

    async def show_help(request: CommandRequest) -> None:
        await request.ack(text=help_text(request.person), blocks=help_blocks(request.person, hub))

    router.add("help", show_help)

    @app.command(SLASH_COMMAND)
    async def on_echo(ack: AsyncAck, body: dict, client: AsyncWebClient) -> None:
        text = str(body.get("text") or "")
        name, args = parse(text, router.names)
        person = await services.people.whois(str(body.get("user_id") or ""))
        handler = router.get(name)
        if handler is None:
            usable = [c for c in family(name) if may_use(person, c.audience)]
            if usable:
                await ack(text="Usage:\n" + "\n".join(f"`{c.usage}`: {c.summary}" for c in usable))
            else:
                await ack(text=help_text(person), blocks=help_blocks(person, hub, unknown=name))
            return
        audience = audiences[name]
        if not may_use(person, audience):
            await ack(**refusal(person, audience, name))
            return
        await handler(
            CommandRequest(
                person=person,
                name=name,
                args=args,
                text=text,
                trigger_id=str(body.get("trigger_id") or ""),
                channel_id=str(body.get("channel_id") or ""),
                ack=ack,
                client=client,
            )
        )

    return router


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
