"""The place index: GeoNames with our supplements, the names analysts write, and the geopy interface."""

from __future__ import annotations

import csv

import pytest
from geopy.distance import geodesic

from etl import config
from etl.gazetteer import Gazetteer, ascii_name
from etl.geocode import GazetteerGeocoder
from etl.records import PLACE_KINDS


def _supplement_rows():
    for path in sorted(config.GAZETTEER_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                yield path.name, number, row


def test_every_supplement_row_is_usable():
    problems = []
    for name, number, row in _supplement_rows():
        where = f"{name} line {number} ({row.get('name')})"
        if row["kind"] not in PLACE_KINDS:
            problems.append(f"{where}: kind {row['kind']!r}")
        if len(row["country_code"]) != 2:
            problems.append(f"{where}: country {row['country_code']!r}")
        if row["lat"] and not -90 <= float(row["lat"]) <= 90 or row["lon"] and not -180 <= float(row["lon"]) <= 180:
            problems.append(f"{where}: coordinates out of range")
        if row["kind"] == "district" and not row["parent"]:
            problems.append(f"{where}: a district without its city")
    assert problems == []


def test_every_district_and_region_is_linked(gazetteer):
    districts = [p for p in gazetteer.places.values() if p.kind == "district"]
    assert districts and all(d.parent_id in gazetteer.places for d in districts)
    cities_by_admin1 = {(p.country_code, p.admin1) for p in gazetteer.places.values() if p.kind == "city"}
    unlinked = [p.name for p in gazetteer.places.values()
                if p.kind == "region" and p.admin1 and (p.country_code, p.admin1) not in cities_by_admin1]
    assert unlinked == [], "regions whose admin1 code no GeoNames city carries"
    # A second-level unit (an English or Irish county, a French department) has no first-level code for towns to carry: it is
    # named and placed (at its county town), never the region a town rolls up to.
    second_level = [p for p in gazetteer.places.values() if p.kind == "region" and not p.admin1]
    assert {"Lincolnshire", "County Mayo"} <= {p.name for p in second_level}
    assert all(p.country_code in ("GB", "IE", "FR") and p.lat is not None for p in second_level)


@pytest.mark.parametrize("written, expected", [
    ("Mogilev", ("Mogilev", "BY", "city")),
    ("Grodno", ("Grodno", "BY", "city")),
    ("Gomel", ("Gomel", "BY", "city")),
    ("St. Petersburg", ("Saint Petersburg", "RU", "city")),
    ("Mogilev region", ("Mogilev Region", "BY", "region")),
    ("Republic of Tatarstan", ("Tatarstan", "RU", "region")),
    ("Krakow", ("Krakow", "PL", "city")),
    ("Mstislavl", ("Mstislavl", "BY", "city")),
    ("Лилин", ("Liling", "CN", "city")),
    # a supplement town amends GeoNames' town of that name only in its own region
    ("Kyzyl", ("Kyzyl", "RU", "city")),
    ("Akademgorodok", ("Akademgorodok, Novosibirsk", "RU", "district")),
    ("Сигнахи", ("Sighnaghi", "GE", "city")),
    ("Хулунбуир", ("Hulunbuir", "CN", "city")),
    # Vietnamese provinces merged away in 2025 stay findable for the news before
    ("провинции Биньзыонг", ("Binh Duong Province", "VN", "region")),
    # a region's own short name, though GeoNames lists it among a town's other names (Khiva's)
    ("Khorezm", ("Khorezm Region", "UZ", "region")),
    ("Dashoguz velayat", ("Dashoguz Region", "TM", "region")),
    ("Belyov", ("Belyov", "RU", "city")),
    ("Bayannur", ("Bayannur", "CN", "city")),
    ("Артуша", ("Artux", "CN", "city")),
    ("Horgos", ("Horgos", "CN", "city")),
    ("Kaskelen", ("Kaskelen", "KZ", "city")),
    ("Shamkhir", ("Shamkir", "AZ", "city")),
    ("Республики Коми", ("Komi Republic", "RU", "region")),
])
def test_names_as_analysts_write_them(gazetteer, written, expected):
    best = gazetteer.lookup(written)[0]
    assert (best.name, best.country_code, best.kind) == expected


def test_the_tatar_capital_lies_in_tatarstan(gazetteer):
    kazan = gazetteer.lookup("Kazan", "RU")[0]
    assert [gazetteer.places[i].name for i in gazetteer.ancestors(kazan)] == ["Tatarstan", "Russia"]


@pytest.mark.parametrize("written, expected", [
    ("в Казани", "Kazan"), ("Могилевской области", "Mogilev Region"), ("с Минском", "Minsk"),
    ("в Набережных Челнах", "Naberezhnye Chelny"), ("Республики Татарстан", "Tatarstan"),
    ("Партизанского района", "Partizansky District, Minsk"),
    ("с Шабацем", "Sabac"),  # a foreign twin town not in the dictionary, declined by its ending
    ("из Кюстендила", "Kyustendil"),  # a foreign twin town the dictionary knows, declined by it
    ("в Баян-Улгийском аймаке", "Bayan-Olgii Province"),  # only the adjective after the hyphen declines
])
def test_russian_names_are_found_in_any_case(gazetteer, written, expected):
    from etl.geocode import spot_names

    [spotted] = spot_names(written, gazetteer)
    assert expected in {p.name for p in spotted.candidates}


def test_a_dictionary_place_that_only_shares_a_towns_russian_name_is_not_that_town(gazetteer):
    from etl.geocode import spot_names

    assert not any(spotted.candidates for spotted in spot_names("делегации Северного Кавказа", gazetteer))


def test_a_town_name_that_begins_a_longer_hyphenated_name_is_not_that_town(gazetteer):
    from etl.geocode import spot_names

    spotted = spot_names("Ennis is twinned with Saint-Paul-de-Varax and with Sanok.", gazetteer)
    assert [s.surface for s in spotted if s.candidates] == ["Ennis", "Saint-Paul-de-Varax", "Sanok"]
    assert {p.country_code for s in spotted if s.surface == "Saint-Paul-de-Varax" for p in s.candidates} == {"FR"}
    # (one the gazetteer lacks is not Saint-Paul on Réunion either)
    assert not any(s.candidates for s in spot_names("A choir from Saint-Paul-sur-Loire sang.", gazetteer))


@pytest.mark.parametrize("text", [
    "Aurora, the Far Eastern airline of the Aeroflot group, opened the route.",  # a company named like a town
    "They discussed floods on the Ishim and Tobol rivers.",  # rivers
    "Artists of the Tyumen Philharmonic gave a concert.",  # an institution
    "Doctors will train at the Minsk Regional Clinical Hospital.",
    'Buses ran to the International Centre for Boundary Cooperation "Khorgos".',  # a name in quotes
    "The town lies on the Syr Darya. The Astana Times reports.",  # a river, a newspaper
])
def test_names_of_companies_rivers_and_institutions_are_no_places(gazetteer, text):
    from etl.geocode import spot_names

    assert not any(spotted.candidates for spotted in spot_names(text, gazetteer))


def test_accented_names_are_shown_without_accents():
    assert ascii_name("Łódź") == "Lodz" and ascii_name("Eskişehir") == "Eskisehir" and ascii_name("Минск") == "Минск"


def test_gazetteer_works_as_a_geopy_geocoder(gazetteer):
    geocoder = GazetteerGeocoder(gazetteer)
    minsk = geocoder.geocode("Minsk")
    kazan = geocoder.geocode("Kazan", country_codes="RU")
    assert minsk.raw["place_id"] == 625144  # GeoNames' Minsk
    assert 1200 < geodesic(minsk.point, kazan.point).km < 1400
    assert geocoder.geocode("Nowhere-on-Earth") is None
    assert {loc.raw["country_code"] for loc in geocoder.geocode("Brest", exactly_one=False)} == {"BY", "FR"}


def test_the_index_is_rebuilt_when_a_supplement_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(tmp_path / "cache"))
    # Declining every Russian name takes most of a build and is not what this test is about.
    monkeypatch.setattr("etl.gazetteer._add_russian_case_forms", lambda *args, **kwargs: None)
    supplements = tmp_path / "gazetteer"
    supplements.mkdir()
    header = "geonameid,name,kind,country_code,admin1,parent,lat,lon,population,name_ru,alt_names,source\n"
    (supplements / "towns.csv").write_text(header, encoding="utf-8")
    assert Gazetteer.load(supplements).lookup("Bragin") == []
    (supplements / "towns.csv").write_text(
        header + ",Bragin,city,BY,02,,51.78,30.27,3900,Брагин,,Wikipedia\n", encoding="utf-8")
    assert Gazetteer.load(supplements).lookup("Bragin")[0].country_code == "BY"


