"""Dates typed in a hurry or to dodge a pattern (session 8): a month and day glued ("DEC21", "21dec"), digits typed
apart after a date's cue ("d/c 4 . 20 . 26", "D-O-B 09 06 2000", "DOA 0 8 1 4 2 3"), a day in words beside a
month ("SEPT ONE", "twenty third jan", "catorce de febrero"), a date in number words after a cue ("ADMIT ELEVEN
TWO", "dob: oh-seven / twelve / nineteen eighty-eight"), an ordinal day after a weekday or a month and year ("Tues
the 14th", "nov 71, the 22nd"), a holiday after an event ("edd christmas eve", "admitted Thanksgiving Day")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from echobot.phi.spoken import words_of

Span = tuple[int, int]
IGNORE_CASE = re.IGNORECASE

_MONTH_ANY = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# a month and its day glued, either way round: "DEC21", "sept9", "21dec" (not "jun2024": a year)
_GLUED = re.compile(rf"(?<![\w/.-])(?:(?i:{_MONTH_ANY})\.?{_DAY}|{_DAY}(?i:{_MONTH_ANY}))(?![\w/-]|\.\d)")
# a cue only a date follows, typed any way: "D-O-B", "d/o/b", "D0B", "d/c", "DOA", "visit date", "delivery date"
_CUE = (
    r"\b(?:d[o0]b|d[o0][ad]|d([./-])[o0]\1[bad]|d\s[o0]\sb|d\s?/\s?c|dc|admit(?:ted)?|admission|discharged?|edd|edc|lmp|"
    r"(?:visit|delivery|surgery|due|birth|admission|discharge|service|intake|injury|death)\s+date|"
    r"date\s+of\s+(?:birth|death|admission|discharge|service|visit|surgery|injury)|fecha\s+de\s+nacimiento)(?!\w)"
)
# what may stand between the cue and its date: "=", ":", "is", a format ("mmddyy", "(day month year)")
_LINK = (
    r"(?:\s*+(?:[:=#-]|is|was|on|(?:\(\s*)?(?:yyyy|year|month|day|mm|dd|yy|m|d|y)(?:[\s/.-]*+(?:yyyy|year|month|"
    r"day|mm|dd|yy|m|d|y))*+(?:\s*\))?(?=[\s:]))(?!\w))*+\s*+"
)
_DOSE_AFTER = re.compile(r"\s*(?i:mg|mcg|g|units?|u|ml|%|x|tabs?|pills?|times)\b")
_FORMAT = re.compile(r"(?i:mm|dd|yy)")
_APART = re.compile(rf"(?i:{_CUE}){_LINK}(?P<digits>[\dOl](?:[ .\-/]*+[\dOl]){{3,9}})(?![\w/]|\.\d)")

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}  # fmt: skip
_CARDINAL = rf"(?:(?:twenty|thirty)(?:[\s-]?(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
_ORDINAL_UNITS = "|".join(word for word, value in _ORDINALS.items() if value < 10)
_ORDINAL = rf"(?:(?:twenty|thirty)[\s-]?(?:{_ORDINAL_UNITS})|{'|'.join(_ORDINALS)})"
_DAY_WORD = rf"(?:{_ORDINAL}|{_CARDINAL})"
# a month then its day in words or as an ordinal numeral ("SEPT ONE", "jan thirty", "may 2nd", "may the 8th"); a day
# in words then its month ("twenty-two march", "twenty third jan"). "may", "mar" and "march" are words too: with a
# number word they need a capital or an ordinal ("May twelve", "may the 8th"), never "one may". The Fourth of July is
# a holiday: a date only as an event's day (_HOLIDAY_EVENT).
_WORDED = re.compile(
    rf"\b(?:(?i:{_MONTH_ANY})(?<!\bmay)(?<!\bmar)(?<!\bmarch)|May|Mar|March|MAY|MAR|MARCH)\.?\s+(?:the\s+)?"
    rf"(?i:{_DAY_WORD})\b(?![\s-]+(?i:of|times|more|days?|weeks?|doses?|tabs?|pills|mg|percent|hundred|thousand)\b)"
    rf"|\b(?i:{_MONTH_ANY})\.?\s+(?:the\s+)?{_DAY}(?i:st|nd|rd|th)\b"
    rf"|\b(?!(?i:fourth\s+of\s+july))(?i:{_DAY_WORD})(?:\s+of)?\s+(?:(?i:{_MONTH_ANY})(?<!\bmay)(?<!\bmar)(?<!\bmarch)|May|March|MAY|MARCH)\b"
)
_SPANISH_DAY = (
    r"(?:primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci(?:s[eé]is|"
    r"siete|ocho|nueve)|veinte|veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|treinta(?:\s+y\s+uno)?)"
)
_SPANISH_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
)
# "catorce de febrero", "quince de marzo de mil novecientos setenta" ("cinco de mayo" is the holiday)
_SPANISH = re.compile(rf"\b(?i:{_SPANISH_DAY})\s+(?i:de)\s+(?i:{_SPANISH_MONTH})\b(?<!(?i:cinco de mayo))")
# number words after a date's cue: "ADMIT ELEVEN TWO", "dob: oh-seven / twelve / nineteen eighty-eight"
_NUMBER_WORD = rf"(?:oh|zero|{'|'.join(_TENS)}|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
_SAID = re.compile(
    rf"(?i:{_CUE}){_LINK}(?P<said>(?i:{_NUMBER_WORD})(?:(?:\s*/\s*|[\s-]+)(?i:{_NUMBER_WORD})){{1,7}})\b"
    r"(?!\s*(?i:times|x\b|days?|weeks?|months?|hours?|doses?|meds|pills|tabs|mg|units?|%))"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|wednesday|tuesday|thursday|saturday"
_ORDINAL_DAY = rf"(?:[12]?\d|3[01])(?:st|nd|rd|th)|{_ORDINAL}"
# an ordinal day after a weekday ("Tues the 14th", "Saturday night, the 22nd") or after a month and year ("born in
# nov 71, the 22nd")
_THE_DAY = re.compile(
    rf"\b(?i:(?:{_WEEKDAY})\.?(?:\s+(?:night|morning|afternoon|evening))?|{_MONTH_ANY}\.?\s+(?:['’]?\d\d|(?:19|20)\d\d))"
    rf"(?:\s*,)?\s+(?i:the)\s+(?P<day>(?i:{_ORDINAL_DAY}))\b"
)
_HOLIDAY = (
    r"christmas(?:\s+eve|\s+day)?|x-?mas(?:\s+eve|\s+day)?|thanksgiving(?:\s+day)?|new\s+year['’]?s(?:\s+(?:eve|day))?|"
    r"easter(?:\s+sunday)?|halloween|independence\s+day|(?:the\s+)?fourth\s+of\s+july|july\s+4th|labor\s+day|"
    r"memorial\s+day|valentine['’]?s(?:\s+day)?|mother['’]?s\s+day|father['’]?s\s+day|veterans['’]?\s+day|juneteenth|"
    r"(?:mlk|martin\s+luther\s+king(?:\s+jr\.?)?|presidents['’]?|columbus|indigenous\s+peoples['’]?)\s+day"
)
# a holiday as the day of an event: "edd christmas eve", "Admitted Thanksgiving Day", "came in on the eve of MLK day",
# "admit: memorial day weekend"
_HOLIDAY_EVENT = re.compile(
    rf"\b(?i:edd|edc|lmp|due|dob|born|admit(?:ted)?|admission|discharged?|d/c|dc|delivered|delivery|died|seen|surgery|"
    rf"came\s+in|presented|overdosed?|od|injured|fell)(?:\s*:)?\s+(?i:on\s+)?(?P<date>(?i:the\s+(?:eve|day)\s+(?:of|after|"
    rf"before)\s+)?(?i:{_HOLIDAY}))\b"
)
# a short month written as a word ("may", "mar", "dec") and a day, after a weekday or a date's cue: "sat may 25",
# "d/c: may 30"
_SHORT_MONTH_DAY = re.compile(
    rf"\b(?:(?i:{_WEEKDAY})\.?,?|(?i:{_CUE})(?:\s*:)?)\s+(?P<date>(?i:{_MONTH_ANY})\.?\s+{_DAY})\b(?!\s*(?:mg|%|/|\.\d))"
)
# The words each pattern needs (a set look-up first, so a pattern runs only where it can match).
_MONTH_WORDS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                          "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                          "november", "dec", "december"})  # fmt: skip
_SPANISH_MONTHS = frozenset(_SPANISH_MONTH[3:-1].split("|"))
_DAY_WORDS = frozenset({*_UNITS, *_TEENS, *_TENS, *_ORDINALS, "st", "nd", "rd", "th"})
_NUMBER_WORDS = frozenset({*_UNITS, *_TEENS, *_TENS, "oh", "zero"})
_CUE_WORDS = frozenset({"d", "dob", "d0b", "doa", "dod", "dc", "admit", "admitted", "admission", "discharge",
                        "discharged", "edd", "edc", "lmp", "date", "fecha"})  # fmt: skip
_WEEKDAYS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday"})  # fmt: skip
_HOLIDAY_WORDS = frozenset({"christmas", "xmas", "mas", "thanksgiving", "easter", "halloween", "independence", "july",
                            "labor", "memorial", "valentine", "valentines", "juneteenth", "mlk", "presidents",
                            "columbus", "indigenous"})  # fmt: skip
_DAY_HOLIDAY_WORDS = frozenset({"mother", "mothers", "father", "fathers", "veterans", "king"})  # "... day"


def _holiday_named(found: frozenset[str]) -> bool:
    return (not _HOLIDAY_WORDS.isdisjoint(found) or ("day" in found and not _DAY_HOLIDAY_WORDS.isdisjoint(found))
            or ("new" in found and ("year" in found or "years" in found)))  # fmt: skip


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _a_date(pieces: list[str]) -> bool:
    """Digits typed apart read as month, day (and year), either order: ["4", "20", "26"], ["0", "9", "1", "5"]."""
    if all(len(piece) == 1 for piece in pieces):  # "0 8 1 4 2 3": single digits, joined
        joined = "".join(pieces)
        if len(joined) not in (4, 6, 8):
            return False
        pieces = [joined[:2], joined[2:4]] + ([joined[4:]] if len(joined) > 4 else [])
    if len(pieces) not in (2, 3) or any(len(piece) > 2 for piece in pieces[:2]):
        return False
    if len(pieces) == 3 and len(pieces[2]) not in (2, 4):
        return False
    first, second = int(pieces[0]), int(pieces[1])
    return _valid(first, second) or _valid(second, first)


def _number(words: list[str]) -> str:
    """Number words read as the digits they say: ["oh", "seven"] -> "07", ["nineteen", "eighty", "eight"] -> "1988"."""
    out = ""
    i = 0
    while i < len(words):
        word = words[i]
        if word in _TENS and i + 1 < len(words) and words[i + 1] in _UNITS:
            out += str(_TENS[word] + _UNITS[words[i + 1]])
            i += 2
            continue
        out += "0" if word in ("oh", "zero") else str({**_UNITS, **_TEENS, **_TENS}[word])
        i += 1
    return out


def _said_date(said: str) -> bool:
    """"eleven two", "oh-seven / twelve / nineteen eighty-eight", "twenty / eleven / sixty-two": a month and day."""
    if "/" in said:
        groups = [_number(re.findall(r"[a-z]+", group.lower())) for group in said.split("/")]
    else:
        groups = [_number([word]) for word in re.findall(r"[a-z]+", said.lower()) if word not in ("oh", "zero")]
    if len(groups) < 2 or not all(groups[:2]) or any(len(group) > 2 for group in groups[:2]):
        return False
    first, second = int(groups[0]), int(groups[1])
    return _valid(first, second) or _valid(second, first)


def typed_dates(text: str, lowered: str) -> Iterator[Span]:
    """Dates typed in a hurry or apart (see the module's doc)."""
    found = words_of(text)
    months = not _MONTH_WORDS.isdisjoint(found)
    patterns = [
        (_GLUED, months),
        (_WORDED, months and not _DAY_WORDS.isdisjoint(found)),
        (_SPANISH, not _SPANISH_MONTHS.isdisjoint(found)),
    ]
    for pattern, wanted in patterns:
        for match in pattern.finditer(text) if wanted else ():
            yield match.span()
    cued = not _CUE_WORDS.isdisjoint(found)
    for match in _SHORT_MONTH_DAY.finditer(text) if months and (cued or not _WEEKDAYS.isdisjoint(found)) else ():
        yield match.span("date")
    for match in _APART.finditer(text) if cued else ():
        pieces = re.split(r"[ .\-/]+", match.group("digits").translate(str.maketrans("Ol", "01")))
        if len(pieces) == 1 and _FORMAT.search(text, match.start(), match.start("digits")):
            pieces = list(pieces[0])  # "DOB mmddyy 110887": a format, then the digits run together
        if _a_date(pieces) and not _DOSE_AFTER.match(text, match.end("digits")):  # "dc 5 . 10 . 15 mg": a taper
            yield match.span("digits")
    for match in _SAID.finditer(text) if cued and not _NUMBER_WORDS.isdisjoint(found) else ():
        if _said_date(match.group("said")):
            yield match.span("said")
    if " the " in lowered and (months or not _WEEKDAYS.isdisjoint(found)):
        for match in _THE_DAY.finditer(text):
            yield match.span("day")
    for match in _HOLIDAY_EVENT.finditer(text) if _holiday_named(found) else ():
        yield match.span("date")
