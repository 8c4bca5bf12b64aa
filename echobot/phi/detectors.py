"""One detector per HIPAA Safe Harbor category. Each takes normalised text and yields (start, end)
spans of what looks like an identifier. Patterns are written for how clinicians type, and each has
a counterpart in the clean corpus so that clinical numbers (doses, labs, vitals, scores, years,
durations, genotypes) keep passing."""

from __future__ import annotations

import re
from collections.abc import Iterator

# dates and ages have their own modules; imported back under their names, the names the guard calls
from echobot.phi.ages import age_over_89 as age_over_89
from echobot.phi.dates import date as date
from echobot.phi.lexicon import (
    AMBIGUOUS_NAMES,
    CLINICAL_SHORTHAND,
    DRUG_BRANDS,
    EPONYM_NOUNS,
    EPONYMS,
    FIRST_NAMES,
    LARGE_REGIONS,
    NOT_INITIALS,
    NOT_PLACES,
    ROLE_WORDS,
    SURNAMES,
    US_STATES,
)
from echobot.phi.names import scored_names
from echobot.phi.places import NOT_STREET_NAMES, NOT_TOWNS, gazetteer, hurried_places, known_places
from echobot.phi.spoken import words_of
from echobot.phi.typed_places import typed_places
from echobot.phi.units import not_before_unit as _not_before_unit

Span = tuple[int, int]
IGNORE_CASE = re.IGNORECASE



# ---- contact and network -----------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
    r"|(?<![\w.+-])[\w.+-]++\s*+(?:\bat\b|\[at\]|\(at\))\s*+(?!www\b)[\w-]++(?:\s*+(?:\bdot\b|\[dot\]|\(dot\))\s*+"
    r"[\w-]++)++(?!\s*+(?:/|\bslash\b))",
    IGNORE_CASE,
)


_MAIL_PROVIDERS = r"(?:g\s?mail|hotmail|yahoo|ymail|icloud|outlook|aol|proton(?:mail)?|msn|comcast|live|me)"
# "jess.b.mom at gmail", "yazzie dot ann55 at g mail", "big_jim underscore p at hotmail", "f lee 61 @ g mail",
# "ann k at example org": an address said aloud, its provider named or its domain ending in com, org, net or edu.
_EMAIL_SAID = re.compile(
    r"(?<![\w.+-])[\w.+-]++(?:\s*+(?:\.|\bdot\b|\bunderscore\b|_)\s*+[\w+-]++)*+\s*+(?:@|\bat\b|\(at\)|\[at\])\s*+"
    rf"(?:{_MAIL_PROVIDERS}\b(?:\s*+(?:\.|\bdot\b)\s*+(?:com|net)\b)?"
    r"|(?!www\b)[a-z][\w-]++(?:\s*+(?:\.|\[\.\]|\(\.\)|\bdot\b|\[dot\]|\(dot\))\s*+|\s++)(?:com|org|net|edu)\b"
    r"(?!\s*+(?:/|\bslash\b)))",
    IGNORE_CASE,
)
# "bigmike.outdoors77 (hotmail)": a handle with a dot, an underscore or a digit, and its provider in brackets.
_EMAIL_BRACKETED = re.compile(
    rf"(?<![\w.+-])(?=[A-Za-z+-]*+[._\d])[\w.+-]{{3,}}+\s*+[(\[]\s*+{_MAIL_PROVIDERS}\s*+[)\]]", IGNORE_CASE
)
_PROVIDER_WORDS = frozenset({"gmail", "hotmail", "yahoo", "ymail", "icloud", "outlook", "aol", "proton", "protonmail",
                             "msn", "comcast"})  # fmt: skip
_EMAIL_WORDS = _PROVIDER_WORDS | {"mail", "com", "org", "net", "edu"}


def email(text: str) -> Iterator[Span]:
    """name@example.org; addresses said aloud ('ann.lee at gmail', 'ann dot lee at example dot org') and handles
    with their provider in brackets."""
    for match in _EMAIL.finditer(text):
        yield match.span()
    found = words_of(text)
    said = ("@" in text or "at" in found) and not _EMAIL_WORDS.isdisjoint(found)  # an "at" and a provider or domain
    bracketed = ("(" in text or "[" in text) and not _PROVIDER_WORDS.isdisjoint(found)
    for pattern, wanted in ((_EMAIL_SAID, said), (_EMAIL_BRACKETED, bracketed)):
        for match in pattern.finditer(text) if wanted else ():
            yield match.span()


_TLDS = frozenset({"com", "org", "net", "edu", "gov", "io", "us", "info", "biz", "health", "care", "app", "co", "me",
                   "ly", "gl", "tv", "ca", "mx", "uk", "link", "page", "site"})  # bit.ly, goo.gl: short links too
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]++", IGNORE_CASE)
_DOMAIN = re.compile(r"(?<![\w.@-])[a-z0-9-]++(?:\.[a-z0-9-]++)++(?P<path>/[^\s<>]*+)?", IGNORE_CASE)


# A dot written so that a pattern misses it: spaced ("192 . 0"), bracketed ("[.]", "(dot)") or spelled ("dot"); a
# dot then a line break is a list's ("1.⏎2.⏎3.⏎4.").
_ODD_DOT = r"(?:\s*+(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\bdot\b)\s*+|[ \t]++\.[ \t]*+|\.[ \t]++)"
_ODD_HOST = re.compile(
    rf"(?<![\w.@-])(?:h\s?t\s?t\s?p\s?s?\s*+:\s*+/\s*+/\s*+)?[a-z0-9-]++(?:(?:{_ODD_DOT}|\.)[a-z0-9-]++)++"
    r"(?P<path>\s*+(?:/|\bslash\b)\s*+[\w.-]++(?:\s*+(?:/|\bslash\b)\s*+[\w.-]++)*+)?",
    IGNORE_CASE,
)


_ODD_TLD = re.compile(rf"(?:\s\.|\.\s|\bdot\b|\]|\))\s*(?:{'|'.join(sorted(_TLDS))})\b", IGNORE_CASE)


_SENTENCE_BREAK = re.compile(r"\.[ \t]+(?P<word>[A-Z][a-z]+\b)")


def _odd_urls(text: str) -> Iterator[Span]:
    """'www . example . org / pt', 'example[.]com/u/x', 'www dot example dot com slash help': a host whose
    dots are written oddly and whose last label is a known top-level domain."""
    if not _ODD_TLD.search(text):
        return  # no top-level domain after an odd dot: nothing to look at
    for match in _ODD_HOST.finditer(text):
        host = match.group()[: match.start("path") - match.start()] if match.group("path") else match.group()
        start = match.start()
        breaks = list(_SENTENCE_BREAK.finditer(host))
        if breaks:  # "on elbows. Health literacy": a full stop and a new sentence; a host begins after the last one
            cut = breaks[-1].start("word")
            start, host = start + cut, host[cut:]
        labels = re.split(_ODD_DOT + "|\\.", host, flags=IGNORE_CASE)
        if len(labels) >= 2 and labels[-1].strip().lower() in _TLDS and re.search(_ODD_DOT, host, IGNORE_CASE):
            yield start, match.end()


