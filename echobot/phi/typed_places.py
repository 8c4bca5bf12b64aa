"""Places typed evasively or in a hurry (session 8): a town's name spaced, hyphenated, dotted or run together
("ship rock", "chin le", "gal-lup", "HAZ.. ARD", "tubacity", "ft defiance"), a town in any case before its state
("gallup, nm", "bethel (ak)", "lake andes, sd"), a county in lowercase ("in perry co", "mcdowell co wv"), a town
before "rez", "res." or "area", a word a parenthesis calls a town ("… (small town near us)"), a city's nickname
where a place is meant ("cedar riverside mpls", "from philly"), a numbered ward ("from the ninth ward").

The gazetteer is matched with spaces, hyphens, dots and apostrophes ignored, and "st", "ft", "mt" read as
saint, fort, mount. A reading is tried only at an anchor: just after a place cue ("in", "from", "past", "part
of"…) or just before a state, a county word, "rez", "area" or "(small town…)". Ordinary text pays a few regex
searches and never loops over every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from echobot.phi.lexicon import (
    CITY_NICKNAMES,
    EPONYMS,
    FIRST_NAMES,
    LARGE_REGIONS,
    NOT_PLACES,
    PEOPLES,
    SURNAMES,
    US_STATES,
)
from echobot.phi.places import NOT_TOWNS, gazetteer
from echobot.phi.spoken import words_of

Span = tuple[int, int]
_ABBREVIATED = (("saint ", "st"), ("fort ", "ft"), ("mount ", "mt"))
_NOT_LETTERS = re.compile(r"[^a-z]+")
_TOKEN = re.compile(r"[A-Za-z]+")
_GAP = re.compile(r"[ \t.'’-]{1,4}")  # what may part the pieces of one name: spaces, hyphens, dots, apostrophes
# A word that ends in "town" is a neighbourhood's or a town's name ("frogtown", "Sandtown"), these excepted.
_GENERIC_TOWNS = frozenset({"downtown", "uptown", "midtown", "hometown", "crosstown", "intown", "outoftown",
                            "smalltown", "bigtown", "newtown", "oldtown", "mytown", "ourtown"})  # fmt: skip
_ORDINARY = NOT_PLACES | US_STATES | frozenset({
    "a", "an", "the", "in", "of", "to", "at", "by", "on", "and", "or", "from", "near", "past", "with", "for", "is",
    "was", "lives", "living", "pt", "patient", "her", "his", "their", "our", "my", "same", "local", "whole", "each",
    "every", "any", "no", "neighboring", "neighbouring", "nearby", "next", "adjacent", "small", "large", "big",
    "poor", "dry", "border", "frontier", "rural", "urban", "remote", "home", "own", "other", "another", "which",
    "this", "that", "groin", "catchment", "service", "coverage", "treatment", "surgical", "affected", "wound",
    "resides", "residing", "lived", "stays", "staying", "moved", "raised", "now", "still", "also", "out", "up",
})  # fmt: skip


def _squash(name: str) -> str:
    return _NOT_LETTERS.sub("", name.lower())


@cache
def squashed() -> dict[str, str]:
    """Every town's name with its spaces and hyphens taken out, and st/ft/mt for saint/fort/mount -> the name."""
    index: dict[str, str] = {}
    for name in gazetteer().names:
        key = _squash(name)
        index.setdefault(key, name)
        for long, short in _ABBREVIATED:
            if name.startswith(long):
                index.setdefault(short + _squash(name[len(long) :]), name)
    return index


def _townish(key: str, pieces: int) -> str | None:
    """The town or neighbourhood a squashed reading of `pieces` words names, if any."""
    name = squashed().get(key)
    if name is not None:
        return None if name in NOT_TOWNS or name in LARGE_REGIONS or name in PEOPLES else name
    if pieces <= 2 and key.endswith("town") and len(key) >= 7 and key not in _GENERIC_TOWNS:
        return key
    return None


# ---- anchors ---------------------------------------------------------------------------------------------------
_CUE_BEFORE = re.compile(
    r"(?:\b(?i:in|from|near|nr|past|at|by|to|outside|around|toward|towards|lives|living|resides)"
    r"|\b(?i:part|side|outskirts|edge|north|south|east|west|n|s|e|w|mi|miles|km)\s+(?i:of))"
    r"\s+(?:(?i:the)\s+)?['\"‘“]?\Z"
)
_HALF_NAMES = {"mexico", "york", "jersey", "hampshire", "carolina", "dakota", "rhode", "island", "puerto", "rico",
               "guam", "samoa"}  # fmt: skip
