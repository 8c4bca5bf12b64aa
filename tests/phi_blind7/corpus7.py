"""Blind test corpus 7 for a PHI (patient identifier) detector.

IDENTIFIER_TEXTS: list of (category, text) - text contains a patient identifier of that category.
CLEAN_TEXTS: list of text - realistic cases with no patient identifier.
EVASION_TEXTS: list of (category, text) - identifiers typed carelessly or obscured.
All people, numbers and places are fictional.
"""
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from part_name import NAME_TEXTS
from part_date import DATE_TEXTS
from part_geography import GEOGRAPHY_TEXTS
from part_age import AGE_TEXTS
from part_numbers import (
    PHONE_TEXTS, FAX_TEXTS, EMAIL_TEXTS, SSN_TEXTS, MRN_TEXTS, HEALTH_PLAN_TEXTS,
    ACCOUNT_TEXTS, LICENCE_TEXTS, VEHICLE_TEXTS, DEVICE_TEXTS, URL_TEXTS, IP_TEXTS,
    OTHER_CODE_TEXTS,
)
from part_clean_a import CLEAN_A
from part_clean_b import CLEAN_B
from part_clean_c import CLEAN_C
from part_evasion import EVASION_TEXTS as _EVASION

CATEGORIES = [
    "name", "geography", "date", "age_over_89", "phone", "fax", "email", "ssn", "mrn",
    "health_plan", "account", "licence", "vehicle", "device", "url", "ip", "other_code",
]

IDENTIFIER_TEXTS = (
    NAME_TEXTS + DATE_TEXTS + GEOGRAPHY_TEXTS + AGE_TEXTS
    + PHONE_TEXTS + FAX_TEXTS + EMAIL_TEXTS + SSN_TEXTS + MRN_TEXTS + HEALTH_PLAN_TEXTS
    + ACCOUNT_TEXTS + LICENCE_TEXTS + VEHICLE_TEXTS + DEVICE_TEXTS + URL_TEXTS + IP_TEXTS
    + OTHER_CODE_TEXTS
)
CLEAN_TEXTS = CLEAN_A + CLEAN_B + CLEAN_C
EVASION_TEXTS = list(_EVASION)

# ---- checks ----
for _cat, _text in IDENTIFIER_TEXTS + EVASION_TEXTS:
    assert _cat in CATEGORIES, _cat
    assert isinstance(_text, str) and _text.strip()
assert all(isinstance(t, str) and t.strip() for t in CLEAN_TEXTS)

_counts = Counter(c for c, _ in IDENTIFIER_TEXTS)
assert len(IDENTIFIER_TEXTS) >= 600
for _cat in ("name", "date", "geography"):
    assert _counts[_cat] >= 110, (_cat, _counts[_cat])
assert _counts["age_over_89"] >= 45
for _cat in CATEGORIES:
    if _cat not in ("name", "date", "geography", "age_over_89"):
        assert _counts[_cat] >= 14, (_cat, _counts[_cat])
assert len(CLEAN_TEXTS) >= 350
assert len(EVASION_TEXTS) >= 100

# no exact duplicates
assert len(set(t for _, t in IDENTIFIER_TEXTS)) == len(IDENTIFIER_TEXTS)
assert len(set(CLEAN_TEXTS)) == len(CLEAN_TEXTS)
assert len(set(t for _, t in EVASION_TEXTS)) == len(EVASION_TEXTS)

if __name__ == "__main__":
    print("IDENTIFIER_TEXTS", len(IDENTIFIER_TEXTS))
    for _cat in CATEGORIES:
        print("  %-12s %d" % (_cat, _counts[_cat]))
    print("CLEAN_TEXTS", len(CLEAN_TEXTS))
    _ev = Counter(c for c, _ in EVASION_TEXTS)
    print("EVASION_TEXTS", len(EVASION_TEXTS))
    for _cat in CATEGORIES:
        print("  %-12s %d" % (_cat, _ev[_cat]))
