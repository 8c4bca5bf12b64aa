"""The baseline: a bare Bolt AsyncApp answering /echo with a constant help, served by the same aiohttp stack.

It runs in Bolt's fastest mode, `process_before_response=True` (the answer goes back as soon as the listener
returns; Bolt's default polls for the ack every 10 ms), which is the mode echobot uses. Its answer is the
same help (text and Block Kit) echobot gives a person who is not registered, built once at start, so both
apps send the same bytes: what the baseline lacks is exactly echobot's own per-request work.
"""

from __future__ import annotations

import os
import sys

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from echobot.models import Person
from echobot.views.help import help_blocks, help_text


def main() -> None:
    client = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["ECHOBOT_SLACK_API_URL"])
    app = AsyncApp(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"], process_before_response=True)
    stranger = Person(user_id="U0STRANGER")
    text, blocks = help_text(stranger), help_blocks(stranger, os.environ.get("ECHOBOT_HUB_NAME", "ECHO Hub"))

    @app.command("/echo")
    async def echo(ack):  # type: ignore[no-untyped-def]
        await ack(text=text, blocks=blocks)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    web_app = web.Application()
    web_app.router.add_post("/slack/events", events)
    web_app.router.add_get("/healthz", healthz)
    web.run_app(web_app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)


if __name__ == "__main__":
    main()
