import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import id_name
import id_geo
import id_date
import id_age
import id_misc
import clean_a
import clean_b
import clean_c
import clean_d
import clean_e
import clean_f
import clean_g
import evasion

_ID_PARTS = [
    ("name", id_name.NAME),
    ("geography", id_geo.GEO),
    ("date", id_date.DATE),
    ("age_over_89", id_age.AGE),
    ("phone", id_misc.PHONE),
    ("fax", id_misc.FAX),
    ("email", id_misc.EMAIL),
    ("ssn", id_misc.SSN),
    ("mrn", id_misc.MRN),
    ("health_plan", id_misc.HEALTH_PLAN),
    ("account", id_misc.ACCOUNT),
    ("licence", id_misc.LICENCE),
    ("vehicle", id_misc.VEHICLE),
    ("device", id_misc.DEVICE),
    ("url", id_misc.URL),
    ("ip", id_misc.IP),
    ("other_code", id_misc.OTHER),
]

IDENTIFIER_TEXTS = [(cat, text) for cat, texts in _ID_PARTS for text in texts]

CLEAN_TEXTS = (
    clean_a.CLEAN_A
    + clean_b.CLEAN_B
    + clean_c.CLEAN_C
    + clean_d.CLEAN_D
    + clean_e.CLEAN_E
    + clean_f.CLEAN_F
    + clean_g.CLEAN_G
)

EVASION_TEXTS = list(evasion.EVASION)