_STATE_NAMES = sorted({*(w for w in US_STATES if w not in _HALF_NAMES),
                       "new mexico", "west virginia", "north dakota", "south dakota", "north carolina",
                       "south carolina", "new york", "new jersey", "new hampshire", "rhode island"},
                      key=len, reverse=True)  # fmt: skip
# Each state's name as typed in lowercase, Title Case and capitals: a case-blind alternation costs far more.
_STATE_FORMS = "|".join(form.replace(" ", r"\s+") for name in _STATE_NAMES
                        for form in (name, name.title(), name.upper()))  # fmt: skip
_CODES = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
]
# Codes that are also clinical or English words (MD, PA, MS, CT, OR, IN, ME…): only after a comma and a town that
# is not a word. The rest may follow a town in any case ("gallup nm", "bethel (ak)", "Lynch KY").
_AMBIGUOUS_CODES = frozenset({"al", "ca", "co", "ct", "de", "ga", "hi", "id", "il", "in", "la", "ma", "md", "me",
                              "mi", "mo", "ms", "mt", "nc", "ne", "oh", "ok", "or", "pa", "sc", "tx", "ut", "va",
                              "vt"})  # fmt: skip
_SAFE = [c for c in _CODES if c.lower() not in _AMBIGUOUS_CODES]
_AFTER = re.compile(
    r"(?P<sep>\s*,\s*|\s*\(\s*|[ \t]+)(?:(?P<code>\b(?:" + "|".join(_CODES) + "|" + "|".join(c.lower() for c in _SAFE)
    + "|" + "|".join(c.title() for c in _SAFE) + r")\b)(?![\w-])|(?P<state>" + _STATE_FORMS + r")\b"
    r"|(?P<nation>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Nation|Reservation|Indian\s+Reservation|Pueblo))\b)"
)
_PLACE_WORD = re.compile(
    r"\s+(?P<word>(?i:rez|res\.?|reservation|area|county|cnty|co\.?|parish))(?![\w-])"
    r"|\s*\(\s*(?:(?i:a|the)\s+)?(?:(?i:small|tiny|little|rural|remote)\s+)?(?P<paren>(?i:town|village|city|community))\b"
    r"|\s*\(\s*(?P<pop>(?i:pop(?:\.|ulation)?))\s*[:~≈]?\s*\d"  # "Elk Falls (pop 400)": only a place has people
)
_NICKNAME = re.compile(
    r"(?<![\w-])(?P<nick>(?i:" + "|".join(sorted(CITY_NICKNAMES, key=len, reverse=True)) + r"))(?![\w-])"
)
_NICK_CUE = re.compile(
    r"\b(?i:in|from|near|outside|around|of|lives|living|raised|grew\s+up|out\s+of|"
    r"(?:moved|moving|relocated|back|went\s+back|going\s+back|home)\s+to)"  # not a bare "to": "a trip to vegas"
    r"\s+(?:(?i:the)\s+)?\Z"
)
_WARD = re.compile(
    r"\b(?i:from|lives\s+in|living\s+in|raised\s+in|grew\s+up\s+in|near|of)\s+the\s+(?P<ward>(?i:lower\s+|upper\s+)?(?:\d{1,2}(?i:st|nd|rd|th)|"
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth))\s+(?i:ward))\b"
)


_FUNCTION_WORDS = frozenset({"a", "an", "the", "in", "of", "to", "at", "by", "on", "and", "or", "is", "as", "up", "it",
                             "be", "no", "so", "if", "we", "he", "me", "my", "us", "do", "go", "for", "off", "out",
                             "all", "any", "are", "was", "has", "had", "not", "but", "per", "via", "with"})  # fmt: skip


def _cued(text: str, start: int) -> bool:
    return _CUE_BEFORE.search(text, max(0, start - 24), start) is not None


