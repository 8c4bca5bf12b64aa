"""The name model: each word is scored as a person's name from what it is and what surrounds it.

A word's prior comes from the census name lists and the SSA baby names (data/names.txt, built by
build_names.py): a common given name or surname counts alone when capitalised, a rare one needs other
evidence, a name that is also an everyday word (Will, Hope, Mason) needs a cue. Context adds or takes
away: a title or a relative before it ("Mrs.", "dtr", "her son", "pt name:"), an apposition ("a 12yo
girl, Ann, …"), a given name before a surname, a verb people do after it ("reports", "states"), a full
name with an age, a verb or a suffix after it (Jolene Whitehorse, 26F); a disease, sign, rule or program
word after it (Hoffmann sign, Ryan White program), a state or saint around it (West Virginia, St. John's
wort), a lowercase or acronym shape. A word whose score reaches THRESHOLD is a name. The context words
are in name_words.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from echobot.phi.lexicon import (
    AMBIGUOUS_NAMES,
    BRAND_PHRASES,
    DRUG_BRANDS,
    EPONYMS,
    FIRST_NAMES,
    NOT_PLACES,
    ROLE_WORDS,
    US_STATES,
)
from echobot.phi.name_words import (
    ACRONYMS,
    BEFORE_THING,
    CLINICAL_TITLES,
    DOTTED_CUES,
    FINDING_AFTER,
    FUNCTION_WORDS,
    HAND_NAMES,
    LANGUAGE_BEFORE,
    NAMED_THING,
    NOT_NAME_PARTS,
    OCCUPATIONS,
    PEOPLE,
    PEOPLE_AFTER,
    PERSON_AFTER,
    RELATIONS,
    RELATIONS_AFTER,
    ROMAN_GRADE,
    SENTENCE_END,
    SHORT_TITLES,
    TITLES,
    VERBS,
)

Span = tuple[int, int]
THRESHOLD = 2.0
TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*(?:-[^\W\d_]+)*|[.,:;()!?/=]")
SHAPE = re.compile(
    r"^(?:Mc|Mac|O['’]|D['’]|De|Da|Di|Du|La|Le|Van|Von)?[^\W\d_][^\W\d_A-Z]+(?:[-'’][^\W\d_][^\W\d_A-Z]*)*$"
)
# An age and sex, or an age set off by commas, right after a name: "…, 32F", "… 58M", "…, 41, …", "…, her 4yo",
# "… is a 45 yo".
AGE_SEX_AFTER = re.compile(
    r"\s*[-,(]?\s*(?:(?:her|his|their|our|my)\s+)?\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs?|-year-old|-yo|[MFmf])\b"
    r"|\s*,\s*\d{1,3}\s*[,;)]"
    r"|\s+(?:is|was)\s+an?\s+\d{1,3}[\s-]*(?:yo\b|y/o|y\.o\.|years?\b|-?year-old|yr|[MFmf]\b)"  # "… is a 45 yo"
)
_AGE_ALONE = re.compile(
    r"\s+(?:is|was)\s+an?\s+\d{1,3}[\s-]*(?:yo\b|y/o|y\.o\.|years?\b|-?year-old|yr|[MFmf]\b)|\s*,?\s*\d{1,3}\s?[MF]\b"
)
_SCORE_AFTER = re.compile(r"\s*\d+(?:/\d+)?\b")
AFTER_NUMBER = re.compile(r"\s*\d+(?!\s*(?:yo|y/o|y\.o|yr|years?|[MF]\b|-year))")

@dataclass(frozen=True)
class Entry:
    given: bool
    surname: bool
    strength: int  # 1 alone, 2 rare surname, 0 everyday word


@cache
def model() -> dict[str, Entry]:
    """Every name and its entry. The entries are shared (a handful of kinds and strengths), so the 130,000
    names add no objects for the garbage collector to walk: no collection pause lands on a scan."""
    entries = {}
    shared: dict[tuple[str, str], Entry] = {}
    text = resources.files("echobot.phi").joinpath("data/names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, kinds, strength = line.split("\t")
            entry = shared.get((kinds, strength))
            if entry is None:
                entry = shared[kinds, strength] = Entry("g" in kinds, "s" in kinds, int(strength))
            entries[word] = entry
    return entries


PRIOR = {1: 2.0, 2: 1.0, 0: 0.0}


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """The word as the lists hold it: lowercase, no possessive, no accents (Gutiérrez, Ramón, Bermúdez)."""
    key = word.lower().replace("’", "'").removesuffix("'s").rstrip("'")
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return key


def _hyphenated(names: dict[str, Entry], key: str) -> Entry | None:
    """A double-barrelled name whose parts are all names counts as one (Ibarra-Soto, Marie-Claire), though
    only with the evidence of a full name (the hyphen rule in scored_names)."""
    parts = [names.get(part) for part in key.split("-")]
    first, last = parts[0], parts[-1]
    if first and last and all(parts) and any(part and part.strength for part in parts):
        return Entry(first.given, last.surname, 1)
    return None


def scored_names(text: str, *, shouting: bool = False) -> Iterator[tuple[Span, bool]]:
    """(span, after a clinical title) of every word that scores as a name. `shouting`: the text is in
    ALL CAPS, so capital letters say nothing and acronyms are the risk."""
    names = model()
    tokens = list(TOKEN.finditer(text))
    keys = [_key(t.group()) for t in tokens]
    scores = [0.0] * len(tokens)
    clinicians = [False] * len(tokens)
    # where a cue word stands: _cue_before looks at most 7 tokens back, so a word with none that near has no cue
    cue_at = [key in _CUE_WORDS for key in keys]
    for i, token in enumerate(tokens):
        word = token.group()
        if not word[0].isalpha() or len(word) < 2:
            continue
        key = keys[i]
        if key in ROLE_WORDS:
            continue  # "our Nurse Practitioner", "Patient Navigator": a role, not a person
        entry = names.get(key)
        if entry is None and "-" in key:
            entry = _hyphenated(names, key)
        cue = _cue_before(tokens, keys, i) if any(cue_at[max(0, i - _CUE_REACH) : i]) else 0.0
        if not cue and (entry is None or not (entry.strength or entry.given)):
            continue  # no cue, and a word the lists do not know or an everyday word: the common case, kept fast
        upper, lower = word.isupper(), word.islower()
        full = 0  # evidence of a full name: 2 with an age, a verb or a suffix after it, 1 with a known surname
        if entry and entry.given and not lower and (not upper or shouting):
            full = _full_name(text, tokens, keys, i, entry.strength)
        paired = lower and entry is not None and _lowercase_full_name(text, tokens, keys, i, entry)
        hopeless = entry is None or (lower and key not in FIRST_NAMES and not paired) or entry.strength == 0
        if (
            hopeless
            and not cue
            and full < 2
            and not (entry and keys[i - 1 : i] == [","] and _apposition(tokens, keys, i))
        ):
            continue  # nothing can make it a name: the common case, kept fast
        title = cue >= 2.5 and _title_before(keys, i)
        labelled = title or (i > 0 and keys[i - 1] in _LABELS)
        known = entry is not None and (entry.strength > 0 or (entry.given and len(key) > 2))
        if not known and not labelled and (shouting or len(key) < 3) and full < 2:
            continue  # "WIFE AFRAID", "baby is Rh positive": after a relative, only a name the lists know
        score = PRIOR[entry.strength] if entry else 0.0
        if shouting:
            if key in ACRONYMS or len(key) < 3:
                score -= 1.5
        elif upper and cue >= 2.5 and entry and entry.strength:
            score -= 0.5  # "pt is DARLENE"
        elif upper or (not lower and not SHAPE.match(word)):
            continue  # an acronym in ordinary text (ANA, COPD), or a word shaped like no name (HBsAg)
        if lower:
            score += 0.0 if paired else _lowercase(keys, i, entry, cue)
        score += cue + (3.0 if full == 2 else 0.0)
        if not lower and AGE_SEX_AFTER.match(text, token.end()):
            score += 0.0 if entry is None else 1.0  # "Makana, her 4yo"
        if entry and entry.strength and _relative_after(keys, i):
            score += 3.0  # "Sina (pt's wife)"
        if entry is None and score < THRESHOLD:
            continue  # a word the lists do not know is a name only after a title or a named relative
        if i + 1 < len(tokens) and keys[i + 1] in PERSON_AFTER and entry and entry.given and not lower:
            score += 1.0  # "Hodan reports", "Kaimana has had": a given name doing what people do
        elif i + 1 < len(tokens) and keys[i + 1] in VERBS:
            score += 0.7
        apposed = _apposition(tokens, keys, i)
        if apposed:
            score += 2.5
        if i > 0 and scores[i - 1] >= THRESHOLD and entry and entry.surname and not lower:
            score += 1.5  # a surname after a given name
        if _named_thing(tokens, keys, i) or _part_of_place(keys, i) or _graded(tokens, keys, scores, i, title):
            score -= 6.0
        if cue == 0 and full == 0 and (i == 0 or keys[i - 1] in SENTENCE_END) and key not in HAND_NAMES:
            score -= 1.0  # a census-only name opening a sentence needs more ("Lacy violaceous mottling")
        if cue < 2.5 and AFTER_NUMBER.match(text, token.end()):
            score -= 2.5  # Braden 13, modified Rankin 4: a score
        if "-" in word and word.split("-")[-1].islower():
            score -= 6.0  # Navajo-speaking, Spanish-born
        if key in EPONYMS and cue < 2.5:
            score -= 3.0
        if key in DRUG_BRANDS and not title:
            score -= 6.0  # "Lyrica was started", "mom on Makena"
        if (
            (key in NOT_PLACES or key.split("-")[0] in NOT_PLACES) and (cue < 2.5 or not entry or not entry.strength)
        ) or ("-" in key and cue < 2.5 and full < 2 and not apposed):
            score -= 3.0
        if cue < 2.5 and i + 1 < len(keys) and keys[i + 1] in FINDING_AFTER:
            score -= 6.0  # "Weber lateralizes left": an exam's name
        if not title and _language_or_people(keys, i):
            score -= 6.0  # "speaks Dari", "a Marshallese woman": a language or a people
        scores[i] = score
        if score >= THRESHOLD:
            clinician = _clinical_before(keys, i) or (i > 0 and clinicians[i - 1])
            clinicians[i] = clinician
            yield token.span(), clinician


def _lowercase(keys: list[str], i: int, entry: Entry | None, cue: float) -> float:
    """What a lowercase word loses (or keeps) against its prior: a name typed in lowercase needs a title, a
    relative, or the hand list of first names ("labs for roberto", "mrs begay", "husband nikolai")."""
    key = keys[i]
    dotted = i >= 2 and keys[i - 1] == "." and keys[i - 2] in SHORT_TITLES
    unknown = entry is None and len(key) >= 3 and key not in FUNCTION_WORDS
    if dotted and (unknown or entry):  # "mr.whitehorse", "ms. pa houa thao"
        return -1.0 - (PRIOR[entry.strength] if entry else 0.0)
    if (unknown or entry) and _name_label(keys, i):  # "his name is jonah", "named hope"
        return -1.0 - (PRIOR[entry.strength] if entry else 0.0)
    if i >= 1 and keys[i - 1] == "mrs" and unknown:  # "mrs quetawki"; not "mr" or "ms" (a valve, a disease)
        return -1.0
    if i >= 1 and keys[i - 1] in SHORT_TITLES and entry and entry.strength:  # "saw mr yazzie", "ms gutknecht"
        return -1.0
    if cue >= 1.0 and entry and entry.strength == 1 and (cue >= 3.0 or entry.given):
        return -1.0
    if cue >= 3.0 and entry and entry.strength == 2:  # "husband nikolai": a rare name after a relative
        return 0.0
    if key in FIRST_NAMES and key not in AMBIGUOUS_NAMES and key not in OCCUPATIONS:
        return 0.0  # the hand list of first names: "labs for roberto"
    return -1.5 if entry and entry.strength == 1 else -3.0


def _lowercase_full_name(text: str, tokens: list[re.Match[str]], keys: list[str], i: int, entry: Entry) -> bool:
    """'i saw rosalinda taitano', 'hodan warsame is 28': a given name the lists know alone, then a surname
    they know, both in lowercase (a name typed in a hurry)."""
    if not (entry.given and entry.strength == 1) or keys[i] in AMBIGUOUS_NAMES or keys[i] in OCCUPATIONS:
        return False
    if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] != " ":
        return False
    after = model().get(keys[i + 1])
    return tokens[i + 1].group().islower() and after is not None and after.surname and after.strength in (1, 2)


def _full_name(text: str, tokens: list[re.Match[str]], keys: list[str], i: int, strength: int) -> int:
    """A given name at i followed by one or two capitalised words that can be the rest of a name: 2 when an
    age and sex, a verb people do, 'is'/'has', a suffix or a possessive follows ("Jolene Whitehorse, 26F",
    "Siobhan O'Dwyer has", "Tavita Leiataua's potassium"), 1 when the next word is a known surname ("Ernestine
    Blackgoat" is not, "Bao Yang" is), else 0. A given name that is an everyday word (Grace, Ivy, Frank) needs
    the age."""
    last = i
    while last - i < 2 and last + 1 < len(tokens):
        nxt = tokens[last + 1]
        word = nxt.group()
        capitalised = word[0].isupper() and SHAPE.match(word)
        if text[tokens[last].end() : nxt.start()] != " " or not capitalised or keys[last + 1] in NOT_NAME_PARTS:
            break
        last += 1
    if last == i:  # a given name alone: only "… is a 45 yo" or "…, 32F" says it is a person
        return 2 if _AGE_ALONE.match(text, tokens[i].end()) else 0
    if AGE_SEX_AFTER.match(text, tokens[last].end()):
        return 2
    possessive = tokens[last].group().endswith(("'s", "’s"))
    if strength and (possessive or (last + 1 < len(keys) and keys[last + 1] in PERSON_AFTER)):
        return 2
    surname = model().get(keys[i + 1])
    return 1 if strength == 1 and surname and surname.surname and surname.strength else 0


def _language_or_people(keys: list[str], i: int) -> bool:
    return (i > 0 and keys[i - 1] in LANGUAGE_BEFORE) or (i + 1 < len(keys) and keys[i + 1] in PEOPLE_AFTER)


def _name_label(keys: list[str], i: int) -> bool:
    """'named …', 'called …', 'name is …', 'name: …', 'name's …'."""
    before = keys[max(0, i - 2) : i]
    return bool(before) and (before[-1] in {"named", "called", "name's"} or (
        len(before) == 2 and before[0] in {"name", "name's"} and before[1] in {"is", ":", "="}))  # fmt: skip


def _relative_after(keys: list[str], i: int) -> bool:
    """'Sina (pt's wife)', 'Lena (her daughter) …': a relative in parentheses right after the word."""
    return i + 2 < len(keys) and keys[i + 1] == "(" and any(k in RELATIONS_AFTER for k in keys[i + 2 : i + 5])


def _title_before(keys: list[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and keys[j] in {".", ",", "("}:
        j -= 1
    return j >= 0 and keys[j] in TITLES


_LINKING = frozenset({".", ":", ",", "(", "=", "is", "was", "named", "called", "'s"})
_LABELS = frozenset({":", "=", "named", "called"})  # "SPOUSE: …", "pt = …": what follows is the name
_TWO_WORD_CUES = frozenset({("calls", "him"), ("calls", "her"), ("call", "him"), ("call", "her"), ("goes", "by"),
                            ("go", "by"), ("known", "as"), ("answers", "to")})  # fmt: skip


def _cue_before(tokens: list[re.Match[str]], keys: list[str], i: int) -> float:
    """A title or a relative just before: 'Mrs.', 'dtr', 'her son', 'pt name:', 'mother is', 'pt: d.',
    'calls him', 'goes by', 's/o'. Not across a line break: a heading's last word names nothing."""
    end = i - 2 if i >= 2 and keys[i - 1] == "." and len(keys[i - 2]) == 1 else i  # an initial: "pt: d. ybarra"
    j = end - 1
    # at most four linking tokens ("pt name is: Ann"): an unbounded walk back made "is is is …" quadratic
    stop = max(0, end - 4)
    while j >= stop and keys[j] in _LINKING:
        j -= 1
    if j < 0 or keys[j] in _LINKING:
        return 0.0
    cue = keys[j]
    if cue in TITLES:
        if tokens[j].group().endswith(("'s", "’s")) or ":" in keys[j + 1 : end]:
            return 0.0  # "a nurse's aide", "a wound nurse: Bates-Jensen …": a possessive or a heading, not a title
        value = 3.0
    elif cue in RELATIONS:
        value = 3.0
        if cue in {"pt", "patient", "client"} and not {keys[k] for k in range(j + 1, i)} & _PATIENT_LINKS:
            value = 1.5 if cue == "pt" else 1.0  # "pt Rhonda" but also "patient Medicaid"
    elif (j >= 1 and (keys[j - 1], cue) in _TWO_WORD_CUES) or (
        j >= 2 and cue == "o" and keys[j - 1] == "/" and keys[j - 2] in {"s", "d", "c", "w"}
    ):
        value = 3.0  # "calls him Bubba", "goes by Tito", "s/o Ann", "c/o her sister"
    else:
        return 0.0
    if "." in keys[j + 1 : end] and cue not in DOTTED_CUES:
        return 0.0  # "… with her kids. How to …": the sentence ended after the cue word
    if "\n" in tokens[i].string[tokens[j].end() : tokens[i].start()]:
        return 0.0  # "Title: … in a young mom\nSummary: …"
    return value


# Every word _cue_before may return a cue for (its last word), and how far back it may stand from the name: an
# initial (2 tokens), then at most four linking tokens, then the cue.
_CUE_WORDS = TITLES | RELATIONS | frozenset(second for _, second in _TWO_WORD_CUES) | {"o"}
_CUE_REACH = 8
_PATIENT_LINKS = frozenset({":", "is", "named", "called", "(", "="})


def _apposition(tokens: list[re.Match[str]], keys: list[str], i: int) -> bool:
    """'a 12yo girl, Ann, with …', 'a 42-year-old female, Ann Obi, with …': a person noun, a comma, the name
    (one or two words; token i is either), a comma right after it."""

    def capitalised(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].group()[0].isupper() and bool(SHAPE.match(tokens[k].group()))

    first = (
        i if i >= 1 and keys[i - 1] == "," else i - 1 if i >= 2 and keys[i - 2] == "," and capitalised(i - 1) else -1
    )
    if first < 2 or keys[first - 2] not in PEOPLE:
        return False
    last = (
        first + 1
        if first == i - 1 or (capitalised(first + 1) and first + 2 < len(keys) and keys[first + 2] == ",")
        else first
    )
    if last + 1 < len(keys) and keys[last + 1] != ",":
        return False
    return last + 1 >= len(keys) or tokens[last].end() == tokens[last + 1].start()  # "pt, Na 128, …": a lab value


def _named_thing(tokens: list[re.Match[str]], keys: list[str], i: int) -> bool:
    """'Tommy John surgery', 'Ryan White HIV/AIDS Program': a thing's word right after the name, through other
    capitalised words; not past a comma, a figure, or a line ("Lucille Guidry, 81F, dementia")."""
    following: list[str] = []
    for j in range(i + 1, min(i + 7, len(tokens))):
        if keys[j] == "," or _GAP_STOPS.search(tokens[i].string, tokens[j - 1].end(), tokens[j].start()):
            break
        if keys[j] not in {".", "/"} and not (tokens[j].group()[0].isupper() and keys[j] not in NAMED_THING):
            following.append(keys[j])
        if len(following) == 2:
            break
    if tokens[i].group().endswith(("'s", "’s")) and following and following[0] == "wort":
        return True
    for k in following[:2]:
        if k in NAMED_THING:
            return True
        if not (k in model() or k in EPONYMS):
            break  # "Tommy John surgery": only through other names
    return False


_GAP_STOPS = re.compile(r"[\d\n]")


def _graded(tokens: list[re.Match[str]], keys: list[str], scores: list[float], i: int, title: bool) -> bool:
    """'Denver II', 'Hurley III': an eponymous classification and its grade, unless a title stands before it
    or a given name (then 'John Smith III' is a person); a relative's word as a heading ("Well child: Denver
    II") does not make it one."""
    if i + 1 >= len(keys) or not tokens[i + 1].group().isupper() or title:
        return False
    scored = len(keys[i + 1]) > 1 and _SCORE_AFTER.match(tokens[i + 1].string, tokens[i + 1].end())
    if keys[i + 1] not in ROMAN_GRADE and not scored:
        return False  # "Lawton IADL 3/8", "Katz ADL 4/6": a named instrument, its acronym and a score
    return i == 0 or scores[i - 1] < THRESHOLD


def _part_of_place(keys: list[str], i: int) -> bool:
    j = i - 2 if i > 1 and keys[i - 1] == "." else i - 1  # "St. Louis", "Mt. Taylor": the abbreviation's stop
    before = keys[j] if j >= 0 else ""
    if before in BEFORE_THING and (keys[i] in US_STATES or before in {"st", "saint", "san", "santa"}):
        return True
    return keys[i] in US_STATES and i + 1 < len(keys) and keys[i + 1] in US_STATES


def _clinical_before(keys: list[str], i: int) -> bool:
    """After 'Dr.', 'nurse', or before ', MD', ', NP': a clinician."""
    j = i - 1
    while j >= 0 and keys[j] in {".", "(", ","}:
        j -= 1
    if j >= 0 and keys[j] in CLINICAL_TITLES:
        return True
    k = i + 1
    while k < len(keys) and (keys[k] in {".", ","} or (keys[k] in model() and k <= i + 2)):
        if keys[k] in CLINICAL_TITLES:
            return True
        k += 1
    return k < len(keys) and keys[k] in CLINICAL_TITLES


def _brand_pattern(phrase: str) -> str:
    return r"\.?\s+".join(re.escape(word).replace("'", "['’]") for word in phrase.split())


_BRANDS = re.compile(r"(?<!\w)(?:" + "|".join(map(_brand_pattern, sorted(BRAND_PHRASES))) + r")(?!\w)", re.IGNORECASE)


def outside_brands(text: str, spans: Iterable[Span]) -> Iterator[Span]:
    """The spans that are not inside a product's name ("Dr Pepper", "Little Debbie"). The products are looked
    for only when there is a name to judge (most texts have none)."""
    brands: list[Span] | None = None
    for start, end in spans:
        if brands is None:
            brands = [m.span() for m in _BRANDS.finditer(text)]
        if not any(s <= start and end <= e for s, e in brands):
            yield start, end
