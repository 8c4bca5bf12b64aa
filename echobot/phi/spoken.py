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
    ("fax", re.compile(r"\b(?:fax\w*|f)\b", re.IGNORECASE)),
    ("date", re.compile(r"\b(?:dob|d\.o\.b|bday|birthday|born|lmp|edd|due\s+date)\b", re.IGNORECASE)),
    ("ssn", re.compile(r"\b(?:ssn|ss#?|soc(?:ial)?(?:\s+sec(?:urity)?)?|last\s+4)\b", re.IGNORECASE)),
    ("mrn", re.compile(r"\b(?:mrn|mnr|m\s*r\s*n|m\.r\.n|med\s*rec|hosp|chart|record|medical\s+record)\b",
                       re.IGNORECASE)),
    ("health_plan", re.compile(
        r"\b(?:medicaid|medcaid|medicade|mdcd|medicare|member|plan|insurance|policy|ahcccs|ihs)\b", re.IGNORECASE)),
    ("account", re.compile(r"\b(?:acct|account|claim|file|invoice|card)\b", re.IGNORECASE)),
    ("phone", re.compile(r"\b(?:phone|ph|fone|cel|cell|call|text|txt|tel|number|reach|#)\W", re.IGNORECASE)),
    # any other identifier's cue: the refusal is then named by the cue (cues.named_by_cue)
    ("other_code", re.compile(r"\b(?:serial|ser|imei|doc|s/n|sn|device|pump|lic|licen[cs]e|permit|plate|tag|vin|"
                              r"tribal|enrollment|case|inmate|booking|study|passport|badge|employee)\b",
                              re.IGNORECASE)),
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
    if run.cue in ("fax", "ssn", "mrn", "health_plan", "account", "date", "other_code"):
        return run.cue  # an other_code cue (serial, plate, lic…) is named more closely by cues.named_by_cue
    if len(run.digits) in (7, 10, 11):
        return "phone"
    if len(run.digits) == 9 and run.cue is None:
        return "ssn"
    return "other_code"


def spans(text: str, category: str) -> Iterator[Span]:
    for run in runs(text):
        if category_of(run) == category:
            yield run.start, run.end


# ---- a second reading: characters typed apart, numbers read aloud, joined (sessions 6 and 7) ------------------------
# "P J N 2 0 4 4 1 7 H", "plate 8 K J 4 4 2", "s h i p r o c k", "b-e-n-a-l-l-y", "mbi one E G four …": runs of
# single letters, digits and digit words typed one by one are read joined, so every detector sees what was meant.
# Session 7 reads numbers said aloud the way people say them, too: "seventy-three dot one forty-two" (73.142),
# "fifty-six twenty one nineteen" (562119), "a hundred and two" (102), "nineteen thirty" (1930), "twelve-one-fifty-
# eight" (12-1-58), and the spelling alphabets ("bravo kilo tango two two one nine", "eight-kay-jay-four").
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
         "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}  # fmt: skip
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
        "eighty": "8", "ninety": "9"}  # fmt: skip
# The NATO alphabet and the letter names nobody uses as words ("echo" and "x-ray" are tests; "bee" is kept: typed
# in a run of digits it is a letter).
LETTERS = {"alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "foxtrot": "F", "golf": "G",
           "hotel": "H", "india": "I", "juliet": "J", "juliett": "J", "kilo": "K", "lima": "L", "mike": "M",
           "oscar": "O", "papa": "P", "quebec": "Q", "romeo": "R", "sierra": "S", "tango": "T", "uniform": "U",
           "victor": "V", "whiskey": "W", "yankee": "Y", "zulu": "Z", "bee": "B", "cee": "C", "dee": "D", "gee": "G",
           "jay": "J", "kay": "K", "vee": "V", "zee": "Z", "aitch": "H"}  # fmt: skip
SPELLED_NUMBERS = sorted({*WORDS, *TEENS, *TENS, "hundred"} - {"o"}, key=len, reverse=True)
_SPELLED = {**WORDS, **TEENS, **{word: digit + "0" for word, digit in TENS.items()}, **LETTERS,
            "dash": "-", "hyphen": "-", "dot": ".", "point": ".", "slash": "/", "underscore": "_", "hundred": "00"}