_PLATFORMS = (
    r"(?:tiktok|tik\s+tok|instagram|insta|ig|twitter|snapchat|snap|facebook|fb|youtube|threads|venmo|cash\s?app|"
    r"linkedin|reddit|discord|twitch|telegram|whatsapp|onlyfans|x\.com)"
)
# A handle on a platform is a web identifier: "tiktok @ kai.k", "her insta is lola_b22", "@kaimana.k on tiktok",
# "venmo com/u/…", "lolasjourney (blogspot)".
_HANDLE = re.compile(
    rf"\b(?i:{_PLATFORMS})\b(?:\s*+(?:(?i:handle|account|name|username|user|page|is|was|:|-)\b|:))*+\s*+"
    r"(?P<handle>@\s?[\w.]{2,}+|(?=[A-Za-z]++(?:[_\d]|\.\w))[A-Za-z][\w.]{2,}+)"
    rf"|(?P<at>(?<![\w@.])@[\w.]{{2,}}+)\s+(?i:on|via|at)\s+(?i:{_PLATFORMS})\b"
    r"|(?<![\w.@-])(?P<spaced>[a-z0-9-]++\s(?i:com|org|net)/[^\s<>]++)"
    r"|(?<![\w.@-])(?P<blog>[\w.-]{4,}+)\s*+\((?i:blogspot|wordpress|substack|tumblr|medium|gofundme)\)"
)
_HANDLE_WORDS = frozenset({"tiktok", "tok", "instagram", "insta", "ig", "twitter", "snapchat", "snap", "facebook", "fb",
                           "youtube", "threads", "venmo", "cash", "cashapp", "linkedin", "reddit", "discord", "twitch",
                           "telegram", "whatsapp", "onlyfans", "com", "org", "net", "blogspot", "wordpress", "substack",
                           "tumblr", "medium", "gofundme"})  # fmt: skip


def url(text: str) -> Iterator[Span]:
    """http(s)://…, www.…, and bare domains such as portal.example.org/pt/123 (a known top-level domain).
    Patterns start only at the start of a token and never backtrack, so long odd text stays fast."""
    for match in _URL.finditer(text):
        yield match.span()
    yield from _odd_urls(text)
    for match in _HANDLE.finditer(text) if not _HANDLE_WORDS.isdisjoint(words_of(text)) else ():
        yield match.span(next(group for group, value in match.groupdict().items() if value))
    for match in _DOMAIN.finditer(text):
        host = match.group()[: match.start("path") - match.start()] if match.group("path") else match.group()
        if host.rsplit(".", 1)[-1].lower() in _TLDS:
            yield match.span()


_IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\d|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4})?(?::{1,2}[0-9a-f]{1,4}){2,7}(?::{2})?(?![\w:])", IGNORE_CASE)


_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_ODD_DIGIT_DOT = re.compile(r"\d(?:\s*[\[(]|\s+dot\b|\s\.|\.\s)", IGNORE_CASE)
_ODD_IPV4 = re.compile(rf"(?<![\w.]){_OCTET}(?:(?:{_ODD_DOT}|\.){_OCTET}){{3}}(?![\w]|\.\d)", IGNORE_CASE)


# Four octets parted by spaces or commas only after "ip" ("ip addr 24 16 221 9"): a lab series is shaped the same.
_CUED_IPV4 = re.compile(
    rf"\b(?i:ip)(?:\s+(?i:addr(?:ess)?))?(?:\s*+(?:is|was|:|#|of|from))*+\s*+"
    rf"(?P<ip>{_OCTET}(?:(?:\s*,\s*|\s+){_OCTET}){{3}})(?![\w.,]\d|\w)"
)


def ip(text: str) -> Iterator[Span]:
    """IPv4 dotted quads (each part 0-255, private and documentation ranges included), also with the dots
    spaced, bracketed or spelled ('192 . 0 . 2 . 44', '10[.]0[.]0[.]7', '10 dot 0 dot 12 dot 7'), and IPv6
    addresses (:: shortening included)."""
    for pattern in (_IPV4, _ODD_IPV4) if _ODD_DIGIT_DOT.search(text) else (_IPV4,):
        for match in pattern.finditer(text):
            yield match.span()
    for match in _CUED_IPV4.finditer(text) if "ip" in words_of(text) else ():
        yield match.span("ip")
    for match in _IPV6.finditer(text):
        if match.group().count(":") >= 3 and sum(c.isdigit() for c in match.group()) >= 2:
            yield match.span()


_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]*\d{3}[\s.-]?|\d{3}[\s./-]\d{3}[\s.-])\d{4}(?![\w/-])"
    r"|(?<![\w/.,-])\d{10}(?![\w/-]|[.,]\d)"
    r"|(?<![\w/.,-])\d{3}-\d{4}(?![\w/-]|[.,]\d)"
    r"|(?<![\w/.,-])\d{3}([.-])\d{3}\1\d{2}\1\d{2}(?![\w/-]|[.,]\d)"  # 612.298.44.75: the last four in pairs
)
_FAX = re.compile(r"\bfax\w*", IGNORE_CASE)  # fax, faxed, faxx, faxline


_FORMATTED_PHONE = re.compile(r"\(\d{3}\)|\d{3}[\s./-]\d{3}[\s.-]\d{4}")


def _phones(text: str) -> Iterator[tuple[Span, bool]]:
    for match in _PHONE.finditer(text):
        # a bare run of digits followed by a unit is a lab value; a number in phone format never is
        if not _FORMATTED_PHONE.search(match.group()) and not _not_before_unit(text, match.end()):
            continue
        sentence = re.split(r"[.;!?]\s", text[max(0, match.start() - 120) : match.start()])[-1]
        yield match.span(), _FAX.search(sentence) is not None


def phone(text: str) -> Iterator[Span]:
    """US telephone numbers: (505) 555-0142, 505.555.0142, +1 505 555 0142, 5055550142, 555-0142."""
    for span, is_fax in _phones(text):
        if not is_fax:
            yield span


def fax(text: str) -> Iterator[Span]:
    """A telephone number introduced by 'fax'."""
    for span, is_fax in _phones(text):
        if is_fax:
            yield span


# ---- numbers and codes named by a keyword ---------------------------------------------------------

