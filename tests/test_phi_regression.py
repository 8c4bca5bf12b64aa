"""The PHI guard never loses ground on the corpora already measured.

Each corpus here was written by someone who had not read echobot/phi/ and was measured once, blind, before it
became a regression corpus (docs/phi.md). The floors are what the guard catches today, as counts: a change may
catch more and refuse less, never the reverse, unless the floor is lowered here in the same commit, with the
reason (a trade worth making) in docs/phi.md."""

from __future__ import annotations

import pytest

from bench.phi_blind import load, part
from echobot.phi import scan

# corpus: (identifier texts caught, of; clean texts refused, of; evasive texts caught, of)
FLOORS: dict[str, tuple[int, int, int, int, int, int]] = {
    "tests/phi_holdout.py": (159, 159, 0, 147, 0, 0),
    "tests/phi_holdout2.py": (163, 163, 0, 174, 0, 0),
    "tests/phi_holdout3.py": (156, 163, 0, 160, 0, 0),
    "tests/phi_holdout4.py": (338, 344, 0, 289, 0, 0),
    "tests/phi_issue18.py": (49, 49, 0, 40, 10, 10),
    "tests/phi_blind5/blind5.py": (526, 533, 9, 325, 70, 73),
    "tests/phi_blind6/corpus6.py": (525, 532, 2, 340, 93, 98),
    "tests/phi_blind7/corpus7.py": (609, 622, 26, 439, 124, 132),
    "tests/phi_blind8/corpus8.py": (728, 738, 21, 511, 178, 187),
    "tests/phi_blind9/corpus9.py": (850, 866, 10, 590, 224, 257),
    "tests/phi_blind10/corpus10.py": (842, 854, 5, 695, 215, 243),
    "tests/phi_blind11/corpus11.py": (765, 769, 4, 635, 196, 225),
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_the_guard_keeps_what_it_catches_and_refuses_no_more(corpus: str) -> None:
    caught_floor, identifiers, refused_ceiling, clean_count, evasion_floor, evasive = FLOORS[corpus]
    module = load(corpus)
    ids = part(module, "IDENTIFIER_TEXTS")
    clean = part(module, "CLEAN_TEXTS")
    evasion = part(module, "EVASION_TEXTS")
    assert (len(ids), len(clean), len(evasion)) == (identifiers, clean_count, evasive)
    caught = sum(1 for _, text in ids if scan(text))
    refused = sum(1 for text in clean if scan(text))
    evaded = sum(1 for _, text in evasion if scan(text))
    assert caught >= caught_floor, f"{corpus}: {caught} identifiers caught of {identifiers}, was {caught_floor}"
    assert refused <= refused_ceiling, f"{corpus}: {refused} clean texts refused, was {refused_ceiling}"
    assert evaded >= evasion_floor, f"{corpus}: {evaded} evasive texts caught, was {evasion_floor}"
