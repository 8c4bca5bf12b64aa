"""Coordinators' digests end to end: the figures on a seeded database, the weekly schedule across
restarts and downtime, the on-demand command and who may use it, the chart."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from echobot.clock import FrozenClock
from echobot.ids import ProgramField
from echobot.services.digests import DigestSchedule
from echobot.storage.codec import to_db
from tests.fake_slack import FakeSlack
from tests.harness import ADMIN, Bot
from tests.scenarios import create_program, register
from tests.slack_driver import blocks_text

COORD = "UPCOORD001"  # the program coordinator in tests.scenarios.PROGRAM
MONDAY = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)  # Monday 08:00 in New York, the hub's zone
NY = ZoneInfo("America/New_York")


def at_local(day: int, hour: int = 12) -> datetime:
    """A moment in November 2026, UTC."""
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


async def seed(bot: Bot) -> dict[str, int]:
    """Known figures for the week Nov 23 13:00 to Nov 30 13:00 UTC (see the assertions)."""
    people = [  # user, credential, role, registered, joined
        ("UP1", "MD", "participant", at_local(25), at_local(25)),
        ("UP2", "NP", "participant", at_local(26), at_local(26)),
        ("UP3", "NP", "participant", at_local(27), None),
        ("UP4", "MD", "participant", at_local(10), at_local(10)),
        ("UP5", "RN", "observer", at_local(28), at_local(28)),
        ("UP6", "RN", "observer", at_local(3), at_local(3)),
    ]
    async with bot.db.transaction() as tx:
        program_id = int(await tx.scalar("SELECT id FROM programs"))
        for user, credential, role, registered, joined in people:
            await tx.execute(
                "INSERT INTO providers (user_id, name, credential, discipline, organization, state, county, email,"
                " role, registered_at, updated_at) VALUES (?, ?, ?, 'Family medicine', ?, 'NM', 'Sierra', ?, ?, ?, ?)",
                (user, f"Provider {user}", credential, f"Clinic {user}", f"{user.lower()}@example.org", role,
                 to_db(registered), to_db(registered)),
            )  # fmt: skip
            if joined is not None:
                await tx.execute("INSERT INTO program_members (program_id, user_id, joined_at) VALUES (?, ?, ?)",
                                 (program_id, user, to_db(joined)))  # fmt: skip
        sessions = {row[0]: row[1] for row in await tx.fetchall("SELECT occurrence, id FROM sessions")}
        s10, s17, s24, dec1 = (sessions[d] for d in ("2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01"))
        await tx.execute("UPDATE sessions SET topic = 'HCV in pregnancy', presenter = 'Dr. Rivera' WHERE id = ?",
                         (dec1,))  # fmt: skip
        await tx.execute("UPDATE sessions SET topic = 'Cirrhosis care' WHERE id = ?", (s24,))
        # attendance: (session, user, present, checked in); Nov 24: 4 checked in, 1 added, 1 removed
        attendance = [(s10, u, 1, True) for u in ("UP1", "UP2", "UP4")]
        attendance += [(s17, u, 1, True) for u in ("UP1", "UP2", "UP3", "UP4")]
        attendance += [(s24, u, 1, True) for u in ("UP1", "UP2", "UP3", "UP4")]
        attendance += [(s24, "UP5", 1, False), (s24, "UP6", 0, False)]
        for session, user, present, checked in attendance:
            await tx.execute("INSERT INTO attendance (session_id, user_id, present, checked_in_at) VALUES (?, ?, ?, ?)",
                             (session, user, present, to_db(at_local(24, 19)) if checked else None))  # fmt: skip
        for user, change in (("UP5", "add"), ("UP6", "remove")):
            await tx.execute("INSERT INTO attendance_changes (session_id, user_id, change, actor, reason, at)"
                             " VALUES (?, ?, ?, ?, 'video report', ?)", (s24, user, change, COORD,
                                                                          to_db(at_local(24, 21))))  # fmt: skip
        # evaluations: (session, user, overall, relevance, objectives, intent, change plan, suggestion, quarters, type)
        nursing, physician = "Nursing contact hours", "AMA PRA Category 1 Credit™"
        evaluations = [(s10, u, 4, 4, "yes", "no", None, None, 4, nursing) for u in ("UP1", "UP2")]
        evaluations += [(s17, u, 4, 4, "yes", "no", None, None, 4, nursing) for u in ("UP1", "UP2", "UP3", "UP4")]
        evaluations += [
            (s24, "UP1", 5, 4, "yes", "yes", "Start DAAs before referral.", None, 4, physician),
            (s24, "UP2", 4, 4, "partly", "no", None, "More on decompensated cirrhosis.", 4, nursing),
            (s24, "UP3", 3, 5, "yes", "yes", "Screen every diabetic patient with FIB-4.", None, 3, nursing),
        ]
        for session, user, overall, relevance, objectives, intent, plan, suggestion, quarters, kind in evaluations:
            evaluation_id = await tx.insert(
                "INSERT INTO evaluations (session_id, user_id, overall, relevance, objectives_met, intent_to_change,"
                " change_plan, bias_free, suggestions, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (session, user, overall, relevance, objectives, intent, plan, suggestion, to_db(at_local(25))),
            )
            await tx.execute(
                "INSERT INTO credits (evaluation_id, session_id, user_id, credit_type, quarters, without_check_in,"
                " awarded_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
                (evaluation_id, session, user, kind, quarters, to_db(at_local(25))),
            )
        # cases: (state, submitted, session)
        cases = [
            ("submitted", at_local(25), None),  # new, waiting
            ("in_review", at_local(26), None),  # new
            ("scheduled", at_local(27), dec1),  # new, on the next agenda
            ("submitted", at_local(12, 13), None),  # waiting for 18 days: the oldest
            ("recommendations_sent", at_local(5), None),
            ("needs_info", at_local(6), None),
            ("closed", at_local(4), None),
        ]
        ids = []
        for number, (state, submitted, session) in enumerate(cases):
            ids.append(await tx.insert(
                "INSERT INTO cases (program_id, submitter, submission_key, summary, question, age_band, sex, urgency,"
                " session_id, state, submitted_at, updated_at) VALUES (?, 'UP1', ?, ?, 'What next?', '50–59', 'male',"
                " 'routine', ?, ?, ?, ?)",
                (program_id, f"seed-{number}", f"Genotype 3 with compensated cirrhosis ({number})", session, state,
                 to_db(submitted), to_db(submitted)),
            ))  # fmt: skip
        for case_id, action, moment in (
            (ids[4], "recommend", at_local(28)),
            (ids[6], "followup", at_local(29)),
            (ids[6], "recommend", at_local(2)),
        ):  # the last one is before the week
            await tx.execute("INSERT INTO case_events (case_id, actor, action, to_state, at) VALUES (?, ?, ?, ?, ?)",
                             (case_id, "USPEC00001", action, "closed", to_db(moment)))  # fmt: skip
        await tx.execute("UPDATE sessions SET status = 'ended', ended_at = NULL WHERE id IN (?, ?, ?)", (s10, s17, s24))
    return {"program": program_id, "dec1": dec1, "scheduled_case": ids[2]}


def digests_to(bot: Bot, target: str) -> list[dict[str, Any]]:
    return [p for p in bot.fake.posts_to(target) if "digest" in p["text"]]


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", content[16:24])
    return width, height


def uploads_to(bot: Bot, channel: str) -> list[bytes]:
    found = []
    for call in bot.fake.calls_to("files.completeUploadExternal"):
        if call.args.get("channel_id") != channel:
            continue
        files = call.args["files"]
        if isinstance(files, str):
            import json

            files = json.loads(files)
        found += [bot.fake.uploads[f["id"]] for f in files]
    return found


async def test_the_weekly_digest_shows_the_weeks_figures(bot: Bot, tmp_path: Path) -> None:
    await create_program(bot)
    await seed(bot)
    bot.clock.set(MONDAY - timedelta(minutes=1))
    await bot.runtime.tick()  # type: ignore[union-attr]
    [late] = digests_to(bot, COORD)  # last week's, missed while the clock jumped: sent late, once
    assert "Sent late" in blocks_text(late["blocks"])
    bot.clock.set(MONDAY)
    await bot.runtime.tick()  # type: ignore[union-attr]
    [_, digest] = digests_to(bot, COORD)
    shown = blocks_text(digest["blocks"])
    assert "Hepatitis C ECHO: digest" in shown and "Sent late" not in shown
    # people: joined this week UP1, UP2 (participants) and UP5 (observer); registered UP1-3, UP5
    assert "Joined the program this week: 3 (2 participants, 1 observer)" in shown
    assert "New registrations with the hub this week: 4 (3 participants, 1 observer)" in shown
    # the case pipeline
    for label, value in (("New this week", "3"), ("In review", "1"), ("Waiting for the presenter", "1"),
                         ("Scheduled", "1"), ("Recommendations sent this week", "1"),
                         ("Follow-ups answered this week", "1")):  # fmt: skip
        assert f"*{label}*\n{value}" in shown, label
    assert "*Waiting for triage*\n2\n:warning: *oldest 18 days*" in shown
    # the next session and its agenda
    assert "Topic: HCV in pregnancy" in shown and "Presenter: Dr. Rivera" in shown
    assert "Genotype 3 with compensated cirrhosis (2) (Clinic UP1)" in shown
    assert "Open case slots: *1* of 2" in shown
    # the last session: 5 present (4 checked in, 1 added, 1 removed), 3 evaluations
    assert "Cirrhosis care" in shown
    assert "*Attended*\n5 (4 checked in; coordinators added 1, removed 1)" in shown
    assert "*Evaluations completed*\n3 of 5 (60%)" in shown
    assert "*Average rating*\n4.0 / 5" in shown and "*Didactic relevance*\n4.3 / 5" in shown
    assert "*Objectives met*\n2 of 3 (67%)" in shown and "*Intend to change practice*\n2 of 3 (67%)" in shown
    assert "AMA PRA Category 1 Credit™: 1 person, 1 h" in shown and "Nursing contact hours: 2 people, 1.75 h" in shown
    # comments, with names (ratings are not anonymous in this program)
    assert "Start DAAs before referral." in shown and "<@UP1>" in shown
    assert "More on decompensated cirrhosis." in shown and "Screen every diabetic patient" in shown
    # the chart beside it, in the same conversation
    chart = uploads_to(bot, "D" + COORD[1:])[-1]
    width, height = png_size(chart)
    assert (width, height) == (800, 340) and 8_000 < len(chart) < 150_000
    (tmp_path.parent / "digest-chart.png").write_bytes(chart)  # kept for a look by eye


async def test_comments_are_anonymous_when_the_program_says_so(bot: Bot) -> None:
    await create_program(bot)
    ids = await seed(bot)
    async with bot.db.transaction() as tx:
        await tx.execute("UPDATE programs SET anonymous_ratings = 1 WHERE id = ?", (ids["program"],))
    bot.clock.set(MONDAY)
    await bot.runtime.tick()  # type: ignore[union-attr]
    shown = blocks_text(digests_to(bot, COORD)[-1]["blocks"])
    assert "Evaluation comments* (anonymous)" in shown and "Start DAAs before referral." in shown
    assert "<@UP" not in shown and "Provider UP" not in shown


async def test_weekly_digest_is_sent_once_across_restarts_and_late_after_downtime(bot: Bot) -> None:
    await create_program(bot)
    bot.clock.set(datetime(2026, 11, 9, 13, 0, tzinfo=UTC))  # Monday 08:00 EST
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert len(digests_to(bot, COORD)) == 1
    await bot.restart()
    bot.clock.set(datetime(2026, 11, 9, 13, 30, tzinfo=UTC))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert len(digests_to(bot, COORD)) == 1  # not again after the restart
    # the week's first session has not ended: the digest says so rather than showing zeros
    shown = blocks_text(digests_to(bot, COORD)[0]["blocks"])
    assert "No session has ended yet." in shown and "chart appears once two sessions have ended" in shown
    assert uploads_to(bot, "D" + COORD[1:]) == []  # no chart of fewer than two sessions
    # echobot is down over the next Monday; it comes back on Wednesday: sent once, late, marked as late
    await bot.stop()
    bot.clock.set(datetime(2026, 11, 18, 15, 0, tzinfo=UTC))
    await bot.start()
    await bot.runtime.tick()  # type: ignore[union-attr]
    sent = digests_to(bot, COORD)
    assert len(sent) == 2 and "Sent late" in blocks_text(sent[-1]["blocks"])
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert len(digests_to(bot, COORD)) == 2
    # down for two whole weeks: only the latest week's digest goes out
    await bot.stop()
    bot.clock.set(datetime(2026, 12, 8, 12, 0, tzinfo=UTC))  # Tuesday, after Mondays Nov 23, Nov 30, Dec 7
    await bot.start()
    await bot.runtime.tick()  # type: ignore[union-attr]
    sent = digests_to(bot, COORD)
    week_from = int(datetime(2026, 11, 30, 13, 0, tzinfo=UTC).timestamp())  # the Dec 7 digest's week
    assert len(sent) == 3 and f"The week from <!date^{week_from}^" in blocks_text(sent[-1]["blocks"])


async def test_a_digest_channel_gets_every_programs_digest(tmp_path: Path, fake_slack: FakeSlack) -> None:
    clock = FrozenClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock, ECHOBOT_DIGEST_CHANNEL="C0COORDS",
                    ECHOBOT_DIGEST_DAY="tuesday", ECHOBOT_DIGEST_TIME="07:30").start()  # fmt: skip
    try:
        fake_slack.add_channel("C0COORDS", "echo-coordinators")
        await create_program(bot)
        clock.set(datetime(2026, 11, 3, 12, 29, tzinfo=UTC))  # Tuesday 07:29 EST
        await bot.runtime.tick()  # type: ignore[union-attr]
        assert digests_to(bot, "C0COORDS") == []
        clock.set(datetime(2026, 11, 3, 12, 30, tzinfo=UTC))
        await bot.runtime.tick()  # type: ignore[union-attr]
        assert len(digests_to(bot, "C0COORDS")) == 1 and digests_to(bot, COORD) == []
    finally:
        await bot.stop()


async def test_programs_without_coordinators_send_to_the_hub_coordinators(bot: Bot) -> None:
    await create_program(bot)
    async with bot.db.transaction() as tx:
        await tx.execute("DELETE FROM program_staff WHERE role = 'coordinator'")
    bot.clock.set(datetime(2026, 11, 9, 13, 0, tzinfo=UTC))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert len(digests_to(bot, ADMIN)) == 1 and digests_to(bot, COORD) == []


async def test_digest_on_demand_for_coordinators_only(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, "UALICE0001")
    reply = await bot.driver.command("UALICE0001", "digest")
    assert "Only coordinators can use `/echo digest`" in reply.message_text
    reply = await bot.driver.command("USPEC00001", "digest Hepatitis C ECHO")
    assert "Only coordinators can use `/echo digest`" in reply.message_text
    await bot.settle()
    assert digests_to(bot, "UALICE0001") == [] and digests_to(bot, "USPEC00001") == []

    reply = await bot.driver.command(COORD, "digest Opioid ECHO")
    assert "no active program called “Opioid ECHO”" in reply.message_text
    reply = await bot.driver.command(COORD, "digest hepatitis c echo")
    assert "Sending the digest of *Hepatitis C ECHO* to your direct messages." in reply.message_text
    await bot.settle()
    [digest] = digests_to(bot, COORD)
    assert "Hepatitis C ECHO: digest" in blocks_text(digest["blocks"])
    # a hub coordinator gets every program's; a program coordinator cannot ask for another's
    await create_program(bot, **{ProgramField.NAME: "Opioid ECHO", ProgramField.COORDINATORS: []})
    reply = await bot.driver.command(COORD, "digest Opioid ECHO")
    assert "You do not coordinate *Opioid ECHO*." in reply.message_text
    reply = await bot.driver.command(ADMIN, "digest")
    assert "Sending the digest of *your 2 programs*" in reply.message_text
    await bot.settle()
    assert len(digests_to(bot, ADMIN)) == 2
    rows = await bot.db.reader.fetchall("SELECT actor, action FROM audit_log WHERE action = 'digest.request'")
    assert [tuple(r) for r in rows] == [(COORD, "digest.request"), (ADMIN, "digest.request")]


def test_the_digest_moment_keeps_local_time_across_daylight_saving() -> None:
    schedule = DigestSchedule(NY, 0, time(8, 0))
    before = schedule.last(datetime(2026, 10, 27, 12, 0, tzinfo=UTC))  # Tuesday before the change
    assert before == datetime(2026, 10, 26, 12, 0, tzinfo=UTC)  # 08:00 EDT
    after = schedule.following(before)
    assert after == datetime(2026, 11, 2, 13, 0, tzinfo=UTC)  # 08:00 EST, one week on
    assert schedule.last(after) == after and schedule.last(after - timedelta(seconds=1)) == before


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)),
       st.integers(0, 6), st.times())  # fmt: skip
def test_the_last_moment_is_the_latest_weekly_moment_not_after_now(now: datetime, weekday: int, at: time) -> None:
    schedule = DigestSchedule(NY, weekday, at.replace(tzinfo=None))
    last = schedule.last(now)
    assert last <= now < schedule.following(last) + timedelta(hours=1)  # a DST gap may move it an hour
    assert last.astimezone(NY).weekday() == weekday
    assert now - last < timedelta(days=7, hours=1)


async def test_changing_the_digest_day_sends_no_extra_digest(tmp_path: Path, fake_slack: FakeSlack) -> None:
    """Found by review: next week's row, planned for Monday, went out after the day became Wednesday."""
    clock = FrozenClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    await create_program(bot)
    clock.set(datetime(2026, 11, 9, 13, 0, tzinfo=UTC))  # Monday 08:00
    await bot.runtime.tick()  # type: ignore[union-attr]
    await bot.stop()
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock, ECHOBOT_DIGEST_DAY="wednesday").start()
    try:
        for day in (10, 11, 12, 16, 17):
            clock.set(datetime(2026, 11, day, 13, 30, tzinfo=UTC))
            await bot.runtime.tick()  # type: ignore[union-attr]
        # Monday 9 (before the change), Wednesday 11; not Monday 16
        assert len(digests_to(bot, COORD)) == 2
    finally:
        await bot.stop()


