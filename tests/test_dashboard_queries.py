"""Dashboard queries, filters, CSV export and the store snapshot, on a tiny real DuckDB store."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import duckdb
import pytest
from dashboard_store import (
    AGREEMENTS,
    ARTICLES_WITH_EVENTS,
    BREST,
    CYRILLIC_TITLE,
    EVENTS,
    INJECTED_TITLE,
    KAZAN,
    LUBLIN,
    MINSK,
    REPORTS,
    add_article,
    build_store,
)

from dashboard import export, queries, snapshot
from dashboard.filters import Filters, from_query_params, narrowed, to_query_params
from etl.records import EVENT_TYPES


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of its own, for tests that change it."""
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(tmp_path / "cache"))
    return build_store(tmp_path / "twinning.duckdb")


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory):
    """A connection to the snapshot of the shared, unchanging store (the read-only tests)."""
    folder = tmp_path_factory.mktemp("store")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TWINNING_CACHE_DIR", str(folder / "cache"))
        path = snapshot.current(build_store(folder / "twinning.duckdb")).path
    with duckdb.connect(str(path), read_only=True) as connection:
        yield connection


def figures(con, filters: Filters) -> dict:
    return queries.page_view(con, filters)["headline"].iloc[0].to_dict()


def test_headline_counts_each_event_once_by_default(con):
    row = figures(con, Filters())
    assert row["events"] == EVENTS
    assert row["reports"] == REPORTS  # the Minsk-Kazan signing is on two pages
    assert row["agreements"] == AGREEMENTS
    assert row["articles"] == ARTICLES_WITH_EVENTS  # the weather page has no event
    assert row["city_pairs"] == 5
    assert row["countries"] == 3  # BY, RU, PL
    assert (row["first_day"].date(), row["last_day"].date()) == (date(2022, 7, 1), date(2025, 6, 9))


@pytest.mark.parametrize("count", ["events", "reports"])
def test_the_whole_store_headline_kept_in_the_copy_is_what_the_rows_count(con, count):
    kept = queries.headline(con, Filters(count=count))  # counted when the snapshot was built
    every_type = Filters(count=count, event_types=tuple(EVENT_TYPES))  # the same rows, counted now
    assert kept.to_dict("records") == queries.headline(con, every_type).to_dict("records")


def test_every_report_mode_counts_the_second_page_too(con):
    row = figures(con, Filters(count="reports"))
    assert (row["events"], row["agreements"]) == (REPORTS, AGREEMENTS + 1)


def test_two_signings_on_one_page_stay_two_events(con):
    # a01 reports two Minsk-Kazan signings on 9 June (one between districts): not one event reported twice.
    pairs = queries.pairs(con, Filters(event_types=("agreement_signed",), date_from=date(2025, 6, 9),
                                       date_to=date(2025, 6, 9)))
    assert pairs[["pair", "events"]].values.tolist() == [["Kazan – Minsk", 2]]


def test_district_pairs_roll_up_to_their_cities(con):
    pairs = queries.pairs(con, Filters())
    assert not pairs["pair"].str.contains("District").any()
    kazan_minsk = pairs[pairs["pair"] == "Kazan – Minsk"].iloc[0]
    assert (kazan_minsk["events"], kazan_minsk["agreements"]) == (5, 3)  # incl. the district agreement
    assert kazan_minsk["km"] == 1395
    assert "economy" in kazan_minsk["sectors"]  # named only by the district agreement
    assert pairs["events"].is_monotonic_decreasing


def test_timeline_adds_up_to_the_dated_events(con):
    timeline = queries.timeline(con, Filters())
    assert timeline["events"].sum() == EVENTS - 1  # the undated page's event has no month
    june = timeline[timeline["month"] == "2025-06-01"].set_index("event_type")["events"].to_dict()
    assert june == {"agreement_signed": 2, "visit": 1}


def test_sectors_count_an_agreement_in_each_sector_it_names(con):
    counts = queries.sectors(con, Filters()).groupby("sector")["agreements"].sum().to_dict()
    # a01-0 (sport, tourism, culture, education; its second report adds sport), a01-1 economy,
    # a03-0 education+youth, a06-0 culture, a12-0 none.
    assert counts == {"sport": 1, "tourism": 1, "culture": 2, "education": 2, "economy": 1, "youth": 1,
                      "unspecified": 1}


def test_sector_counts_by_country_pair(con):
    counts = queries.sectors(con, Filters(sectors=("culture",)))
    culture = counts[counts["sector"] == "culture"]
    assert set(culture["countries"]) == {"BY–RU"}


