"""Ages over 89 (Safe Harbor: every age over 89 and every date element that tells one, such as a birth year
before 1937): in figures, in words, by decade, after a person, in Spanish."""

from __future__ import annotations

import re
from collections.abc import Iterator

from echobot.phi.spoken import SPELLED_NUMBERS, words_of

Span = tuple[int, int]
IGNORE_CASE = re.IGNORECASE


_AGE = re.compile(
    r"(?<![\w.+])(?<!\d\s)(?P<age>9\s?\d|1\s?[0-1]\s?\d)(?:\.\d)?\s*(?:-|\s)?\s*"
    r"(?:y/?o\b|yo\b|y\s?[.-]\s?o\b\.?|yrs?\b|years?\b|year-old|yr-old|-year|year)"
    # "age 94", "Pt age = 9 4", "pt's age (per family): '90 or 91'"
    r"|\b(?:age[ds]?|aged)\s*(?:\([^()\d]{0,20}\)\s*)?(?:of\s*|is\s*|:\s*|=\s*)?['\"‘“]?"
    r"(?P<age2>9\d|1[0-1]\d|9 \d(?![\d.])|1 [01] \d(?![\d.]))\b(?!\s*[-–]\s*\d)(?!\+)"
    r"(?!\s+or\s+(?:older|over|above|more))",
    IGNORE_CASE,
)


_AGE_IS = re.compile(
    r"\b(?i:pt|patient|she|he|they)\s+(?i:is|was|turned)\s+(?:now\s+)?(?:9\d|1[01]\d)\b"
    r"(?!\s*(?:%|\+|mg|mcg|kg|lbs?|pounds|units?|years?\s+(?:since|ago|sober)|minutes|min|hours|days|weeks|months|/)"
    r"|\s+or\s+(?:older|over|above))"
)
_SPANISH_UNIT = r"(?:un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
# "93 años", "noventa y dos años", "tiene noventa y un años", "ciento tres años"
_AGE_SPANISH = re.compile(
    rf"\b(?:9\d|1[01]\d|noventa(?:\s+y\s+{_SPANISH_UNIT})?|cien(?:to\s+(?:y\s+)?{_SPANISH_UNIT})?)\s+a[nñ]os\b",
    IGNORE_CASE,
)
_AGE_DECADE = re.compile(
    r"\b(?:(?:early|mid|late)[\s-]*(?:nineties|90s)|(?:in(?:to)?\s+(?:his|her|their)\s+)(?:nineties|90s))\b"
    r"|\b(?:tenth|eleventh|10th|11th)\s+decade\b"  # "in her tenth decade": 90 to 99
    r"|\bnonagenarian\b|\bcentenarian\b|\bsupercentenarian\b"
    # "ninety something", "ninetyish", "age in 90s": a decade narrower than Safe Harbor's 90+ band
    r"|\bninety[\s-]?(?:something|ish)\b(?!\s*(?:%|percent))|\bage[ds]?\s*(?::|is|was)?\s*(?:in\s+(?:the\s+)?)?"
    r"(?:90s|nineties)\b"
    # an age word or a person, and soon after it the age in brackets: "age: XCIV (94)", "pt is 4 score and 15 (95)"
    r"|\b(?:age[ds]?|(?:pt|patient|she|he)\s+(?:is|was))\b[^.;\n()]{0,24}\((?:9\d|1[01]\d)\)",
    IGNORE_CASE,
)
# "94M", "97yof", "103yom", "92 y/o F"; not a temperature (">110F", "temp 101F")
_AGE_SEX = re.compile(
    r"(?<![\w.+/<>~°-])(?<!(?i:temp|tmax|ever|heat) )(?<!(?i:temp|tmax|ever|heat))(?:9\d|1[01]\d)"
    r"(?:\s?(?:y/?o|yo)?\s?[MF]\b|\s?(?i:y/?o|yo|yr|y)\s?(?i:[mf])\b)"
)
# "ninety-four years old", "ninety 5 y/o", "one hundred and two yrs"; "age ninety", "aged a hundred"
_AGE_WORDS = re.compile(
    r"\b(?:ninety|(?:a|one)\s+hundred(?:\s+and)?)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|\d))?"
    r"[\s-]+(?:years?|yrs?|y/?o\b|yo\b|y\.o)(?:[\s-]+old)?\b"
    r"|\b(?:age[ds]?)\s*(?:of|is|was|:|=)?\s*(?:ninety|(?:a|one)\s+hundred)\b",
    IGNORE_CASE,
)
_AGE_EVENT = re.compile(
    r"\b(?:turned|turns|turning|celebrated\s+(?:his|her|their)|reached)\s+(?:9\s?\d|1\s?[01]\s?\d|ninety|"
    r"(?:a|one)\s+hundred)\b"
    r"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b",
    IGNORE_CASE,
)