# A code may be typed in groups: digits after a space, and a group of capitals that digits follow, joined to them or
# after one space ("N M 8840 1273", "19 JV 00812", "1EG4 TE5 MK73"); not a word ("12 and 3") nor a score ("CIWA 22").
_CODE = (
    r"(?P<code>(?=[A-Z./ -]{0,8}\d)[A-Z0-9](?:[A-Z0-9]|[-./](?=[A-Z0-9])| (?=\d)| (?=(?-i:[A-Z]{1,4}\d|[A-Z]{1,3} \d)))"
    r"{2,24})"
)
# Possessive (*+): words between a keyword and its code never backtrack, so no input can make them slow.
_LINK = r"(?:\s*+(?:#|no\.?|num(?:ber)?|id|is|of|was|ending(?:\s+in)?|last\s+(?:4|four)|:|-))*+\s*+"


def _keyword(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})(?!\w){_LINK}{_CODE}", IGNORE_CASE)


# A code from a public code set names a procedure, a drug or a diagnosis, never a person: CPT 99213, HCPCS J0571,
# NDC 12496-1208-1, "billing codes 99492-99494".
_PUBLIC_CODE = re.compile(
    r"\b(?:cpt|hcpcs|ndc|snomed(?:\s*ct)?|icd-?1[01](?:-cm)?|loinc|rxnorm|drg|"
    r"(?:billing|procedure|diagnosis|modifier|cpt|hcpcs)\s+codes?)\b(?:\s*(?:codes?|#|:|\(|is|are|of|=))*\s*$",
    IGNORE_CASE,
)


def _public_code(text: str, start: int) -> bool:
    """A public code set named just before the first digit from `start` on."""
    digit = _FIRST_DIGIT.search(text, start)
    return any(_PUBLIC_CODE.search(text, max(0, at - 30), at) for at in {start, digit.start() if digit else start})


_FIRST_DIGIT = re.compile(r"\d")


def _coded(pattern: re.Pattern[str], text: str, min_digits: int = 3) -> Iterator[Span]:
    for match in pattern.finditer(text):
        if _public_code(text, match.start("code")):
            continue
        code = match.group("code").rstrip(" -./")
        if sum(c.isdigit() for c in code) >= min_digits:
            yield match.start("code"), match.start("code") + len(code)


# Starts with a digit (the look behind comes after it), so the engine skips to digits instead of trying everywhere.
_SSN_SHAPE = re.compile(r"\d(?<![\w-]\d)\d{2}(?:[- ]\d{2}[- ]|(?<!\d\.\d{3})\.\d{2}\.)\d{4}(?![\w-]|\.\d)")
_SSN_WORD = re.compile(
    r"\b(?:ssn|ss#|ss\s?no|social\s+security(?:\s+(?:number|no|#))?|soc\s+sec|social(?=\s+(?:ending|last|#))|"
    r"last\s+(?:4|four)(?:\s+digits)?"
    r"\s+of\s+(?:the\s+|his\s+|her\s+)?(?:ss|ssn|social))\b"
    r"(?:\s*+(?:#|no\.?|number|num|ending(?:\s+in)?|last\s+(?:4|four)(?:\s+digits)?|is|:|-|of|[x-]++))*+\s*+"
    r"(?P<code>\d[\d -]{2,10}\d)",
    IGNORE_CASE,
)


def ssn(text: str) -> Iterator[Span]:
    """123-45-6789, 'SSN 123456789', 'SS# ending 6789'."""
    for match in _SSN_SHAPE.finditer(text):
        yield match.span()
    for match in _SSN_WORD.finditer(text):
        yield match.span("code")


_MRN = _keyword(
    r"mr\s?#|mr\s+no|mnr|mrm|m\.r\.n\.?|hosp\s+(?:number|no|#)|"  # "MNR": a cue typed in a hurry
    r"mrn|medical\s+record(?:\s+(?:number|no))?|med\.?\s*rec(?:ord)?\.?(?:\s*(?:no|number))?"
    r"|chart(?:\s+(?:number|no))?|record\s+(?:number|no\.?|#)|(?:patient|pt\.?)\s+id(?:\s*\(mrn\))?"
    r"|hospital\s+(?:number|no)"
    r"|encounter(?:\s+(?:number|no|id))?|accession(?:\s+(?:number|no))?|fin|csn|har"
)
_PLAN = _keyword(
    r"(?:medicaid|medcaid|medicade|medicaide|mdcd|medi[\s-]?cal(?:\s+bic)?)(?:\s+(?:id|number|no|card))?|bic"
    r"|medicare(?:\s+(?:id|number|no|card|beneficiary))?|mbi|hicn"
    r"|member(?:\s+(?:id|number|no))?|subscriber(?:\s+(?:id|number|no))?|policy(?:\s+(?:number|no))?"
    r"|insurance(?:\s+(?:id|number|no))?|plan\s+(?:id|number|no)|group\s+(?:number|no|id)"
    r"|beneficiary(?:\s+(?:id|number|no))?|cin|bcbs(?:\s+id)?|tricare(?:\s+id)?|ahcccs(?:\s+id)?"
)
_ACCOUNT = _keyword(
    r"account|acct|(?:credit\s+|debit\s+|bank\s+)?card|a/c|billing(?:\s+(?:account|number|no))?|invoice|claim(?:\s+(?:number|no))?"
    r"|guarantor(?:\s+(?:number|no))?|acc(?=\s*#)"
)
_LICENCE = _keyword(
    r"(?:driver'?s?\s+)?licen[cs]e|lic|dl|cdl|certificate|cert(?:ificate|ification)?|permit|registration"
)
_VEHICLE = _keyword(r"(?:licen[cs]e\s+)?plate|tag|vin|vehicle(?:\s+id)?|tablilla|placa|matr[ií]cula")
_DEVICE = _keyword(
    r"serial(?:\s+(?:number|no))?|ser(?=\s*#)|s/?n|s\.n\.?|device(?:\s+(?:id|number))?|transmitter(?:\s+id)?|lot"
    r"|udi|imei|mac\s+address|model\s+and\s+serial"
)
# Court, CPS and other case numbers, CDIB ("CIB # 4401 11829"), "a number A213 448 907": run only when their words are
# there (other_code's keyword list is tried at every word of every text).
_CASE_NUMBER = _keyword(
    r"(?:cps|court|dcfs|cyfd|juvenile|family\s+court|probation|parole)\s+case(?:\s+(?:number|no|#|file))?"
    r"|case\s+(?:file|number|no\.?|#)(?:\s+cps)?|docket|warrant|c?dib|cib|a\s+number(?=\s*A\s?\d)"
)
_CASE_WORDS = frozenset({"case", "docket", "warrant", "dib", "cdib", "cib", "number"})
_OTHER = _keyword(
    r"study(?:\s+(?:id|number))?|subject(?:\s+(?:id|number))?|enrol(?:l)?ment(?:\s+(?:id|number))?"
    r"|participant(?:\s+(?:id|number|no))?|trial(?:\s+(?:id|number|no))?|employee(?:\s+(?:id|number))?|badge"
    r"|inmate(?:\s+(?:id|number))?|booking|doc(?:\s+(?:id|number))|passport|visa"
    r"|tribal(?:\s+(?:id|enrollment|enrolment))?|census(?:\s+no)?|alien(?:\s+number)?|a-number|uscis"
    r"|student(?:\s+id)?|voter(?:\s+id)?|id(?:\s+card)?|identifier"
)
_VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=(?:\D*\d){3})(?=(?:[^A-Z]*[A-Z]){3})[A-HJ-NPR-Z0-9]{17}\b")
_PLATE_SHAPE = re.compile(
    r"\b(?:plate|tag)s?\b[^.\n]{0,20}?\b(?P<code>(?=\w*+[- ]?\w*?\d)[A-Z0-9]{2,4}[- ]?[A-Z0-9]{3,4})\b", IGNORE_CASE
)


