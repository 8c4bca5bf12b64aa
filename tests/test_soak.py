"""The crash and restart soak, short: three SIGKILLs of a real `echobot run --http` under load."""

from __future__ import annotations

from bench.soak import soak


async def test_three_kills_lose_nothing_and_double_nothing() -> None:
    figures = await soak(3, seed=11, users=12, workers=4, settle=3)
    assert figures["rounds"] == 3 and figures["acked"] > 0
    assert figures["lost"] == 0 and figures["doubled"] == 0
    assert figures["twice"] == 0  # no message sent twice, though rows were in flight at each kill
    assert figures["integrity"] == "ok" and figures["phi_lines"] == 0
