"""Series and completion: /echo series close (an ephemeral with what closing does and a button behind Slack's
confirm dialog), the button, and a certificate of completion from /echo cme."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.files import upload_to_dm
from echobot.handlers.replies import reply_later
from echobot.ids import Action
from echobot.validation import parse_id


async def close_command(request: CommandRequest) -> None:
    """`/echo series close [program]`: what closing would do, and the button; or why not."""
    answer = await request.services.series.close_prompt(request.person, " ".join(request.args))
    if isinstance(answer, str):
        await request.ack(text=answer)
        return
    await request.ack(text="Close the series?", blocks=answer)


async def close_series(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services, actor: Actor) -> None:
    """Close the series (Slack asked to confirm first): the ephemeral is replaced with the outcome."""
    await ack()
    answer = await services.series.close(await actor.person(), parse_id(action.get("value")))
    reply_later(services.inflight, respond, text=answer, response_type="ephemeral", replace_original=True)


async def completion_certificate(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                                 services: Services, actor: Actor) -> None:  # fmt: skip
    """A certificate of completion from /echo cme: the acting person's own, sent by DM at once."""
    await ack()
    result = await services.series.certificate_for(actor.user_id, parse_id(action.get("value")))
    if isinstance(result, str):
        reply_later(services.inflight, respond, text=result, response_type="ephemeral")
        return
    services.inflight.spawn(upload_to_dm(client, actor.user_id, result, "echo-certificate-of-completion.pdf",
                                         "Certificate of completion", "Your certificate of completion."),
                            "completion-certificate")  # fmt: skip


def register(app: AsyncApp, router: Router) -> None:
    router.add("series close", close_command)
    app.action(Action.SERIES_CLOSE)(close_series)
    app.action(Action.COMPLETION_CERTIFICATE)(completion_certificate)
