"""Session materials (issue 17), end to end through signed Slack requests: a coordinator attaches the slides and the
recording link, the one reply in the session's thread is updated when the link changes; the presenter may, another
provider may not; `/echo sessions` and Home list them; the evaluation DM carries the links (and is updated when they
come after it was sent); a bad link is refused on its field."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from echobot.ids import Action, Callback, MaterialsField
from echobot.storage import audit, outbox
from echobot.storage import materials as materials_repo
from tests.harness import ADMIN, Bot
from tests.scenarios import ALICE, FIRST_END, FIRST_START, PROGRAM_CHANNEL, at, create_program, register
from tests.slack_driver import blocks_text
from tests.test_what_people_see import home_of, present_and_schedule

BOB = "UBOB000001"
RECORDING = "https://zoom.us/rec/share/Xy7_kQ2pLm81234567.AbCdEf"
NEW_RECORDING = "https://iecho.example.org/recordings/hepc-2026-11-10"


async def attended(bot: Bot) -> None:
    """Alice (registered, joined) checks in to the first session, which ends: her evaluation DM goes out."""
    await create_program(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(minutes=1))


async def open_materials(bot: Bot, user: str = ADMIN) -> dict[str, Any]:
    before = len(bot.fake.opened_views())
    reply = await bot.driver.command(user, "session materials", channel=PROGRAM_CHANNEL)
    assert reply.status == 200, reply.text
    await bot.settle()
    assert len(bot.fake.opened_views()) == before + 1, reply.text
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.MATERIALS_VIEW
    return view


async def submit(bot: Bot, view: dict[str, Any], *, user: str = ADMIN, slides: bytes | None = None,
                 recording: str | None = None, view_id: str = "VMATS0001", **more: Any) -> Any:  # fmt: skip
    values: dict[str, Any] = dict(more)
    if slides is not None:
        values[MaterialsField.SLIDES] = [bot.fake.attach_file(user, "hepc-didactic.pdf", slides, filetype="pdf")]
    if recording is not None:
        values[MaterialsField.RECORDING] = recording
    reply = await bot.driver.submit(user, {**view, "id": view_id}, values)
    await bot.settle()
    return reply


def thread_replies(bot: Bot) -> list[dict[str, Any]]:
    return [p for p in bot.fake.posts_to(PROGRAM_CHANNEL) if p.get("thread_ts") and "Materials" in p["text"]]


def shared_slides(bot: Bot) -> str:
    """The link of the slides' copy echobot shared into the program channel (the latest)."""
    [*_, last] = [f for f in bot.fake.shared_files.values() if PROGRAM_CHANNEL in f.get("channels", [])]
    return str(last["permalink"])


def updates_of(bot: Bot, channel: str, ts: str) -> list[dict[str, Any]]:
    return [c.args for c in bot.fake.calls_to("chat.update") if c.args.get("channel") == channel
            and c.args.get("ts") == ts]  # fmt: skip