def mrn(text: str) -> Iterator[Span]:
    """Medical record numbers: 'MRN 00482913', 'chart #A-55812'."""
    yield from _coded(_MRN, text)


def health_plan(text: str) -> Iterator[Span]:
    """Medicaid, Medicare, insurance member, subscriber, policy and group numbers."""
    yield from _coded(_PLAN, text)


def account(text: str) -> Iterator[Span]:
    """Account, billing, invoice and claim numbers."""
    yield from _coded(_ACCOUNT, text)


def licence(text: str) -> Iterator[Span]:
    """Driver's licence, professional licence, certificate and permit numbers."""
    yield from _coded(_LICENCE, text)


def vehicle(text: str) -> Iterator[Span]:
    """Licence plates and vehicle identification numbers (VINs)."""
    yield from _coded(_VEHICLE, text, min_digits=1)
    for match in _PLATE_SHAPE.finditer(text):
        if any(c.isdigit() for c in match.group("code")):
            yield match.span("code")
    for match in _VIN.finditer(text.upper()):
        yield match.span()


def device(text: str) -> Iterator[Span]:
    """Serial numbers and identifiers of devices (pumps, pacemakers, sensors)."""
    yield from _coded(_DEVICE, text, min_digits=2)


_LONG_NUMBER = re.compile(r"(?<![\w.,/-])\d{7,}(?![\w/-]|[.,]\d)")
_MIXED_CODE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])")
_DIGIT_GROUPS = re.compile(r"(?<![\w.,/-])\d{2,6}(?:-\d{2,6}){1,3}(?![\w/-]|[.,]\d)")
_CLINICAL_CODE = re.compile(
    r"^(?:RS\d+|[A-TV-Z]\d{2}(?:\.\d{1,4})?|HLA-?[A-Z]*\d*|CD\d+|IL\d+[A-Z]?|COVID-?19|SARS-COV-?2|H\d+N\d+|"
    r"HBA1C|A1C|B\d{1,2}|D\d|K\d|G\d+P\d+|T\d+N\d+M\d+|[A-Z]{1,6}-?\d{1,3}[A-Z]?|\d{1,3}[A-Z]{1,4}|"
    r"PHQ-?\d+|GAD-?\d+|FIB-?4|C\d-C\d|L\d-S\d|L\d-L\d|T\d+-T\d+|C\d+-C\d+|NS\d[A-Z]?|DNA|RNA)$"
)


_YEAR_RANGE = re.compile(r"(?:19|20)\d\d-(?:(?:19|20)\d\d|\d\d)")
_CODE_SYSTEM = re.compile(
    r"\b(?:cpt|ndc|snomed(?:\s*ct)?|icd-?1[01](?:-cm)?|loinc|rxnorm|hcpcs|drg|load|count|platelets|plts|wbc|titer|"
    r"level|copies|rna|dna)\b[^.;\d]{0,12}$",
    IGNORE_CASE,
)


def other_code(text: str) -> Iterator[Span]:
    """Any other identifying number or code: bare numbers of 7 digits or more that carry no unit,
    letter-and-digit codes such as A4471092, and digit groups such as 4471-0092."""
    cases = _CASE_NUMBER.finditer(text) if not _CASE_WORDS.isdisjoint(words_of(text)) else iter(())
    for match in (*_OTHER.finditer(text), *cases):
        if _public_code(text, match.start("code")):
            continue
        code = match.group("code").rstrip(" -./")
        if sum(c.isdigit() for c in code) >= 3:
            yield match.start("code"), match.start("code") + len(code)
    for match in _LONG_NUMBER.finditer(text):
        if _CODE_SYSTEM.search(text, max(0, match.start() - 25), match.start()):
            continue  # a SNOMED or NDC code, a viral load or platelet count
        if _not_before_unit(text, match.end()):
            yield match.span()
    for match in _MIXED_CODE.finditer(text):
        token = match.group()
        digits = sum(c.isdigit() for c in token)
        public = _public_code(text, match.start())
        if digits >= 4 and len(token) >= 6 and not _CLINICAL_CODE.match(token) and not public:
            yield match.span()
    for match in _DIGIT_GROUPS.finditer(text):
        if (_YEAR_RANGE.fullmatch(match.group()) or _public_code(text, match.start())
                or _CODE_SYSTEM.search(text, max(0, match.start() - 25), match.start())):  # fmt: skip
            continue  # 2015-2019; CPT 99213-25, NDC 0002-8215-01
        digits = sum(c.isdigit() for c in match.group())
        if digits >= 7 and _not_before_unit(text, match.end()):
            yield match.span()


# ---- places -------------------------------------------------------------------------------------------

