"""Dashboard latency on a synthetic store: page-view queries, cold first render, a 100,000-row CSV export.

    python benchmarks/dashboard_queries.py [--events 1000000] [--articles N] [--places 5000] [--keep FILE]
    python benchmarks/dashboard_queries.py --only-first-render [--repeat 5] --keep FILE

Builds a store with the project's schema (etl/schema.sql) of --events events (default 1,000,000; articles
default events / 5; 5,000 places: countries, regions, cities, districts), with skewed pair activity, the
same event reported by several pages, sectors and mentions. Then, on the dashboard's snapshot of it
(dashboard/snapshot.py) as the app reads it, measures
- the queries behind one page view, uncached, as the app runs them when a filter changes: the headline
  figures and the open tab's views (timeline, map, sectors, pairs or articles), for ten typical filter
  sets and each tab, over --rounds rounds after a warm-up round;
- the CSV export (neutralised, UTF-8 with BOM) of 100,000 filtered events;
- a cold ``streamlit run dashboard/app.py`` until Debian's chromium shows the headline and a chart;
- the same for a bare page of one metric and one plotly chart: the floor Streamlit and the browser set
  on this machine, to read the first render against.

Prints its figures last, on one line:
    page_view_p50_ms=… page_view_p95_ms=… first_render_s=… bare_page_first_render_s=… export_100k_s=…
Targets (not assertions): p95 < 150 ms, first render < 3 s, export < 2 s.

``--only-first-render`` skips the page views and the export and measures the cold first render only,
``--repeat`` times (default 1; each a new server and browser, after the same snapshot), and prints each
time and, last, ``first_render_s=…`` (the median): to compare a change to the first render back to back.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from dashboard import export, queries, snapshot
from dashboard.filters import Filters
from etl.records import EVENT_TYPES, SECTORS
from etl.same_event import group_reports

SCHEMA = REPO / "etl" / "schema.sql"
TYPE_WEIGHTS = (0.25, 0.03, 0.25, 0.12, 0.15, 0.12, 0.03, 0.05)  # in the order of etl.records.EVENT_TYPES
SECTOR_WEIGHTS = (  # in the order of etl.records.SECTORS
    0.12, 0.12, 0.14, 0.12, 0.25, 0.05, 0.05, 0.05, 0.04, 0.06)
# (code, latitude, longitude, spread in degrees, share of cities)
COUNTRIES = (
    ("BY", 53.7, 27.9, 2.5, 0.16), ("RU", 55.7, 45.0, 12.0, 0.24), ("CN", 33.0, 110.0, 9.0, 0.10),
    ("KZ", 48.0, 68.0, 7.0, 0.04), ("UZ", 41.3, 64.5, 3.0, 0.03), ("PL", 52.0, 19.5, 2.5, 0.04),
    ("DE", 51.0, 10.5, 2.5, 0.04), ("FR", 46.5, 2.5, 3.0, 0.03), ("IT", 42.8, 12.5, 3.0, 0.03),
    ("TR", 39.0, 34.0, 3.5, 0.03), ("IN", 22.0, 79.0, 6.0, 0.02), ("VN", 16.0, 107.0, 4.0, 0.02),
    ("RS", 44.0, 20.9, 1.2, 0.02), ("AM", 40.2, 44.8, 0.6, 0.01), ("AZ", 40.4, 48.0, 1.0, 0.01),
    ("GE", 42.0, 43.5, 1.0, 0.01), ("KG", 41.5, 74.5, 1.5, 0.01), ("TJ", 38.8, 70.8, 1.2, 0.01),
    ("MN", 47.0, 104.0, 4.0, 0.01), ("LT", 55.2, 23.9, 1.0, 0.02), ("LV", 56.9, 24.6, 1.0, 0.01),
    ("HU", 47.2, 19.5, 1.2, 0.01), ("CZ", 49.8, 15.5, 1.2, 0.01), ("BG", 42.7, 25.3, 1.2, 0.01),
    ("ES", 40.2, -3.7, 3.0, 0.01), ("US", 39.0, -97.0, 12.0, 0.02), ("BR", -14.0, -51.0, 10.0, 0.01),
    ("EG", 27.0, 30.5, 3.0, 0.01), ("IR", 32.4, 53.7, 5.0, 0.01), ("JP", 36.2, 138.3, 3.0, 0.02),
)
FIRST_DAY = date(2015, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days


def _table(columns: dict[str, np.ndarray | list], types: dict[str, pa.DataType] | None = None) -> pa.Table:
    types = types or {}
    return pa.table({name: pa.array(values, type=types.get(name)) for name, values in columns.items()})


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    con.register("staged", rows)
    columns = ", ".join(f'"{name}"' for name in rows.column_names)
    con.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM staged')
    con.unregister("staged")


def build_synthetic_store(path: Path, events: int = 1_000_000, articles: int | None = None, places: int = 5000,
                          seed: int = 11) -> None:
    """A store with the project's schema: countries, regions, cities and districts, skewed pair activity,
    reports of the same event on several pages, sectors, mentions and distances."""
    rng = np.random.default_rng(seed)
    articles = articles or max(1, events // 5)
    con = duckdb.connect(str(path))
    con.execute(SCHEMA.read_text(encoding="utf-8"))

    # Places: countries, one region per ~20 cities, cities, then districts of the 200 largest cities.
    codes = [c[0] for c in COUNTRIES]
    n_countries = len(COUNTRIES)
    n_districts = places // 6
    n_regions = places // 25
    n_cities = places - n_countries - n_regions - n_districts
    share = np.array([c[4] for c in COUNTRIES])
    city_country = rng.choice(n_countries, size=n_cities, p=share / share.sum())
    centre = np.array([(c[1], c[2], c[3]) for c in COUNTRIES])
    city_lat = np.clip(centre[city_country, 0] + rng.normal(0, 1, n_cities) * centre[city_country, 2] / 2, -60, 75)
    city_lon = centre[city_country, 1] + rng.normal(0, 1, n_cities) * centre[city_country, 2]
    population = (rng.pareto(1.2, n_cities) * 20000 + 5000).astype(np.int64)
    order = np.argsort(-population)
    country_ids = np.arange(1, n_countries + 1) + 9_000_000
    region_ids = np.arange(1, n_regions + 1) + 8_000_000
    city_ids = np.arange(1, n_cities + 1) + 1_000_000
    district_ids = np.arange(1, n_districts + 1) + 7_000_000
    region_country = rng.choice(n_countries, size=n_regions, p=share / share.sum())
    city_region = np.array([rng.choice(np.flatnonzero(region_country == c)) if (region_country == c).any()
                            else -1 for c in city_country])
    district_city = order[rng.integers(0, min(200, n_cities), n_districts)]
    names = [f"Town {i}" for i in range(n_cities)]
    for rank, index in enumerate(order[:60]):
        names[index] = ["Minsk", "Brest", "Grodno", "Gomel", "Mogilev", "Vitebsk", "Kazan", "Moscow", "Smolensk", "Pskov", "Tula", "Samara", "Ufa", "Perm", "Omsk", "Tomsk", "Beijing", "Harbin", "Xian", "Wuhan", "Almaty", "Astana", "Tashkent", "Bukhara", "Warsaw", "Lublin", "Berlin", "Dresden", "Lyon", "Nice", "Milan", "Turin", "Ankara", "Izmir", "Delhi", "Pune", "Hanoi", "Hue", "Belgrade", "Nis", "Yerevan", "Gyumri", "Baku", "Ganja", "Tbilisi", "Batumi", "Bishkek", "Osh", "Dushanbe", "Khujand", "Vilnius", "Kaunas", "Riga", "Liepaja", "Budapest", "Prague", "Sofia", "Varna", "Madrid", "Denver"][rank]
    place_rows = {
        "place_id": np.concatenate([country_ids, region_ids, city_ids, district_ids]),
        "name": ([f"Country {c}" for c in codes] + [f"Region {i}" for i in range(n_regions)] + names
                 + [f"District {i}, {names[c]}" for i, c in enumerate(district_city)]),
        "name_ru": [None] * places,
        "kind": ["country"] * n_countries + ["region"] * n_regions + ["city"] * n_cities + ["district"] * n_districts,
        "country_code": (codes + [codes[c] for c in region_country] + [codes[c] for c in city_country]
                         + [codes[city_country[c]] for c in district_city]),
        "parent_id": np.concatenate([
            np.full(n_countries, -1), country_ids[region_country],
            np.where(city_region >= 0, region_ids[np.maximum(city_region, 0)], -1), city_ids[district_city],
        ]),
        "lat": np.concatenate([centre[:, 0], centre[region_country, 0], city_lat,
                               city_lat[district_city] + rng.normal(0, 0.02, n_districts)]),
        "lon": np.concatenate([centre[:, 1], centre[region_country, 1], city_lon,
                               city_lon[district_city] + rng.normal(0, 0.02, n_districts)]),
        "population": np.concatenate([np.zeros(n_countries + n_regions, np.int64), population,
                                      np.zeros(n_districts, np.int64)]),
    }
    place_table = _table(place_rows)
    place_table = place_table.set_column(
        place_table.schema.get_field_index("parent_id"), "parent_id",
        pa.array(place_rows["parent_id"], mask=place_rows["parent_id"] < 0),
    )
    _insert(con, "places", place_table)

    # A pool of pairs with skewed activity (a few twin towns are in the news all the time).
    n_pairs = max(100, places * 4)
    activity_rank = order[np.minimum(rng.zipf(1.3, (n_pairs, 2)) - 1, n_cities - 1)]
    pair_a = city_ids[activity_rank[:, 0]]
    pair_b = city_ids[rng.integers(0, n_cities, n_pairs)]
    use_district = rng.random(n_pairs) < 0.08
    pair_a = np.where(use_district, district_ids[rng.integers(0, n_districts, n_pairs)], pair_a)
    same = pair_a == pair_b
    pair_b[same] = city_ids[(activity_rank[same, 1] + 1) % n_cities]
    lo, hi = np.minimum(pair_a, pair_b), np.maximum(pair_a, pair_b)
    pair_weight = 1.0 / np.arange(1, n_pairs + 1) ** 0.9
    pair_weight /= pair_weight.sum()

    # Articles: 5 events each on average; a fifth of the events repeat an event reported by an earlier page.
    article_ids = np.array([f"{x:016x}" for x in rng.integers(0, 2**63, articles)], dtype=object)
    published = rng.integers(0, DAYS, articles)
    article_pair = rng.choice(n_pairs, size=articles, p=pair_weight)
    place_name = dict(zip(place_rows["place_id"].tolist(), place_rows["name"]))
    titles = [f"{place_name[lo[p]]} and {place_name[hi[p]]} {verb}" for p, verb in zip(
        article_pair, rng.choice(["sign cooperation agreement", "discuss cooperation", "hold business forum",
                                  "open Days of culture", "launch direct flight"], articles))]
    day0 = np.datetime64(FIRST_DAY)
    _insert(con, "articles", _table({
        "article_id": article_ids,
        "source_path": [f"/data/articles/{i // 1000:03}/{i:07}.txt" for i in range(articles)],
        "url": [f"https://news.example/{i}" for i in range(articles)],
        "title": titles,
        "published_date": day0 + published.astype("timedelta64[D]"),
        "date_precision": ["day"] * articles,
        "year_inferred": rng.random(articles) < 0.3,
        "lang": ["en"] * articles,
        "category": ["Region cooperation"] * articles,
        "body": [f"{t}. The parties discussed cooperation." for t in titles],
        "ingested_at": [datetime(2026, 1, 1)] * articles,
    }))

    event_article = np.sort(rng.integers(0, articles, events))
    position = np.arange(events) - np.searchsorted(event_article, event_article)
    event_pair = np.where(rng.random(events) < 0.7, article_pair[event_article],
                          rng.choice(n_pairs, size=events, p=pair_weight))
    event_type = rng.choice(len(EVENT_TYPES), size=events, p=TYPE_WEIGHTS)
    event_day = published[event_article] - rng.integers(0, 4, events)
    repeat = rng.random(events) < 0.2
    source = rng.integers(0, events, events)
    earlier = source < np.arange(events)
    repeat &= earlier
    event_pair[repeat] = event_pair[source[repeat]]
    event_type[repeat] = event_type[source[repeat]]
    event_day[repeat] = event_day[source[repeat]]
    no_date = rng.random(events) < 0.1
    event_ids = np.array([f"{article_ids[a]}-{n}" for a, n in zip(event_article, position)], dtype=object)
    type_names = np.array(EVENT_TYPES, dtype=object)[event_type]
    sentences = [f"{place_name[lo[p]]} and {place_name[hi[p]]}: {t.replace('_', ' ')} on day {d}."
                 for p, t, d in zip(event_pair, type_names, event_day)]
    _insert(con, "events", _table({
        "event_id": event_ids,
        "article_id": article_ids[event_article],
        "event_type": type_names,
        "event_date": pa.array(day0 + event_day.astype("timedelta64[D]"), mask=no_date),
        "date_precision": np.where(no_date, None, "day"),
        "sentence": sentences,
        "location_id": hi[event_pair],
        "agreement_count": pa.array(rng.integers(1, 5, events), type=pa.int32(),
                                    mask=type_names != "agreement_signed"),
        "period_start": pa.nulls(events, pa.int32()),
        "period_end": pa.nulls(events, pa.int32()),
        "confidence": rng.random(events),
    }, {"event_date": pa.date32()}))
    has_pair = rng.random(events) < 0.95
    _insert(con, "event_pairs", _table({
        "event_id": event_ids[has_pair], "place_a_id": lo[event_pair[has_pair]], "place_b_id": hi[event_pair[has_pair]],
    }))
    _insert(con, "event_participants", _table({
        "event_id": np.concatenate([event_ids, event_ids]),
        "place_id": np.concatenate([lo[event_pair], hi[event_pair]]),
    }))
    sector_count = np.where(type_names == "agreement_signed", rng.integers(1, 4, events),
                            (rng.random(events) < 0.3).astype(int))
    sector_event = np.repeat(np.arange(events), sector_count)
    sector_value = rng.choice(len(SECTORS), size=len(sector_event), p=SECTOR_WEIGHTS)
    sector_rows = np.unique(np.stack([sector_event, sector_value], axis=1), axis=0)
    _insert(con, "event_sectors", _table({
        "event_id": event_ids[sector_rows[:, 0]], "sector": np.array(SECTORS, dtype=object)[sector_rows[:, 1]],
    }))
    first_a = np.unique(np.stack([article_pair, np.arange(articles)], axis=1)[:, ::-1], axis=0)
    _insert(con, "mentions", _table({
        "article_id": np.concatenate([article_ids[first_a[:, 0]]] * 2),
        "place_id": np.concatenate([lo[first_a[:, 1]], hi[first_a[:, 1]]]),
        "surface": [place_name[i] for i in np.concatenate([lo[first_a[:, 1]], hi[first_a[:, 1]]])],
        "char_start": np.zeros(2 * len(first_a), np.int32),
        "char_end": np.zeros(2 * len(first_a), np.int32),
    }))
    con.execute("""
        INSERT INTO pair_distances
        SELECT DISTINCT cp.place_a_id, cp.place_b_id,
               6371 * 2 * asin(sqrt(pow(sin(radians(pb.lat - pa.lat) / 2), 2)
                   + cos(radians(pa.lat)) * cos(radians(pb.lat)) * pow(sin(radians(pb.lon - pa.lon) / 2), 2)))
        FROM (SELECT DISTINCT place_a_id, place_b_id FROM event_city_pairs) AS cp
        JOIN places AS pa ON pa.place_id = cp.place_a_id
        JOIN places AS pb ON pb.place_id = cp.place_b_id
    """)
    con.execute("INSERT INTO runs (run_id, started_at, finished_at, files_seen, articles_added) VALUES (?, ?, ?, ?, ?)",
                [1, datetime(2026, 1, 1), datetime(2026, 1, 1, 0, 5), articles, articles])
    started = time.perf_counter()
    group_reports(con)  # as the loader does after every load
    print(f"grouped the reports of {events} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    con.execute("CHECKPOINT")
    con.close()


def typical_filters(con: duckdb.DuckDBPyConnection) -> list[Filters]:
    """Ten filter sets an analyst would use: everything, a country, a year, sectors, a type, a city, a word,
    a combination, the busiest pair, and every report of one country's economy agreements."""
    top = con.execute("SELECT ix.a, ix.b FROM ev JOIN pair_ix AS ix USING (pid) GROUP BY ALL "
                      "ORDER BY count(*) DESC LIMIT 1").fetchone()
    city = con.execute("SELECT place_id FROM place WHERE name = 'Minsk'").fetchone()[0]
    return [
        Filters(),
        Filters(countries=("BY",)),
        Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)),
        Filters(sectors=("sport", "tourism")),
        Filters(event_types=("agreement_signed",)),
        Filters(places=(city,)),
        Filters(text="forum"),
        Filters(countries=("BY", "RU"), event_types=("agreement_signed", "visit"), date_from=date(2020, 1, 1)),
        Filters(pair=(top[0], top[1])),
        Filters(count="reports", countries=("CN",), sectors=("economy",)),
    ]


