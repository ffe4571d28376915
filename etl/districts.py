"""City districts the gazetteer lacks, read from the phrase that names them with their city.

The supplement CSV lists the districts of the cities the sample corpus needs, but a page may name any
district of any city: "the Frunzensky District of Vladimir", «Октябрьский район Владимира». Where the
phrase names a city the gazetteer knows, the district is that city's, whatever the CSV lacks: it becomes a
place of its own (a stable id, its city's coordinates, precision 2), so a district-to-district agreement
links the districts and rolls up to the two cities, as one from the CSV does.
"""

from __future__ import annotations

import re

from etl.gazetteer import Gazetteer, romanised, synthetic_id
from etl.geocode import DISTRICTS_CITY, ResolvedName
from etl.records import Place

# "the Old District of …", "the Central Business District of …": words, not a district's own name
_NOT_A_DISTRICT_NAME = frozenset({"Old", "New", "Central", "Business", "Historic", "Financial", "Capital", "Federal",
                                  "Administrative", "Special", "Free", "Economic", "Industrial", "School", "Water"})
# «Административный район Еревана», «городской район», «муниципальный район»: a kind of district, not its name
_NOT_A_RUSSIAN_DISTRICT_NAME = re.compile(r"^(?:[Аа]дминистративн|[Мм]униципальн|[Гг]ородск|[Сс]ельск|[Нн]ациональн"
                                          r"|[Вв]нутригородск|[Оо]тдаленн|[Сс]оседн|[Пп]риграничн|[Нн]ов|[Сс]тар)"
                                          r"(?:ый|ий|ой|ого|ому|ым|им|ом)$")
UNLISTED_DISTRICT = "district of the named city (not in the gazetteer; placed at the city)"

# Transliterated Russian district adjectives: Frunzensky, Oktyabrskiy, Tsentralny, Zavodskoy.
_EN_ADJECTIVE = r"[A-Z][a-z]+(?:sk(?:y|iy|ii|oy)|n(?:y|yy|iy|oy)|ovy|evy)"
_EN_DISTRICTS = (
    # "the Frunzensky District of Vladimir", "the Oktyabrsky and Frunzensky districts of Vladimir"
    re.compile(rf"\b({_EN_ADJECTIVE})(?:\s+and\s+({_EN_ADJECTIVE}))?\s+[Dd]istricts?\s+of\s+(?:the\s+city\s+of\s+)?"
               r"(?P<city>[A-Z][\w'-]+)"),
    # "Vladimir's Frunzensky District"
    re.compile(rf"\b(?P<city>[A-Z][\w-]+)['’]s\s+({_EN_ADJECTIVE})(?:\s+and\s+({_EN_ADJECTIVE}))?\s+[Dd]istricts?\b"),
)
# («Верх-Исетский»: the whole hyphenated name, never its second half)
_RU_ADJECTIVE = r"(?<![\w-])(?:[А-ЯЁ][а-яё]+-)?[А-ЯЁ][а-яё]+(?:ий|ый|ой|ого|ому|ым|ом|ая|ую|ие|ых|ым|ыми|им|ими|их|ие)"
_RU_DISTRICTS = re.compile(
    # «Октябрьский район Владимира», «Фрунзенского района г. Владимира», «Октябрьский и Фрунзенский районы Владимира»
    rf"\b({_RU_ADJECTIVE})(?:\s+и\s+({_RU_ADJECTIVE}))?\s+район(?:а|у|ом|е|ы|ов|ам|ами|ах)?\s+"
    # («Октябрьского района городского округа Саранск»)
    r"(?:г\.\s*|города\s+|городского\s+округа\s+)?(?P<city>[А-ЯЁ][а-яё-]+)")
# Districts named by a noun, as Chinese ones are: «района Лаошань города Циндао», "the Laoshan District of Qingdao"
_RU_NOUN_DISTRICT = re.compile(r"\bрайон(?:а|у|ом|е)?\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+(?:г\.\s*|города\s+)"
                               r"(?P<city>[А-ЯЁ][а-яё-]+)")
