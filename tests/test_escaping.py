"""Names people type are escaped wherever mrkdwn or notification text shows them (issue 16): a property test
over the view builders with hostile names, `long_text`'s cuts, and a hostile program name end to end."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from echobot.ids import ProgramField
from echobot.models import (
    Case,
    CaseState,
    Credential,
    Message,
    Person,
    Program,
    Provider,
    Role,
    ScheduleKind,
    Session,
    SessionStatus,
)
from echobot.views import cases as case_views
from echobot.views import evaluations as evaluation_views
from echobot.views import home as home_views
from echobot.views import programs as program_views
from echobot.views import registration as registration_views
from echobot.views import sessions as session_views
from echobot.views.blocks import escape, long_text, unescape
from tests.harness import Bot
from tests.scenarios import PROGRAM_CHANNEL, create_program, register
from tests.slack_driver import blocks_text

NOW = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
PINGS = ("<!channel>", "<!here>", "<Bo>", "<@UATTACKER>", "<https://evil.example|click>")
hostile = st.builds(lambda a, ping, b: f"{a}{ping}{b}", st.text(max_size=20), st.sampled_from(PINGS),
                    st.text(max_size=20))  # fmt: skip


def program(name: str) -> Program:
    return Program(id=1, name=name, channel_id="C1", review_channel_id="G1", timezone="America/Denver",
                   schedule_kind=ScheduleKind.WEEKLY, first_date=date(2026, 11, 10), start_time=time(12),
                   duration_minutes=60, video_url="https://zoom.example.org/j/1", reminder_offsets=[60],
                   created_by="UADMIN", created_at=NOW, updated_at=NOW)  # fmt: skip


def session(name: str) -> Session:
    return Session(id=2, program_id=1, occurrence=date(2026, 11, 10), starts_at=NOW + timedelta(days=1),
                   duration_minutes=60, topic=name, presenter=name, status=SessionStatus.SCHEDULED,
                   created_at=NOW)  # fmt: skip


def provider(name: str) -> Provider:
    return Provider(user_id="UALICE", name=name, credential=Credential.NP, discipline=name, organization=name,
                    state="NM", county=name, email="a@example.org", role=Role.PARTICIPANT, registered_at=NOW,
                    updated_at=NOW)  # fmt: skip


def case(name: str, state: CaseState = CaseState.SUBMITTED) -> Case:
    return Case(id=3, program_id=1, submitter="UALICE", summary=name, question=name, age_band="50–59", sex="female",
                presenting_problem=name, history=None, medications=None, labs=None, tried=None, urgency="routine",
                state=state, recommendations=name, submitted_at=NOW, updated_at=NOW)  # fmt: skip


def shown(name: str) -> list[Any]:
    """What every view builder that shows a typed name produces for `name`."""
    p, s, pr, c = program(name), session(name), provider(name), case(name)
    return [
        session_views.reminder_message(p, s, NOW, [(c, name)]), session_views.live_post(p, s, NOW, NOW),
        session_views.moved_notice(p, NOW, NOW), session_views.cancelled_notice(p, s, name),
        session_views.sessions_list_blocks([(s, p, True)], none_text="-"),
        program_views.program_intro_message(p, s), program_views.program_created_message(p, [s], edited=False),
        program_views.program_list_blocks([(p, s)], set(), can_join=True),
        home_views.programs_section([p], [(s, p)]),
        home_views.home_view(Person(user_id="UALICE", provider=pr), "Hub", [p], [(s, p)]),
        registration_views.registration_blocks(pr),
        registration_views.confirmation_message(pr, created=True, hub_name="Hub"),
        case_views.hub_message(c, p, name, s), case_views.whole_case_modal(c, p, name),
        case_views.presenter_message(c, p, s),
        *(case_views.presenter_reply(c, action, name, s) for action in ("ask_info", "recommend", "decline", "close")),
        case_views.thread_line("UX", "did", NOW, name), case_views.followup_message(c, p),
        case_views.my_cases_blocks([(c, p)]), case_views.queue_blocks([(c, p)], NOW),
        evaluation_views.evaluation_prompt(s, p, NOW), evaluation_views.evaluate_list_blocks([(s, p)], {2: NOW}),
    ]  # fmt: skip


def mrkdwn_texts(node: Any) -> list[str]:
    """Every text Slack reads as mrkdwn: mrkdwn objects, and a message's notification text."""
    found: list[str] = []
    if isinstance(node, Message):
        return [node.text, *mrkdwn_texts(node.blocks)]
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
            found.append(node["text"])
        for value in node.values():
            found += mrkdwn_texts(value)
    elif isinstance(node, list):
        for item in node:
            found += mrkdwn_texts(item)
    return found


@settings(max_examples=60, deadline=None)
@given(name=hostile)
def test_no_typed_name_reaches_mrkdwn_unescaped(name: str) -> None:
    for built in shown(name):
        for text in mrkdwn_texts(built):
            assert not any(ping in text for ping in PINGS), (built, text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="&<> ab\n", max_size=9000), quote=st.booleans())
def test_long_text_never_cuts_inside_an_escaped_entity(text: str, quote: bool) -> None:
    chunks = [block["text"]["text"] for block in long_text("Label", text, quote=quote)]
    for chunk in chunks:
        assert re.search(r"&(?!amp;|lt;|gt;)", chunk) is None, chunk
        assert len(chunk) <= 3000
    assert unescape(escape(text)) == text


async def test_a_hostile_program_name_pings_nobody_and_shows_as_typed(bot: Bot) -> None:
    name = "<!channel> Pain & <Bo> ECHO"
    await create_program(bot, **{ProgramField.NAME: name})
    await register(bot, "UALICE0001")
    reply = await bot.driver.command("UALICE0001", f"join {name}")
    assert "You joined *&lt;!channel&gt; Pain &amp; &lt;Bo&gt; ECHO*" in reply.json["text"]
    [intro] = bot.fake.posts_to(PROGRAM_CHANNEL)
    assert not any("<!channel>" in text for text in [intro["text"], *mrkdwn_texts(intro["blocks"])])
    assert f"Join {name}" in blocks_text(intro["blocks"])  # a button's plain text shows it as typed
    assert "&lt;!channel&gt; Pain &amp; &lt;Bo&gt; ECHO" in intro["text"]
