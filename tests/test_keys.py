"""Outbox keys keep their spelling byte for byte: existing databases hold them (echobot/keys.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from echobot import keys

SPELLINGS = [
    (keys.session(7), "session:7:"),
    (keys.session_jobs(7), "job:session:7:"),
    (keys.reminders(7), "session:7:remind:"),
    (keys.reminder(7, "1h"), "session:7:remind:1h"),
    (keys.reminder_post(7, "1h"), "session:7:remind:1h:post"),
    (keys.reminder_dm(7, "1h", "U1"), "session:7:remind:1h:dm:U1"),
    (keys.live(7), "session:7:live"),
    (keys.live_ended(7), "session:7:live:ended"),
    (keys.session_end(7), "session:7:end"),
    (keys.session_moved(7, "V1"), "session:7:moved:V1"),
    (keys.session_cancelled(7), "session:7:cancelled"),
    (keys.evaluate(7, "U1"), "session:7:evaluate:U1"),
    (keys.evaluation_reminders(7), "session:7:evaluation-reminders"),
    (keys.evaluation_reminder(7, "U1"), "session:7:evaluation-reminder:U1"),
    (keys.evaluated(7, "U1"), "session:7:evaluated:U1"),
    (keys.digests(3), "digest:3:"),
    (keys.digest_jobs(3), "job:digest:3"),
    (keys.weekly_digest(3, datetime(2026, 12, 7, 9, 0)), "digest:3:2026-12-07T09:00"),
    (keys.digest_now(3, "R1"), "digest:3:now:R1"),
    (keys.digest_to("digest:3:now:R1", "U1"), "digest:3:now:R1:to:U1"),
    (keys.chart("digest:3:now:R1:to:U1"), "digest:3:now:R1:to:U1:chart"),
    (keys.program_intro(3), "program:3:intro"),
    (keys.program_created(3, "V1"), "program:3:created:V1"),
    (keys.program_edited(3, "V1"), "program:3:edited:V1"),
    (keys.registration("U1", "V1"), "registration:U1:V1"),
    (keys.case(5), "case:5:"),
    (keys.case_hub(5), "case:5:hub"),
    (keys.case_hub_update(5, 2), "case:5:hub:update:2"),
    (keys.case_hub_thread(5, 2), "case:5:hub:thread:2"),
    (keys.case_presenter(5), "case:5:presenter"),
    (keys.case_presenter_update(5, 2), "case:5:presenter:update:2"),
    (keys.case_presenter_thread(5, 2), "case:5:presenter:thread:2"),
    (keys.case_dm(5, 2), "case:5:dm:2"),
    (keys.case_followup(5), "case:5:followup"),
    (keys.purged("case:5:dm:2"), "case:5:dm:2:purged"),
]


@pytest.mark.parametrize(("built", "spelled"), SPELLINGS)
def test_keys_are_spelled_as_the_database_holds_them(built: str, spelled: str) -> None:
    assert built == spelled


def test_a_reminder_job_is_told_from_the_other_rows_of_its_session() -> None:
    assert keys.is_reminder("session:7:remind:1h")
    assert not keys.is_reminder("session:7:remind:1h:post")
    assert not keys.is_reminder("session:7:live")
    assert not keys.is_reminder("session:7:evaluation-reminders")


def test_the_hub_post_is_told_from_its_updates_thread_lines_and_dms() -> None:
    assert keys.is_case_hub("case:5:hub")
    assert not keys.is_case_hub("case:5:hub:thread:2")
    assert not keys.is_case_hub("case:5:dm:2")