@pytest.mark.parametrize("filters, events", [
    (Filters(countries=("PL",)), 3),  # Brest-Lublin: forum, festival, the undated museum night
    (Filters(places=(MINSK,)), 6),  # incl. the district agreement, rolled up to Minsk
    (Filters(event_types=("visit", "transport_link")), 3),
    (Filters(date_from=date(2025, 1, 1)), 6),
    (Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)), 2),
    (Filters(sectors=("education",)), 2),  # a01-0 and a03-0
    (Filters(sectors=("sport",)), 2),  # a01-0 (named by both its reports) and the Brest forum
    (Filters(pair=(KAZAN, MINSK)), 5),
    (Filters(text="LUBLIN"), 3),  # case-insensitive, titles and sentences
    (Filters(text="казань"), 1),  # Cyrillic, case-insensitive
    (Filters(text="=cmd()"), 1),
    (Filters(countries=("BY",), event_types=("agreement_signed",), date_from=date(2025, 1, 1)), 3),
])
def test_each_filter_narrows_every_view(con, filters, events):
    views = queries.page_view(con, filters)
    assert views["headline"]["events"].iloc[0] == events
    assert views["timeline"]["events"].sum() <= events
    assert views["pairs"]["events"].sum() >= min(events, 1)


def test_sector_filter_in_report_mode_looks_at_each_report(con):
    # The second report of the Minsk-Kazan signing names only sport; the first names education too.
    assert figures(con, Filters(sectors=("education",), count="reports"))["events"] == 2
    assert figures(con, Filters(sectors=("sport",), count="reports"))["events"] == 3


@pytest.mark.parametrize("count", ["events", "reports"])
@pytest.mark.parametrize("text", [
    "LUBLIN", "казань", "=cmd()", "agreement", "Minsk and", "no such words",
    # inside words, across the title and the sentence, digits, hyphens: the word index finds what a scan finds
    "ubli", "КАЗАН", "2025", "sign", "Minsk-Kazan", "program for", "7 percent", "district"])
def test_text_search_finds_what_a_plain_ilike_finds(con, text, count):
    """The kept bit-string search (through the word index, or a scan for text with spaces or punctuation)
    equals the obvious query, on first use and when reused."""
    counted = "is_first" if count == "events" else "TRUE"
    key = "first_eid" if count == "events" else "eid"
    expected = con.execute(f"""
        SELECT count(*) FILTER (WHERE {counted}) FROM ev
        WHERE {key} IN (SELECT {key} FROM ev JOIN art USING (aid)
                        WHERE sentence ILIKE '%' || ? || '%' OR title ILIKE '%' || ? || '%')""",
                           [text, text]).fetchone()[0]
    queries.forget_searches()
    first = figures(con, Filters(text=text, count=count))["events"]
    again = figures(con, Filters(text=text, count=count, countries=("BY", "RU", "PL")))["events"]
    assert first == expected
    assert again <= first


def test_the_word_index_holds_every_word_of_the_sentences_and_titles_lower_cased(con):
    words = {row[0] for row in con.execute("SELECT word FROM word").fetchall()}
    assert {"lublin", "казань", "2025", "cmd", "partizansky"} <= words
    assert all(w == w.lower() and w.replace("_", "").isalnum() for w in words)
    # every report is listed under each word of its sentence and of its article's title
    missing = con.execute("""
        SELECT count(*) FROM search_text AS x JOIN art AS a ON a.aid = x.aid,
             unnest(regexp_extract_all(a.title_lower || ' ' || x.sentence_lower, ?)) AS t(token)
        WHERE NOT EXISTS (SELECT 1 FROM word_report AS r JOIN word AS w ON w.word_id = r.word_id
                          WHERE r.report_no = x.report_no AND w.word = t.token)""", [snapshot.WORD]).fetchone()[0]
    assert missing == 0


@pytest.mark.parametrize("filters", [
    Filters(), Filters(countries=("BY",)), Filters(places=(MINSK,)), Filters(pair=(KAZAN, MINSK)),
    Filters(text="Lublin", count="reports"), Filters(sectors=("culture",), date_from=date(2025, 1, 1))])
def test_the_map_reads_the_events_once_and_shows_what_the_separate_views_show(con, filters):
    views = queries.map_views(con, filters, top_pairs=3)
    assert views["pairs"].equals(queries.pairs(con, filters, limit=3))
    assert views["cities"].equals(queries.cities(con, filters))
    assert queries.page_view(con, filters, parts=("map",), top_pairs=3)["pairs"].equals(views["pairs"])


