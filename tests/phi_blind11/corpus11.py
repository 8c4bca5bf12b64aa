import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from part_name import NAME
from part_geo import GEO
from part_date import DATE
from part_age import AGE
from part_misc import MISC
from part_extra import EXTRA_ID, EXTRA_CLEAN
from part_clean1 import CLEAN1
from part_clean2 import CLEAN2
from part_evasion import EVASION

IDENTIFIER_TEXTS = NAME + GEO + DATE + AGE + MISC + EXTRA_ID
CLEAN_TEXTS = CLEAN1 + CLEAN2 + EXTRA_CLEAN
EVASION_TEXTS = EVASION