_STREET_SUFFIX = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|"
    r"highway|hwy|route|rte|trail|trl|parkway|pkwy|circle|cir|loop|terrace|ter|plaza|square|sq)"
)
_STREET_NAME = r"(?:[A-Z][\w'-]*\.?|\d+(?:st|nd|rd|th))"
_STREET = re.compile(
    rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:{_STREET_NAME}\s+){{1,3}}(?i:{_STREET_SUFFIX})\b\.?"
    rf"|\b\d{{1,6}}\s+(?i:calle|camino|avenida|paseo|callejon|placita|vereda|via)\s+(?:(?:de|del|la|los|las)\s+)?"
    rf"[A-Z][\w'-]+"
)
_RURAL_ROUTE = re.compile(
    r"\b(?:HC|RR|R\.R\.|hc|rr|Rr)\s*\d+\s+[Bb](?:ox|OX)\s+\d+\b"  # "rr2 box 118": no case-blind scan
    r"|\b(?:Rural\s+Route|Star\s+Route|County\s+Road|Navajo\s+Route|Indian\s+Route|State\s+Road)\s*\d+(?:\s+Box\s+\d+)?\b"
)
_LANDMARK = re.compile(
    r"\b(?:behind|next\s+to|across\s+from|across\s+the\s+street\s+from|near|works\s+at)\s+the\s+"
    r"(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,3})"
)
_NAMED_STREET = re.compile(
    rf"\b(?:[oO]n|[oO]ff|[nN]ear|[aA]t|[bB]y|[cC]orner\s+of)\s+"  # "ON W. HUNTSVILLE AVE" recased: "On"
    rf"(?:{_STREET_NAME}\s+){{1,2}}(?i:{_STREET_SUFFIX})\b(?!\s+[A-Z][a-z])"
)
_PO_BOX = re.compile(r"\bP\.?\s*O\.?\s*Box\s*\d+|\bpost\s+office\s+box\s*\d+", IGNORE_CASE)
_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
    "NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU"
)
_ZIP = re.compile(
    r"\b(?:zip|zip\s*code|zipcode|postal\s+code)\b\s*(?:#|is|:|-)?\s*\d{5}(?:-\d{4})?\b|\b\d{5}-\d{4}\b", IGNORE_CASE
)
_ZIP_AFTER_STATE = re.compile(rf"(?<=,)\s*(?:{_STATE_CODES})\s+\d{{5}}(?:-\d{{4}})?\b")
_PLACE_WORD = (
    r"(?:(?i:county|parish|borough|pueblo|reservation|rancheria|chapter|township)|Co\.|Twp|Village|Colonia|"
    r"Precinct|Ward|Neighborhood|Neighbourhood|Subdivision|Trailer\s+Park|Apartments|Apts|Valley|Canyon|Mesa|"
    r"Heights|Springs|Ranch|Estates|Hills|Flats|Acres)"
)
_NAMED_PLACE = re.compile(
    rf"\b(?:[A-Z][a-zA-Z'-]+\s+){{1,3}}{_PLACE_WORD}\b|\b(?:Pueblo|County|City|Town)\s+of\s+[A-Z][a-z'-]+"
)
def _cased(alternatives: str) -> str:
    """Each alternative in lowercase, Capitalised and CAPITALS: a case-blind alternation, tried at every character,
    costs about half as much again (and a text in capitals is recased before the detectors run)."""
    forms: list[str] = []
    for word in alternatives.split("|"):
        forms += [word, word[0].upper() + word[1:], re.sub(r"(?<!\\)[a-z]", lambda m: m.group().upper(), word)]
    return "|".join(dict.fromkeys(forms))


_PLACE_CUE = re.compile(
    r"(?<![A-Za-z])(?:" + _cased(
        r"lives|living|lived|resides|residing|reside|resident|moved|moving|relocated|from|in\s+the\s+town\s+of|"
        r"in\s+the\s+city\s+of|near|outside(?:\s+of)?|commutes|drives|travels|works|born|raised|grew\s+up|home|"
        r"stays|staying|located|based") + r")\s+(?i:(?:in|to|at|near|from|on|out\s+of|up\s+in|down\s+in|over\s+in)\s+)?"
    r"(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})(?![A-Za-z])"
)
_RESIDENT_OF = re.compile(r"\b(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:resident|native|local)\b")
_AREA = re.compile(
    r"\bthe\s+(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:coast|side|area|valley|region|rez|res|"
    r"flats|bottoms|hills|mesa|peninsula|island|islands|bayou|reservation)\b"
)
_SPANISH_PLACE = re.compile(
    r"\b(?i:vive\s+en|viven\s+en|es\s+de|son\s+de|viene\s+de|vino\s+de|en\s+el\s+barrio|en\s+la\s+colonia|"
    r"del\s+barrio|de\s+la\s+colonia)\s+(?P<place>[A-Z][a-zá-úñ'-]+(?:\s+[A-Z][a-zá-úñ'-]+){0,2})"
    r"|\b(?P<named>(?:Barrio|Colonia|Urbanización|Urb\.|Sector|Vereda|Ejido)\s+[A-Z][a-zá-úñ'-]+(?:\s+[A-Z][a-zá-úñ'-]+)?)"
)
_FACILITY_IN = re.compile(
    r"\b(?:refinery|plant|mill|mine|factory|cannery|warehouse|school|church|shelter|camp|base|prison|jail|"
    r"motel|hotel|trailer|store|farm|ranch|dairy|clinic|hospital)\s+(?:in|near|outside|outside\s+of|at)\s+"
    r"(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)(?![A-Za-z])"
)
_NEIGHBOURHOOD = re.compile(
    r"\b(?:in|on|from|near|at)\s+the\s+(?P<place>(?:North|South|East|West|Lower|Upper|Northeast|Northwest|Southeast|"
    r"Southwest|Near\s+North|Far\s+East)\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)(?![A-Za-z])"
)
_GPS = re.compile(
    r"(?<![\w.-])(?P<lat>-?\d{1,2}\.\d{2,})\s?°?\s?(?P<ns>[NS]\b)?\s*,?\s*"
    r"(?P<lon>-?1?\d{1,2}\.\d{2,})\s?°?\s?(?P<ew>[EW]\b)?"
    r"|\b(?i:lat(?:itude)?)\.?\s*:?\s*-?\d{1,2}\.\d+\s*[NS]?\s*,?\s*(?i:long|lon|lng|longitude)\.?\s*:?\s*-?\d{1,3}\.\d+"
)
_GPS_CUE = re.compile(r"\b(?:gps|coordinates|coords|location|located|pin|lat|long|at|found|address)\W*$", IGNORE_CASE)
_GPS_WORD = re.compile(r"\b(?:gps|coordinates|coords|lat\s*/\s*long?|lat-long|latitude)\b", IGNORE_CASE)
_ZIP_NAMED = re.compile(r"\b\d{5}\s+(?i:zip(?:\s*code)?|zipcode|postal\s+code)\b")
_FACILITY_AFTER = re.compile(
    r"\b(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:(?:IHS|PHS|VA)\s+)?(?:(?:Indian\s+|Regional\s+|Community\s+)?(?:Medical|Health|"
    r"Healthcare|Wellness|Treatment|Detention|Correctional|Dialysis|Senior)\s+(?:Center|Centre|Facility|Complex|Clinic)"
    r"|Indian\s+Hospital|(?i:correctional\s+(?:facility|center|complex)|detention\s+(?:center|facility)|county\s+jail|"
    r"jail|prison|high\s+school|elementary(?:\s+school)?|middle\s+school|chapter\s+house|senior\s+center|"
    r"health\s+(?:center|clinic)|dialysis\s+(?:center|unit)|hospital|clinic))\b"
)
_NEIGHBOURHOOD_WORD = re.compile(
    r"\b(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})\s+(?:neighbo(?:u)?rhood|barrio|district|trailer\s+park|"
    r"apartments|projects|subdivision|housing|mobile\s+home\s+park)\b"
)
_LOWERCASE_TOWN = re.compile(
    r"(?<![A-Za-z])(?:" + _cased(
        r"lives|living|lived|resides|residing|moved|relocated|staying|stays|grew\s+up|raised|is|comes|came|drove|"
        r"drives|commutes|lvs|home") + r")\s+(?:in|to|from|near|nr|at|out\s+of|back\s+to)\s+"
    r"(?P<place>[a-z][a-z'-]{3,}(?:\s+[a-z][a-z'-]+)?)"
)
_CITY_COMMA_STATE = re.compile(rf"\b(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){{0,2}}),\s+(?:{_STATE_CODES})\b")


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "sr", "sra", "fr", "rev"})
_INDEFINITE = re.compile(r"\b(?i:an?)\s+$")
_REGION_NOUNS = frozenset({"region", "area", "the"})