async def test_a_coordinator_attaches_slides_and_link_and_the_thread_reply_is_updated_in_place(bot: Bot) -> None:
    await attended(bot)
    [prompt] = [p for p in bot.fake.posts_to(ALICE) if "Evaluate the session" in p["text"]]
    assert "Session materials" not in blocks_text(prompt["blocks"])  # built when sent: none yet
    prompt_call = next(c for c in bot.fake.calls_to("chat.postMessage") if c.args is prompt)
    view = await open_materials(bot)
    shown = blocks_text(view["blocks"])
    assert "Hepatitis C ECHO" in shown and "must not contain patient identifiers" in shown
    [file_block] = [b for b in view["blocks"] if b.get("block_id") == MaterialsField.SLIDES]
    assert file_block["element"]["type"] == "file_input" and "pdf" in file_block["element"]["filetypes"]

    reply = await submit(bot, view, slides=b"%PDF-1.4 slides", recording=RECORDING)
    assert reply.json["response_action"] == "update", reply.text
    assert "are saved" in blocks_text(reply.json["view"]["blocks"])
    saved = await materials_repo.get(bot.db.reader, 1)
    assert saved is not None and saved.version == 1 and saved.recording_url == RECORDING
    assert saved.slides_name == "hepc-didactic.pdf" and saved.slides_permalink.startswith("https://")  # type: ignore[union-attr]
    # the slides are shared into the session's thread (a file attached in a form is its uploader's alone), then
    # one reply there, with both links: the slides' link is that shared copy
    live = await outbox.get(bot.db.reader, "session:1:live")
    assert live is not None
    [share] = [c for c in bot.fake.calls_to("files.completeUploadExternal") if c.args["channel_id"] == PROGRAM_CHANNEL]
    assert share.args["thread_ts"] == live.slack_ts and "Slides of the Hepatitis C ECHO session" in share.args[
        "initial_comment"]  # fmt: skip
    shared = shared_slides(bot)
    assert shared != saved.slides_permalink and bot.fake.uploads[shared.split("/")[-2]] == b"%PDF-1.4 slides"
    [thread] = thread_replies(bot)
    assert thread["thread_ts"] == live.slack_ts  # in the session post's thread
    text = blocks_text(thread["blocks"])
    assert f"<{shared}|Slides>" in text and f"<{RECORDING}|Recording>" in text
    # the evaluation DM, sent before, is updated in place with the links
    dm, ts = prompt_call.response["channel"], prompt_call.response["ts"]
    [updated] = updates_of(bot, dm, ts)
    assert f"<{RECORDING}|Recording>" in blocks_text(updated["blocks"]) and "Evaluate" in blocks_text(updated["blocks"])
    assert f"<{shared}|Slides>" in blocks_text(updated["blocks"])

    # the link changes (the slides stay): the same reply is updated, no new one
    reply = await submit(bot, await open_materials(bot), recording=NEW_RECORDING, view_id="VMATS0002")
    assert reply.json["response_action"] == "update", reply.text
    assert len(thread_replies(bot)) == 1
    posted = next(c for c in bot.fake.calls_to("chat.postMessage") if c.args is thread)
    [changed] = updates_of(bot, PROGRAM_CHANNEL, posted.response["ts"])
    now_shown = blocks_text(changed["blocks"])
    assert f"<{NEW_RECORDING}|Recording>" in now_shown and "|Slides>" in now_shown and RECORDING not in now_shown
    assert len(updates_of(bot, dm, ts)) == 2
    current = await materials_repo.get(bot.db.reader, 1)
    assert current is not None and current.version == 2 and current.slides_file_id == saved.slides_file_id
    entries = await audit.recent(bot.db.reader, action_prefix="session.materials")
    assert [e.actor for e in entries] == [ADMIN, ADMIN] and entries[0].detail["recording"] == NEW_RECORDING  # type: ignore[index]

    # /echo sessions lists the past session's materials; so does Home
    listing = await bot.driver.command(ALICE, "sessions", channel=PROGRAM_CHANNEL)
    listed = blocks_text(listing.json["blocks"])
    assert "Past sessions' materials" in listed and f"<{NEW_RECORDING}|Recording>" in listed and "|Slides>" in listed
    home = blocks_text((await home_of(bot, ALICE))["blocks"])
    assert "Past sessions' materials" in home and "|Slides> · <" in home