_WORDS_ALTERNATION = "|".join(sorted(_SPELLED, key=len, reverse=True))
_SPELLED_WORD = rf"\b(?i:{_WORDS_ALTERNATION})\b"
# Characters typed apart: single characters, digit words and the words for a dash or a dot (numbers said with tens,
# teens and hundreds are _SAID_RUN's below; a small vocabulary keeps this pattern, tried wherever a hint is, cheap).
_APART_WORDS = "|".join(sorted({*WORDS, "dash", "hyphen", "dot", "point", *LETTERS}, key=len, reverse=True))
_ONE = rf"(?:(?<![\w'’])[A-Za-z0-9](?![\w'’])|\b(?i:{_APART_WORDS})\b)"
_SPACED_RUN = re.compile(rf"{_ONE}(?: {_ONE}){{3,}}")
_HYPHENED_RUN = re.compile(r"(?<![\w-])[A-Za-z](?:-[A-Za-z]){3,}(?![\w-])")
# Numbers said aloud: two words or more ("nine-four", "nineteen thirty", "twelve twenty eight"), or one word that
# only a number said aloud has ("seventy-three", "a hundred and two"). Capitals may stand between ("seven TRK nine").
_NUMBER_WORD = rf"(?:{_SPELLED_WORD}|(?<=\b(?i:hundred) )(?i:and)\b|(?<=\b(?i:a) )(?i:hundred)\b)"
_SAID_PIECE = rf"(?:{_NUMBER_WORD}|(?<![\w'’])[A-Z]{{1,4}}(?![\w'’])|(?<![\w'’])\d{{1,4}}(?![\w'’]))"
_SAID_RUN = re.compile(
    rf"(?:(?<![\w'’])(?i:a) (?=(?i:hundred)))?(?:{_NUMBER_WORD}|(?<![\w'’])\d{{1,4}}(?![\w'’]))"
    rf"(?:(?: ?- ?| ){_SAID_PIECE})+"
    rf"|(?i:\b(?:{'|'.join(TENS)})-(?:{'|'.join(w for w in WORDS if len(w) > 2)})\b)"
)
# Two single characters with one space or hyphen between them, or two number words side by side: every run has one
# of them, few other texts do.
_APART_HINT = re.compile(r"(?<![\w'’])[A-Za-z0-9][ -][A-Za-z0-9](?![\w'’])")
_SAID_HINT = re.compile(rf"{_SPELLED_WORD}[ -]+(?:{_SPELLED_WORD}|[A-Z]{{1,4}}\b|\d)|\b(?i:hundred)\b")
_PIECE_OF_RUN = re.compile(r"[A-Za-z]+|\d+|-")  # a run's pieces, told apart below by a dictionary look-up


def _said(run: str) -> tuple[list[tuple[str, int, int]], int]:
    """What a run says, piece by piece: (characters, start, end) in the run, and how many pieces were words."""
    pieces = [(p.group().lower(), p.start(), p.end()) for p in _PIECE_OF_RUN.finditer(run)]
    if all(end - start == 1 for _, start, end in pieces):  # characters typed one by one: each is itself
        return [(run[start], start, end) for _, start, end in pieces if run[start] != "-" or len(pieces) == 1], 0
    out: list[tuple[str, int, int]] = []
    words = 0
    i = 0
    while i < len(pieces):
        word, start, end = pieces[i]
        following = [p[0] for p in pieces[i + 1 : i + 4] if p[0] != "-"]
        if word in TENS and following and following[0] in WORDS and following[0] not in ("oh", "o", "zero"):
            unit = next(j for j in range(i + 1, len(pieces)) if pieces[j][0] != "-")
            out.append((TENS[word] + WORDS[pieces[unit][0]], start, pieces[unit][2]))
            words, i = words + 2, unit + 1
            continue
        if word in ("a", *WORDS) and following[:1] == ["hundred"]:  # "a hundred and two", "one hundred twenty"
            hundred = next(j for j in range(i + 1, len(pieces)) if pieces[j][0] == "hundred")
            rest, last = "00", pieces[hundred][2]
            j = hundred + 1 + (hundred + 1 < len(pieces) and pieces[hundred + 1][0] == "and")
            if j < len(pieces) and pieces[j][0] in TEENS:
                rest, last, j = TEENS[pieces[j][0]], pieces[j][2], j + 1
            elif j < len(pieces) and pieces[j][0] in TENS:
                ones = WORDS.get(pieces[j + 1][0], "0") if j + 1 < len(pieces) else "0"  # "one hundred twenty-two"
                k = j + 2 if ones != "0" else j + 1
                rest, last, j = TENS[pieces[j][0]] + ones, pieces[k - 1][2], k
            elif j < len(pieces) and pieces[j][0] in WORDS:
                rest, last, j = "0" + WORDS[pieces[j][0]], pieces[j][2], j + 1
            out.append((("1" if word == "a" else WORDS[word]) + rest, start, last))
            words, i = words + 2, j
            continue
        if word == "-":
            out.append(("-", start, end))
        elif word in _SPELLED and len(word) > 1:  # a letter typed alone is itself ("t-s-o-s-i-e")
            out.append((_SPELLED[word], start, end))
            words += 1
        else:
            out.append((run[start:end], start, end))
        i += 1
    # a literal hyphen between two groups of one character each is a separator ("five-seven-five", "eight-kay-jay");
    # between longer groups it is kept ("twelve-one-fifty-eight": 12-1-58)
    kept = [piece for k, piece in enumerate(out) if piece[0] != "-" or not (
        run[piece[1]:piece[2]] == "-" and 0 < k < len(out) - 1 and len(out[k - 1][0]) == 1 and len(out[k + 1][0]) == 1)]
    return kept, words


_LOWER_WORD = re.compile(r"[a-z]+")
# The words that can start a number said aloud ("o" of "h/o" and "dot" alone cannot): the cheap look before the hint.
_SPELLED_SET = frozenset(_SPELLED) - {"o", "dot", "point", "dash", "hyphen", "slash", "underscore"}


