"""Digests: `/echo digest [program]` for coordinators (the weekly ones go out on their own)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router


def register(app: AsyncApp, services: Services, router: Router) -> None:
    async def digest_command(request: CommandRequest) -> None:
        request_id = request.trigger_id or services.clock.now().isoformat()
        answer = await services.digests.request(request.person, " ".join(request.args), request_id)
        await request.ack(text=answer)

    router.add("digest", digest_command)
