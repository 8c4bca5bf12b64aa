"""A hub review channel shared with another organization after it was chosen (issue 14): Slack's channel_shared
event holds it at once (case posts, updates and thread lines wait, none lost or doubled), the coordinators are
told once, and channel_unshared (or another hub channel chosen) sends what waited, in order, and says so once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from echobot.ids import Action, ProgramField
from echobot.models import OutboxState
from echobot.storage import audit, cases, held_channels, hub, outbox
from echobot.web import EVENTS_PATH
from tests.fake_slack import CLIENT_ID, CLIENT_SECRET, HUB_B, HUB_TEAM, PARTNER_TEAM, FakeSlack
from tests.harness import ADMIN, SIGNING_SECRET, Bot
from tests.scenarios import CASE, PROGRAM_CHANNEL, REVIEW_CHANNEL, at, create_program, open_program_modal, register
from tests.slack_driver import SlackDriver, blocks_text
from tests.test_connect import COORDINATOR, PAT, PAT_FORM, connect_channels, shared_program
from tests.test_hubs import install

SPECIALIST = "USPEC00001"
NEW_REVIEW = "G0HEPCHUB2"


def said(post: dict[str, Any]) -> str:
    return post["text"] + " " + blocks_text(post.get("blocks", []))


def hub_calls(bot: Bot, channel: str = REVIEW_CHANNEL) -> list[tuple[str, str]]:
    """Every message echobot put in (or changed in) the channel, in order: (method, text)."""
    return [(call.method, str(call.args.get("text", ""))) for call in bot.fake.calls
            if call.ok and call.method in ("chat.postMessage", "chat.update") and call.args.get("channel") == channel]


async def submit_case(bot: Bot, summary: str) -> int:
    await bot.driver.command(PAT, "case", channel=PROGRAM_CHANNEL)
    await bot.settle()
    reply = await bot.driver.submit(PAT, bot.fake.opened_views()[-1], {**CASE, "summary": summary})
    assert reply.text == "", reply.text
    await bot.settle()
    return max(c.id for c in await cases.of_submitter(bot.db.reader, PAT))


async def hub_with_a_posted_case(bot: Bot) -> int:
    connect_channels(bot)
    await shared_program(bot)
    await register(bot, PAT, **PAT_FORM)
    await bot.driver.command(PAT, "join Hepatitis C ECHO", channel=PROGRAM_CHANNEL)
    case_id = await submit_case(bot, "Genotype 3 with prior treatment failure")
    assert len([p for p in bot.fake.posts_to(REVIEW_CHANNEL) if not p.get("thread_ts")]) == 1
    return case_id


def share_event(channel: str = REVIEW_CHANNEL, ts: str = "1764990000.000100") -> dict[str, Any]:
    return {"type": "channel_shared", "connected_team_id": PARTNER_TEAM, "channel": channel, "event_ts": ts}


def unshare_event(channel: str = REVIEW_CHANNEL, *, still_shared: bool = False) -> dict[str, Any]:
    return {"type": "channel_unshared", "previously_connected_team_id": PARTNER_TEAM, "channel": channel,
            "is_ext_shared": still_shared, "event_ts": "1764990500.000200"}  # fmt: skip


async def test_a_hub_channel_shared_later_holds_its_messages_until_unshared_and_tells_once(bot: Bot) -> None:
    first = await hub_with_a_posted_case(bot)
    before = hub_calls(bot)
    bot.fake.share(REVIEW_CHANNEL)
    reply = await bot.driver.event(share_event(), event_id="EvSHARE1")
    assert reply.status == 200
    await bot.driver.event(share_event(), event_id="EvSHARE1", retry_num=1)  # Slack retries the delivery
    await bot.driver.event(share_event(ts="1764990100.000100"), event_id="EvSHARE2")  # a second organization
    await bot.settle()
    [notice] = bot.fake.posts_to(COORDINATOR)
    text = said(notice)
    assert f"<#{REVIEW_CHANNEL}>" in text and "shared with another organization" in text
    assert "stopped posting there" in text and "/echo program edit Hepatitis C ECHO" in text
    assert "private and stop sharing it" in text and "Genotype" not in text
    # the specialist claims the first case; Pat presents a second one: nothing reaches the shared channel
    reply = await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(first), channel=REVIEW_CHANNEL)
    assert reply.status == 200
    await bot.settle()
    second = await submit_case(bot, "Cirrhosis and a question on ribavirin")
    assert hub_calls(bot) == before
    waiting = await outbox.get(bot.db.reader, f"case:{second}:hub")
    assert waiting is not None and waiting.state is OutboxState.PENDING
    assert len(bot.fake.posts_to(COORDINATOR)) == 1  # told once: no notice per case either
    # the channel is made internal again, and Slack says so (twice): everything goes out once, in order
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", private=True)
    await bot.driver.event(unshare_event(), event_id="EvUNSHARE1")
    await bot.driver.event(unshare_event(), event_id="EvUNSHARE1", retry_num=1)
    await bot.settle()
    after = hub_calls(bot)[len(before):]
    assert [method for method, _ in after] == ["chat.update", "chat.postMessage", "chat.postMessage",
                                               "chat.postMessage"], after  # fmt: skip
    assert f"Case #{second}" in after[2][1]  # the claim's update and thread line first, then the new case (+ line)
    notices = bot.fake.posts_to(COORDINATOR)
    assert len(notices) == 2 and "posts there again" in said(notices[1]) and "4 message(s)" in said(notices[1])
    await bot.driver.event(unshare_event(), event_id="EvUNSHARE2")
    await bot.settle()
    assert len(bot.fake.posts_to(COORDINATOR)) == 2 and len(hub_calls(bot)) == len(before) + 4
    actions = [entry.action for entry in await audit.recent(bot.db.reader, action_prefix="hub_channel.")]
    assert actions == ["hub_channel.resumed", "hub_channel.held"]


async def test_a_share_found_by_the_post_check_holds_the_channel_and_tells_once(bot: Bot) -> None:
    """Slack's channel_shared did not reach echobot: the check before the next hub post or update finds the channel
    shared and holds it as the event would; thread lines and later cases wait too, and the coordinators hear once."""
    first = await hub_with_a_posted_case(bot)
    before = hub_calls(bot)
    bot.fake.share(REVIEW_CHANNEL)  # and no event
    await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(first), channel=REVIEW_CHANNEL)
    await bot.settle()
    second = await submit_case(bot, "Cirrhosis and a question on ribavirin")
    await at(bot, bot.clock.now() + timedelta(minutes=15))
    assert hub_calls(bot) == before  # neither the update, nor its thread line, nor the new case
    [notice] = bot.fake.posts_to(COORDINATOR)
    assert f"Case #{first}" in notice["text"] and "stopped posting there" in said(notice)
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", private=True)
    await bot.driver.event(unshare_event())
    await bot.settle()
    after = hub_calls(bot)[len(before):]
    assert [method for method, _ in after][:2] == ["chat.update", "chat.postMessage"]
    assert any(f"Case #{second}" in text for _, text in after)
    assert len(bot.fake.posts_to(COORDINATOR)) == 2


async def test_a_missed_unshare_is_found_by_asking_slack_again(bot: Bot) -> None:
    """channel_unshared never arrived (echobot was down past Slack's retries): the periodic recheck finds the
    channel private and internal again and sends what waited."""
    await hub_with_a_posted_case(bot)
    bot.fake.share(REVIEW_CHANNEL)
    await bot.driver.event(share_event())
    await bot.settle()
    second = await submit_case(bot, "Cirrhosis and a question on ribavirin")
    await at(bot, bot.clock.now() + timedelta(minutes=10))  # still shared: still held
    assert not any(f"Case #{second}" in text for _, text in hub_calls(bot))
    bot.fake.add_channel(REVIEW_CHANNEL, "hepc-hub", private=True)  # unshared, and Slack's event lost
    await at(bot, bot.clock.now() + timedelta(minutes=10))
    assert any(f"Case #{second}" in text for _, text in hub_calls(bot))
    notices = bot.fake.posts_to(COORDINATOR)
    assert len(notices) == 2 and "posts there again" in said(notices[1])


async def test_still_shared_with_another_organization_stays_held(bot: Bot) -> None:
    await hub_with_a_posted_case(bot)
    bot.fake.share(REVIEW_CHANNEL)
    await bot.driver.event(share_event())
    await bot.settle()
    second = await submit_case(bot, "Cirrhosis and a question on ribavirin")
    await bot.driver.event(unshare_event(still_shared=True))  # one of two partner organizations left
    await bot.settle()
    assert not any(f"Case #{second}" in text for _, text in hub_calls(bot))
    assert len(bot.fake.posts_to(COORDINATOR)) == 1


async def test_a_shared_program_channel_is_not_held(bot: Bot) -> None:
    await hub_with_a_posted_case(bot)
    await bot.driver.event(share_event(PROGRAM_CHANNEL))  # program channels may be Slack Connect channels
    await bot.settle()
    assert bot.fake.posts_to(COORDINATOR) == []
    reply = await bot.driver.command(ADMIN, "program list", channel=PROGRAM_CHANNEL)
    assert reply.status == 200
    second = await submit_case(bot, "Cirrhosis and a question on ribavirin")
    assert any(f"Case #{second}" in text for _, text in hub_calls(bot))


async def test_choosing_another_hub_channel_sends_the_cases_that_waited_there(bot: Bot) -> None:
    await hub_with_a_posted_case(bot)
    bot.fake.share(REVIEW_CHANNEL)
    await bot.driver.event(share_event())
    await bot.settle()
    second = await submit_case(bot, "Cirrhosis and a question on ribavirin")
    bot.fake.add_channel(NEW_REVIEW, "hepc-hub-internal", private=True)
    view = await open_program_modal(bot, user=COORDINATOR, text="program edit Hepatitis C ECHO")
    reply = await bot.driver.submit(COORDINATOR, view, {ProgramField.REVIEW_CHANNEL: NEW_REVIEW})
    assert reply.json.get("response_action") == "update", reply.text
    await bot.settle()
    [post] = [p for p in bot.fake.posts_to(NEW_REVIEW) if not p.get("thread_ts")]
    assert f"Case #{second}" in said(post)
    assert not any(f"Case #{second}" in text for _, text in hub_calls(bot))
    moved = [p for p in bot.fake.posts_to(COORDINATOR) if "go there now" in said(p)]
    assert len(moved) == 1 and "1 case(s)" in said(moved[0])


async def test_another_hubs_events_neither_hold_nor_release_a_hubs_channel(
    tmp_path: Path, fake_slack: FakeSlack, clock: Any, backend: Any
) -> None:
    """Many workspaces: an event from hub B naming hub A's review channel changes nothing of hub A's."""
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock, SLACK_BOT_TOKEN="", ECHOBOT_ADMINS="",
                    SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET).start()  # fmt: skip
    other = SlackDriver(bot.base_url + EVENTS_PATH, SIGNING_SECRET, fake_slack, team=HUB_B)
    try:
        assert await install(bot, HUB_TEAM, "ECHO Hub", ADMIN) == 200
        fake_slack.add_member("UBHUBADM01", "Bea Bauer", HUB_B)
        assert await install(bot, HUB_B, "Hub B Health", "UBHUBADM01") == 200
        with hub.scope(HUB_TEAM):
            await create_program(bot)
        await other.event(share_event(), event_id="EvBSHARE1")
        await bot.settle()
        with hub.scope(HUB_TEAM):
            assert await held_channels.episode(bot.db.reader, REVIEW_CHANNEL) is None
        assert bot.fake.posts_to(COORDINATOR) == []
        await bot.driver.event(share_event(), event_id="EvASHARE1")
        await other.event(unshare_event(), event_id="EvBUNSHARE1")
        await bot.settle()
        with hub.scope(HUB_TEAM):
            assert await held_channels.episode(bot.db.reader, REVIEW_CHANNEL) is not None  # still held
        [notice] = bot.fake.posts_to(COORDINATOR)
        assert "shared with another organization" in said(notice)
    finally:
        await other.close()
        await bot.stop()
