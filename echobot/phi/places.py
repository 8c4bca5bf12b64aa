"""Towns named with no cue word: a gazetteer of US populated places (data/us_places.txt).

`lives in Crownpoint` is caught by the cue detectors in `detectors.py`; `drove in from crownpoint`,
`Lame Deer pt`, `from truth or consequences` need to know the town. The rules keep clinical text
clean: a one-word town that is also an everyday word (Hope, Normal, Grants) counts only when
capitalised after a place cue; one that is a person's name, an eponym or part of a score, sign or
disease (Bethesda category, Lyme disease, Glasgow coma scale, Addison's) does not count; a lowercase
phrase of several words needs a place cue before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from echobot.phi.lexicon import (
    CLINICAL_SHORTHAND,
    DRUG_BRANDS,
    EPONYM_NOUNS,
    EPONYMS,
    FIRST_NAMES,
    LARGE_REGIONS,
    NOT_PLACES,
    PEOPLES,
    SURNAMES,
    US_STATES,
)
from echobot.phi.spoken import words_of

Span = tuple[int, int]
LONGEST = 4  # words in the longest name looked up
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
_CUES = frozenset({"in", "from", "near", "past", "to", "outside", "around", "toward", "towards", "de", "en",
                   # a part of a town: "lives in southeast Fresno", "rural Gallup"
                   "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "rural",
                   "downtown", "uptown", "outer", "inner"})  # fmt: skip
# A lowercase phrase of several words ("show low", "cut off", "new site") is a town only after one of these:
# "to" and "in" precede verbs and ordinary nouns too often ("continue to show low potassium").
_STRONG_CUES = frozenset({"from", "near", "past", "outside", "around"})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta", "mister", "nurse", "doctor"})
_CONNECTORS = frozenset({"or", "of", "and", "de", "la", "del", "el", "los", "las", "the", "on", "by", "in"})
_NOT_AFTER = EPONYM_NOUNS | frozenset({"criteria", "category", "system", "model", "shunt", "questionnaire",
                                      "inventory", "method", "approach", "trial", "study", "cohort", "program",
                                      "consensus", "nomenclature", "classification", "conference", "statement",
                                      "funded", "fund", "act", "clinic", "center", "centre", "line", "drain",
                                      "catheter", "frame", "pulse", "encephalitis", "bed", "splint", "tube",
                                      "needle", "port", "brand", "tablet", "tablets", "mg"})  # fmt: skip


# Towns whose names are also diseases, scores, classifications and regions in clinical text.
NOT_TOWNS = frozenset({
    "coxsackie", "epworth", "framingham", "bethesda", "lyme", "norwalk", "glasgow", "ottawa", "duke", "richmond",
    "tanner", "gleason", "bishop", "cushing", "wells", "mayo", "appalachia", "marburg", "hartford", "lewisville",
    "seattle", "wellington", "geneva", "florence", "augusta", "victoria", "beck", "ranson", "canton", "apgar",
    "foley", "vanderbilt", "edinburgh", "denver", "philadelphia", "rankin", "rochester", "cleveland", "boston",
    # drug brands, devices, signs and studies (checked against a list of common brand and device names)
    "norco", "hickman", "penrose", "stryker", "pratt", "alvarado", "corrigan", "tuskegee", "la crosse",
})  # fmt: skip


@dataclass(frozen=True)
class Gazetteer:
    names: frozenset[str]  # lowercased, words separated by single spaces
    everyday: frozenset[str]  # one-word names that are also English words
    longest: dict[str, int]  # first word of a name of several words -> most words such a name has
    starts: frozenset[str]  # every name's first word: only a word in it can begin a town's name


@cache
def gazetteer() -> Gazetteer:
    names: set[str] = set()
    everyday: set[str] = set()
    longest: dict[str, int] = {}
    text = resources.files("echobot.phi").joinpath("data/us_places.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name = line.removesuffix(" *")
        names.add(name)
        if line.endswith(" *"):
            everyday.add(name)
        words = name.split()
        if len(words) > 1:
            longest[words[0]] = max(longest.get(words[0], 0), min(len(words), LONGEST))
    return Gazetteer(frozenset(names), frozenset(everyday), longest, frozenset(name.split()[0] for name in names))


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not (word.isupper() and len(word) > 1)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in ".!?:;\n•-*>"


def _cued(words: list[re.Match[str]], i: int, text: str) -> bool:
    if i == 0:
        return False
    previous = words[i - 1]
    between = text[previous.end() : words[i].start()]
    return previous.group().lower() in _CUES and between.strip() == ""


def _named_thing(text: str, end: int) -> bool:
    """Followed by 's, or by a word (within two) that makes it a disease, score or sign (Lyme disease,
    Bethesda category, Epworth sleepiness scale)."""
    rest = text[end:]
    if rest[:2] in ("'s", "’s") or rest[:1] == "-":
        return True
    following = rest.split(maxsplit=2)[:2]
    if any(word.lower().strip(".,;:()") in _NOT_AFTER for word in following):
        return True
    return bool(_YEAR_IN_BRACKETS.match(rest))  # "(Chapel Hill 2012)": a consensus named by its town and year


_WEAK_CUES = frozenset({"to", "toward", "towards", "en", "de"})
_YEAR_IN_BRACKETS = re.compile(r"\s(?:19|20)\d\d\)")


def known_places(text: str, *, shouting: bool = False) -> Iterator[Span]:
    """Spans of US town names the rules above count as places. In a text typed in capitals, a town that is also
    an English word does not count after "to": its capital letter says nothing ("WANTS TO START BUP")."""
    places = gazetteer()
    words = list(_WORD.finditer(text))
    lowered = [w.group().lower().replace("’", "'") for w in words]
    i = 0
    while i < len(words):
        if lowered[i] not in places.starts:
            i += 1  # no town's name begins with this word: the common case, one set look-up
            continue
        found = 0
        for n in range(min(places.longest.get(lowered[i], 1), len(words) - i), 0, -1):
            if n > 1 and any(text[a.end() : b.start()] != " " for a, b in pairwise(words[i : i + n])):
                continue  # a name's words are separated by single spaces
            phrase = " ".join(lowered[i : i + n])
            if phrase in places.names and _counts(text, words, i, n, phrase, places.everyday) and not (
                    shouting and phrase in places.everyday and lowered[i - 1] in _WEAK_CUES):  # fmt: skip
                found = n
                break
        if found:
            yield words[i].start(), words[i + found - 1].end()
            i += found
        else:
            i += 1


_SPANISH_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "del", "al"})
_PEOPLE_WORDS = frozenset({"nation", "nations", "tribe", "tribes", "tribal", "people", "language", "youth", "family",
                           "families", "elders", "elder", "ceremony", "ceremonies", "speaker", "speakers", "culture",
                           "heritage", "descent", "community", "member", "members", "man", "woman"})  # fmt: skip


def _a_people_word_after(text: str, end: int) -> bool:
    following = text[end:].split(maxsplit=1)[:1]
    return bool(following) and following[0].lower().strip(".,;:()") in _PEOPLE_WORDS


def _counts(text: str, words: list[re.Match[str]], i: int, n: int, phrase: str, everyday: frozenset[str]) -> bool:
    group = words[i : i + n]
    if _named_thing(text, group[-1].end()):
        return False
    parts = phrase.split()
    if all(part in NOT_PLACES or part in US_STATES or part in _CONNECTORS for part in parts):
        return False
    cued = _cued(words, i, text)
    if i > 0 and words[i - 1].group().lower() in _TITLES:
        return False  # Ms Abernathy: a person
    if phrase in NOT_TOWNS or phrase in LARGE_REGIONS:
        return False  # "New England", "Four Corners", "Pacific": regions as large as a state, though towns too
    if phrase in PEOPLES and (not cued or _a_people_word_after(text, group[-1].end())):
        return False  # "58F Lakota", "Lakota youth", "the Lakota nation": a people ("lives in Cheyenne" counts)
    if n > 1:
        title_case = all(_capitalised(w.group()) or w.group().lower() in _CONNECTORS for w in group)
        return title_case or (cued and words[i - 1].group().lower() in _STRONG_CUES)
    word = group[0].group()
    if phrase in DRUG_BRANDS or phrase in CLINICAL_SHORTHAND:
        return False  # "on entresto + spiro", "Humalog vials": a drug, not a town
    if word.islower() and i > 0 and words[i - 1].group().lower() in _SPANISH_ARTICLES:
        return False  # "trabaja en el campo", "la loma": a Spanish noun after its article
    if phrase in EPONYMS or phrase in FIRST_NAMES or phrase in SURNAMES or phrase in NOT_PLACES or phrase in NOT_TOWNS:
        return False  # names are the name detector's; eponyms and ordinary words are not places
    if phrase in everyday:
        shouted = word.isupper() and len(word) >= 5  # "pt from BETHEL": a town in capitals in a lowercase note
        return cued and (_capitalised(word) or shouted) and not _sentence_start(text, group[0].start())
    return not word.isupper() or len(word) > 5  # not an acronym (ADA, ACE): too short to tell


# ---- places typed in a hurry (session 7) ----------------------------------------------------------------------------
# "home: 1147 arroyo seco rd", "lives at 1142 juniper hollow", "77 tamarack ln" (lowercase streets),
# "lives off hwy 491", "mile marker 62", "lives on cottonwood st", "mcKinley cnty", "paw paw twp",
# "pt from shiprok", "lives in gallop nm".
_STREET_WORDS = r"(?:street|st|avenue|ave|road|rd|lane|ln|blvd|boulevard|drive|dr|court|ct|hwy|highway|way|place|pl|" \
                r"trail|trl|loop|circle|cir|terrace|parkway|pkwy)"  # fmt: skip
NOT_STREET_NAMES = frozenset({
    "on", "the", "a", "an", "of", "in", "to", "for", "by", "from", "with", "at", "per", "and", "or", "down", "up",
    "off", "her", "his", "their", "my", "our", "your", "mg", "mcg", "units", "unit", "hours", "hour", "hrs", "hr",
    "minutes", "minute", "min", "mins", "miles", "mile", "mi", "days", "day", "weeks", "week", "times", "x", "pts",
    "patients", "beers", "cups", "years", "year", "yo", "old", "more", "less", "blocks", "block", "feet", "ft", "yards",
    "steps", "lb", "lbs", "kg", "pills", "tabs", "doses", "visits", "kids", "people", "cars", "car", "long",
})  # fmt: skip
_HOUSE = r"(?:\d{1,6}|\d(?:[ \t]\d){1,4}(?!\d))"  # a house number, or its digits typed apart: "4 1 2 cedar st"
_UNIT_WORDS = r"(?i:apt|apartment|unit|ste|suite|lot|trlr|trailer|space|spc|#)"
_LIVES = r"(?i:lives|living|home|house|trailer|place|ranch|stays|staying|located)"
# Each pattern runs only when the words it needs are in the text (a set lookup), so most texts pay nothing.
_HURRIED_PLACES: list[tuple[re.Pattern[str], list[frozenset[str]]]] = [
    (re.compile(  # an address after its cue: the number and the words after it
        r"\b(?i:address|addr|lives\s+at|living\s+at|resides\s+at|staying\s+at|stays\s+at|home\s*:|house\s+is\s+at|"
        r"pt['’]?s\s+at|mail\s+goes\s+to|located\s+at)\.?(?:\s*+(?::|is|-))*+\s*+"
        r"(?P<addr>" + _HOUSE + r"(?:[ \t]?[A-Za-z](?![\w'-]))?\s+(?:[NSEWnsew]\.?\s+)?[A-Za-z][A-Za-z'-]+"
        r"(?:\s+[A-Za-z][A-Za-z'-]+){0,2})"),
     [frozenset({"address", "addr", "at", "home", "mail"})]),
    (re.compile(  # a street in lowercase: a number, one to three words, a street word
        rf"(?<![\w.,/-])(?P<street>(?:\d{{2,6}}|\d(?:[ \t]\d){{1,4}})\s+(?:[nsew]\.?\s+)?(?:[a-z][a-z'-]+\s+){{1,3}}"
        rf"{_STREET_WORDS})\b"),
     [frozenset(_STREET_WORDS[3:-1].split("|"))]),
    (re.compile(  # a number, a street's name and a unit: "309 E. Chestnut apt 2B", "14 juniper lot 9"
        r"(?<![\w.,/-])(?P<unit>" + _HOUSE + r"\s+(?:[NSEWnsew]\.?\s+)?(?:[A-Za-z][A-Za-z'-]+,?\s+){1,3}" + _UNIT_WORDS
        + r"\s*#?\s*[A-Za-z0-9]{1,4})(?![\w-])"),
     [frozenset({"apt", "apartment", "unit", "ste", "suite", "lot", "trlr", "trailer", "space", "spc"})]),
    (re.compile(  # a street abbreviated, lowercase, after where one is: "up the holler off sheep springs rd"
        r"\b(?:on|off|along|past|at|near|by)\s+(?P<lower>(?:[nsew]\.?\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[a-z][a-z'-]+)"
        r"(?:\s+[a-z][a-z'-]+){0,2}\s+(?:st|rd|ave|ln|blvd|hwy|pkwy|trl|crk|street|road|avenue|lane))\b"
        r"(?!\s+(?i:elevation|elevations|depression|depressions|segment|segments|changes|wave|waves))"),
     [frozenset({"st", "rd", "ave", "ln", "blvd", "hwy", "pkwy", "trl", "crk", "street", "road", "avenue", "lane"})]),
    (re.compile(  # two streets that cross: "on 4th and Main", "at Main & 3rd"
        r"\b(?:on|at|corner\s+of|near|by)\s+(?P<corner>\d{1,3}(?:st|nd|rd|th)\s+(?:and|&)\s+[A-Z][a-z]+"
        r"|[A-Z][a-z]+\s+(?:and|&)\s+\d{1,3}(?:st|nd|rd|th))\b"),
     [frozenset({"st", "nd", "rd", "th"}), frozenset({"and"}), frozenset({"on", "at", "corner", "near", "by"})]),
    (re.compile(  # a Spanish street named with no number: "lives off Avenida del Sol"
        r"\b(?i:on|off|along|en|por)\s+(?P<calle>(?i:avenida|calle|camino|callejon|paseo)\s+(?:(?i:de|del|de\s+la|"
        r"de\s+los|las|los|la)\s+)?[A-Za-z][a-z'-]+)"),
     [frozenset({"avenida", "calle", "camino", "callejon", "paseo"})]),
    (re.compile(  # a highway or route someone lives off
        rf"\b{_LIVES}\s+(?i:off|on|along|by|near|past|at)\s+(?:(?i:of)\s+)?(?P<road>(?i:hwy|highway|route|rte|rt|"
        r"county\s+road|cr|state\s+road|sr|us|indian\s+route|ir|navajo\s+route|n)\s*+-?\s*+\d+)"),
     [frozenset({"lives", "living", "home", "house", "trailer", "place", "ranch", "stays", "staying", "located"}),
      frozenset({"hwy", "highway", "route", "rte", "rt", "road", "cr", "sr", "us", "ir", "n"})]),
    (re.compile(r"\b(?P<marker>(?i:mile\s*marker|mile\s*post)\s*+\d+)"), [frozenset({"marker", "post", "milepost"})]),
    (re.compile(  # a Texas farm or ranch road: "the trailer park off FM 1015"
        r"\b(?i:off|on|along|past|near|by)\s+(?P<farm>(?:FM|RM|(?i:farm|ranch)[\s-]+(?i:to[\s-]+market\s+)?(?i:road))"
        r"\s*-?\s*\d{2,4})\b"),
     [frozenset({"fm", "rm", "farm", "ranch"})]),
    (re.compile(  # a named street in lowercase after "lives on" / "off"
        rf"\b{_LIVES}\s+(?i:on|off)\s+(?P<named>(?!(?:the|a|an|his|her|their|our|my|that|this)\b)[a-z][a-z'-]+"
        rf"(?:\s+[a-z][a-z'-]+)?\s+{_STREET_WORDS})\b"),
     [frozenset({"lives", "living", "home", "house", "trailer", "place", "ranch", "stays", "staying", "located"}),
      frozenset(_STREET_WORDS[3:-1].split("|"))]),
    (re.compile(  # a county, city or township abbreviated: "mcKinley cnty", "tuba cty", "paw paw twp"
        r"(?<![A-Za-z'-])(?P<abbr>[A-Za-z][A-Za-z'-]*+(?:\s++[A-Za-z][A-Za-z'-]*+)?\s++(?i:cnty|cty|twp))\b"),
     [frozenset({"cnty", "cty", "twp"})]),
]
_RESIDENCE_WORDS = frozenset({"lives", "living", "lived", "resides", "residing", "moved", "relocated", "staying",
                              "stays", "grew", "raised", "comes", "came", "drove", "drives", "commutes",
                              "lvs"})  # fmt: skip
_TOWN_AFTER = r"\s+(?P<place>[a-z][a-z'-]{5,24})(?![\w'-])"
_RESIDENCE_TOWN = re.compile(  # a residence verb, then in, to, from…: "lives in gallop", "moved to farmingten"
    r"\b(?i:lives|living|lived|resides|residing|moved|relocated|staying|stays|grew\s+up|raised|comes|came|drove|"
    r"drives|commutes|lvs)\s+(?i:in|to|from|near|nr|out\s+of|back\s+to)" + _TOWN_AFTER
)
_FROM_TOWN = re.compile(  # a person, then from: "pt from shiprok", "she's from kayentta"
    r"\b(?i:home|pt|patient|family|originally|hes|he['’]s|shes|she['’]s|they['’]re|is|are)\s+(?i:from)" + _TOWN_AFTER
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ENGLISH_ENDINGS = ("ed", "ing", "ly", "ness", "ment", "ful", "less")


def _one_typo_from_a_town(word: str) -> bool:
    """Is `word` one letter off a town that is not an English word (a letter dropped, added, changed or swapped)?"""
    if word.endswith(_ENGLISH_ENDINGS):
        return False  # "lived in crowded quarters": an English past participle or adverb, not a misspelled town
    towns = gazetteer().names
    variants = {word[:i] + word[i + 1 :] for i in range(len(word))}
    variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    variants |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in _LETTERS}
    variants |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
    variants.discard(word)
    return any(v in towns and v not in NOT_TOWNS and v not in FIRST_NAMES and v not in SURNAMES for v in variants)


_DETERMINERS = frozenset({"each", "every", "which", "this", "that", "same", "local", "rural", "whole", "any", "no",
                          "another", "other", "next", "nearby", "neighboring", "neighbouring", "home",
                          "own"})  # fmt: skip


def _ordinary(word: str) -> bool:
    return word in _DETERMINERS or word in NOT_STREET_NAMES or word in US_STATES or len(word) < 3


def hurried_places(text: str, words: frozenset[str] | None = None) -> Iterator[Span]:
    """Addresses, streets, roads, abbreviated counties and misspelled towns typed in a hurry (`words`: the text's
    words, lowercased, if the caller has them)."""
    words_in_text = words_of(text) if words is None else words
    for pattern, needed in _HURRIED_PLACES:
        if any(words_in_text.isdisjoint(any_of) for any_of in needed):
            continue
        for match in pattern.finditer(text):
            yield from _hurried_place(match)
    towns = [_RESIDENCE_TOWN] if not _RESIDENCE_WORDS.isdisjoint(words_in_text) else []
    towns += [_FROM_TOWN] if "from" in words_in_text else []
    for match in (match for pattern in towns for match in pattern.finditer(text)):
        word = match.group("place").lower()
        if word in NOT_PLACES or word in NOT_TOWNS or word in FIRST_NAMES or word in EPONYMS:
            continue
        if word in gazetteer().names or _one_typo_from_a_town(word):
            yield match.span("place")


def _a_count(words: list[str]) -> bool:
    """'7000 feet', '2 beers on the way', '4 1 2 mg': a number and its unit, not a house and its street."""
    named = [w.strip(".,") for w in words if not w.isdigit()]
    return not named or named[0] in NOT_STREET_NAMES or any(w in NOT_STREET_NAMES for w in named[1:-1])


def _hurried_place(match: re.Match[str]) -> Iterator[Span]:
    group = next(name for name, value in match.groupdict().items() if value)
    words = match.group(group).lower().split()
    if group in ("addr", "street", "unit") and _a_count(words):
        return  # "lives at 7000 feet", "2 beers on the way", "45 minute drive"
    if group == "lower" and (words[0] in _DETERMINERS or any(w in NOT_STREET_NAMES for w in words[:-1])):
        return  # "on the rd", "off her own st"
    if group == "abbr":  # "from tuba cty": the words before the abbreviation, less any ordinary word first
        kept = words[1:] if len(words) == 3 and _ordinary(words[0]) else words
        if not _ordinary(kept[0]):  # not "the cty", "each twp"
            yield match.end(group) - len(" ".join(kept)), match.end(group)
        return
    yield match.span(group)