def test_towns_down_to_five_thousand_people_under_the_names_analysts_write(gazetteer):
    # Twin towns are often small: Sejny (5,900), Mosty (14,000), Lyakhovichi (10,000).
    assert [(p.name, p.country_code) for p in gazetteer.lookup("Sejny")] == [("Sejny", "PL")]
    # Belarusian towns under the Russian form BelTA writes, not GeoNames' Belarusian romanisation.
    for written, russian in (("Mosty", "Мосты"), ("Dyatlovo", "Дятлово"), ("Chausy", "Чаусы"),
                             ("Slavgorod", "Славгород")):
        found = [p for p in gazetteer.lookup(written) if p.country_code == "BY"]
        assert [p.name for p in found] == [written], written
    assert not gazetteer.lookup("Dzyatlava") or gazetteer.lookup("Dzyatlava")[0].name == "Dyatlovo"


def test_small_english_named_towns_are_words_first(gazetteer):
    for word in ("Stone", "Battle", "Cathedral", "Admiralty"):
        assert all((p.population or 0) >= 15_000 for p in gazetteer.lookup(word)), word


def test_a_curated_town_that_geonames_also_lists_is_one_place(gazetteer):
    assert len(gazetteer.lookup("Sebezh")) == 1
    assert len(gazetteer.lookup("Druskininkai")) == 1


def test_districts_of_cities_that_partner_with_belarusian_districts(gazetteer):
    for district, city in (("Sovetsky District", "Krasnoyarsk"), ("Kirovsky District", "Volgograd"),
                           ("Tsentralny District", "Kaliningrad"), ("Zadneprovsky District", "Smolensk")):
        found = [p for p in gazetteer.lookup(district) if p.parent_id and gazetteer.places[p.parent_id].name == city]
        assert len(found) == 1, (district, city)


def test_russian_towns_are_shown_without_the_soft_sign_apostrophe(gazetteer):
    [nevelsk] = [p for p in gazetteer.lookup("Nevelsk") if p.country_code == "RU"]
    assert nevelsk.name == "Nevelsk"  # GeoNames writes Nevel'sk


def test_another_spelling_of_a_small_foreign_town_is_kept_but_not_an_old_name(gazetteer):
    assert [p.country_code for p in gazetteer.lookup("Veliko Tarnovo")] == ["BG"]  # GeoNames: Veliko Tŭrnovo
    assert gazetteer.lookup("Kolas") == []  # an old name GeoNames lists for Koło