def test_a_district_event_is_found_through_its_cities_country_and_pair(con):
    # The district agreement a01-1 (Partizansky of Minsk with two districts of Kazan): its cast is Minsk and
    # Kazan, BY and RU, the pair Kazan – Minsk.
    districts = Filters(event_types=("agreement_signed",), text="Partizansky")
    assert figures(con, districts)["events"] == 1
    for changes in ({"places": (KAZAN,)}, {"countries": ("RU",)}, {"pair": (KAZAN, MINSK)}):
        assert figures(con, narrowed(districts, **changes))["events"] == 1
    assert figures(con, narrowed(districts, countries=("PL",)))["events"] == 0


def test_a_kept_search_is_not_reused_for_the_next_load(store):
    queries.forget_searches()
    with duckdb.connect(str(snapshot.current(store).path), read_only=True) as con:
        before = figures(con, Filters(text="Grodno"))["events"]
    add_article(store, "a50", "Grodno and Kazan sign a youth agreement", date(2025, 8, 1))
    with duckdb.connect(str(snapshot.current(store).path), read_only=True) as con:
        assert figures(con, Filters(text="Grodno"))["events"] == before + 1


def test_text_is_a_bound_value_not_sql(con):
    for text in ("' OR 1=1 --", "%", "_", "\\"):
        assert figures(con, Filters(text=text))["events"] == 0


def test_nothing_matching_gives_empty_tables_not_errors(con):
    views = queries.page_view(con, Filters(countries=("JP",)))
    assert views["headline"]["events"].iloc[0] == 0
    assert views["headline"]["city_pairs"].iloc[0] == 0
    assert all(views[name].empty for name in ("timeline", "agreements", "pairs", "cities", "sectors", "articles"))
    assert queries.events_table(con, Filters(countries=("JP",))).empty


def test_articles_list_the_evidence_with_the_places_to_highlight(con):
    rows = queries.articles(con, Filters(pair=(KAZAN, MINSK), text="district"))
    assert len(rows) == 1
    assert {"Partizansky District", "Kirovsky District", "Minsk", "Kazan"} <= set(rows["highlight"].iloc[0])
    page_one = queries.articles(con, Filters(), limit=5)
    page_two = queries.articles(con, Filters(), limit=5, offset=5)
    assert len(page_two) == 5 and set(page_two["sentence"]).isdisjoint(page_one["sentence"])
    assert page_one["day"].iloc[0] >= page_two["day"].iloc[-1]  # newest first


def test_events_table_has_one_row_per_event_or_per_report(con):
    events = queries.events_table(con, Filters())
    assert len(events) == EVENTS
    assert len(queries.events_table(con, Filters(count="reports"))) == REPORTS
    signing = events[events["event_id"] == "a01-0"].iloc[0]
    assert signing["reports"] == 2 and signing["city_pairs"] == "Kazan – Minsk"
    assert signing["sectors"] == "sport, tourism, culture, education"
    assert len(queries.events_table(con, Filters(), limit=4)) == 4


def test_filter_options_list_what_takes_part(con):
    options = queries.filter_options(con)
    assert set(options["countries"]["country"]) == {"BY", "RU", "PL"}
    assert MINSK in set(options["places"]["place_id"])
    assert not options["places"]["kind"].eq("district").any()  # districts are offered as their cities
    assert options["event_types"]["events"].sum() == EVENTS


def test_filters_round_trip_through_query_params():
    filters = Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31), countries=("BY", "RU"),
                      places=(MINSK, BREST), event_types=("visit",), sectors=("sport", "culture"),
                      text="Minsk, Kazan & 100%", count="reports", pair=(BREST, LUBLIN))
    params = to_query_params(filters)
    assert params["country"] == ["BY", "RU"] and params["pair"] == f"{BREST}-{LUBLIN}"
    assert from_query_params(params) == filters
    assert to_query_params(Filters()) == {}


def test_edited_urls_never_fail():
    parsed = from_query_params({"from": "2024-13-45", "country": ["by", "XXX", "RU,PL"], "type": "parade",
                                "place": ["12", "x"], "pair": "5-5", "count": "all", "sector": "sport"})
    assert parsed == Filters(countries=("BY", "RU", "PL"), places=(12,), sectors=("sport",))


def test_csv_neutralises_formulas_and_keeps_cyrillic(con):
    data = export.to_csv_bytes(queries.events_table(con, Filters()))
    assert data.startswith(b"\xef\xbb\xbf")  # byte-order mark: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == EVENTS
    titles = {row["title"] for row in rows}
    assert "'" + INJECTED_TITLE in titles and INJECTED_TITLE not in titles
    assert CYRILLIC_TITLE in titles
    evidence = {row["evidence"] for row in rows}
    assert any(e.startswith("'+7 percent") for e in evidence)
    assert not any(row[key].startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for key in row)


