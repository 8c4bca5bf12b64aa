"""The PHI guard: checks free text for the HIPAA Safe Harbor identifiers before anything is stored
or posted. A hit is answered with what looked like an identifier, never with the text itself, and
the refused text is never logged.

It is a screen, not a proof: see docs/phi.md for what it catches, what it cannot, and why the
provider's "this case contains no patient identifiers" confirmation still matters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from echobot.phi import detectors


class Category(StrEnum):
    NAME = "name"
    GEOGRAPHY = "geography"
    DATE = "date"
    AGE_OVER_89 = "age_over_89"
    PHONE = "phone"
    FAX = "fax"
    EMAIL = "email"
    SSN = "ssn"
    MRN = "mrn"
    HEALTH_PLAN = "health_plan"
    ACCOUNT = "account"
    LICENCE = "licence"
    VEHICLE = "vehicle"
    DEVICE = "device"
    URL = "url"
    IP = "ip"
    OTHER_CODE = "other_code"


MESSAGES: dict[Category, str] = {
    Category.NAME: "looks like a person's name: say “the patient”, “her daughter”…",
    Category.GEOGRAPHY: "looks like a place smaller than a state (town, county, street, ZIP): say “rural”",
    Category.DATE: "looks like a full date: keep only the year, or say “3 weeks ago”",
    Category.AGE_OVER_89: "looks like an age over 89: write the age as 90+",
    Category.PHONE: "looks like a phone number",
    Category.FAX: "looks like a fax number",
    Category.EMAIL: "looks like an e-mail address",
    Category.SSN: "looks like a Social Security number",
    Category.MRN: "looks like a medical record number",
    Category.HEALTH_PLAN: "looks like a health plan or member number",
    Category.ACCOUNT: "looks like an account number",
    Category.LICENCE: "looks like a licence or certificate number",
    Category.VEHICLE: "looks like a vehicle plate or VIN",
    Category.DEVICE: "looks like a device serial number",
    Category.URL: "looks like a web address",
    Category.IP: "looks like an IP address",
    Category.OTHER_CODE: "looks like an identifying number or code",
}

# Most specific first: a number after "fax" is a fax number before it is any other code.
DETECTORS: list[tuple[Category, Callable[[str], Iterator[tuple[int, int]]]]] = [
    (Category.EMAIL, detectors.email),
    (Category.URL, detectors.url),
    (Category.IP, detectors.ip),
    (Category.SSN, detectors.ssn),
    (Category.FAX, detectors.fax),
    (Category.PHONE, detectors.phone),
    (Category.DATE, detectors.date),
    (Category.AGE_OVER_89, detectors.age_over_89),
    (Category.MRN, detectors.mrn),
    (Category.HEALTH_PLAN, detectors.health_plan),
    (Category.ACCOUNT, detectors.account),
    (Category.LICENCE, detectors.licence),
    (Category.VEHICLE, detectors.vehicle),
    (Category.DEVICE, detectors.device),
    (Category.GEOGRAPHY, detectors.geography),
    (Category.OTHER_CODE, detectors.other_code),
    (Category.NAME, detectors.name),
]

_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_DASHES = re.compile("[\u2010-\u2015\u2212]")


@dataclass(frozen=True)
class Finding:
    category: Category
    start: int
    end: int

    @property
    def message(self) -> str:
        return MESSAGES[self.category]


def normalise(text: str) -> str:
    """Fold what hides an identifier from a pattern: full-width digits, invisible characters, odd dashes.
    Lengths may change, so spans refer to the normalised text."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _DASHES.sub("-", text)


def scan(text: str) -> list[Finding]:
    """Every identifier-like span, one finding per span (the most specific category wins), in order."""
    clean = normalise(text)
    claimed: list[tuple[int, int]] = []
    findings = []
    for category, detect in DETECTORS:
        for start, end in detect(clean):
            if end <= start or any(start < e and s < end for s, e in claimed):
                continue
            claimed.append((start, end))
            findings.append(Finding(category, start, end))
    return sorted(findings, key=lambda finding: finding.start)


def first_problem(text: str) -> Finding | None:
    findings = scan(text)
    return findings[0] if findings else None


def field_errors(fields: Mapping[str, str], *, prefix: str = "This ") -> dict[str, str]:
    """{field: message} for every field whose text looks like it holds an identifier."""
    errors = {}
    for field, text in fields.items():
        finding = first_problem(text or "")
        if finding is not None:
            errors[field] = f"{prefix}{finding.message}. Nothing was saved: edit it and submit again."
    return errors
