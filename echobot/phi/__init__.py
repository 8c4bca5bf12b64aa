"""The PHI guard: checks free text for the HIPAA Safe Harbor identifiers before anything is stored
or posted. A hit is answered with what looked like an identifier, never with the text itself, and
the refused text is never logged.

It is a screen, not a proof: see docs/phi.md for what it catches, what it cannot, and why the
provider's "this case contains no patient identifiers" confirmation still matters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from echobot.phi import cues, detectors, spoken
from echobot.phi.names import outside_brands, scored_names


class FieldKind(StrEnum):
    """Who writes a field. Safe Harbor covers the patient, relatives, employers and household members, not
    the treating team: a field the hub writes (recommendations, requests for information, decline reasons)
    accepts a clinician's name with a clinical title (Dr. Patel, Ann Lee, NP) or of the program's
    specialists; a case field (anything the presenter writes about the patient) refuses every name."""

    CASE = "case"
    HUB = "hub"


# Fields the hub writes, and the session evaluation's fields (about the teaching, not a patient), by the id the
# services use (echobot.ids): the default kind when none is given. Every other field is a case field.
HUB_FIELDS = frozenset({"recommendations", "case_reason", "change_plan", "bias_comment", "suggestions"})


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
    # numbers read out or spaced apart, each named by its cue or its length (echobot/phi/spoken.py)
    *((Category(name), partial(spoken.spans, category=name))
      for name in ("fax", "ssn", "mrn", "health_plan", "account", "date", "phone", "other_code")),
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
_BROKEN_NUMBER = re.compile(r"\d[-/]\n[ \t]*(?=\d)")  # starts with a digit: the engine skips to digits fast


@dataclass(frozen=True)
class Finding:
    category: Category
    start: int
    end: int

    @property
    def message(self) -> str:
        return MESSAGES[self.category]


def normalise(text: str) -> str:
    """Fold what hides an identifier from a pattern: full-width digits, invisible characters, odd dashes, a number
    broken over two lines after one of its dashes or slashes (not a dot: "1.⏎2." is a list), the letters O and l
    typed for 0 and 1 in it.
    Lengths may change, so spans refer to the normalised text."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _DASHES.sub("-", text)
    if "-\n" in text or "/\n" in text:  # "505-555-⏎0142": a number split over two lines
        text = _BROKEN_NUMBER.sub(lambda m: m.group()[:2], text)
    return spoken.unlookalike(text)  # "6o1-693-22o7": letters typed for digits


_NOT_LETTER = re.compile(r"[^A-Za-z]+")
_NOT_CAPITAL = re.compile(r"[^A-Z]+")
_SHOUTED_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")


def shouting(text: str) -> bool:
    """Typed in ALL CAPS: capital letters then say nothing about names and places."""
    letters = len(_NOT_LETTER.sub("", text))  # counted by the regex engine, not a Python loop per character
    return letters >= 8 and len(_NOT_CAPITAL.sub("", text)) >= 0.7 * letters


def recase(text: str) -> str:
    """JOHN DOE LIVES IN GALLUP -> John Doe Lives In Gallup (same length; words with digits stay)."""
    return _SHOUTED_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), text)


def scan(text: str, *, kind: FieldKind = FieldKind.CASE, clinicians: Iterable[str] = ()) -> list[Finding]:
    """Every identifier-like span, one finding per span (the most specific category wins), in order.
    `kind` says who writes the field: in a hub field, clinicians' names pass (see FieldKind); `clinicians`
    are the names of the program's specialists, which pass in a hub field with or without a title."""
    clean = normalise(text)
    shouted = shouting(clean)
    if shouted:
        clean = recase(clean)
    claimed = bytearray(len(clean))  # characters already in a finding: each overlap check is one C-level find
    findings = []
    for category, detect in DETECTORS:
        if category is Category.NAME:  # a name inside a product's name ("Dr Pepper") is no person
            spans = outside_brands(clean, detectors.name(clean, shouting=shouted))
        elif category is Category.GEOGRAPHY:  # in capitals, a capitalised word after "from" may be no town
            spans = detectors.geography(clean, shouting=shouted)
        else:
            spans = detect(clean)
        for start, end in spans:
            if end <= start or claimed.find(1, start, end) != -1:
                continue
            claimed[start:end] = b"\x01" * (end - start)
            findings.append(Finding(Category(cues.named_by_cue(clean, start, end, category.value)), start, end))
    second = spoken.collapsed(clean)
    if second is not None:  # characters typed apart: read again joined, and keep what only that reading finds
        joined, where, ends = second
        for finding in scan(joined, clinicians=clinicians) if joined != clean else []:
            start, end = where[finding.start], ends[finding.end - 1]
            if claimed.find(1, start, end) == -1:
                claimed[start:end] = b"\x01" * (end - start)
                findings.append(Finding(finding.category, start, end))
    if kind is FieldKind.HUB:
        allowed = _clinician_spans(clean, clinicians, shouted)
        findings = [f for f in findings if f.category is not Category.NAME or not _within(f, allowed)]
    return sorted(findings, key=lambda finding: finding.start)


def _clinician_spans(text: str, clinicians: Iterable[str], shouted: bool) -> list[tuple[int, int]]:
    """Names after a clinical title or before a credential, and the program's specialists' names."""
    known = {word.lower() for person in clinicians for word in re.findall(r"[A-Za-z'’-]{2,}", person)}
    spans = [span for span, clinician in scored_names(text, shouting=shouted) if clinician]
    spans += [m.span() for m in re.finditer(r"[A-Za-z'’-]{2,}", text) if m.group().lower() in known]
    return spans


def _within(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s <= finding.start and finding.end <= e for s, e in spans)


def first_problem(text: str, *, kind: FieldKind = FieldKind.CASE, clinicians: Iterable[str] = ()) -> Finding | None:
    findings = scan(text, kind=kind, clinicians=clinicians)
    return findings[0] if findings else None


def field_errors(fields: Mapping[str, str], *, prefix: str = "This ", kind: FieldKind | None = None,
                 clinicians: Iterable[str] = ()) -> dict[str, str]:  # fmt: skip
    """{field: message} for every field whose text looks like it holds an identifier. `kind` defaults to
    HUB for the fields only the hub writes (HUB_FIELDS) and CASE for every other."""
    errors = {}
    for field, text in fields.items():
        field_kind = kind or (FieldKind.HUB if field in HUB_FIELDS else FieldKind.CASE)
        finding = first_problem(text or "", kind=field_kind, clinicians=clinicians)
        if finding is not None:
            errors[field] = f"{prefix}{finding.message}. Nothing was saved: edit it and submit again."
    return errors