def _is_place(phrase: str) -> bool:
    words = [word.lower() for word in phrase.split()]
    if " ".join(w for w in words if w not in _REGION_NOUNS) in LARGE_REGIONS:
        return False  # "from Latin America", "the Great Plains region": as large as a state or larger
    if all(word in NOT_PLACES or word in US_STATES for word in words):
        return False
    if words[0] in DRUG_BRANDS or words[0] in CLINICAL_SHORTHAND or words[0] in _TITLES:
        return False  # "switch from Humalog vials": a drug, not a town; "from Dr. Lee's clinic": a person
    return words[0] not in NOT_PLACES


def _in_gazetteer(phrase: str) -> bool:
    words = phrase.lower().split()
    return any(" ".join(words[i:]) in gazetteer().names for i in range(len(words)))


_TWO_DECIMALS = re.compile(r"\d\.\d")
_FACILITY_STEMS = ("cent", "facility", "complex", "clinic", "hospital", "jail", "prison", "school", "elementary",
                   "house", "dialysis")  # fmt: skip
_HOUSING_STEMS = ("neighbo", "barrio", "district", "park", "apartments", "projects", "subdivision", "housing")


def _more_places(text: str) -> Iterator[Span]:
    """GPS coordinates; ZIP codes named as such ('the 87121 zip code'); a town that is also a word or a country
    named with its state ('Cuba, NM'); a town before a facility word ('the Estancia correctional facility');
    a named neighbourhood or housing ('the Barelas neighborhood'); a lowercase town after a residence verb."""
    lowered = text.lower()
    for match in _GPS.finditer(text) if _TWO_DECIMALS.search(text) else ():
        hemispheres = match.group("ns") and match.group("ew")
        cued = _GPS_CUE.search(text, max(0, match.start() - 25), match.start())
        precise = match.group("lat") is None or all(
            len(match.group(g).split(".")[1]) >= 4 for g in ("lat", "lon"))  # fmt: skip
        named = _GPS_WORD.search(text) is not None and match.group("lon").startswith("-")  # "GPS …: 36.07, -109.19"
        if match.group("lat") is None or hemispheres or (cued and precise) or named or (
                precise and match.group("lon").startswith("-")):  # fmt: skip
            yield match.span()
    for match in _ZIP_NAMED.finditer(text) if "zip" in lowered or "postal" in lowered else ():
        yield match.span()
    facility = any(stem in lowered for stem in _FACILITY_STEMS)
    for match in _FACILITY_AFTER.finditer(text) if facility else ():  # "Gallup Indian Medical Center"
        words = match.group("place").split()
        if words[0] == "The":
            words = words[1:]  # "The Mayo Clinic protocol": the article that opens a sentence is no town's
        if not words or " ".join(words).lower() in NOT_TOWNS or _INDEFINITE.search(
                text, max(0, match.start() - 4), match.start()):  # fmt: skip
            continue  # "at a Navajo chapter house event": any chapter house
        if any(_in_gazetteer(" ".join(words[:n])) and _is_place(words[n - 1]) for n in range(1, len(words) + 1)) or (
                " ".join(words).lower() in gazetteer().names):  # fmt: skip
            yield match.end("place") - len(" ".join(words)), match.end("place")
    housing = any(stem in lowered for stem in _HOUSING_STEMS)
    for match in _NEIGHBOURHOOD_WORD.finditer(text) if housing else ():
        if _is_place(match.group("place")):
            yield match.span("place")
    for match in _LOWERCASE_TOWN.finditer(text):
        place = match.group("place")
        words = place.split()
        for n in (len(words), 1):
            phrase = " ".join(words[:n])
            if (phrase in gazetteer().names and phrase not in FIRST_NAMES and phrase not in EPONYMS
                    and phrase not in NOT_TOWNS and phrase not in NOT_PLACES):  # fmt: skip
                yield match.start("place"), match.start("place") + len(phrase)
                break


def _not_a_street(pattern: re.Pattern[str], match: re.Match[str]) -> bool:
    """'20 MIN. BEST WAY', 'mass on US. Triple-phase CT': a count and its unit, or a word that is no street's."""
    words = [word.lower().strip(".,") for word in match.group().split()]
    if pattern is _STREET:
        return words[1] in NOT_STREET_NAMES
    return pattern is _NAMED_STREET and any(word in _NO_STREET_NAME for word in words[1:-1])


_NO_STREET_NAME = frozenset({"us", "usa", "america", "the", "a", "an", "his", "her", "their", "our", "my", "this",
                             "that"})  # fmt: skip


def geography(text: str, *, shouting: bool = False) -> Iterator[Span]:
    """Places smaller than a state: street addresses (numbered, ordinal and Spanish street names), PO boxes
    and rural routes, ZIP codes, counties, pueblos, chapters and valleys, neighbourhoods ('the South
    Bronx'), named landmarks ('behind the Family Dollar'), and towns named after 'lives in', 'moved to',
    'outside of' and the like. In a text typed in capitals, a capitalised word after a cue counts only if it
    is a known town ("NO OUTSIDE TRANSPORT", "NOTE FROM NIGHT NURSE" pass)."""
    for pattern in (_STREET, _PO_BOX, _ZIP, _ZIP_AFTER_STATE, _NAMED_PLACE, _RURAL_ROUTE, _NAMED_STREET):
        for match in pattern.finditer(text):
            if pattern is _ZIP and _public_code(text, match.start()):
                continue  # NDC 12496-1208-1 is no ZIP+4
            if _not_a_street(pattern, match):
                continue
            if pattern is _NAMED_PLACE and match.group().split()[0].lower() in NOT_PLACES and _INDEFINITE.search(
                text, max(0, match.start() - 4), match.start()
            ):
                continue  # "a Navajo chapter house": any chapter, not a named one (but "Apache County" is)
            if pattern is _NAMED_PLACE and all(word.lower() in US_STATES for word in match.group().split()[:-1]):
                continue  # "ALASKA VILLAGE CLINIC": a state's villages, no one village
            yield match.span()
    for pattern in (_PLACE_CUE, _CITY_COMMA_STATE, _LANDMARK, _RESIDENT_OF, _AREA, _FACILITY_IN):
        for match in pattern.finditer(text):
            if shouting and not _known_town(match.group("place")) and not _RESIDENCE_CUE.match(match.group()):
                continue  # "NO OUTSIDE TRANSPORT", "FROM NIGHT NURSE"; but "LIVES OUT PAST NASCHITTI" counts
            if pattern is _CITY_COMMA_STATE and _credential(text, match):
                continue
            if _is_place(match.group("place")) or (  # "Cuba, NM": a town that is also a word or a country
                    pattern is _CITY_COMMA_STATE and match.group("place").lower() in gazetteer().names):  # fmt: skip
                yield match.span("place")
    for match in _SPANISH_PLACE.finditer(text):
        group = "place" if match.group("place") else "named"
        if group == "named" or _is_place(match.group("place")):
            yield match.span(group)
    yield from _more_places(text)
    for match in _NEIGHBOURHOOD.finditer(text):  # "the South Bronx": judged by its last word
        if _is_place(match.group("place").split()[-1]):
            yield match.span("place")
    yield from known_places(text, shouting=shouting)  # no cue word: "drove in from crownpoint", "Lame Deer pt"
    words = words_of(text)
    yield from hurried_places(text, words)  # "home: 1147 arroyo seco rd", "lives off hwy 491", "pt from shiprok"
    yield from typed_places(text, words)  # "ship rock", "gal-lup", "gallup, nm", "in perry co", "pine ridge rez"