# (and two-word names: "Mirzo Ulugbek District of Tashkent", "Tashkent's Mirzo-Ulugbek District")
_EN_DISTRICT_NOUN = r"[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?"
_EN_NOUN_DISTRICTS = (
    re.compile(rf"\b(?:the|of|and)\s+({_EN_DISTRICT_NOUN})\s+District\s+of\s+(?:the\s+city\s+of\s+)?"
               r"(?P<city>[A-Z][\w'-]+)"),
    re.compile(rf"\b(?P<city>[A-Z][\w-]+)['’]s\s+({_EN_DISTRICT_NOUN})\s+District\b"),
)
_RU_ENDINGS = re.compile(r"(?:ого|ому|ыми|ими|ым|им|ом|ая|ую|ой|ий|ый|ие|ые|ых|их)$")


def add_unlisted_districts(text: str, resolved: list[ResolvedName], gazetteer: Gazetteer) -> list[ResolvedName]:
    """The names with each "<district> of <city>" phrase whose district the gazetteer lacks read as that
    city's district (the city then named as its address, not as a side)."""
    if "istrict" not in text and "район" not in text:
        return resolved
    cities = {r.start: r.place for r in resolved if r.place.kind == "city"}
    replaced: dict[int, ResolvedName] = {}  # by start
    addresses: set[int] = set()
    patterns = [*(_EN_DISTRICTS + _EN_NOUN_DISTRICTS if "istrict" in text else ()),
                *((_RU_DISTRICTS, _RU_NOUN_DISTRICT) if "район" in text else ())]
    for pattern in patterns:
        for match in pattern.finditer(text):
            city = cities.get(match.start("city"))
            if city is None:
                continue
            for group in (g for g in range(1, pattern.groups + 1) if g != pattern.groupindex["city"]):
                if match.group(group) is None:
                    continue
                start, end = match.span(group)
                if any(r.start == start and r.place.parent_id == city.place_id for r in resolved):
                    continue  # the gazetteer knows this city's district
                if pattern is _RU_DISTRICTS and _NOT_A_RUSSIAN_DISTRICT_NAME.match(match.group(group)):
                    continue
                if pattern in _EN_NOUN_DISTRICTS and (match.group(group).split()[0] in _NOT_A_DISTRICT_NAME or any(
                        r.start == start and r.place.kind != "city" for r in resolved)):
                    continue
                district = _district(match.group(group), city, gazetteer, russian=pattern is _RU_DISTRICTS,
                                     noun=pattern is _RU_NOUN_DISTRICT or pattern in _EN_NOUN_DISTRICTS)
                replaced[start] = ResolvedName(start, end, match.group(group), district, UNLISTED_DISTRICT)
                addresses.add(match.start("city"))
    if not replaced:
        return resolved
    names = [r for r in resolved if r.start not in replaced]
    names = [ResolvedName(r.start, r.end, r.surface, r.place, DISTRICTS_CITY) if r.start in addresses else r
             for r in names]
    return sorted([*names, *replaced.values()], key=lambda r: r.start)


def _district(adjective: str, city: Place, gazetteer: Gazetteer, russian: bool, noun: bool = False) -> Place:
    """The district as a place: named as the CSV names districts ("Frunzensky District, Vladimir")."""
    if noun:  # «Лаошань», "Laoshan": a name, not an adjective to put in the nominative
        name_ru = f"район {adjective}" if "А" <= adjective[0] <= "Я" else None
        english = romanised(adjective) if name_ru else adjective
    elif russian:
        stem = _RU_ENDINGS.sub("", adjective)
        nominative = stem + ("ий" if stem[-1:] in "кгхжшчщ" else "ый")
        name_ru = f"{nominative} район"
        english = romanised(nominative)
    else:
        name_ru = None
        english = re.sub(r"(?:yy|iy|ii)$", "y", adjective)
    display = f"{english} District, {city.name}"
    place_id = synthetic_id("district", display, city.country_code)
    place = gazetteer.places.get(place_id)
    if place is None:
        # Registered by id only (never by name), so other pages still read names as the gazetteer has them.
        place = gazetteer.places[place_id] = Place(
            place_id=place_id, name=display, kind="district", country_code=city.country_code, lat=city.lat,
            lon=city.lon, admin1=city.admin1, parent_id=city.place_id, name_ru=name_ru)
    return place
