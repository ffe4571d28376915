"""The online fallback against a stand-in Nominatim on 127.0.0.1: never the internet."""

from __future__ import annotations

import duckdb
import pytest
from nominatim_standin import KOMARIN, NominatimStandIn

from etl.config import PROJECT_ROOT
from etl.extract import extract_article
from etl.gazetteer import Gazetteer, synthetic_id
from etl.online_geocoding import (
    CachedOnlineGeocoder,
    OnlineGeocodingError,
    cache_key,
    nominatim,
    place_from_answer,
    resolve_unresolved,
)
from etl.records import Article

KOMARIN_ID = synthetic_id("osm", "node", "274688541")


@pytest.fixture
def standin():
    """A Nominatim that knows Komarin and nothing else."""
    with NominatimStandIn({"Komarin": [KOMARIN]}) as server:
        yield server


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "twinning.duckdb"


def online_geocoder(con, server) -> CachedOnlineGeocoder:
    return CachedOnlineGeocoder(con, nominatim(domain=server.domain, scheme="http", min_delay_seconds=0))


def cached_rows(con) -> list[tuple]:
    return con.execute("SELECT query, lat, lon FROM geocode_cache ORDER BY query").fetchall()


def test_an_answer_becomes_a_place_named_as_the_analyst_wrote_it(standin, store_path):
    with duckdb.connect(str(store_path)) as con:
        place = online_geocoder(con, standin).lookup("Komarin")
    assert place is not None
    assert (place.name, place.kind, place.country_code) == ("Komarin", "city", "BY")  # "town" -> city
    assert (place.lat, place.lon) == (51.4575, 30.5694)
    assert place.place_id == KOMARIN_ID and place.population is None
    assert standin.requests[0]["addressdetails"] == ["1"] and standin.requests[0]["accept-language"] == ["en"]


def test_a_name_is_asked_once_even_across_runs(standin, store_path):
    with duckdb.connect(str(store_path)) as con:
        online = online_geocoder(con, standin)
        first = online.lookup("Komarin")
        assert online.lookup("KOMARIN ").place_id == first.place_id  # case and spacing make no new question
    assert len(standin.requests) == 1
    with duckdb.connect(str(store_path)) as con:  # the next load, on the same store
        again = online_geocoder(con, standin).lookup("Komarin")
    assert again == first
    assert len(standin.requests) == 1


def test_a_country_narrows_the_question_and_is_part_of_the_key(standin, store_path):
    with duckdb.connect(str(store_path)) as con:
        place = online_geocoder(con, standin).lookup("Komarin", "BY")
        assert cached_rows(con) == [("komarin|BY", 51.4575, 30.5694)]
    assert place is not None and place.country_code == "BY"
    assert standin.requests[0]["countrycodes"] == ["by"]


def test_not_found_is_cached_too(standin, store_path):
    with duckdb.connect(str(store_path)) as con:
        online = online_geocoder(con, standin)
        assert online.lookup("Nowhereville") is None
        assert online.lookup("Nowhereville") is None
        assert cached_rows(con) == [("nowhereville|", None, None)]
    assert len(standin.requests) == 1


@pytest.mark.parametrize("failure", ["HTTP 500", "server gone"])
def test_an_unreachable_geocoder_is_reported_and_nothing_is_cached(failure, store_path):
    with NominatimStandIn(status=500 if failure == "HTTP 500" else 200) as server:
        if failure == "server gone":
            server.stop()
        with duckdb.connect(str(store_path)) as con:
            online = online_geocoder(con, server)
            with pytest.raises(OnlineGeocodingError) as raised:
                online.lookup("Komarin")
            assert cached_rows(con) == []
    message = str(raised.value)
    assert message.startswith(f"The online geocoder at {server.domain} did not answer (")
    assert message.endswith("places the gazetteer lacks stay unresolved.")
    assert ("HTTP status 500" if failure == "HTTP 500" else "could not connect") in message
    assert len(server.requests) == (2 if failure == "HTTP 500" else 0)  # one retry, then the error
    assert "Traceback" not in message and "/search?" not in message


@pytest.mark.parametrize(("addresstype", "kind"), [
    ("village", "city"), ("municipality", "city"), ("suburb", "district"), ("city_district", "district"),
    ("state", "region"), ("province", "region"), ("country", "country"), ("road", None),
])
def test_nominatim_place_types_map_to_our_kinds(addresstype, kind):
    answer = {**KOMARIN, "addresstype": addresstype, "type": "administrative", "class": "boundary"}
    place = place_from_answer("Somewhere", answer)
    assert (place.kind if place else None) == kind


def test_an_answer_without_a_country_is_not_used():
    assert place_from_answer("Komarin", {**KOMARIN, "address": {"town": "Komarin"}}) is None


def test_the_cache_table_matches_the_stores_schema(tmp_path):
    with duckdb.connect(str(tmp_path / "ours.duckdb")) as ours, duckdb.connect(str(tmp_path / "store.duckdb")) as store:
        CachedOnlineGeocoder(ours, lambda query, **options: None)
        store.execute((PROJECT_ROOT / "etl" / "schema.sql").read_text(encoding="utf-8"))
        columns = "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'geocode_cache'"
        assert ours.execute(columns).fetchall() == store.execute(columns).fetchall()


def test_cache_keys_ignore_case_apostrophes_and_spacing():
    assert cache_key(" Komarin’  ", "by") == cache_key("komarin'", "BY") == "komarin'|BY"
    assert cache_key("Komarin") != cache_key("Komarin", "BY")


def article(article_id: str, title: str, body: str) -> Article:
    return Article(article_id=article_id, source_path=f"{article_id}.txt", title=title, body=body)


def test_resolved_names_teach_the_gazetteer_and_mark_articles_for_re_extraction(standin, store_path):
    gazetteer = Gazetteer.load()  # a fresh copy: add_place changes it, and the session fixture is shared
    assert gazetteer.lookup("Komarin") == []  # the premise: GeoNames' city list lacks Komarin
    articles = [
        article("komarin", "Komarin and Kazan sign cooperation agreement",
                "A delegation from the town of Komarin visited Kazan. The town of Komarin and Kazan signed an "
                "agreement on cooperation in culture and sport."),
        article("minsk", "Minsk and Kazan sign cooperation agreement",
                "Minsk and Kazan signed an agreement on cooperation in tourism."),
        article("nowhere", "Nowhereville and Kazan sign cooperation agreement",
                "The village of Nowhereville and Kazan signed an agreement on cooperation in youth policy."),
        article("komarin-again", "A festival in Komarin",
                "Artists from Kazan came to the town of Komarin for a festival."),
    ]
    extractions = [extract_article(a, gazetteer) for a in articles]
    assert [name for name, _ in extractions[0].unresolved] == ["Komarin"]

    with duckdb.connect(str(store_path)) as con:
        again = resolve_unresolved(extractions, gazetteer, online_geocoder(con, standin))

    assert again == {0, 3}  # found online; Minsk needed nothing and Nowhereville stays unknown
    assert sorted(r["q"][0] for r in standin.requests) == ["Komarin", "Nowhereville"]  # each name once
    assert [p.place_id for p in gazetteer.lookup("Komarin")] == [KOMARIN_ID]
    redone = extract_article(articles[0], gazetteer)
    assert redone.unresolved == []
    assert KOMARIN_ID in redone.places and KOMARIN_ID in redone.participant_ids
    kazan = next(p.place_id for p in redone.places.values() if p.name == "Kazan")
    assert tuple(sorted((KOMARIN_ID, kazan))) in {pair for event in redone.events for pair in event.pairs}
