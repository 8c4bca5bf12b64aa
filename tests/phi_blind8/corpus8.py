"""Blind test corpus 8 for a PHI (patient identifier) detector. All content fictional."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from part_name import NAME
from part_date import DATE
from part_geo import GEO
from part_age import AGE
from part_misc import MISC
from part_long import LONG
from part_extra import EXTRA
from part_extra2 import EXTRA2
from part_clean1 import CLEAN1
from part_clean2 import CLEAN2
from part_clean3 import CLEAN3
from part_clean4 import CLEAN4
from part_evasion import EVASION

CATEGORIES = {
    "name", "geography", "date", "age_over_89", "phone", "fax", "email", "ssn", "mrn",
    "health_plan", "account", "licence", "vehicle", "device", "url", "ip", "other_code",
}

IDENTIFIER_TEXTS = (
    [("name", t) for t in NAME]
    + [("date", t) for t in DATE]
    + [("geography", t) for t in GEO]
    + [("age_over_89", t) for t in AGE]
    + list(MISC)
    + list(LONG)
    + list(EXTRA)
    + list(EXTRA2)
)

CLEAN_TEXTS = list(CLEAN1) + list(CLEAN2) + list(CLEAN3) + list(CLEAN4)

EVASION_TEXTS = list(EVASION)

MINIMUMS = {c: 14 for c in CATEGORIES}
MINIMUMS.update({"name": 120, "date": 120, "geography": 120, "age_over_89": 50})


def _counts(pairs):
    out = {}
    for cat, _ in pairs:
        out[cat] = out.get(cat, 0) + 1
    return out


for _cat, _txt in IDENTIFIER_TEXTS + EVASION_TEXTS:
    assert _cat in CATEGORIES, _cat
    assert isinstance(_txt, str) and _txt.strip(), _cat
for _txt in CLEAN_TEXTS:
    assert isinstance(_txt, str) and _txt.strip()

_ID_COUNTS = _counts(IDENTIFIER_TEXTS)
assert len(IDENTIFIER_TEXTS) >= 650, len(IDENTIFIER_TEXTS)
for _cat, _min in MINIMUMS.items():
    assert _ID_COUNTS.get(_cat, 0) >= _min, (_cat, _ID_COUNTS.get(_cat, 0))
assert len(CLEAN_TEXTS) >= 420, len(CLEAN_TEXTS)
assert len(EVASION_TEXTS) >= 130, len(EVASION_TEXTS)
assert len(set(CLEAN_TEXTS)) == len(CLEAN_TEXTS), "duplicate clean text"
assert len(set(t for _, t in IDENTIFIER_TEXTS)) == len(IDENTIFIER_TEXTS), "duplicate identifier text"
assert not set(CLEAN_TEXTS) & set(t for _, t in IDENTIFIER_TEXTS + EVASION_TEXTS)

if __name__ == "__main__":
    print("IDENTIFIER_TEXTS", len(IDENTIFIER_TEXTS))
    for _cat in sorted(_ID_COUNTS):
        print("  ", _cat, _ID_COUNTS[_cat])
    print("CLEAN_TEXTS", len(CLEAN_TEXTS))
    _EV = _counts(EVASION_TEXTS)
    print("EVASION_TEXTS", len(EVASION_TEXTS))
    for _cat in sorted(_EV):
        print("  ", _cat, _EV[_cat])
