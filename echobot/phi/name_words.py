"""The words the name model reads a word's context from: titles and relatives before a name, verbs people do
after it, the things and places named after people, and the words that are never part of a full name."""

from __future__ import annotations

from echobot.phi.lexicon import (
    EPONYM_NOUNS,
    FIRST_NAMES,
    NOT_PLACES,
    SURNAMES,
    US_STATES,
)

# Titles: a person follows ("Dr." too: a clinician is still a name in a case field).
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "mister", "señor", "senor", "sra", "sr", "srta", "don", "doña", "dona", "rev",
    "reverend", "pastor", "rabbi", "imam", "deacon", "fr", "sgt", "officer", "coach", "dr", "doctor", "nurse",
})  # fmt: skip
CLINICAL_TITLES = frozenset({"dr", "doctor", "nurse", "np", "pa", "rn", "md", "do", "dnp", "fnp", "pharmd", "lpn"})
# People whose name may follow: relatives (and their abbreviations), carers, the patient.
RELATIONS = frozenset({
    "pt", "patient", "client", "son", "daughter", "dtr", "dau", "wife", "husband", "hus", "husb", "mother", "mom",
    "mum", "ma", "father", "dad", "pa", "brother", "bro", "sister", "sis", "sibling", "partner", "spouse",
    "boyfriend", "bf", "girlfriend", "gf", "fiance", "fiancé", "fiancee", "fiancée", "grandmother", "grandfather",
    "grandma", "grandpa", "gma", "gpa", "granny", "grandson", "granddaughter", "grandchild", "aunt", "auntie",
    "uncle", "niece", "nephew", "cousin", "caregiver", "carer", "roommate", "friend", "neighbor", "neighbour",
    "guardian", "stepson", "stepdaughter", "stepmother", "stepfather", "stepmom", "stepdad", "child", "kid", "kids",
    "baby", "infant", "toddler", "twin", "caseworker", "employer", "boss", "landlord", "coworker", "named", "called",
    "nicknamed", "aka", "name", "name's", "names", "paciente", "hija", "hijo", "esposa", "esposo", "madre", "padre",
})  # fmt: skip
PEOPLE = frozenset({"girl", "boy", "man", "woman", "male", "female", "lady", "gentleman", "patient", "pt", "teen",
                    "child", "infant", "toddler", "veteran", "f", "m", "yo", "yom", "yof"})  # fmt: skip
VERBS = frozenset({
    "reports", "reported", "states", "stated", "says", "said", "denies", "denied", "presents", "presented",
    "complains", "returns", "returned", "came", "comes", "brought", "brings", "lives", "lived", "works", "worked",
    "agrees", "agreed", "refuses", "refused", "declined", "declines", "wants", "wanted", "feels", "felt",
    "endorses", "endorsed", "called", "calls", "asked", "asks", "told", "tells", "missed", "misses", "drove",
    "drives", "helps", "helped", "manages", "translates", "stopped", "started", "takes", "took",
})  # fmt: skip
# Words after a name that make it a thing named after someone: Tommy John surgery, Ryan White program.
NAMED_THING = EPONYM_NOUNS | frozenset({
    "surgery", "program", "programme", "act", "foundation", "fund", "institute", "center", "centre", "hospital",
    "clinic", "university", "college", "school", "award", "scholarship", "model", "method", "approach", "wort",
    "fracture", "maneuver", "manoeuvre", "view", "incision", "flap", "pouch", "shunt", "splint", "cast", "knot",
    "bandage", "speculum", "forceps", "retractor", "mask", "valve", "questionnaire", "inventory", "tool",
    "checklist", "plan", "medicaid", "medicare", "care", "health", "memorial", "regional", "hall", "building",
    "funded", "street", "st", "avenue", "ave", "road", "rd", "county", "parish", "river", "lake", "park", "mountain",
    "part", "eligibility", "eligible", "grant", "funding", "services",  # a program's parts: Ryan White Part B
})  # fmt: skip
# A classification's grade after an eponym (Denver II, Hurley III, Mallampati IV); after a given name and a
# surname it is a person's suffix (John Smith III), so it counts only after a single name.
ROMAN_GRADE = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix"})
# Cues that may stand before a full stop and still name the next word: "Mrs. Doe", "dtr. Ann", "pt. Rhonda".
# After a whole word ("her kids. How …", "the nurse. Fluid …") the full stop ends the sentence.
DOTTED_CUES = frozenset({"mr", "mrs", "ms", "mx", "sr", "sra", "srta", "rev", "fr", "sgt", "dr", "pt", "dtr",
                         "dau", "hus", "husb", "bro", "sis", "gma", "gpa", "bf", "gf", "aka"})  # fmt: skip