def _state_after(text: str, end: int, name: str) -> bool:
    """A state right after the town ("gallup, nm", "bethel (ak)", "Hazard, Kentucky", "Lynch KY")."""
    match = _AFTER.match(text, end)
    if match is None:
        return False
    comma = match.group("sep").strip() in (",", "(")
    everyday = name in gazetteer().everyday or name in FIRST_NAMES or name in SURNAMES
    if match.group("nation"):
        return match.group("sep").strip() == ","  # "Browning, Blackfeet Nation"
    if match.group("state"):
        return comma or not everyday
    code = match.group("code")
    if code.lower() in _AMBIGUOUS_CODES:
        return comma and code.isupper() and not everyday
    return True


def _tokens_from(text: str, start: int, most: int = 3) -> list[re.Match[str]]:
    """Up to `most` letter runs from `start`, each parted from the last by a short gap of spaces, hyphens or dots."""
    tokens: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text, start, min(len(text), start + 60)):
        if tokens and not _GAP.fullmatch(text, tokens[-1].end(), match.start()):
            break
        if not tokens and text[start : match.start()].strip(" '\"‘“"):
            break
        tokens.append(match)
        if len(tokens) == most:
            break
    return tokens


_TAIL = re.compile(r"[A-Za-z]+(?:[ \t.'’-]{1,4}[A-Za-z]+){0,2}\Z")


def _tokens_before(text: str, end: int) -> list[re.Match[str]]:
    """Up to three letter runs that end at `end`, parted by short gaps."""
    tail = _TAIL.search(text, max(0, end - 40), end)
    return list(_TOKEN.finditer(text, tail.start(), end)) if tail else []


def _reading(text: str, tokens: list[re.Match[str]]) -> tuple[str, str] | None:
    """(town, how it was typed) if the tokens spell a town or neighbourhood with gaps ignored."""
    key = "".join(t.group() for t in tokens).lower()
    if len(key) < (5 if len(tokens) > 1 else 3):
        return None  # pieces of a name this short are words of their own
    name = _townish(key, len(tokens))
    if name is None:
        return None
    typed = " ".join(text[tokens[0].start() : tokens[-1].end()].lower().split())
    return name, typed


def _plausible(name: str, typed: str, tokens: list[re.Match[str]], *, stated: bool = False) -> bool:
    """Not a phrase of ordinary words; not a person's name or an eponym alone, unless a state follows it."""
    words = name.split()
    if all(word in (_FUNCTION_WORDS if stated else _ORDINARY) for word in words):
        return False  # a phrase of ordinary words; with its state, a town named like a country counts (Cuba, NM)
    pieces = [t.group().lower() for t in tokens]
    if len(pieces) > 1 and any(piece in _FUNCTION_WORDS for piece in pieces):
        return False  # "at rest on room air" is no Reston: a little word is a word of its own
    if not stated and len(tokens) == 1 and typed in (FIRST_NAMES | SURNAMES | EPONYMS):
        return False
    return not (len(tokens) == 1 and tokens[0].group().lower() in _ORDINARY)


@cache
def _prefixes() -> frozenset[str]:
    """Every beginning of every squashed name: a word after a cue that begins none is no town's first piece."""
    return frozenset(key[:i] for key in squashed() for i in range(1, len(key) + 1))


_STRONG_CUE_WORDS = frozenset({"from", "near", "nr", "past", "outside", "around", "toward", "towards", "lives",
                               "living", "resides"})  # fmt: skip
_RESIDENCE_BEFORE = re.compile(r"\b(?i:lives|living|lived|resides|residing|stays|staying|moved|raised|grew\s+up|"
                               r"back|home|out|up|down|over)\s+\Z")


def _strong_cue(text: str, cue: re.Match[str]) -> bool:
    """'past', 'from', 'near'… or a residence verb before 'in'/'at'/'by': 'lives in ship rock', 'out by gal lup'."""
    word = cue.group("cue")
    if word is None or word in _STRONG_CUE_WORDS:
        return True
    return _RESIDENCE_BEFORE.search(text, max(0, cue.start() - 12), cue.start()) is not None


_HOSPITAL_AFTER = re.compile(r"['’]?s?\s+(?i:hospital|medical|nursing|clinic|health|regional|memorial|rehab|home)\b")


