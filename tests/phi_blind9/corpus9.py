"""Blind test corpus 9 for the patient-identifier (PHI) detector. All content is fictional."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import c9_part_ident
import c9_part_clean
import c9_part_evasion

IDENTIFIER_TEXTS: list[tuple[str, str]] = c9_part_ident.build()
CLEAN_TEXTS: list[str] = c9_part_clean.build()
EVASION_TEXTS: list[tuple[str, str]] = c9_part_evasion.build()