@lru_cache(maxsize=16)
def words_of(text: str) -> frozenset[str]:
    """The words of `text`, lowercased: a set lookup tells cheaply whether a pattern's words are there at all."""
    return frozenset(_LOWER_WORD.findall(text.lower()))


def _said_runs(text: str) -> list[re.Match[str]]:
    """Numbers said aloud with two words or more, or a compound like 'seventy-three'. Two digits alone are worth a
    second reading only as an age (9x) or as one group of a series ("sixty-six, two forty nine, eighty-eight, …")."""
    if _SPELLED_SET.isdisjoint(words_of(text)) or not _SAID_HINT.search(text):
        return []  # most texts have no number word at all: one set lookup
    candidates = []
    for match in _SAID_RUN.finditer(text):
        pieces, words = _said(match.group())
        said = "".join(piece for piece, _, _ in pieces)
        digits = sum(c.isdigit() for c in said)
        if words >= 1 and digits >= 2 and (words >= 2 or "-" in match.group()):
            candidates.append((match, digits >= 3 or said.startswith("9")))
    found = []
    for k, (match, enough) in enumerate(candidates):
        neighbours = [candidates[j][0] for j in (k - 1, k + 1) if 0 <= j < len(candidates)]
        series = any(_SERIES_GAP.fullmatch(text[min(match.end(), other.end()) : max(match.start(), other.start())])
                     for other in neighbours)  # fmt: skip
        if enough or series or _ADDRESS_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            found.append(match)  # "addr: seventy-seven tamarack ln": a house number
    return found


_SERIES_GAP = re.compile(r"\s*[,;/]\s*|\s+")
_ADDRESS_BEFORE = re.compile(r"\b(?i:addr|address|lives\s+at|home\s*:)\W*\Z")


def collapsed(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with every run of characters typed apart or of a number said aloud joined, and for each of its
    characters where the piece it came from starts and ends in `text` (one past); None when there is none (the common
    case, kept cheap)."""
    apart = _APART_HINT.search(text) is not None
    matches = [*_SPACED_RUN.finditer(text), *_HYPHENED_RUN.finditer(text)] if apart else []
    matches = sorted([*matches, *_said_runs(text)], key=lambda m: (m.start(), -m.end()))
    if not matches:
        return None
    out: list[str] = []
    where: list[int] = []
    ends: list[int] = []
    at = 0
    for match in matches:
        if match.start() < at:
            continue
        out.append(text[at : match.start()])
        where.extend(range(at, match.start()))
        ends.extend(range(at + 1, match.start() + 1))
        pieces, words = _said(match.group())
        if match.re is _SPACED_RUN and words and sum(len(run) == 1 for run in match.group().split()) < 2 and (
                not any(c.isdigit() for p, _, _ in pieces for c in p)):  # fmt: skip
            out.append(match.group())  # words alone that say no number
            where.extend(range(match.start(), match.end()))
            ends.extend(range(match.start() + 1, match.end() + 1))
        else:
            for joined, first, last in pieces:
                out.append(joined)
                where.extend([match.start() + first] * len(joined))
                ends.extend([match.start() + last] * len(joined))
        at = match.end()
    out.append(text[at:])
    where.extend(range(at, len(text)))
    ends.extend(range(at + 1, len(text) + 1))
    return "".join(out), where, ends


# ---- letters typed for digits (session 7) --------------------------------------------------------------------------
# "6o1.693.22o7", "9l6-452-8873", "520.555.O186", "ssn 6o3-29-ll75", "1O/O2/2O23": O or o for a zero, l or I for a
# one, inside a number. A group of such tokens joined by dashes, dots or slashes, with more digits than letters (and
# three characters at least when it is one token, or a digit then an O: "9O"), or in three parts with a digit in
# each (a date: "O5-l7-l99O"), is read as the digits it shows; words ("lol", "IO", "O2") keep their letters.
_LOOKALIKE = re.compile(r"(?<![\w./-])[0-9OoIl]++(?:[-./][0-9OoIl]++)*+(?![\w/-]|\.\w)")
_AS_DIGITS = str.maketrans("OoIl", "0011")


def _as_digits(match: re.Match[str]) -> str:
    group = match.group()
    digits = sum(c.isdigit() for c in group)
    letters = sum(c in "OoIl" for c in group)
    if letters and digits >= 2 and digits > letters and len(group) >= 3:
        return group.translate(_AS_DIGITS)
    parts = re.split(r"[-./]", group)
    if letters and len(parts) == 3 and all(any(c.isdigit() for c in part) for part in parts):
        return group.translate(_AS_DIGITS)  # "O5-l7-l99O": three parts with a digit in each, a date's shape
    if len(group) == 2 and group[0].isdigit() and group[1] in "Oo":
        return group.translate(_AS_DIGITS)  # "pt is 9O": a tens digit and an O for its zero
    return group


def unlookalike(text: str) -> str:
    """The text with the letters typed for digits inside numbers read as digits (same length)."""
    if not re.search(r"\d/?[OoIl]|[OoIl]/?\d", text):
        return text  # no letter touches a digit: the common case, one search
    return _LOOKALIKE.sub(_as_digits, text)