def _a_saints_hospital(text: str, cue: re.Match[str], typed: str, end: int) -> bool:
    """'at mt sinai', 'at st. vincent', "St. John's nursing home": a hospital named for a saint or a mount."""
    if _HOSPITAL_AFTER.match(text, end):
        return True
    return cue.group("cue") == "at" and typed[:2] in ("st", "mt")


def _after_cue(text: str) -> Iterator[Span]:
    """A town typed oddly, or a lowercase town of several words, right after a place cue. Only a word that could begin
    one is read: run together ('tubacity'), a neighbourhood in -town, or a first piece that, joined to the next, still
    begins some town's name ('ship' + 'rock', 'gal' + 'lup')."""
    prefixes, joined = _prefixes(), _joined_keys()
    for cue in _CUE_WORDS.finditer(_lowered(text)):
        first, second = cue.group("first", "second")
        if not (first.endswith("town") or first in joined or (second and (
                second == "town" or first + second in prefixes))):  # fmt: skip
            continue  # the common case: two set look-ups
        tokens = _tokens_from(text, cue.start("first"))
        for n in range(len(tokens), 0, -1):
            reading = _reading(text, tokens[:n])
            if reading is None:
                continue
            name, typed = reading
            odd = typed != name or name not in gazetteer().names  # "in Sandtown": a -town word is no gazetteer's
            several = " " in name and typed == name and (cue.group("cue") or "").lower() != "to"
            compound = n > 1 and all(len(t.group()) >= 3 for t in tokens[:n]) and " " not in name and all(
                text[a.end() : b.start()] == " " for a, b in pairwise(tokens[:n]))  # fmt: skip
            if compound and not _strong_cue(text, cue):
                break  # "in long view of", "in fair view": two words that a town's name joins, after a weak cue
            if (odd or several) and _plausible(name, typed, tokens[:n]) and not _a_saints_hospital(
                    text, cue, typed, tokens[n - 1].end()):  # fmt: skip
                yield tokens[0].start(), tokens[n - 1].end()
            break


# Run on the lowercased text: a case-blind alternation tried at every character costs four times as much.
_CUE_WORDS = re.compile(
    r"(?<![a-z])(?:(?P<cue>in|from|near|nr|past|at|by|to|outside|around|toward|towards|lives|living|resides)"
    r"|(?:part|side|outskirts|edge|north|south|east|west|n|s|e|w|mi|miles|km)\s+(?P<of>of))"
    r"\s+(?:the\s+)?['\"‘“]?(?=(?P<first>[a-z]+)(?:[ \t.'’-]{1,4}(?P<second>[a-z]+))?)"
)