def test_neutralise_leaves_numbers_and_harmless_text_alone():
    import pandas as pd

    table = pd.DataFrame({"text": ["=1+2", "+7", "-x", "@SUM(A1)", "\tx", "\rx", "ok", None], "n": range(-4, 4)})
    safe = export.neutralise(table)
    assert safe["text"].tolist()[:7] == ["'=1+2", "'+7", "'-x", "'@SUM(A1)", "'\tx", "'\rx", "ok"]
    assert safe["n"].tolist() == list(range(-4, 4))


def test_file_names_carry_the_date_and_the_main_filters():
    name = export.file_name("events", Filters(countries=("BY", "RU"), date_from=date(2024, 1, 1),
                                              event_types=("agreement_signed",), pair=(KAZAN, MINSK)),
                            today=date(2026, 11, 24), place_names={KAZAN: "Kazan", MINSK: "Minsk"})
    assert name == "twinning-events_2026-11-24_2024-01-01-to-end_BY-RU_pair-Kazan-Minsk_agreement_signed.csv"
    assert export.file_name("pairs", Filters(text="../../etc/passwd"), today=date(2026, 1, 2)) == \
        "twinning-pairs_2026-01-02_q-..-..-etc-passwd.csv"


def test_report_bundles_events_pairs_and_sectors(con):
    filters = Filters(countries=("BY",))
    tables = {"events": queries.events_table(con, filters), "pairs": queries.pairs(con, filters),
              "sectors": queries.sectors(con, filters)}
    archive = zipfile.ZipFile(io.BytesIO(export.report_zip(tables, filters, filters.describe())))
    assert sorted(archive.namelist()) == ["README.txt", "events.csv", "pairs.csv", "sectors.csv"]
    for name, table in tables.items():
        rows = list(csv.reader(io.StringIO(archive.read(f"{name}.csv").decode("utf-8-sig"))))
        assert len(rows) == len(table) + 1
    assert "BY" in archive.read("README.txt").decode("utf-8-sig")


def test_snapshot_follows_the_store(store):
    first = snapshot.current(store)
    assert snapshot.current(store).path == first.path  # unchanged store: reused, not rebuilt
    add_article(store, "a13", "Minsk and Kazan sign a youth exchange plan", date(2025, 7, 1))
    second = snapshot.current(store)
    assert second.path != first.path and second.current
    assert not first.path.exists()  # the old copy is removed
    with duckdb.connect(str(second.path), read_only=True) as con:
        assert figures(con, Filters())["events"] == EVENTS + 1


def test_snapshot_releases_the_store_at_once(store):
    snapshot.current(store)
    duckdb.connect(str(store)).close()  # a writer gets the lock: the dashboard holds none


HOLD_WRITE_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("INSERT INTO articles (article_id, title, published_date) VALUES ('a99', 'Late news', DATE '2025-08-01')")
con.execute("INSERT INTO events (event_id, article_id, event_type, event_date, sentence) "
            "VALUES ('a99-0', 'a99', 'visit', DATE '2025-08-01', 'A late visit.')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold_lock(store: Path, seconds: float) -> subprocess.Popen:
    writer = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(store), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "locked"
    return writer


def test_queries_keep_working_during_a_load_and_see_its_data_after(store):
    snapshot.current(store)
    writer = _hold_lock(store, 2.0)
    seen = []
    started = time.monotonic()
    while writer.poll() is None:
        snap = snapshot.current(store)  # never raises: the last copy is shown while the load runs
        with duckdb.connect(str(snap.path), read_only=True) as con:
            seen.append((snap.current, figures(con, Filters())["events"]))
        assert time.monotonic() - started < 30
    assert writer.wait() == 0
    assert (False, EVENTS) in seen  # during the load: the previous data, flagged as not current
    after = snapshot.current(store)
    assert after.current
    with duckdb.connect(str(after.path), read_only=True) as con:
        assert figures(con, Filters())["events"] == EVENTS + 1  # and the load's data right after


def test_first_copy_during_a_load_waits_briefly_then_says_busy(store):
    writer = _hold_lock(store, 5.0)
    try:
        started = time.monotonic()
        with pytest.raises(snapshot.StoreBusy):
            snapshot.current(store)
        assert time.monotonic() - started < 4
    finally:
        writer.kill()
        writer.wait()


def test_a_store_written_before_reports_were_grouped_opens_with_every_report_its_own_event(store):
    with duckdb.connect(str(store)) as writable:
        writable.execute("DROP TABLE event_reports")  # as a store of an older version has it
    with duckdb.connect(str(snapshot.current(store).path), read_only=True) as old:
        assert figures(old, Filters())["events"] == REPORTS
