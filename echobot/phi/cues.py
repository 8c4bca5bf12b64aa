"""What a number is called decides what the refusal says (issue 18: "each refusal names what it really saw").

The detectors find a number by its shape or by a keyword, and the first detector to claim it names it: a
Medicaid number of ten digits would be called a phone number, an encounter account an MRN. Here the word
nearest before the number, in the same clause, names it instead: `Medicaid ID 7710293845` is a health plan
number, `HAR 8800412937` an account, `license plate 7KJ 219` a vehicle's, `F: 928-555-0108` a fax.

A number written as a telephone number ((505) 555-0142, 505-555-0142) keeps its name unless the cue is a fax.
"""

from __future__ import annotations

import re

# (category, cue words): the nearest cue before a number wins; of two cues ending together, the longer.
CUES: list[tuple[str, re.Pattern[str]]] = [
    (category, re.compile(rf"(?:{words})(?![\w-])", re.IGNORECASE))
    for category, words in [
        ("fax", r"\bfax\w*|\bfx|\bf(?=\s*:)"),  # faxed, faxing, faxx, faxline
        ("phone", r"\b(?:phone|ph|fone|cel|cell|mobile|tel|telephone|call|called|text|reached|reach)"),
        ("ssn", r"\b(?:ssn|ss\s?#|ss\s+no|social\s+security|social(?=\s+(?:is|#|no|number|ending)))"),
        ("mrn", r"\b(?:mrn|mnr|m\.r\.n\.?|med\s*rec|hosp\s+(?:number|no|#)|"
                r"mr\s?#|mr\s+no|medical\s+record|record\s+(?:number|no\b|#)|chart|hrn|ehr\s+id|emr\s+id|"
                r"patient\s+id|pt\s+id|hospital\s+(?:number|no)|unit\s+number|resident\s+number|encounter|csn)"),
        ("health_plan", r"\b(?:medicaid|medcaid|medicade|mdcd|medicare|medi[\s-]?cal|mbi|member|subscriber|policy|"
                        r"insurance|health\s+plan|"
                        r"plan\s+(?:id|#|card|number|no)|beneficiary|bic|cin|ahcccs|chip|kidcare|tricare|adap|"
                        r"benefits?\s+(?:id|number)|authorization\s+number|rxb|rx\s?bin|group\s+number|"
                        r"\w+care\s+id|quest)"),
        ("account", r"\b(?:account|acct|acc(?=\s*#)|a/c|bank|invoice|billing|guarantor|har|fin|credit\s+card|"
                    r"debit\s+card|"
                    r"cuenta|claim)"),
        ("licence", r"\b(?:licen[cs]e|licencia|lic|dl|cdl|certificate|permit|registry|placard|cannabis|mmj|npi|dea)"),
        ("vehicle", r"\b(?:plates?|placas|vin|tag|vehicle|truck|car|boat|atv|motorcycle|troca)"),
        ("device", r"\b(?:serial|ser(?=\s*#)|sn|imei|lot|model|device|pacemaker|pump|implant|hearing\s+aids?|"
                   r"concentrator|cgm)"),
        ("ip", r"\bip(?:\s+addr(?:ess)?)?|\bip\s+address"),
        ("other_code", r"\b(?:doc\s+(?:number|no|#|id)|(?:cps|court)\s+case|case\s+(?:file|number|no|#)|docket|"
                       r"warrant|cib|"
                       r"study|trial|inmate|booking|passport|tribal|cdib|badge|employee|accession|edipi|"
                       r"dod\s+id|state\s+id|alien|a-number|census|visa)"),
    ]
]
# What a cue may rename: the names the detectors give by shape alone. An IP address is one by its shape, whatever
# word comes before it ("the CGM uploads from 10.0.0.7"); other numbers may become one after "ip" (cue above).
RENAMED = frozenset({"phone", "other_code", "account", "mrn", "health_plan", "licence", "vehicle", "device",
                     "ssn", "fax"})  # fmt: skip
_CLAUSE_END = re.compile(r"(?<!\bno)(?<!\blic)(?<!\bdl)\.\s+|[;!?]\s+|\n|\s-{2}\s")
_PHONE_SHAPE = re.compile(r"\(\d{3}\)|\d{3}[\s./-]\d{3}[\s.-]\d{4}")
WINDOW = 60


def named_by_cue(text: str, start: int, end: int, category: str) -> str:
    """The category the nearest cue before text[start:end] gives it, or `category` when no cue says."""
    if category not in RENAMED:
        return category
    lead = re.match(r"[A-Za-z]+\s+(?=\S*\d)", text[start:end])  # "plate 7KJ 219": a keyword's code took its noun
    until = start + (lead.end() if lead else 0)
    window = _CLAUSE_END.split(text[max(0, start - WINDOW) : until])[-1]
    offset = until - len(window)
    best: tuple[int, int, str] | None = None
    for name, pattern in CUES:
        for match in pattern.finditer(text, offset, until):
            key = (match.end(), -match.start(), name)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None or best[2] == category:
        return category
    if _PHONE_SHAPE.search(text, start, end) and best[2] != "fax":
        return category  # written as a telephone number: a phone number unless the cue says fax
    if category == "ssn" and best[2] not in ("ssn",) and re.fullmatch(r"\d{3}-\d{2}-\d{4}", text[start:end]):
        return category
    return best[2]