def _lowered(text: str) -> str:
    """`text` in lowercase, of the same length (a character whose lowercase is longer is kept as it is)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _before_state(text: str) -> Iterator[Span]:
    """A town in any case, typed oddly or not, just before its state."""
    for match in _AFTER.finditer(text):
        if match.group("code") is None and match.group("state") is None and match.group("nation") is None:
            continue
        tokens = _tokens_before(text, match.start())
        for n in range(len(tokens), 0, -1):
            reading = _reading(text, tokens[-n:])
            if reading is None:
                continue
            name, typed = reading
            if name not in US_STATES and _plausible(name, typed, tokens[-n:], stated=True) and _state_after(
                    text, tokens[-1].end(), name):  # fmt: skip
                yield tokens[-n].start(), tokens[-1].end()
            break


def _before_place_word(text: str) -> Iterator[Span]:
    """A town before rez/res./area, a county in lowercase, a word a parenthesis calls a town."""
    for match in _PLACE_WORD.finditer(text):
        tokens = _tokens_before(text, match.start())
        if not tokens:
            continue
        word = (match.group("word") or "").lower().rstrip(".")
        if word in ("co", "cnty", "county", "parish"):
            yield from _county(text, tokens, match, word)
            continue
        if word in ("rez", "res", "reservation") and tokens[-1].group().lower() in PEOPLES:
            yield tokens[-1].start(), tokens[-1].end()  # "on the blackfeet rez": one nation's reservation
            continue
        for n in range(len(tokens), 0, -1):
            reading = _reading(text, tokens[-n:])
            if reading is None:
                continue
            name, typed = reading
            everyday = name in gazetteer().everyday and not tokens[-n].group()[0].isupper()
            # "the crossroads area": one lowercase word that a town of two words runs together is a word too
            everyday = everyday or (n == 1 and " " in name and not tokens[-1].group()[0].isupper())
            if _plausible(name, typed, tokens[-n:]) and not (word == "area" and everyday):
                yield tokens[-n].start(), tokens[-1].end()
                break
        else:
            last = tokens[-1]
            capitalised = last.group()[0].isupper()  # "(pop 2)" after a lowercase word may be a count of pills
            called = match.group("paren") or (match.group("pop") and capitalised)
            if called and last.group().lower() not in _ORDINARY and len(last.group()) > 2:
                odd = [t for t in tokens if t.group().lower() not in _ORDINARY]
                yield (odd or [last])[0].start(), last.end()  # "Smallville (small town near us)"


# Words before "county" that say which county without naming it; peoples' names (Apache, Navajo) do name one.
_NOT_COUNTY = (_ORDINARY - NOT_PLACES) | frozenset({"the", "a", "an", "his", "her", "their", "our", "my", "this",
                                                   "that", "rural", "frontier", "state", "tribal", "home"})


def _county(text: str, tokens: list[re.Match[str]], match: re.Match[str], word: str) -> Iterator[Span]:
    """'in perry co', 'mcdowell co wv', 'part of hidalgo county': a county named in lowercase."""
    kept = tokens[-2:]
    while kept and kept[0].group().lower() in _NOT_COUNTY:
        kept = kept[1:]
    if not kept or len(kept[-1].group()) < 3 or (kept[-1].group()[0].isupper() and word != "co"):
        return  # "the county", "rural county"; capitalised counties are _NAMED_PLACE's
    name = " ".join(t.group().lower() for t in kept)
    cued = _cued(text, kept[0].start())
    state = _AFTER.match(text, match.end()) is not None and _state_after(text, match.end(), "")
    known = word != "co" and (name in gazetteer().names or name in SURNAMES)
    known = known or (match.group("word") == "Co." and kept[0].group()[0].isupper())  # "Harlan Co. pt"
    if cued or state or known:
        yield kept[0].start(), match.end("word")


def _nicknames(text: str) -> Iterator[Span]:
    """A city's nickname where a place is meant: after a place cue, or after the neighbourhood it qualifies."""
    for match in _NICKNAME.finditer(text):
        nick = match.group("nick")
        if len(nick) <= 3 and not nick.isupper() and nick.lower() not in _LOWERCASE_NICKNAMES:
            continue  # "SF", "KC", "ATL" count in capitals; "sf", "kc" are too many other things
        if _NICK_CUE.search(text, max(0, match.start() - 20), match.start()):
            yield match.span()
            continue
        gap = _GAP_BEFORE.search(text, max(0, match.start() - 3), match.start())
        before = _tokens_before(text, gap.start())[-2:] if gap else []
        while before and (before[0].group().lower() in _ORDINARY or len(before[0].group()) < 3):
            before = before[1:]
        if before and _CLAUSE_END.match(text, match.end()):
            yield before[0].start(), match.end()  # "cedar riverside mpls", "the Tenderloin, SF"; not "the indy 500"


_CLAUSE_END = re.compile(r"\s*(?:[,;:.!?)\n]|\Z)")
_GAP_BEFORE = re.compile(r"(?<=[A-Za-z])(?:,\s?|\s)\Z")
_LOWERCASE_NICKNAMES = frozenset({"abq", "nyc", "atl", "pgh", "slc", "okc", "stl", "pdx", "dfw"})


_LIVES_IN_THE = re.compile(
    r"\b(?i:lives|living|lived|resides|residing|stays|staying|moved|grew\s+up|raised)\s+(?i:in|to|near|"
    r"(?:out|over|down|up)\s+in)\s+the\s+(?P<place>[A-Z][a-z'’]+(?:[-\s][A-Z][a-z'’]+)?)(?![\w-])"
)


_NEIGHBOURHOOD_IS = re.compile(
    r"\b(?i:neighbo(?:u)?rhood|barrio|hood|part\s+of\s+town|side\s+of\s+town)\s*(?:(?i:is|was|called)\s+|[:=-]\s*)"
    r"(?:(?i:the)\s+)?(?P<place>[A-Z][a-z'’]+(?:[-\s][A-Z][a-z'’]+)?)(?![\w-])"
)


