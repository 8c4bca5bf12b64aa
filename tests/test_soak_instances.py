"""The crash and restart soak with three `echobot run --http` processes on one PostgreSQL database: one of
them killed with SIGKILL at a random moment each round, under a load spread over the live ones."""

from __future__ import annotations

from pathlib import Path

from bench.soak import PACING, soak
from tests import backends

BACKENDS = ("postgresql",)


async def test_three_instances_killed_in_turn_lose_nothing_double_nothing_and_keep_the_pacing(
    backend: backends.Backend, tmp_path: Path
) -> None:
    database = backends.database(tmp_path / "soak.db")
    figures = await soak(3, seed=11, users=12, workers=4, settle=40, instances=3, database=database)
    assert figures["instances"] == 3 and figures["rounds"] == 3 and figures["acked"] > 0
    assert figures["lost"] == 0 and figures["doubled"] == 0
    assert figures["twice"] == 0  # no message sent twice, though a killed process held rows and lanes
    assert figures["smallest_gap"] >= PACING  # two posts to one channel, whichever processes sent them
    assert figures["phi_lines"] == 0