# Words before a name that make it a place, saint or thing: St. John's wort, San Francisco, West Virginia.
BEFORE_THING = frozenset({"st", "saint", "san", "santa", "fort", "ft", "lake", "mount", "mt", "port", "new",
                          "west", "north", "south", "east", "el", "la", "los", "las"})  # fmt: skip
# ALL CAPS words that are acronyms before they are names.
ACRONYMS = frozenset({"ana", "ada", "asa", "gina", "elisa", "mac", "dexa", "ace", "arb", "ct", "cat", "pet", "eva",
                      "nash", "mash", "tia", "ami", "mel", "lee", "ames", "chad", "ard", "sam", "rosa", "ira", "cara",
                      "dee", "dia", "sol", "von", "tad", "rey"})  # fmt: skip


OCCUPATIONS = frozenset(
    {
        "mason",
        "baker",
        "carpenter",
        "taylor",
        "cook",
        "smith",
        "porter",
        "carter",
        "fisher",
        "hunter",
        "miller",
        "farmer",
        "butler",
        "turner",
        "walker",
        "parker",
        "cooper",
        "tanner",
    }
)
SENTENCE_END = frozenset({".", ":", ";", "!", "?"})
SHORT_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta"})
FUNCTION_WORDS = frozenset(
    {
        "the",
        "and",
        "was",
        "has",
        "had",
        "who",
        "will",
        "can",
        "says",
        "said",
        "for",
        "not",
        "his",
        "her",
        "their",
        "our",
        "she",
        "him",
        "they",
        "this",
        "that",
        "with",
    }
)


HAND_NAMES = FIRST_NAMES | SURNAMES
# Words around a capitalised word that make it a language or a people, not a person: "speaks Dari", "a little
# Urdu interpreter", "Marshallese woman", "the Hmong community".
LANGUAGE_BEFORE = frozenset({"speaks", "speak", "speaking", "spoke", "fluent", "interpreter", "translator"})
PEOPLE_AFTER = frozenset({
    "woman", "women", "man", "men", "family", "families", "community", "communities", "elder", "elders", "speaker",
    "speakers", "interpreter", "interpreters", "culture", "language", "languages", "descent", "heritage", "ancestry",
    "people", "refugee", "refugees", "immigrant", "immigrants", "household", "households", "tribe", "dialect",
    "translation", "food", "foods", "cuisine",
})  # fmt: skip
# An exam's finding right after an uncued capitalised word: the word names a test ("Weber lateralizes left",
# "Spurling positive"), not a person.
FINDING_AFTER = frozenset({"positive", "negative", "equivocal", "lateralizes", "lateralized", "lateralizing",
                           "bilaterally", "elicited", "reproduced"})  # fmt: skip
# After a full name, what shows it is a person: a suffix (Jr.), a verb people do, "is", "has".
PERSON_AFTER = VERBS | frozenset({"is", "was", "has", "had", "jr", "sr"})
# Relatives named in parentheses after a name: "Sina (pt's wife)", "Lena (her daughter)".
RELATIONS_AFTER = RELATIONS - frozenset({
    "pt", "patient", "client", "named", "called", "nicknamed", "aka", "name", "name's", "names", "child", "kid", "kids",
    "baby", "infant", "toddler",
})  # fmt: skip
# Words that are never the rest of a person's full name.
NOT_NAME_PARTS = (NAMED_THING | US_STATES | NOT_PLACES | TITLES | FUNCTION_WORDS | PEOPLE | RELATIONS
                  | PEOPLE_AFTER | {"jr", "sr"})  # fmt: skip
