"""The fake Slack itself: limits it enforces and the file upload flow later features rely on."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError

from echobot.slack_client import build_client
from tests.fake_slack import BOT_TOKEN, FakeSlack


async def test_files_upload_v2_reaches_the_fake(fake_slack: FakeSlack) -> None:
    client = build_client(BOT_TOKEN, fake_slack.api_url)
    response = await client.files_upload_v2(
        channel="D0ALICE", content=b"name,hours\nAlice,1.0\n", filename="credits.csv", title="Credits"
    )
    assert response["ok"]
    [content] = fake_slack.uploads.values()
    assert content == b"name,hours\nAlice,1.0\n"
    assert fake_slack.last("files.completeUploadExternal").args["channel_id"] == "D0ALICE"


async def test_slack_limits_are_enforced(fake_slack: FakeSlack) -> None:
    client = build_client(BOT_TOKEN, fake_slack.api_url)
    long_title = {"type": "modal", "title": {"type": "plain_text", "text": "x" * 25}, "blocks": []}
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        await client.views_open(trigger_id="t", view=long_title)
    duplicate_ids = [{"type": "section", "block_id": "a", "text": {"type": "mrkdwn", "text": "x"}}] * 2
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        await client.chat_postMessage(channel="C1", text="x", blocks=duplicate_ids)
    too_many = [{"type": "divider"}] * 51
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        await client.chat_postMessage(channel="C1", text="x", blocks=too_many)
    long_section = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        await client.chat_postMessage(channel="C1", text="x", blocks=long_section)
    wrong_token = build_client("xoxb-wrong", fake_slack.api_url)
    with pytest.raises(SlackApiError, match="invalid_auth"):
        await wrong_token.auth_test()
