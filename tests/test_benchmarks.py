"""The benchmark scripts still run end to end, on small inputs (their figures are not asserted: speed
lives in benchmarks/, never in tests)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import duckdb

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import dashboard_queries
import etl_throughput


def test_the_dashboard_benchmark_builds_a_grouped_store_and_times_its_views(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(tmp_path / "cache"))
    store = tmp_path / "bench.duckdb"
    dashboard_queries.build_synthetic_store(store, events=3000, places=300)
    with duckdb.connect(str(store), read_only=True) as con:
        events, linked = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(DISTINCT event_id) FROM event_reports)").fetchone()
    assert events == 3000 and linked == events  # every report linked to its event, as after a load

    from dashboard import snapshot

    snap = snapshot.current(store)
    with duckdb.connect(str(snap.path), read_only=True) as con:
        filter_sets = dashboard_queries.typical_filters(con)
        measured = dashboard_queries.page_view_times(con, filter_sets, rounds=1)
        seconds, exported = dashboard_queries.export_time(con, rows=500)
    assert len(filter_sets) == 10 and all(samples for samples in measured.values())
    assert 0 < exported <= 500 and seconds > 0


def test_the_etl_benchmark_pages_read_as_the_cities_they_were_written_about(gazetteer):
    from etl.extract import extract_document
    from etl.records import RawDocument

    rng = random.Random(3)
    for page in (etl_throughput.synthetic_page(rng, 1), etl_throughput.synthetic_page_ru(rng, 2)):
        [extraction] = extract_document(RawDocument("bench/page.txt", page.encode()), 2025, gazetteer)
        assert extraction.events and len(extraction.places) >= 2
        assert any(event.pairs for event in extraction.events)
    assert etl_throughput.extract_rate([RawDocument("bench/page.txt", page.encode())]) > 0


def test_the_dashboard_benchmark_can_time_the_first_render_alone(tmp_path, monkeypatch, capsys):
    """--only-first-render: no page views, no export; each cold start's time, of the dashboard and of a bare
    page, then their medians, last."""
    import pytest

    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(tmp_path / "cache"))  # restored after main() replaces it
    store = tmp_path / "bench.duckdb"
    dashboard_queries.build_synthetic_store(store, events=3000, places=300)
    monkeypatch.setattr(dashboard_queries, "page_view_times", lambda *args: pytest.fail("page views were timed"))
    monkeypatch.setattr(dashboard_queries, "export_time", lambda *args: pytest.fail("the export was timed"))

    dashboard_queries.main(["--only-first-render", "--repeat", "1", "--keep", str(store)])

    captured = capsys.readouterr()
    assert captured.err.count("first render: ") == 1
    assert captured.err.count("first render of a bare page") == 1
    last = captured.out.strip().splitlines()[-1]
    figures = dict(field.split("=") for field in last.split())
    assert list(figures) == ["first_render_s", "bare_page_first_render_s"]
    assert all(float(value) > 0 for value in figures.values())
