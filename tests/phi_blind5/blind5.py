# -*- coding: utf-8 -*-
"""blind5: hand-written test corpus for a de-identification screen used in a
clinical telementoring (Project ECHO-style) case form.

IDENTIFIER_TEXTS : list[tuple[str, str]]  (category, text) -- exactly one Safe Harbor identifier each
CLEAN_TEXTS      : list[str]              de-identified text full of identifier look-alikes
EVASION_TEXTS    : list[tuple[str, str]]  (category, text) -- identifiers typed evasively

All people, places-as-addresses, numbers, emails, URLs and IPs are invented;
phones use 555-01xx, domains are example.com/.org/.net, IPs are documentation
(192.0.2.x, 198.51.100.x, 203.0.113.x) or private ranges.
"""
import os as _os
import sys as _sys

_here = _os.path.dirname(_os.path.abspath(__file__))
if _here not in _sys.path:
    _sys.path.insert(0, _here)

from blind5_part1 import NAME_TEXTS
from blind5_part2 import GEOGRAPHY_TEXTS
from blind5_part3 import DATE_TEXTS, AGE_OVER_89_TEXTS
from blind5_part4 import (PHONE_TEXTS, FAX_TEXTS, EMAIL_TEXTS, SSN_TEXTS, MRN_TEXTS,
                          HEALTH_PLAN_TEXTS, ACCOUNT_TEXTS, LICENCE_TEXTS, VEHICLE_TEXTS,
                          DEVICE_TEXTS, URL_TEXTS, IP_TEXTS, OTHER_CODE_TEXTS)
from blind5_part5 import CLEAN_TEXTS_A
from blind5_part6 import CLEAN_TEXTS_B
from blind5_part7 import EVASION_TEXTS as _EVASION

CATEGORIES = (
    "name", "geography", "date", "age_over_89", "phone", "fax", "email", "ssn",
    "mrn", "health_plan", "account", "licence", "vehicle", "device", "url", "ip",
    "other_code",
)

IDENTIFIER_TEXTS = (
    list(NAME_TEXTS) + list(GEOGRAPHY_TEXTS) + list(DATE_TEXTS) + list(AGE_OVER_89_TEXTS)
    + list(PHONE_TEXTS) + list(FAX_TEXTS) + list(EMAIL_TEXTS) + list(SSN_TEXTS)
    + list(MRN_TEXTS) + list(HEALTH_PLAN_TEXTS) + list(ACCOUNT_TEXTS) + list(LICENCE_TEXTS)
    + list(VEHICLE_TEXTS) + list(DEVICE_TEXTS) + list(URL_TEXTS) + list(IP_TEXTS)
    + list(OTHER_CODE_TEXTS)
)

CLEAN_TEXTS = list(CLEAN_TEXTS_A) + list(CLEAN_TEXTS_B)

EVASION_TEXTS = list(_EVASION)

for _c, _t in IDENTIFIER_TEXTS + EVASION_TEXTS:
    assert _c in CATEGORIES, _c
    assert isinstance(_t, str) and _t.strip(), _t
assert all(isinstance(_t, str) and _t.strip() for _t in CLEAN_TEXTS)
