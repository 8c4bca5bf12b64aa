"""Issue 19's goal, end to end: one program's whole life (bench/walkthrough.py drives the real app through the
fake Slack, each person clicking what they are offered) reaches everyone with half the messages of before
(26), no typed command for an everyday task, and nothing a person needs lost."""

from __future__ import annotations

from typing import Any

from bench.walkthrough import run


def lines(person: dict[str, Any]) -> list[str]:
    return [line for _, line in person["transcript"]]


async def test_one_program_life_in_half_the_messages_with_nothing_needed_lost() -> None:
    result = await run()
    people = result["people"]
    connie, sam = people["Connie (coordinator)"], people["Sam (specialist)"]
    alice, bob = people["Alice (presenter)"], people["Bob (attendee)"]
    assert sum(p["received"] for p in people.values()) <= 13  # 26 before issue 19
    # typed: only the coordinator's new program, once per program
    assert [c for p in people.values() for c in p["commands"]] == ["/echo program new"]
    # forms answer in their own place (registration, the program form): no welcome or "is set up" DM
    assert not any("Welcome" in line or "is set up" in line for p in people.values() for line in lines(p))
    # the presenter: her case message, the session's time and the recommendations shown in her conversation,
    # the evaluation and the certificate; no reply repeats what her case message's status line says
    said = lines(alice)
    assert said[0] == "Case #1 · 50s woman, HCV genotype 3, compensated…: Submitted"
    shown = [line for kind, line in alice["transcript"] if kind == "thread, also in the conversation"]
    assert len(shown) == 2 and "Scheduled: it will be discussed <!date^1794337200^" in shown[0]
    assert "recommendations" in shown[1]
    assert not any("is reviewing" in line or "Presented in the session" in line for line in said)
    assert alice["updated_in_place"] >= 4  # the status line: in review, scheduled, presented, recommendations
    assert any(line.startswith("Thank you for attending Hepatitis C ECHO") for line in said) and alice["files"] == 1
    assert bob["files"] == 1 and any(line.startswith("Thank you for attending") for line in lines(bob))
    # checked in from Home (Home says so), claimed on the hub post (which says so): no answers
    assert "Check in" in alice["clicked"] and "Check in" in bob["clicked"]
    assert alice["answers"] == bob["answers"] == sam["answers"] == 0
    # the hub thread keeps who did what; the coordinator gets her digest
    hub = result["channels"]["G0HEPCHUB"]["transcript"]
    assert any(line.startswith("<@USPEC00001> claimed the case") for line in hub)
    assert [line.split(":")[0] for line in lines(connie)] == ["Hepatitis C ECHO digest"] * 2