_RESIDENCE_CUE = re.compile(r"(?i:lives|living|lived|resides|residing|reside|moved|moving|relocated|raised|grew\s+up|"
                            r"stays|staying)\b")
_CREDENTIAL = re.compile(r",\s+(?:MD|PA|DO)(?:-C)?\b")


def _credential(text: str, match: re.Match[str]) -> bool:
    """'Ann Lee, MD', 'Smith, PA-C': a clinician and a credential that is also a state's code."""
    last = match.group("place").split()[-1].lower()
    return bool(_CREDENTIAL.match(text, match.end("place"))) and (last in FIRST_NAMES or last in SURNAMES)


def _known_town(phrase: str) -> bool:
    return _in_gazetteer(phrase) and phrase.lower() not in NOT_TOWNS


# ---- names ----------------------------------------------------------------------------------------------

_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Mister|Señor|Senor|Sra|Sr|Srta|Don|Doña|Dona|Rev|Reverend|Pastor|Rabbi|Imam|Deacon|"
    r"Fr|Sgt|Officer|Coach)\.?[ \t]+(?P<name>[A-Z][a-zA-Z'’-]+)"
)
_SUBTYPE_BEFORE = re.compile(
    r"(?:&|\b(?i:hep|hepatitis|group|type|class|stage|grade|vitamin|vit|plan|category|genotype|zone|part|cluster|"
    r"schedule|level|phase|step|tier|section|strep|gbs|child-pugh|pugh|gold|mallampati|apgar)\s+)$"
)
_AFTER_MEASURE = re.compile(r"\d[%)]?\s*$")
_INITIAL_SURNAME = re.compile(r"(?<![\w.])[A-Z]\.\s?(?P<surname>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b")
_NOT_SURNAMES_AFTER_INITIAL = frozenset(
    {
        "coli",
        "pylori",
        "diff",
        "difficile",
        "aureus",
        "pneumoniae",
        "faecalis",
        "gondii",
        "jirovecii",
        "neoformans",
        "albicans",
        "vulgaris",
    }
)
_QUOTED_NAME = re.compile(
    r"\b(?i:goes\s+by|nicknamed?|nick-?name|called|calls\s+(?:him|her|them)self|known\s+as|a\.?k\.?a\.?|prefers)"
    r"\s*(?:is\s+)?[\"'‘“(]\s*(?P<name>[A-Za-z][A-Za-z'’-]+)\s*[\"'’”)]"
)
_RELATIVE_PAREN = re.compile(
    r"\b(?i:mom|mother|dad|father|son|daughter|wife|husband|partner|sister|brother|grandma|grandpa|grandmother|"
    r"boyfriend|girlfriend|fianc[eé]e?|"
    r"grandfather|aunt|uncle|caregiver|guardian)\s*\(\s*(?P<name>[A-Z][a-z'’-]+)\s*\)"
)
_BUSINESS = re.compile(
    r"\b(?P<name>[A-Z][a-z'-]+(?:\s+(?:&|and)\s+[A-Z][a-z'-]+)?)(?:'s)?\s+(?:Seafood|Tool|Trucking|Farms?|Construction|"
    r"Bakery|Diner|Cafe|Café|Restaurant|Motors|Auto|Garage|Plumbing|Roofing|Landscaping|Dairy|Lumber|Mill|Foods|Market|"
    r"Grocery|Salon|Barbershop|Daycare|Logging|Drilling|Oilfield|Welding|Fisheries|Boatworks|Inc\.?|LLC|Co\.|Company|"
    r"Corporation|&\s+Sons|and\s+Sons|Brothers)\b"
)
_POSSESSIVE_RELATION = re.compile(
    r"\b(?P<name>[A-Z][a-z'-]+)['’]s\s+(?:mom|mother|mama|dad|father|papa|grandma|grandmother|grandpa|grandfather|wife|"
    r"husband|son|daughter|sister|brother|aunt|uncle|partner|caregiver|baby|kids|children|family|girlfriend|boyfriend)\b"
)
_THE_PT = re.compile(r"(?<![\w'-])(?P<name>[A-Za-z][a-z'-]{2,}+)\s*\(\s*(?:the\s+)?(?:pt|patient)\s*\)", IGNORE_CASE)
_BABY = re.compile(r"\b(?i:baby\s+(?:boy|girl)|infant\s+(?:boy|girl))\s+(?P<name>[A-Za-z][a-z'’-]+)")
_CUE = re.compile(
    r"\b(?i:named|name\s+is|name's|called|calls\s+(?:him|her|them)self|goes\s+by|nicknamed|known\s+as|"
    r"(?:pt|patient|client|son|daughter|wife|husband|mother|mom|father|dad|brother|sister|sibling|partner|spouse|"
    r"boyfriend|girlfriend|fianc[eé]e?|grand(?:mother|father|son|daughter|ma|pa|child)|aunt|uncle|niece|nephew|"
    r"(?:daughter|son|mother|father|sister|brother)-in-law|"
    r"cousin|caregiver|roommate|friend|neighbou?r|guardian|stepson|stepdaughter|stepmother|stepfather|child|"
    r"kids?|baby|infant|toddler|twin)(?:[ \t]*,)?)[ \t]+(?P<name>[A-Z][a-zA-Z'’-]+)"
)
_LAB_VALUE = re.compile(r"\s*(?:\d{3,}|\d+\.\d)")
_FAMILY = re.compile(r"\bthe\s+(?P<name>[A-Z][a-z'-]+)\s+(?:family|household|kids|children|twins|parents)\b")
_INITIALS = re.compile(
    r"(?<![\w.])(?P<i>[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)(?![\w])|\binitials?\b\s*:?\s*(?P<j>[A-Z]{2,3}|[A-Z]\.?\s?[A-Z]\.?)"
)
_SURNAME_FIRST = re.compile(r"\b(?P<last>[A-Z][a-z'-]+),\s+(?P<first>[A-Z][a-z'-]+)\b")
_LOWERCASE_WORDS = frozenset({"is", "was", "has", "had", "and", "with", "the", "who", "of", "to", "in"})


