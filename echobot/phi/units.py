"""What follows a clinical number: a unit makes it a measure ("125000 copies/mL" is a viral load), not an
identifier. Shared by the date detectors and the number detectors."""

from __future__ import annotations

import re

# Units that follow a clinical number: "125000 copies/mL" is a viral load, not an identifier.
_UNIT = (
    r"(?:\s*(?:%|iu|u/l|copies|cells|mg|mcg|g|kg|lb|lbs|ml|l|units?|mmol|mmhg|/ml|/ul|/mm3|/mcl|k|x|"
    r"meq|ng|pg|pmol|nmol|mosm|days?|weeks?|months?|years?|hrs?|hours?|min|minutes?|cm|mm|in|ft|cal|kcal))"
)
_UNIT_AFTER = re.compile(_UNIT + r"(?!\w)", re.IGNORECASE)


def not_before_unit(text: str, end: int) -> bool:
    """No clinical unit right after text[:end] ("%" then a space counts as one too)."""
    return _UNIT_AFTER.match(text[end : end + 12]) is None