_BIRTH_YEAR = re.compile(r"\b(?:born\s+|b\.\s*)(?:in\s+)?(?P<year>19[0-3]\d)\b", IGNORE_CASE)  # "b.1930"
_AGE_BARE = re.compile(
    r"\b(?:pt|patient|she|he)\s*\((?P<a>9\d|1[01]\d)\)|(?<![\w/])[MF],\s*(?P<b>9\d|1[01]\d)\s*,"
    r"|\b(?P<c>(?i:ninety|one\s+hundred(?:\s+and)?)[\s-]+(?i:one|two|three|four|five|six|seven|eight|nine))\b"
    r"(?!\s*(?i:minutes|min|mg|percent|%|days|seconds|units))"
)
BIRTH_YEAR_OF_90 = 1936  # born in or before this year: 90 or older in 2026
# A birth year under any of its names: "DOB 1934", "YOB '31", "year of birth 1929", "birth year is 1933".
_BIRTH_YEAR_CUED = re.compile(
    r"\b(?:dob|d\.o\.b\.?|yob|year\s+of\s+birth|birth\s*year|born)"
    r"(?:\s*(?:year|is|was|in|of|:|-|around|about|circa|ca\.?))*\s*(?:(?P<year>19[0-3]\d)|['’](?P<yy>[0-3]\d))\b",
    IGNORE_CASE,
)
# What every age pattern needs: a number from 90 to 119, a year before 1940, a number in words, "-narian".
_AGE_HINT = re.compile(r"(?<!\d)(?:9\d|1[01]\d|19[0-3]\d|9\s\d|1\s[01]\s\d)(?!\d)|['’][0-3]\d|\d\s*\+\s*\d")
# ... or a number in words, "-narian", a decade (stems, looked for in the lowercased text), an age in roman numerals
_AGE_STEMS = ("nine", "hundred", "narian", "noventa", "cien", "decade")
_ROMAN = ("xc", "xci", "xcii", "xciii", "xciv", "xcv", "xcvi", "xcvii", "xcviii", "xcix", "c", "ci", "cii", "ciii",
          "civ", "cv", "cvi", "cvii", "cviii", "cix", "cx")  # fmt: skip
_ROMAN_HINT = frozenset(_ROMAN) - {"c", "ci", "cv", "cx"}  # common words and abbreviations too
_SPELLED_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_AGE_NUMBER = (
    rf"(?:9\d|1[01]\d|ninety(?:[\s-]+{_SPELLED_UNIT}|\s+something|\s*-?ish)?|nine[\s-]+{_SPELLED_UNIT}"
    rf"|(?:a|one)\s+hundred(?:\s+and)?(?:[\s-]+{_SPELLED_UNIT})?|1\s0\s\d|9\s\d)"
)
# An age in a demographic position, with no age word: a person, a little linking, the number, and no unit after it
# ("grandpa is 94", "his father (91)", "a woman of 92", "she'll be 100", "F/92", "pt 94 still lives alone").
_AGE_AFTER_PERSON = re.compile(
    r"\b(?i:pt|patient|she|he|they|woman|man|gentleman|lady|elder|veteran|resident|grand(?:mother|father|ma|pa)|"
    r"mother|father|mom|dad|husband|wife|spouse|aunt|uncle|great-grand(?:mother|father)|oldest(?:\s+pt|\s+patient)?|"
    r"female|male|matriarch|patriarch|widow(?:er)?|abuel(?:it)?[oa]|mrs?\.?|ms\.?|miss|case(?=\s*:))"
    r"(?:['’]s)?(?:\s*(?:,|\(|:|-)|['’]ll\s+be|\s+(?i:is|was|who['’]s|who\s+is|will\s+be|['’]ll\s+be|be|now|about|around|"
    r"approximately|approx\.?|~|of|aged?|turning|just))*\s*"
    rf"(?P<age>(?i:{_AGE_NUMBER}))(?!(?<=90)\+|\s+or\s+(?:older|over|above))"
    r"(?![\d.,]\d|\+?\s*(?i:%|percent|mg|mcg|g\b|kg|lbs?|pounds|units?|minutes?|min\b|hours?|hrs?\b|days?|weeks?|wks?|"
    r"months?|mos?\b|/|mmhg|bpm|beats|cm|mm|ml|sec|times|x\b|°|degrees|meters|feet|ft\b|miles|percentile|th\b))"
    r"|(?<![\w/.-])[MF]\s*[/,]?\s*(?P<sexed>9\d|1[01]\d)(?![\w.%/+])"
    r"|\b(?i:tiene|tenía|cumple|cumplió)\s+(?P<es>9\d|1[01]\d)\s+(?i:a[nñ]os)",
)