def _lives_in_the(text: str) -> Iterator[Span]:
    """'lives in the Tenderloin', 'living in the Riverside Plaza towers', 'her neighborhood is Barelas': a named
    part of a town."""
    words = words_of(text)
    patterns = [_LIVES_IN_THE] if "the" in words and not words.isdisjoint(_RESIDENCE_VERBS) else []
    patterns += [_NEIGHBOURHOOD_IS] if not words.isdisjoint(_NEIGHBOURHOOD_WORDS) else []
    for match in (match for pattern in patterns for match in pattern.finditer(text)):
        named = match.group("place").lower().replace("-", " ").split()
        if not any(word in NOT_PLACES or word in US_STATES or word in _INSTITUTIONS for word in named):
            yield match.span("place")


# Capitalised words after "lives in the" that name a kind of place, not one place.
_INSTITUTIONS = frozenset({"hospital", "nursing", "home", "group", "shelter", "projects", "unit", "ward", "facility",
                           "center", "centre", "house", "hospice", "dorm", "dorms", "barracks", "woods", "country",
                           "city", "valley", "mountains", "desert", "village", "village's", "camp", "streets"})


_STATE_WORDS = frozenset(c.lower() for c in _SAFE) | US_STATES | {"nation", "reservation", "pueblo"}
_AMBIGUOUS_UPPER = re.compile(r",\s*(?:" + "|".join(c.upper() for c in sorted(_AMBIGUOUS_CODES)) + r")\b")
_PLACE_WORDS = frozenset({"rez", "res", "reservation", "area", "county", "cnty", "co", "parish", "town", "village",
                          "city", "community", "pop", "population"})  # fmt: skip
# One word of each nickname, the rarest-looking (the longest): "the big apple" -> "apple", "chi-town" -> "chi".
_NICK_WORDS = frozenset(max(sorted(words_of(nick) - {"town", "more", "the", "or"}), key=len) for nick in CITY_NICKNAMES)
_RESIDENCE_VERBS = frozenset({"lives", "living", "lived", "resides", "residing", "stays", "staying", "moved", "grew",
                              "raised"})  # fmt: skip
_NEIGHBOURHOOD_WORDS = frozenset({"neighborhood", "neighbourhood", "barrio", "hood", "town"})
_LIVES_WORDS = _RESIDENCE_VERBS | _NEIGHBOURHOOD_WORDS


@cache
def _joined_keys() -> frozenset[str]:
    """Names of several words run together ("hooperbay"), that are not also a one-word name or a person's."""
    names = gazetteer().names
    return frozenset(key for key, name in squashed().items() if " " in name and key not in names and len(key) >= 7
                     and key not in FIRST_NAMES and key not in SURNAMES)  # fmt: skip


_PERSON_AFTER = re.compile(r"\s+(?i:pt|patient|resident|native|family|folks|elder|kid)s?\b")


def _run_together(text: str, words: frozenset[str]) -> Iterator[Span]:
    """'hooperbay pt', 'lamedeer resident': a town's words run together, then who comes from it."""
    for key in words & _joined_keys():
        for match in re.finditer(rf"(?<![A-Za-z]){key}(?![A-Za-z])", text, re.IGNORECASE):
            if _PERSON_AFTER.match(text, match.end()):
                yield match.span()


def typed_places(text: str, words: frozenset[str] | None = None) -> Iterator[Span]:
    """Towns, counties, reservations, wards and city nicknames typed evasively or in a hurry. Each reading runs
    only when a word it needs is in the text (a set look-up); `words`: the text's words, lowercased, if known."""
    words = words_of(text) if words is None else words
    yield from _after_cue(text)
    yield from _run_together(text, words)
    if not words.isdisjoint(_STATE_WORDS) or _AMBIGUOUS_UPPER.search(text):
        yield from _before_state(text)
    if not words.isdisjoint(_PLACE_WORDS):
        yield from _before_place_word(text)
    if not words.isdisjoint(_NICK_WORDS):
        yield from _nicknames(text)
    if not words.isdisjoint(_LIVES_WORDS):
        yield from _lives_in_the(text)
    for match in _WARD.finditer(text) if "ward" in words else ():
        yield match.span("ward")
