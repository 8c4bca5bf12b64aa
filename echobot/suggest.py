"""The nearest known word to a typo ("regster" -> "register"), with the standard library's difflib."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6  # difflib's own default: "regster"/"register" 0.93, "sessons"/"sessions" 0.93, "xyz" matches nothing


def nearest(word: str, choices: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The choice closest to `word` (compared without case), or None when none is close enough."""
    by_folded = {choice.casefold(): choice for choice in choices}
    found = difflib.get_close_matches(word.casefold().strip(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[found[0]] if found else None
