"""The Socket Mode baseline: a bare Bolt AsyncApp that only acks /echo, through the same aiohttp Socket
Mode handler echobot uses (ready when it prints "ready")."""

from __future__ import annotations

import asyncio
import os

from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


async def main() -> None:
    client = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["ECHOBOT_SLACK_API_URL"])
    app = AsyncApp(client=client)

    @app.command("/echo")
    async def echo(ack):  # type: ignore[no-untyped-def]
        await ack("ok")

    handler = AsyncSocketModeHandler(app, os.environ["SLACK_APP_TOKEN"])
    await handler.connect_async()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
