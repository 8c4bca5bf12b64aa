"""Numbers read out or spaced apart (issue 18): "five oh five, five five five, zero one four two", "50 55 55 01 42",
"9 2 8 5 5 5 0 1 1 9", "six zero six - 555 - 0155", "6 0 5 . 5 5 5 . 0 1 9 8". A run of digit words and digit
groups is read as the digits it spells; seven or more make an identifier, named by the cue before it (fax, SSN,
MRN, Medicaid…) or else by its length (10 or 7 digits: a phone number; 9: a Social Security number).

Runs of numerals alone are ordinary in clinical text (doses, vitals, years), so they count only when nothing
but an identifier is shaped like them: seven or more single digits, or four groups or more of 2-4 digits
adding up to 10 (a phone number), or any run after an identifier's cue word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

Span = tuple[int, int]
WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
         "six": "6", "seven": "7", "eight": "8", "nine": "9", "niner": "9"}  # fmt: skip
_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
# one piece: a digit word or a group of 1-4 numerals, never part of a decimal or a longer word
_PIECE = rf"(?:(?i:{_WORD})\b|(?<![\d.,/])\d{{1,4}}(?![\d/]|\.\d|,\d))"
_SEP = r"(?:\s*[-,]\s*|\s+[./]\s+|\s+)"  # "6 7 1 / 4 7 2 / 3 3 6 8": a spaced slash parts groups too
_RUN = re.compile(rf"(?<![\w.])(?:{_PIECE}{_SEP}){{2,}}{_PIECE}")
_CUES = [
    ("fax", re.compile(r"\b(?:fax|f)\b", re.IGNORECASE)),
    ("ssn", re.compile(r"\b(?:ssn|ss#?|soc(?:ial)?(?:\s+sec(?:urity)?)?|last\s+4)\b", re.IGNORECASE)),
    ("mrn", re.compile(r"\b(?:mrn|m\s*r\s*n|chart|record|medical\s+record)\b", re.IGNORECASE)),
    ("health_plan", re.compile(r"\b(?:medicaid|medicare|member|plan|insurance|policy|ahcccs|ihs)\b", re.IGNORECASE)),
    ("account", re.compile(r"\b(?:acct|account|claim|file|invoice|card)\b", re.IGNORECASE)),
    ("phone", re.compile(r"\b(?:phone|ph|cell|call|text|txt|tel|number|reach|#)\W", re.IGNORECASE)),
]
_UNIT_AFTER = re.compile(r"\s*(?:%|mg|mcg|g\b|kg|ml|units?|iu|mmhg|bpm|cm|mm|x\b|times|days?|weeks?|months?|years?)",
                         re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    digits: str
    cue: str | None


@lru_cache(maxsize=64)
def runs(text: str) -> tuple[Run, ...]:
    """Every read-out or spaced number in `text` that looks like an identifier."""
    found = []
    for match in _RUN.finditer(text):
        pieces = re.findall(rf"(?i:{_WORD})\b|\d+", match.group())
        digits = "".join(WORDS.get(p.lower(), p) for p in pieces)
        spelled = any(not p.isdigit() for p in pieces)
        if len(digits) < 7 or _UNIT_AFTER.match(text, match.end()):
            continue
        before = text[max(0, match.start() - 40):match.start()]
        cue = next((name for name, pattern in _CUES if pattern.search(before)), None)
        numerals = [p for p in pieces if p.isdigit()]
        shaped = (all(len(p) == 1 for p in numerals) and len(numerals) >= 7) or (
            len(numerals) >= 4 and len(digits) == 10 and all(2 <= len(p) <= 4 for p in numerals))
        if spelled and sum(not p.isdigit() for p in pieces) < 3:
            spelled = False  # "one" or "two" beside numerals is not a number read out
        if spelled or shaped or cue is not None:
            found.append(Run(match.start(), match.end(), digits, cue))
    return tuple(found)


def category_of(run: Run) -> str:
    if run.cue in ("fax", "ssn", "mrn", "health_plan", "account"):
        return run.cue
    if len(run.digits) in (7, 10, 11):
        return "phone"
    if len(run.digits) == 9 and run.cue is None:
        return "ssn"
    return "other_code"


def spans(text: str, category: str) -> Iterator[Span]:
    for run in runs(text):
        if category_of(run) == category:
            yield run.start, run.end


# ---- a second reading: characters typed apart, joined (session 6) -------------------------------------------------
# "P J N 2 0 4 4 1 7 H", "plate 8 K J 4 4 2", "s h i p r o c k", "b-e-n-a-l-l-y", "mbi one E G four …": runs of
# single letters, digits and digit words typed one by one are read joined, so every detector sees what was meant.
_SPELLED = {**WORDS, "dash": "-", "hyphen": "-", "dot": ".", "point": "."}
_ONE = rf"(?:(?<![\w'’])[A-Za-z0-9](?![\w'’])|\b(?i:{'|'.join(sorted(_SPELLED, key=len, reverse=True))})\b)"
_SPACED_RUN = re.compile(rf"{_ONE}(?: {_ONE}){{3,}}")
_HYPHENED_RUN = re.compile(r"(?<![\w-])[A-Za-z](?:-[A-Za-z]){3,}(?![\w-])")
# Two single characters with one space or hyphen between them: every run has it, few other texts do.
_APART_HINT = re.compile(r"(?<![\w'’])[A-Za-z0-9][ -][A-Za-z0-9](?![\w'’])")
_PIECE_OF_RUN = re.compile(rf"{_ONE}|[A-Za-z]")


def collapsed(text: str) -> tuple[str, list[int]] | None:
    """The text with every run of characters typed apart joined, and for each of its characters the index of
    the character it came from; None when nothing was typed apart (the common case, kept cheap)."""
    if not _APART_HINT.search(text):
        return None
    matches = sorted([*_SPACED_RUN.finditer(text), *_HYPHENED_RUN.finditer(text)], key=lambda m: m.start())
    if not matches:
        return None
    out: list[str] = []
    where: list[int] = []
    at = 0
    for match in matches:
        if match.start() < at:
            continue
        out.append(text[at : match.start()])
        where.extend(range(at, match.start()))
        pieces = [p for p in _PIECE_OF_RUN.finditer(match.group()) if p.group() != "-"]
        if sum(len(p.group()) > 1 for p in pieces) and sum(len(p.group()) == 1 for p in pieces) < 2:
            out.append(match.group())  # "one two three four": words alone are spoken.py's to read
            where.extend(range(match.start(), match.end()))
        else:
            for piece in pieces:
                joined = _SPELLED.get(piece.group().lower(), piece.group()) if len(piece.group()) > 1 else piece.group()
                out.append(joined)
                first, last = match.start() + piece.start(), match.start() + piece.end() - 1
                where.extend([first] * (len(joined) - 1) + [last])
        at = match.end()
    out.append(text[at:])
    where.extend(range(at, len(text)))
    return "".join(out), where


# ---- letters typed for digits (session 7) --------------------------------------------------------------------------
# "6o1.693.22o7", "9l6-452-8873", "520.555.O186", "ssn 6o3-29-ll75": O or o for a zero, l or I for a one, inside a
# number. A group of such tokens joined by dashes or dots, with more digits than letters (and three characters at
# least when it is one token), is read as the digits it shows; words ("lol", "IO", "O2") keep their letters.
_LOOKALIKE = re.compile(r"(?<![\w.-])[0-9OoIl]++(?:[-.][0-9OoIl]++)*+(?![\w-]|\.\w)")
_AS_DIGITS = str.maketrans("OoIl", "0011")


def _as_digits(match: re.Match[str]) -> str:
    group = match.group()
    digits = sum(c.isdigit() for c in group)
    letters = sum(c in "OoIl" for c in group)
    if letters and digits >= 2 and digits > letters and (len(group) >= 3):
        return group.translate(_AS_DIGITS)
    return group


def unlookalike(text: str) -> str:
    """The text with the letters typed for digits inside numbers read as digits (same length)."""
    if not re.search(r"\d[OoIl]|[OoIl]\d", text):
        return text  # no letter touches a digit: the common case, one search
    return _LOOKALIKE.sub(_as_digits, text)