def _eponym_at(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at [start, end) part of a disease, sign or score name?"""
    word = text[start:end].lower().replace("’", "'").removesuffix("'s").rstrip("'")
    if word in EPONYMS:
        return True
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    if before == "-" or after == "-":  # Child-Pugh, Stevens-Johnson, Epstein-Barr
        return True
    rest = text[end:].lstrip("'’s ").split(maxsplit=1)
    return bool(rest) and rest[0].lower().strip(".,;:") in EPONYM_NOUNS


_NAME_SHAPE = re.compile(
    r"^(?:Mc|Mac|O['’]|D['’]|De|Da|Di|Du|La|Le|Van|Von)?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:['’]s)?$"
)


def _is_name(word: str, *, cued: bool) -> bool:
    """Shaped like a name (HBsAg, CBT-CP and IGRA are not), and not an ordinary or place word."""
    if not _NAME_SHAPE.match(word):
        return False
    lowered = word.lower().replace("’", "'").removesuffix("'s").rstrip("'")
    first_part = lowered.split("-")[0]
    if ((lowered in NOT_PLACES or first_part in NOT_PLACES) and lowered not in FIRST_NAMES) or lowered in ROLE_WORDS:
        return False  # a place or a role ("Patient Navigator"), not a person
    if cued:
        return lowered not in EPONYMS and lowered not in _LOWERCASE_WORDS
    return (lowered in FIRST_NAMES or lowered in SURNAMES) and lowered not in AMBIGUOUS_NAMES


def name(text: str, *, shouting: bool = False) -> Iterator[Span]:
    """Names of patients and relatives: after a title (Mr., Mrs.) or a cue ('her daughter',
    'named', 'pt'); common first names and surnames anywhere; 'Last, First'; initials (J.R.).
    Eponyms (Crohn's disease, Graves', Child-Pugh) and ordinary words that are names pass."""
    for match in _TITLE.finditer(text):
        yield match.span("name")  # a title means a person, even before "disease" or "disorder"
    patterns = (_QUOTED_NAME, _RELATIVE_PAREN) if shouting else (_QUOTED_NAME, _RELATIVE_PAREN, _BABY, _BUSINESS,
                                                                  _POSSESSIVE_RELATION, _THE_PT)  # fmt: skip
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.group("name").lower() not in EPONYMS | {"pt", "patient"}:
                yield match.span("name")
    if shouting:  # every word is capitalised: only the scored names below tell
        yield from (span for span, _ in scored_names(text, shouting=True))
        return
    for match in _INITIAL_SURNAME.finditer(text):
        if _AFTER_MEASURE.search(text, 0, match.start()):
            continue  # "5/10 L. Vibration …": a side or a unit after a figure, then a new sentence
        if _SUBTYPE_BEFORE.search(text, max(0, match.start() - 14), match.start()):
            continue  # "hep C. Prior auth", "group E. Resettlement", "I&D. Question": a letter ends the sentence
        if match.group("surname").lower() not in _NOT_SURNAMES_AFTER_INITIAL:
            yield match.span()
    for match in _CUE.finditer(text):
        if len(match.group("name")) <= 3 and _LAB_VALUE.match(text, match.end()):
            continue  # "pt, Na 128", "pt Cr 1.4": a short lab symbol and its value, not an age
        known = match.group("name").lower() in FIRST_NAMES | SURNAMES
        if (_is_name(match.group("name"), cued=True) and not _eponym_at(text, *match.span("name"))
                and (known or not _sentence_start(text, match.start("name")))):  # fmt: skip
            yield match.span("name")
    for match in _FAMILY.finditer(text):
        if _is_name(match.group("name"), cued=True) and not _eponym_at(text, *match.span("name")):
            yield match.span("name")
    for match in _SURNAME_FIRST.finditer(text):
        if match.group("last").lower() in SURNAMES and match.group("first").lower() in FIRST_NAMES:
            yield match.span()
    for match in _INITIALS.finditer(text):
        group = "i" if match.group("i") else "j"
        letters = re.sub(r"[^A-Z]", "", match.group(group))
        if letters not in NOT_INITIALS:
            yield match.span(group)
    languages = not _LANGUAGE_NAMES.isdisjoint(words_of(text))
    for span, _clinician in scored_names(text):
        if languages and _a_language(text, *span):
            continue  # "a phone interpreter (Karen)", "Karen ethnicity", "speaks Dari": a language or people
        yield span


# Languages and peoples that are also given names or surnames: in a language's context they name nobody.
_LANGUAGE_NAMES = frozenset({"dari", "karen", "pashto", "farsi", "tigrinya", "amharic", "somali", "swahili",
                             "kinyarwanda", "burmese", "hmong", "marshallese", "chuukese", "nepali", "tagalog",
                             "arabic", "mam", "kiche", "oromo", "chin", "zomi", "kirundi", "lingala", "urdu"})
_LANGUAGE_CONTEXT_BEFORE = re.compile(r"(?i:interpreter|interpreters|speaks|speaking|speak|language)\s*:?\s*\(?\s*$")
_LANGUAGE_CONTEXT_AFTER = re.compile(
    r"\s*\)?\s*(?i:ethnicity|ethnic|language|speaker|speakers|speaking|interpreter|-speaking)\b"
    r"|\s+(?i:and|or)\s+(?P<other>[A-Za-z]+)"
)


def _a_language(text: str, start: int, end: int) -> bool:
    if text[start:end].lower() not in _LANGUAGE_NAMES:
        return False
    if _LANGUAGE_CONTEXT_BEFORE.search(text, max(0, start - 16), start):
        return True
    after = _LANGUAGE_CONTEXT_AFTER.match(text, end)
    return after is not None and (after.group("other") is None or after.group("other").lower() in _LANGUAGE_NAMES
                                  or after.group("other").lower() in _MORE_LANGUAGES)


_MORE_LANGUAGES = frozenset({"english", "spanish", "french", "portuguese", "russian", "ukrainian", "vietnamese",
                             "mandarin", "cantonese", "korean", "navajo"})


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in ".!?:;\n"