async def test_the_evaluation_dm_carries_materials_attached_before_it_was_sent(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    reply = await submit(bot, await open_materials(bot), recording=RECORDING)
    assert reply.json["response_action"] == "update", reply.text
    await at(bot, FIRST_END + timedelta(minutes=1))
    [prompt] = [p for p in bot.fake.posts_to(ALICE) if "Evaluate the session" in p["text"]]
    assert f"*Session materials:* <{RECORDING}|Recording>" in blocks_text(prompt["blocks"])
    assert len(thread_replies(bot)) == 1


async def test_the_presenter_may_attach_materials_and_another_provider_is_refused(bot: Bot) -> None:
    await present_and_schedule(bot)  # Alice's case is on the first session's agenda
    await register(bot, BOB, name="Bob Ortiz", email="bob@ortiz.example.org", credential="MD")
    await bot.driver.command(BOB, "join Hepatitis C ECHO")
    # Bob: the button answers with a refusal; the command offers no session; a forged submission is refused
    await bot.driver.click(BOB, Action.MATERIALS_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "Only the program's coordinators and the session's presenter" in bot.fake.responses[-1]["text"]
    assert bot.fake.responses[-1].get("response_type") == "ephemeral"
    bobs = await open_materials(bot, BOB)
    assert "submit" not in bobs
    assert "No recent or upcoming session" in blocks_text(bobs["blocks"])
    # Alice presents: the button opens the modal of her session
    before = len(bot.fake.opened_views())
    await bot.driver.click(ALICE, Action.MATERIALS_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert len(bot.fake.opened_views()) == before + 1
    view = bot.fake.opened_views()[-1]
    forged = await submit(bot, view, user=BOB, recording=RECORDING, view_id="VMATSBOB1")
    assert forged.json["response_action"] == "errors"
    assert MaterialsField.SESSION in forged.json["errors"]
    assert await materials_repo.get(bot.db.reader, 1) is None
    reply = await submit(bot, view, user=ALICE, slides=b"%PDF-1.4", **{MaterialsField.TITLE: "Hepatitis C in 2026"})
    assert reply.json["response_action"] == "update", reply.text
    saved = await materials_repo.get(bot.db.reader, 1)
    assert saved is not None and saved.actor == ALICE and saved.recording_url is None
    [entry] = await audit.recent(bot.db.reader, action_prefix="session.materials")
    assert entry.actor == ALICE and entry.detail is not None and entry.detail["presenter"] is True
    # attached before the session post went out: the reply waits for it, then goes in its thread
    assert thread_replies(bot) == []
    await at(bot, FIRST_START - timedelta(minutes=10))
    [thread] = thread_replies(bot)
    live = await outbox.get(bot.db.reader, "session:1:live")
    assert live is not None and thread["thread_ts"] == live.slack_ts
    assert "Hepatitis C in 2026" in blocks_text(thread["blocks"]) and "|Slides>" in blocks_text(thread["blocks"])


async def test_a_bad_recording_link_is_refused_on_its_field_and_nothing_is_saved(bot: Bot) -> None:
    await attended(bot)
    view = await open_materials(bot)
    for bad, said in (("http://zoom.us/rec/share/abc", "https://"), ("zoom recording", "https://"),
                      ("https://example.org/rec/john-smith-mrn-12345678", "Nothing was saved")):  # fmt: skip
        reply = await submit(bot, view, recording=bad, view_id=f"VBAD{len(bad)}")
        assert reply.json["response_action"] == "errors", bad
        assert said in reply.json["errors"][MaterialsField.RECORDING], bad
    file = bot.fake.attach_file(ADMIN, "maria-lopez-mrn-4471902.pdf", b"%PDF-1.4", filetype="pdf")
    named_file = await bot.driver.submit(ADMIN, {**view, "id": "VFILE001"}, {MaterialsField.SLIDES: [file]})
    assert "rename the file" in named_file.json["errors"][MaterialsField.SLIDES]
    empty = await submit(bot, view, view_id="VEMPTY01")
    assert MaterialsField.SLIDES in empty.json["errors"]
    named = await submit(bot, view, recording=RECORDING, view_id="VNAMED01",
                         **{MaterialsField.TITLE: "Maria Lopez, 54"})
    assert MaterialsField.TITLE in named.json.get("errors", {}), named.text
    assert await materials_repo.get(bot.db.reader, 1) is None and thread_replies(bot) == []
    assert await audit.recent(bot.db.reader, action_prefix="session.materials") == []


async def test_the_slides_open_for_a_member_outside_the_channel_and_for_a_partner_provider(bot: Bot) -> None:
    """A file attached in a form is its uploader's alone: echobot shares a copy into the session's thread, and
    every link people are given (thread, /echo sessions, Home, the evaluation DM) opens that copy: for a member who
    is not in the program channel, and for a Slack Connect partner provider who is."""
    from tests.fake_slack import dm_channel

    pat = "UPARTNER01"
    await create_program(bot)
    bot.fake.add_partner_user(pat, "Pat Okafor")
    bot.fake.share(PROGRAM_CHANNEL)
    bot.fake.channels[PROGRAM_CHANNEL]["members"].append(pat)  # Alice never joined the channel itself
    await register(bot, ALICE)
    await register(bot, pat, name="Pat Okafor", email="pat@partner.example.org")
    for user in (ALICE, pat):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    for user in (ALICE, pat):
        await bot.driver.click(user, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(minutes=1))
    reply = await submit(bot, await open_materials(bot), slides=b"%PDF-1.4 the didactic", recording=RECORDING)
    assert reply.json["response_action"] == "update", reply.text
    saved = await materials_repo.get(bot.db.reader, 1)
    assert saved is not None and saved.slides_permalink is not None
    # the file as attached: the coordinator's alone, nobody else could open it
    assert not bot.fake.can_open(ALICE, saved.slides_permalink) and not bot.fake.can_open(pat, saved.slides_permalink)
    shared = shared_slides(bot)
    assert bot.fake.can_open(ALICE, shared) and bot.fake.can_open(pat, shared)
    # what each of them is given
    [thread] = thread_replies(bot)
    assert f"<{shared}|Slides>" in blocks_text(thread["blocks"])
    for user in (ALICE, pat):
        listing = await bot.driver.command(user, "sessions", channel=PROGRAM_CHANNEL)
        assert f"<{shared}|Slides>" in blocks_text(listing.json["blocks"]), user
        [prompt] = [c for c in bot.fake.calls_to("chat.postMessage")
                    if c.args.get("channel") in (user, dm_channel(user)) and "Evaluate the session" in c.args["text"]]
        [updated] = updates_of(bot, prompt.response["channel"], prompt.response["ts"])
        assert f"<{shared}|Slides>" in blocks_text(updated["blocks"]), user
    home = blocks_text((await home_of(bot, ALICE))["blocks"])
    assert f"<{shared}|Slides>" in home
    # shared once: the recording changed later, the slides kept, nothing shared again
    await submit(bot, await open_materials(bot), recording=NEW_RECORDING, view_id="VMATS0002")
    assert len([c for c in bot.fake.calls_to("files.completeUploadExternal")
                if c.args["channel_id"] == PROGRAM_CHANNEL]) == 1  # fmt: skip


async def test_slides_deleted_before_they_are_shared_do_not_hold_the_channel(bot: Bot) -> None:
    """The uploader deleted the file before echobot shared it: that share fails for good at once (no retries), the
    thread reply still goes (with the file's own link) and the channel's other messages are not held up."""
    await attended(bot)
    view = await open_materials(bot)
    file = bot.fake.attach_file(ADMIN, "hepc-didactic.pdf", b"%PDF-1.4 slides", filetype="pdf")
    reply = await bot.driver.submit(ADMIN, {**view, "id": "VMATS0001"}, {MaterialsField.SLIDES: [file],
                                                                         MaterialsField.RECORDING: RECORDING})
    assert reply.json["response_action"] == "update", reply.text
    bot.fake.fail("files.info", error="file_not_found")
    await bot.settle()
    row = await outbox.get(bot.db.reader, f"session:1:materials:slides:{file['id']}")
    assert row is not None and row.state.value == "failed" and row.attempts == 1
    [thread] = thread_replies(bot)
    shown = blocks_text(thread["blocks"])
    assert f"<{file['permalink']}|Slides>" in shown and RECORDING in shown


async def test_slides_whose_shared_link_cannot_be_read_are_uploaded_once(bot: Bot) -> None:
    """The copy is in the thread but Slack fails when echobot asks for its link: the upload is not made again (a
    retry would post the slides twice); the thread reply keeps the file's own link."""
    await attended(bot)
    view = await open_materials(bot)
    file = bot.fake.attach_file(ADMIN, "hepc-didactic.pdf", b"%PDF-1.4 slides", filetype="pdf")
    complete = bot.fake._m_files_completeUploadExternal

    def completed_then_info_fails(args: dict[str, Any]) -> dict[str, Any]:
        bot.fake.fail("files.info", status=500, times=10)
        return complete(args)

    bot.fake._m_files_completeUploadExternal = completed_then_info_fails  # type: ignore[method-assign]
    reply = await bot.driver.submit(ADMIN, {**view, "id": "VMATS0001"}, {MaterialsField.SLIDES: [file],
                                                                         MaterialsField.RECORDING: RECORDING})
    assert reply.json["response_action"] == "update", reply.text
    await bot.settle()
    assert len([c for c in bot.fake.calls_to("files.completeUploadExternal")
                if c.args["channel_id"] == PROGRAM_CHANNEL]) == 1  # fmt: skip
    row = await outbox.get(bot.db.reader, f"session:1:materials:slides:{file['id']}")
    assert row is not None and row.state.value == "sent"
    [thread] = thread_replies(bot)
    assert f"<{file['permalink']}|Slides>" in blocks_text(thread["blocks"])


async def test_slides_replaced_before_they_were_shared_are_never_shared(bot: Bot) -> None:
    """A coordinator attaches the wrong file and replaces it while the first is still waiting to be shared (here
    Slack refused the first upload): only the file that replaced it reaches the program channel."""
    await attended(bot)
    bot.fake.fail("files.getUploadURLExternal", status=500, times=50)  # Slack takes no upload for now
    await submit(bot, await open_materials(bot), slides=b"%PDF-1.4 the wrong file")
    assert not [f for f in bot.fake.shared_files.values() if PROGRAM_CHANNEL in f.get("channels", [])]
    await submit(bot, await open_materials(bot), slides=b"%PDF-1.4 the didactic", view_id="VMATS0002")
    bot.fake.faults.clear()  # and now it can
    await at(bot, FIRST_END + timedelta(minutes=30))
    await bot.settle()
    shared = [f["content"] for f in bot.fake.shared_files.values() if PROGRAM_CHANNEL in f.get("channels", [])]
    assert shared == [b"%PDF-1.4 the didactic"]
