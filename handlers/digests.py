"""Digests: `/echo digest [program]` for coordinators (the weekly ones go out on their own)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from echobot.handlers.command import CommandRequest, Router


async def digest_command(request: CommandRequest) -> None:
    request_id = request.trigger_id or request.services.clock.now().isoformat()
    answer = await request.services.digests.request(request.person, " ".join(request.args), request_id)
    await request.ack(text=answer)


def register(app: AsyncApp, router: Router) -> None:
    router.add("digest", digest_command)