_WARMTH = re.compile(r"(?i:temp|tmax|t\s?max|fever|febrile|°|degrees|heat|stored|storage|fridge|car|room|weather)")
_UNIT_AFTER = (
    r"(?!\s*(?i:%|percent|mg|mcg|g\b|kg|lbs?|pounds|units?|min|minutes|hours|hrs|days|weeks|months|miles|mmhg|bpm|"
    r"/|°|degrees|cm|ml))"
)
_OVER_89 = r"(?:9\d|1[01]\d)"
# An age told without its figure or with a sum (session 8): "pushing 95", "nearly a hundred", "99 and a half",
# "At 95, she…", "still alive at 101", "90 + 6 yrs", "pt is 89 + 4 = 93", "XCIV years old", "age: xc".
_AGE_TOLD = [
    # said of a person ("she's pushing 95", "the old man is nearly 100"; not "HR nearly 100"), or "nearly a hundred"
    (re.compile(rf"\b(?i:she|he|pt|patient|they|man|woman|lady|gentleman|mom|dad|grand(?:ma|pa|mother|father)|mother|"
                rf"father)(?:['’]s|\s+(?i:is|was|will\s+be|must\s+be|who['’]s))\s+['\"‘“]?(?i:pushing|nearly|almost|"
                rf"close\s+to|approaching|going\s+on|near(?:ing)?)\s+(?:9[1-9]|1[01]\d)\b{_UNIT_AFTER}"
                # "pushing 97" alone, but not a vital sign's ("HR pushing 110")
                rf"|(?<!(?i:hr|bp) )(?<!(?i:sbp|dbp|map|bgs) )(?<!(?i:rate|sats) )(?<!(?i:sugar|pulse) )"
                rf"(?<!(?i:glucose) )\b(?i:pushing)\s+(?:9[1-9]|1[01]\d)\b{_UNIT_AFTER}"
                rf"|\b(?i:pushing|nearly|almost|close\s+to|approaching|going\s+on)\s+(?i:a|one)\s+hundred\b"
                rf"(?!\s+(?!(?i:years?|yrs?|now|and|but|or|per|according)\b)[a-z]){_UNIT_AFTER}"),
     frozenset({"pushing", "nearly", "almost", "close", "approaching", "going", "near", "nearing"})),
    (re.compile(rf"(?<![\w.])(?:{_OVER_89})\s+(?i:and\s+a\s+half)\b"), frozenset({"half"})),
    # "At 95, she is the oldest": at the start of a sentence or clause ("sat at 95, she…" is a saturation)
    (re.compile(rf"(?:^|(?<=[.;:!?,\n])|(?<=[.;:!?,\n•-] ))(?i:at)\s+(?:(?i:age)\s+)?{_OVER_89}\s*,?\s+"
                r"(?i:she|he|they|pt|patient)\b", re.MULTILINE), frozenset({"at"})),
    (re.compile(rf"\b(?i:alive|died|passed(?:\s+away)?)\s+at\s+(?:(?i:age)\s+)?{_OVER_89}\b{_UNIT_AFTER}"),
     frozenset({"alive", "died", "passed"})),
    (re.compile(r"\b(?:(?i:age[ds]?)\s*[:=]?\s*(?i:xc(?:ix|iv|v?i{0,3})|c(?:ix|iv|v?i{1,3}|x))|"
                r"(?i:xc(?:ix|iv|v?i{0,3})|c(?:ix|iv|v?i{0,3}|x)?)\s+(?i:years?\s+old|y/?o))\b"),
     frozenset(_ROMAN)),
]
_AGE_SUM = re.compile(
    r"(?<![\w.])(?P<a>[89]\d)\s*\+\s*(?P<b>\d{1,2})(?:\s*=\s*(?P<c>\d{2,3}))?\s*(?:y/?o\b|yrs?\b|years?\b)?",
    IGNORE_CASE,
)
_PERSON_IS = re.compile(r"\b(?i:pt|patient|she|he|they)(?:['’]s|\s+(?i:is|was))\s+\Z")