def page_view_times(con: duckdb.DuckDBPyConnection, filter_sets: list[Filters], rounds: int
                    ) -> dict[tuple[int, str], list[float]]:
    """Milliseconds of the queries behind one page view, uncached, per (filter set, tab): the headline and
    the open tab's views, as the app runs them when a filter changes. A first, untimed round warms
    DuckDB's buffers as the app's first page view does. Every page view searches its text anew, as
    the first page view after typing new words does (the app keeps a search for the next views)."""
    times: dict[tuple[int, str], list[float]] = {}
    for round_number in range(rounds + 1):
        for number, filters in enumerate(filter_sets):
            for part in queries.PARTS:
                queries.forget_searches()
                start = time.perf_counter()
                queries.page_view(con, filters, parts=(part,))
                if round_number:
                    times.setdefault((number, part), []).append((time.perf_counter() - start) * 1000)
    return times


def export_time(con: duckdb.DuckDBPyConnection, rows: int = 100_000) -> tuple[float, int]:
    """Seconds to build the events CSV of ``rows`` filtered events: query, neutralise, encode."""
    start = time.perf_counter()
    table = queries.events_table(con, Filters(date_from=date(2015, 1, 1)), limit=rows)
    data = export.to_csv_bytes(table)
    elapsed = time.perf_counter() - start
    assert data.startswith(b"\xef\xbb\xbf")
    return elapsed, len(table)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