async def test_a_long_agenda_fits_slacks_limits_and_archived_programs_get_none(bot: Bot) -> None:
    await create_program(bot, **{ProgramField.CASE_SLOTS: "10"})
    long_summary = "Genotype 3 with compensated cirrhosis, prior sofosbuvir failure, eGFR 28 " * 4
    async with bot.db.transaction() as tx:
        program_id = int(await tx.scalar("SELECT id FROM programs"))
        session_id = int(await tx.scalar("SELECT id FROM sessions WHERE occurrence = '2026-11-10'"))
        await tx.execute(
            "INSERT INTO providers (user_id, name, credential, discipline, organization, state, county, email, role,"
            " registered_at, updated_at) VALUES ('UP1', 'P', 'MD', 'FM', ?, 'NM', 'Sierra', 'p@example.org',"
            " 'participant', ?, ?)",
            ("Valley Community Health Center and Rural Outreach Clinic Network " * 3, to_db(MONDAY), to_db(MONDAY)),
        )
        for n in range(10):
            await tx.execute(
                "INSERT INTO cases (program_id, submitter, submission_key, summary, age_band, sex, urgency,"
                " session_id, state, submitted_at, updated_at) VALUES (?, 'UP1', ?, ?, '50–59', 'male', 'routine',"
                " ?, 'scheduled', ?, ?)",
                (program_id, f"k{n}", long_summary, session_id, to_db(MONDAY), to_db(MONDAY)),
            )
    reply = await bot.driver.command(COORD, "digest Hepatitis C ECHO")
    assert "Sending the digest" in reply.message_text
    await bot.settle()
    [digest] = digests_to(bot, COORD)  # the fake refuses what Slack would refuse (section text over 3,000)
    shown = blocks_text(digest["blocks"])
    assert shown.count("• Case #") == 10 and "Open case slots: *0* of 10" in shown
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in digest["blocks"])
    await bot.driver.command(ADMIN, "program archive Hepatitis C ECHO")
    await bot.settle()
    bot.clock.set(datetime(2026, 11, 9, 13, 0, tzinfo=UTC))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert len(digests_to(bot, COORD)) == 1


async def test_a_weekly_digest_covers_the_week_since_the_last_one_across_daylight_saving(bot: Bot) -> None:
    """Found by review: 7 x 24 hours back from 08:00 EST on Nov 2 is 07:00 EDT: an hour counted in no week."""
    bot.clock.set(datetime(2026, 10, 20, 14, 0, tzinfo=UTC))
    await create_program(bot)
    bot.clock.set(datetime(2026, 11, 2, 13, 0, tzinfo=UTC))  # Monday 08:00 EST; the last was 08:00 EDT
    await bot.runtime.tick()  # type: ignore[union-attr]
    shown = blocks_text(digests_to(bot, COORD)[-1]["blocks"])
    previous = int(datetime(2026, 10, 26, 12, 0, tzinfo=UTC).timestamp())
    assert f"The week from <!date^{previous}^" in shown
