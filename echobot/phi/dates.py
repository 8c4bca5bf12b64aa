"""Dates of an individual (Safe Harbor: every element but the year): numeric dates, dates with a month's
name, ordinal days after a cue, holidays given as a day, and dates typed in a hurry after a cue word."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from echobot.phi.spoken import words_of
from echobot.phi.typed_dates import typed_dates
from echobot.phi.units import not_before_unit as _not_before_unit

Span = tuple[int, int]
IGNORE_CASE = re.IGNORECASE

_MONTH_FULL = r"(?:january|february|march|april|june|july|august|september|october|november|december)"
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\.?"
_MONTH = rf"(?:(?i:{_MONTH_FULL})|{_MONTH_SHORT}|May|MAY)"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# What may follow a numeric date: not a letter, digit, slash or dash, and a dot only as a sentence's full stop.
_DATE_END = r"(?![\w/-]|\.\w)"
_DATES = [
    re.compile(rf"(?<![\w/.-])(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{{4}}|\d{{2}}){_DATE_END}"),
    re.compile(rf"(?<![\w/.-]){_YEAR}([/.-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?:{_DATE_END}|(?=T\d))"),
    re.compile(rf"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1{_YEAR}{_DATE_END}"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    re.compile(rf"(?<![\w/.-])(?:0?[1-9]|1[0-2])/{_YEAR}{_DATE_END}"),
    re.compile(rf"\b{_DAY}-{_MONTH}-(?:{_YEAR}|\d{{2}})\b"),
    # 07MAR2024, 7mar24: a day, a month and a year run together
    re.compile(rf"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])(?i:{_MONTH_ABBR})(?:{_YEAR}|\d{{2}})(?![\w/-])"),
    # 30 jan, 2 sept 2024: a lowercase month after its day (mar, may and dec are words too, so not lowercase)
    re.compile(rf"\b(?:0?[1-9]|[12]\d|3[01])\s+(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov)\b\.?(?:,?\s+{_YEAR}\b)?"),
    # 2/3-2/9: a range of two month/day pairs
    re.compile(r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\s?-\s?(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
               r"(?![\w/-]|\.\d)"),
    re.compile(
        r"\b(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
        r"(?!\s*(?:mg|units?|%|/))"
    ),
    # 5/18/25-6/2/25: a range of two full dates
    re.compile(r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})\s?-\s?(?:0?[1-9]|1[0-2])/"
               rf"(?:0?[1-9]|[12]\d|3[01])/(?:\d{{4}}|\d{{2}}){_DATE_END}"),
]
# Cheap looks first: each numeric pattern of _DATES needs a digit, a separator and a digit; each other needs a month's
# first three letters and a digit. Split so a pattern runs only where it can match (the results are the same).
_BY_MONTH = [i in (3, 4, 5, 7, 8, 9, 11) for i in range(len(_DATES))]
_NUMERIC_DATE_HINT = re.compile(r"\d[/.-]\d")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT = re.compile(r"\d")
_PARTICIPLE = (
    r"(?!(?:scor|rat|grad|measur|improv|reduc|increas|decreas|dos|titrat|split|divid|mix|combin|dilut|rank|"
    r"lower|rais|rang|averag|need|us|requir)ed\b)[a-z]{3,}ed"
)
_EVENT_WORDS = (
    r"on|since|from|until|till|admitted|admission|discharged?|discharge|seen|visit|dated|dob|d\.o\.b\.?|born|"
    r"lmp|edd|edc|dos|dod|doa|birthday|bday|cumpleaños|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|"
    r"died|deceased|surgery|procedure|appt|appointment|started|stopped|as of|before|after|by|last|next|due|drawn|"
    r"collected|performed|done|scheduled|expires?|exp|mri|ct|ed|er|echo|ekg|ecg|egd|biopsy|restarted|resumed|"
    r"menstrual\s+period|due\s+date|delivery|delivered|fell|labs?|"
    # what happens to a patient on a day: an exposure, a test, a dose, a transfer
    r"placed|given|completed|documented|exposure|exposed|fill|filled|refilled|refill|dx|dx'd|diagnosed|tested|test|"
    r"initiated|starting|d/c'?d|d/c|dc'?d|booked|inj|injection|shot|vaccinated|immunized|received|positive|negative|"
    r"pos|neg|returned|resulted|presented|arrived|released|transferred|hospitali[sz]ed|intubated|extubated|admit|"
    r"onset|injury|accident|swab|swabbed|screened|screen|ultrasound|us|x-?ray|cxr|pet|colonoscopy|mammogram|pap|"
    r"f/u|rtc|path|pathology|op|post-?op|began|begun|finished|discontinued|held|switched|"
    r"implanted|inserted|removed|transfused|treated|tx|rx|evaluated|taken|sent|written|found|came|went|fall|falls|"
    # "Intake date 5/25", "fill dates: 5/2", "last drink 11/29", "had cath 8/4", "on day 8 = 03/22"
    r"birth|visita|cita|consulta|ingreso|ingres[oó]|alta|fecha|naci[oó]|parto|"  # Spanish: "Ultima visita: 23/08"
    r"dates?(?:\s+of\s+[a-z]+|\s+so\s+far)?|last\s+[a-z]+|had\s+(?:a\s+|an\s+|her\s+|his\s+)?[a-z]+|day\s+\d{1,3}\s*[=:]"
)  # and any past participle (in _EVENT_BEFORE, with where it happened)
# A drug or test may stand between a start or stop and its date: "started clozapine 6/1".
_START_STOP = r"(?:started|restarted|stopped|began|resumed|initiated|completed|finished|held|discontinued|switched)"
# A month/day after an event word. The date is found first and the words before it are read after, so the long
# list of event words is not tried at every word of every text.
_CUED_DATE = re.compile(
    r"(?<=\s)(?P<date>(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # 20240305: a date written as one number
    # "surgery 12 26 25", "admit 2026 11 28": a date typed with spaces
    r"|(?:0?[1-9]|1[0-2]) (?:0?[1-9]|[12]\d|3[01]) (?:(?:19|20)\d\d|\d\d)|(?:19|20)\d\d (?:0?[1-9]|1[0-2]) "
    r"(?:0?[1-9]|[12]\d|3[01]))"
    r"(?![\w/]|\.\w|-(?!\d))"
    r"|\((?P<bracketed>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\)"
)
# Where the patient was between the event and its date: "Released from jail 9/27", "seen at the wound clinic 2/11",
# "Booked into the jail 3/28", "scheduled for 12/16", "seen here on Mon. 4/8", "treated w/ bicillin 10/8".
_WHERE = (
    r"(?:\s+(?:here|there|again)|\s+(?:at|in|from|into|to|out\s+of|for|w/|with)(?:\s+(?:the|our|a|an|his|her))?"
    r"(?:\s+[a-z][a-z-]*){0,2})?"
)
_EVENT_BEFORE = re.compile(
    # any past participle but those that report a measure ("scored 4/6", "increased to 8/2"), maybe with where
    rf"\b(?:(?:seen|done|taken|drawn|given|came|went|{_PARTICIPLE}){_WHERE}|{_START_STOP}\s+[a-z][a-z-]+|{_EVENT_WORDS})"
    r"(?:['’]s)?\.?(?:\s*:)?(?:\s+(?:on\s+(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*\.?\s+)?"
    r"|of\s+|was\s+|is\s+|(?:mid-?)?(?:morning|afternoon|evening|night|noon)\s+))?\s*\Z",
    IGNORE_CASE,
)
# "day 21 (10/28)", "around Easter (3/31)": a day, then its date in brackets
_DAY_BEFORE = re.compile(
    r"\b(?:day\s+\d{1,3}|wk\s*\d{1,2}|week\s+\d{1,2}|easter|christmas|thanksgiving|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)"
    r"\s*\Z",
    IGNORE_CASE,
)
_SERIES_GAP = re.compile(
    r"(?:\s*,\s*|\s+(?:and|&|through|thru|to|until|till|-)\s+)(?:again\s+)?(?:(?i:on\s+)?(?i:mon|tue|tues|wed|thu|thur|"
    r"thurs|fri|sat|sun)\w*\.?\s+)?\Z",
    IGNORE_CASE,
)
# "overdose 1/3 this yr", "fasting 2/28 last year": a month and day of this or last year
_RANGE_AFTER = re.compile(r"\s+(?:through|thru|until|till)\s+\d", IGNORE_CASE)
_YEAR_AFTER = re.compile(r"\s+(?:this|last)\s+(?:year|yr)\b", IGNORE_CASE)
_FRACTION_AFTER = re.compile(
    r"\s+(?:of|doses?|tabs?|tablets?|pills?|sessions?|visits?|sites?|bottles?|sets?|cultures?|criteria)\b", IGNORE_CASE
)
_IN_A_PLACE = re.compile(r"\s+in\s+[a-z]")  # "on 8/15 in clinic": a preposition, not inches
# Combination doses written like a month and day ("bup/nx 8/2 film", "Norco 5/325"): not dates after a drug name.
_COMBINATION_DOSES = frozenset({"8/2", "4/1", "12/3", "16/4", "2/0.5", "5/325", "7/325", "10/325"})
# ... a drug named or started just before ("bup/nx 8/2", "started Suboxone 8/2", "on 8/2"); after "done" it is a date
_DRUG_BEFORE = re.compile(
    rf"(?:\b(?:on|of|{_START_STOP[3:-1]})|[a-z]{{3,}}(?<!done)(?<!seen)(?<!ed)|/[a-z]+)\s*\Z", IGNORE_CASE
)
_SCORE_BEFORE = re.compile(
    r"\b(?:pain|score|scale|rated|rates|worst|best|sites?|strength)\b[^.;]*$|\b(?:from|to|down|up|at|of)\s*$",
    IGNORE_CASE,
)
# "DOB", "D-O-B", "d/o/b", "D0B", then maybe its format ("mmddyy", "(day month year)"), then a token with a digit
_DOB = re.compile(
    r"\b(?:d[o0]b|d([./-])[o0]\1b\b\.?|d\.o\.b\b\.?|date\s+of\s+birth|birth\s*date|born)(?!\w)[:\s=-]*+"
    r"(?:\(?(?:mm|dd|yy|m|d|y)[mdy/.-]*+\)?\s*+:?\s*+)?"
    r"(?P<date>[^\s,;\d]*+\d[^\s,;]*+)",
    IGNORE_CASE,
)


_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_WORD_DATES = re.compile(
    rf"\b(?i:{_ORDINAL_WORDS})\s+(?:of\s+)?{_MONTH}\b|\b(?:{_MONTH}|(?i:{_MONTH_ABBR})\.?)\s+(?:the\s+)?(?i:{_ORDINAL_WORDS})\b"
    r"|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*'\d{2}\b"
)
_FOURTH_OF_JULY = re.compile(r"fourth\s+of\s+july", IGNORE_CASE)
_HOLIDAY_DATE = re.compile(
    r"\b(?i:birthday|born|dob|died|passed\s+away|deceased|anniversary)\b[^.;]{0,30}?\b(?P<date>(?i:christmas(?:\s+eve|"
    r"\s+day)?|thanksgiving|new\s+year'?s(?:\s+(?:eve|day))?|easter|halloween|valentine'?s(?:\s+day)?|"
    r"independence\s+day|fourth\s+of\s+july|july\s+4th|labor\s+day|memorial\s+day))"
)


_SPANISH_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
)
_WEEKDAY = r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ORDINAL_DAY = rf"(?:[12]?\d|3[01])(?:st|nd|rd|th)|{_ORDINAL_WORDS}"
# what may follow an ordinal day ("on the 12th and", "the 19th morning"); any other lowercase word makes it a count
_AFTER_DAY = (
    r"and|or|at|when|so|but|after|before|she|he|they|we|per|w|with|to|for|by|in|from|via|morning|afternoon|evening|night|am|pm|"
    r"of\s+(?:last|this|next|the)\s+month|of\s+" + _MONTH_FULL + r"|of\s+" + _MONTH_ABBR + r"\b"
)
_HOLIDAY = (
    r"christmas(?:\s+eve|\s+day)?|x-?mas(?:\s+eve|\s+day)?|thanksgiving(?:\s+day)?|new\s+year['’]?s(?:\s+(?:eve|day))?|"
    r"easter(?:\s+sunday)?|mardi\s+gras(?:\s+day)?|halloween|independence\s+day|the\s+fourth\s+of\s+july|july\s+4th|"
    r"labor\s+day|memorial\s+day|valentine['’]?s(?:\s+day)?|mother['’]?s\s+day|father['’]?s\s+day|"
    r"(?:st\.?|saint)\s+patrick['’]?s\s+day|cinco\s+de\s+mayo|veterans['’]?\s+day|juneteenth|the\s+ides\s+of\s+march"
)
_MORE_DATES = [
    # "on the 9th", "due the twenty third", "Thursday the 12th", "the 2nd of last month"; not "on the 3rd day"
    re.compile(
        rf"\b(?i:on|since|until|till|from|by|before|after|due|for|is|was|of|{_WEEKDAY})(?:\s*,)?\s+(?i:the)\s+"
        rf"(?P<date>(?i:{_ORDINAL_DAY}))\b(?!-)(?!\s+(?!(?i:{_AFTER_DAY})\b)[a-z])"
        rf"|\b(?i:{_WEEKDAY})(?:\s*,)?\s+(?P<day>(?:[12]?\d|3[01])(?:st|nd|rd|th))\b"
        rf"|\b(?i:the)\s+(?P<of>(?i:(?:{_ORDINAL_DAY})\s+of\s+(?:last|this|next|the)\s+month))\b"
    ),
    re.compile(r"(?<![\w/.-])(?P<date>(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/.-]|/\d)"),
    re.compile(rf"\b(?P<date>(?:[12]?\d|3[01])\s+de\s+(?i:{_SPANISH_MONTH})(?:\s+(?:de|del)\s+\d{{4}})?)\b"),
    re.compile(
        rf"\b(?i:on|since|over|after|before|at|during|by|until|till|from|was|is)\s+(?P<date>(?i:{_HOLIDAY}))\b"
        # a holiday with its year is a date whatever comes before it: "Mother's Day 2024", "Christmas Eve last year"
        rf"|\b(?P<dated>(?i:{_HOLIDAY})(?:,?\s+(?:19|20)\d\d\b|\s+(?i:this|last|next)\s+(?:year|yr)\b))"
    ),
]


_DOSE_BEFORE = re.compile(r"(?:\b(?:mg|mcg|units?|u)\b|\b[A-Z]{2,5}\s*$)[^.;]*$")


_ORDINAL_NUMERAL = re.compile(r"\d(?:st|nd|rd|th)\b")
_ORDINAL_STEMS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "teenth", "tieth")  # fmt: skip
_HOLIDAY_STEMS = ("christmas", "mas", "thanksgiving", "year", "easter", "mardi", "halloween", "independence", "fourth",
                  "july", "labor", "memorial", "valentine", "mother", "father", "patrick", "cinco", "veteran",
                  "juneteenth", "ides")  # fmt: skip


# Dates typed in a hurry (session 7): a month and day run together after a cue only a date follows ("LMP 1228",
# "due date 0314"), an ordinal day of a lowercase month ("the 3rd of jan"), a week of a month ("1st wk of june").
_HURRIED_DATE = re.compile(
    r"\b(?i:lmp|edd|edc|dob|due\s+date|birthday|bday|date\s+of\s+birth)(?:['’]s)?(?:\s*+(?::|is|was|of|-))*+\s*+"
    r"(?:0?[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:(?:19|20)\d\d|\d\d)?(?![\w/.-]|\.\d)"
)
_HURRIED_DAY = re.compile(
    rf"\b(?:(?:[12]?\d|3[01])(?i:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))\s+(?i:of)\s+(?i:{_MONTH_ABBR})\b"
    rf"|\b(?i:first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?i:wk|week|weekend)\s+(?i:of|in)\s+"
    rf"(?:{_MONTH}|(?i:{_MONTH_FULL}))\b"
)
_DATE_CUE_WORDS = frozenset({"lmp", "edd", "edc", "dob", "date", "birthday", "bday", "birth"})
_MONTH_WORDS = frozenset({*_MONTH_FULL[3:-1].split("|"), *_MONTH_ABBR[3:-1].replace("sept?", "sep|sept").split("|")})


def _has_ordinal(lowered: str) -> bool:
    return any(stem in lowered for stem in _ORDINAL_STEMS) or _ORDINAL_NUMERAL.search(lowered) is not None


def _has_holiday(lowered: str) -> bool:
    return any(stem in lowered for stem in _HOLIDAY_STEMS)


def _cued(text: str, match: re.Match[str], group: str, last_end: int) -> bool:
    """A month/day after an event word, a day in brackets after a day's name, the next of a series of dates, or
    followed by "this year"."""
    if group == "bracketed":
        return _DAY_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None
    start = match.start(group)
    return bool(
        (last_end >= 0 and start - last_end < 30 and _SERIES_GAP.search(text[last_end:start]))  # cheapest first
        or _EVENT_BEFORE.search(text[max(0, start - 60) : start])
        or _YEAR_AFTER.match(text, match.end(group))
    )


def _cued_dates(text: str) -> Iterator[Span]:
    last_end = -1  # where the last date found ends: "seen 10/29 and 11/12" is a series of dates
    for match in _CUED_DATE.finditer(text):
        group = "date" if match.group("date") else "bracketed"
        if not _cued(text, match, group, last_end):
            continue
        found = match.group(group)
        if (found.endswith("/10") and not _RANGE_AFTER.match(text, match.end(group))
                and _SCORE_BEFORE.search(text, max(0, match.start(group) - 30), match.start(group))):  # fmt: skip
            continue  # "down from 8/10" is a pain score ("from 6/10 through 6/19" is a stay)
        if _FRACTION_AFTER.match(text, match.end(group)):
            continue  # "tolerated 2/3 doses", "completed 3/4 of the sessions": a fraction
        start = match.start(group)
        if found in _COMBINATION_DOSES and _DRUG_BEFORE.search(text, max(0, start - 40), start):
            continue  # "started Suboxone 8/2": a drug's combination dose
        if not _not_before_unit(text, match.end(group)) and not _IN_A_PLACE.match(text, match.end(group)):
            continue  # "from 12-16 weeks", "by 10-20%"
        last_end = match.end(group)
        yield match.span(group)


# Safe Harbor covers the dates of an individual, not the hub's or the public's: a clause about a session, a clinic's
# closing, a guideline, a rule taking effect ("The hub's next didactic is on March 12", "clinic closed December
# 24-26", "guidelines updated Jan 2025", "changes take effect January 1 every year") with nobody in it.
_PUBLIC = re.compile(
    r"\b(?:didactic|webinar|conference|grand\s+rounds|lecture|cme|ceu|(?:hub|echo|program)(?:['’]s)?\s+(?:next\s+)?"
    r"(?:session|meeting|call|series)|(?:clinic|office|hub|program|pharmacy)\s+(?:\w+\s+){0,2}(?:closed|closes|closing)|"
    r"take[sn]?\s+effect|effective|every\s+year|each\s+year|annually|guidelines?|statement|uspstf|cdc|cms|dhhs|"
    r"posted|published|announced|unwinding|open\s+enrollment|formulary|policy|(?:send|submit)\s+(?:your\s+)?cases)\b",
    IGNORE_CASE,
)
_SOMEONE = re.compile(
    r"\b(?:pt|pts|patient|she|he|her|his|him|baby|infant|son|daughter|mom|mother|dad|father|wife|husband|dob|born|"
    r"admitted|discharged|seen|visit|delivered|died|birth|bday|birthday|d/c|dc|admit|edd|lmp|d\W?o\W?[abd]|"
    r"\d{1,3}\s?(?:yo|y/o|[mf]))\b",
    IGNORE_CASE,
)
_CLAUSE = re.compile(r"[.;!?\n]\s|\s-{1,2}\s")


def _public_clauses(text: str) -> list[tuple[int, bool]]:
    """Where each clause ends, and whether it is about the hub or the public and names no one, in order."""
    clauses = []
    left = 0
    for cut in [*_CLAUSE.finditer(text), None]:
        clause = text[left : cut.start() if cut else len(text)]
        about_no_one = _PUBLIC.search(clause) is not None and _SOMEONE.search(clause) is None
        clauses.append((cut.start() if cut else len(text), about_no_one))
        left = cut.end() if cut else len(text)
    return clauses


def date(text: str) -> Iterator[Span]:
    """Any date element but the year: 3/14/2024, 2024-03-14, March 14, 14 March 2024, March 2023,
    'on 7/4', 'DOB …'. A year alone, a month alone and relative times pass, and so do the hub's and public dates."""
    clauses: list[tuple[int, bool]] | None = None  # read once a date is found: most texts have none
    for start, end in _dates(text):
        if clauses is None:
            clauses = _public_clauses(text) if _PUBLIC.search(text) else []
        at = bisect.bisect_left(clauses, start, key=lambda clause: clause[0])
        if not (at < len(clauses) and clauses[at][1]):
            yield start, end