def _sums(text: str) -> Iterator[Span]:
    """"90 + 6 yrs", "pt is 89 + 4 = 93": an age written as a sum, after a person or before an age word."""
    for match in _AGE_SUM.finditer(text) if "+" in text else ():
        total = int(match.group("a")) + int(match.group("b"))
        aged = match.group().rstrip()[-1].isalpha() or _PERSON_IS.search(text, max(0, match.start() - 16),
                                                                         match.start())  # fmt: skip
        if 90 <= total < 120 and aged and (match.group("c") is None or int(match.group("c")) == total):
            yield match.span()


def _ages_without_an_age_word(text: str) -> Iterator[Span]:
    for match in _BIRTH_YEAR_CUED.finditer(text):
        year = int(match.group("year") or "19" + match.group("yy"))
        if year <= BIRTH_YEAR_OF_90:
            yield match.span()
    for match in _AGE_AFTER_PERSON.finditer(text):
        group = "age" if match.group("age") else "sexed" if match.group("sexed") else "es"
        if match.group(group).strip() != "90" or text[match.end(group) : match.end(group) + 1] != "+":
            yield match.span(group)


def age_over_89(text: str) -> Iterator[Span]:
    """Ages of 90 and over ('93-year-old', 'aged 91', '94M', 'ninety-two-year-old', 'turned 95'); the band
    '90+' passes. 'Ninety-four' inside a longer number said aloud ('three one eight, sixty ninety-four') is that
    number's, not an age."""
    lowered = text.lower()
    if not (_AGE_HINT.search(text) or any(stem in lowered for stem in _AGE_STEMS)
            or not _ROMAN_HINT.isdisjoint(words_of(text))):  # fmt: skip
        return  # every age pattern below needs a number from 90 to 119, an old year or a number in words
    for span in _ages(text):
        if not _inside_a_number_said(text, *span):
            yield span


_NUMBER_WORD_BEFORE = re.compile(rf"(?:\b(?i:{'|'.join(SPELLED_NUMBERS)})|\d)[\s,/-]+\Z")
_NUMBER_WORD_AFTER = re.compile(rf"[\s,/-]+(?:(?i:{'|'.join(SPELLED_NUMBERS)})\b|\d)")
_AGE_WORD_IN = re.compile(r"(?i:years?|yrs?|y/?o\b|yo\b)")
_SAID_AGE_START = re.compile(r"(?i:ninety|nine|one\s+hundred|a\s+hundred)\b")


def _inside_a_number_said(text: str, start: int, end: int) -> bool:
    if not _SAID_AGE_START.match(text, start) or _AGE_WORD_IN.search(text, start, end):
        return False  # "moca 14 NINETY-FOUR YEARS OLD": with its age word it is an age
    return bool(_NUMBER_WORD_BEFORE.search(text, max(0, start - 12), start) or _NUMBER_WORD_AFTER.match(text, end))


def _ages(text: str) -> Iterator[Span]:
    for match in _AGE.finditer(text):
        if text[match.end() : match.end() + 1] != "+":
            yield match.span()
    for match in _BIRTH_YEAR.finditer(text):
        if int(match.group("year")) <= BIRTH_YEAR_OF_90:
            yield match.span()
    yield from _ages_without_an_age_word(text)
    yield from _sums(text)
    for match in _AGE_SEX.finditer(text):
        if not (match.group().endswith("F") and _WARMTH.search(text, max(0, match.start() - 24), match.start())):
            yield match.span()  # "fever to 101F", "stored at 100 F": a temperature
    for pattern in (_AGE_WORDS, _AGE_EVENT, _AGE_DECADE, _AGE_SPANISH, _AGE_IS, _AGE_BARE):
        for match in pattern.finditer(text):
            yield match.span()
    found = words_of(text)
    for pattern, words in _AGE_TOLD:  # each only where its words are
        for match in pattern.finditer(text) if not words.isdisjoint(found) else ():
            yield match.span()
