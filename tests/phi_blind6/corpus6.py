"""Held-out PHI-guard test corpus 6 (hand-written, fully fictional)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from part_names import NAME_TEXTS  # noqa: E402
from part_geo import GEO_TEXTS  # noqa: E402
from part_dates import DATE_TEXTS  # noqa: E402
from part_age import AGE_TEXTS  # noqa: E402
from part_misc import MISC_TEXTS  # noqa: E402
from part_long import LONG_TEXTS  # noqa: E402
from part_clean1 import CLEAN_1  # noqa: E402
from part_clean2 import CLEAN_2  # noqa: E402
from part_clean3 import CLEAN_3  # noqa: E402
from part_evasion import EVASION_TEXTS as _EVASION  # noqa: E402

CATEGORIES = {
    "name", "geography", "date", "age_over_89", "phone", "fax", "email", "ssn",
    "mrn", "health_plan", "account", "licence", "vehicle", "device", "url", "ip",
    "other_code",
}

IDENTIFIER_TEXTS = list(NAME_TEXTS) + list(GEO_TEXTS) + list(DATE_TEXTS) + list(AGE_TEXTS) \
    + list(MISC_TEXTS) + list(LONG_TEXTS)
CLEAN_TEXTS = list(CLEAN_1) + list(CLEAN_2) + list(CLEAN_3)
EVASION_TEXTS = list(_EVASION)

for _cat, _text in IDENTIFIER_TEXTS + EVASION_TEXTS:
    assert _cat in CATEGORIES, _cat
    assert isinstance(_text, str) and _text.strip(), (_cat, _text)
for _text in CLEAN_TEXTS:
    assert isinstance(_text, str) and _text.strip(), _text
assert len(IDENTIFIER_TEXTS) >= 520
assert len(CLEAN_TEXTS) >= 260
assert len(EVASION_TEXTS) >= 80