def _dates(text: str) -> Iterator[Span]:
    numeric = _NUMERIC_DATE_HINT.search(text) is not None
    lowered = text.lower()
    monthly = any(month in lowered for month in _MONTH_STEMS) and _DIGIT.search(text) is not None
    for pattern, by_month in zip(_DATES, _BY_MONTH, strict=True):
        if not (monthly if by_month else numeric):
            continue
        for match in pattern.finditer(text):
            if re.search(r"\d{4}", match.group()) or _not_before_unit(text, match.end()):  # "6/8/10 units": doses
                yield match.span()
    yield from _cued_dates(text)
    ordinal = _has_ordinal(lowered)
    day_month = _MORE_DATES[1]
    for pattern, wanted in zip(_MORE_DATES, (ordinal, True, " de " in lowered, _has_holiday(lowered)), strict=True):
        if not wanted:
            continue  # a cheap look for the words a pattern needs, so the pattern runs only where it can match
        for match in pattern.finditer(text):
            group = next(name for name, value in match.groupdict().items() if value)
            numeric = "/" in match.group(group)
            if pattern is day_month and not (_EVENT_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
                                             or _YEAR_AFTER.match(text, match.end())):  # fmt: skip
                continue  # like a month/day, a day/month needs its event: "hydrocortisone 15/5" is a split dose
            if match.group(group) == "24/7" or (numeric and _DOSE_BEFORE.search(text, max(0, match.start() - 30),
                                                                                match.start())):
                continue  # "NPH 20/10", "8/2 mg … then 16/4": doses
            if _not_before_unit(text, match.end(group)):  # "16/4 mg" is a dose
                yield match.span(group)
    if ordinal or "'" in text:
        for match in _WORD_DATES.finditer(text):
            if not _FOURTH_OF_JULY.fullmatch(match.group()):  # the holiday: a date only after an event (see below)
                yield match.span()
    if _has_holiday(lowered):
        for match in _HOLIDAY_DATE.finditer(text):
            yield match.span("date")
    for match in _DOB.finditer(text):
        if not re.fullmatch(r"(?:19|20)\d{2}", match.group("date").strip(".")):
            yield match.span("date")
    found = words_of(text)
    for pattern, wanted in ((_HURRIED_DATE, not _DATE_CUE_WORDS.isdisjoint(found)),
                            (_HURRIED_DAY, ordinal and not _MONTH_WORDS.isdisjoint(found))):  # fmt: skip
        for match in pattern.finditer(text) if wanted else ():
            yield match.span()
    yield from typed_dates(text, lowered)