BARE_PAGE = """\
import plotly.graph_objects as go
import streamlit as st

st.metric("Events", 1)
st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
"""


def first_render_time(db_path: Path, cache_dir: Path, timeout: float = 90.0, app: Path | None = None) -> float:
    """Seconds from launching ``streamlit run`` until chromium shows the headline and a chart.

    The snapshot of the store exists already (as after any earlier start): this is the cold start of the
    server and the first page view, not the copy of the store, which bench prints separately. ``app``
    replaces the dashboard, to time the bare page (``BARE_PAGE``) the same way."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "TWINNING_DB": str(db_path), "TWINNING_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "streamlit", "run", str(app or REPO / "dashboard" / "app.py"),
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        start = time.perf_counter()
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        try:
            while True:  # the browser asks as soon as the port answers, as a user's reload would
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    if time.perf_counter() - start > timeout:
                        raise TimeoutError("streamlit did not start") from None
                    time.sleep(0.02)
            page.goto(f"http://127.0.0.1:{port}/", timeout=timeout * 1000)
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=timeout * 1000)
            page.wait_for_selector(".js-plotly-plot .barlayer path", timeout=timeout * 1000)
            return time.perf_counter() - start
        finally:
            browser.close()
            server.terminate()
            server.wait(10)


def bare_page_render_time(folder: Path, cache_dir: Path) -> float:
    """The first render of a page holding only one metric and one plotly bar chart: what Streamlit and the
    browser cost on this machine before the dashboard does anything, to read first_render_s against."""
    bare = folder / "bare_page.py"
    bare.write_text(BARE_PAGE, encoding="utf-8")
    return first_render_time(folder / "unused.duckdb", cache_dir, app=bare)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events (default 1,000,000)")
    parser.add_argument("--articles", type=int, help="synthetic articles (default events / 5)")
    parser.add_argument("--places", type=int, default=5000, help="synthetic places (default 5,000)")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="build (or reuse) the store at FILE and keep it")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over the ten filter sets (default 3)")
    parser.add_argument("--only-first-render", action="store_true",
                        help="measure the cold first render only (no page views, no export)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="with --only-first-render: cold starts to time; the median is printed (default 1)")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="twinning-bench-"))
    cache_dir = folder / "cache"
    os.environ["TWINNING_CACHE_DIR"] = str(cache_dir)
    db_path = args.keep or folder / "bench.duckdb"
    if not db_path.exists():
        start = time.perf_counter()
        build_synthetic_store(db_path, events=args.events, articles=args.articles, places=args.places)
        print(f"synthetic store {db_path} built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    start = time.perf_counter()
    snap = snapshot.current(db_path)
    print(f"dashboard snapshot of the store built in {time.perf_counter() - start:.1f} s "
          f"(once per load; the store is locked for the first part only)", file=sys.stderr)
    if args.only_first_render:
        times = []
        for _ in range(max(1, args.repeat)):
            times.append(first_render_time(db_path, cache_dir))
            print(f"first render: {times[-1]:.2f} s", file=sys.stderr)
        floors = []
        for _ in range(max(1, args.repeat)):
            floors.append(bare_page_render_time(folder, cache_dir))
            print(f"first render of a bare page (one metric, one chart): {floors[-1]:.2f} s", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
        print(f"first_render_s={statistics.median(times):.2f} bare_page_first_render_s={statistics.median(floors):.2f}")
        return
    with duckdb.connect(str(snap.path), read_only=True) as con:
        counts = con.execute("SELECT (SELECT count(*) FROM ev), (SELECT count(*) FROM art), "
                             "(SELECT count(*) FROM place)").fetchone()
        print(f"store: {counts[0]:,} events, {counts[1]:,} articles, {counts[2]:,} places", file=sys.stderr)
        filter_sets = typical_filters(con)
        measured = page_view_times(con, filter_sets, args.rounds)
        export_s, exported = export_time(con)
    print("median ms per page view: headline + " + " | ".join(f"{part:>8}" for part in queries.PARTS),
          file=sys.stderr)
    for number, filters in enumerate(filter_sets):
        cells = " | ".join(f"{statistics.median(measured[number, part]):8.0f}" for part in queries.PARTS)
        print(f"{'':>29}{cells}   {filters.describe()}", file=sys.stderr)
    times = sorted(ms for samples in measured.values() for ms in samples)
    p50 = statistics.median(times)
    p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]
    print(f"export of {exported:,} events as CSV: {export_s:.2f} s", file=sys.stderr)
    first_render_s = first_render_time(db_path, cache_dir)
    bare_page_s = bare_page_render_time(folder, cache_dir)
    # The folder holds the dashboard's copy (and the store unless --keep put it elsewhere): ~100 MB a run.
    shutil.rmtree(folder, ignore_errors=True)
    print(f"page_view_p50_ms={p50:.0f} page_view_p95_ms={p95:.0f} first_render_s={first_render_s:.2f} "
          f"bare_page_first_render_s={bare_page_s:.2f} export_100k_s={export_s:.2f}")


if __name__ == "__main__":
    main()
