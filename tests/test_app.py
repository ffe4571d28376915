"""The Streamlit app through AppTest, on a tiny real store: figures, filters, the URL, empty states."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from dashboard_store import (
    AGREEMENTS,
    ARTICLES_WITH_EVENTS,
    EVENTS,
    INJECTED_TITLE,
    KAZAN,
    MINSK,
    build_store,
)
from streamlit.testing.v1 import AppTest

from dashboard import charts, export, queries, snapshot
from dashboard.filters import Filters, from_query_params, to_query_params
from etl import config

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "twinning.duckdb")


@pytest.fixture
def app(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An AppTest of the dashboard over the tiny store (not yet run)."""
    monkeypatch.setenv("TWINNING_DB", str(store))
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(store.parent / "cache"))
    return AppTest.from_file(APP, default_timeout=60)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def params(at: AppTest) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def shown_filters(at: AppTest) -> Filters:
    """The filter set the app's URL describes (what a copied link would open)."""
    return from_query_params(params(at))


def drawn_charts(at) -> list:
    """The plotly charts the page shows (not the hidden warm-up chart)."""
    return [chart for chart in at.get("plotly_chart") if "plotly_warmup" not in chart.proto.id]


def snapshot_connection(store: Path):
    return duckdb.connect(str(snapshot.current(store).path), read_only=True)


def test_the_dashboard_opens_on_the_whole_store(app):
    at = app.run()
    assert not at.exception
    assert metrics(at) == {"Articles": str(ARTICLES_WITH_EVENTS), "Events": str(EVENTS),
                           "Agreements signed": str(AGREEMENTS), "City pairs": "5", "Countries": "3",
                           "Date span": "2022–2025"}
    assert len(drawn_charts(at)) == 1  # only the open tab (the timeline) is computed and drawn
    # and, first of all, the hidden empty chart that has the browser load plotly while the queries run
    assert next(c for c in at.get("plotly_chart") if "plotly_warmup" in c.proto.id).proto.spec
    assert params(at) == {}  # default filters: a clean URL


def test_the_timeline_shares_its_time_axis_and_leaves_room_for_its_labels(store):
    """Bars on top, agreement points below on the same dates; margins wide enough for the axis labels and the
    legend, so that plotly need not widen them (which costs a second drawing of the chart)."""
    with snapshot_connection(store) as con:
        figure = charts.timeline(queries.timeline(con, Filters()), queries.agreement_points(con, Filters()), "events")
    layout = figure.layout
    assert {trace.type for trace in figure.data if trace.yaxis in (None, "y")} == {"bar"}
    assert [trace.type for trace in figure.data if trace.yaxis == "y2"] == ["scatter"]
    assert layout.xaxis.matches == "x2" and layout.xaxis.showticklabels is False  # dates shown once, below
    assert layout.yaxis.domain[0] > layout.yaxis2.domain[1]  # the bars above the points, apart
    assert layout.yaxis.title.text == "events" and layout.yaxis2.title.text == "documents"
    assert layout.margin.l >= 70 and layout.margin.r >= 200  # "5000"-wide labels and "Agreement (one point each)"
    assert layout.clickmode == "event+select" and layout.barmode == "stack"


def test_the_timeline_without_agreements_is_one_row(store):
    with snapshot_connection(store) as con:
        no_agreements = Filters(event_types=("visit",))
        figure = charts.timeline(queries.timeline(con, no_agreements), queries.agreement_points(con, no_agreements),
                                 "events")
    assert figure.data and {trace.type for trace in figure.data} == {"bar"}
    assert "yaxis2" not in figure.to_dict()["layout"] and figure.layout.height == 420


def test_each_tab_shows_its_view_and_names_itself_in_the_url(app):
    app.query_params["view"] = "map"
    at = app.run()
    assert not at.exception
    (chart,) = drawn_charts(at)
    assert '"topojsonURL": "/app/static/"' in chart.proto.config  # the base map is served by the app itself
    assert '"scattergeo"' in chart.proto.spec
    at.session_state["view"] = "Agreements by sector"
    at.run()
    (chart,) = drawn_charts(at)
    assert "Agreements signed, by sector" in chart.proto.spec and params(at) == {"view": ["sectors"]}
    at.session_state["view"] = "Pairs"
    at.run()
    assert at.dataframe[0].value["pair"].tolist()[0] == "Kazan – Minsk"
    at.session_state["view"] = "Articles"
    at.run()
    assert any("<mark>Minsk</mark>" in m.value for m in at.markdown)  # places highlighted in the evidence


def test_a_filter_changes_the_figures_and_the_url(app):
    at = app.run()
    at.sidebar.multiselect(key="f_countries").select("PL").run()
    assert metrics(at)["Events"] == "3" and metrics(at)["City pairs"] == "1"
    assert params(at) == {"country": ["PL"]}
    at.sidebar.radio(key="f_count").set_value("reports").run()
    assert params(at) == {"country": ["PL"], "count": ["reports"]}
    at.sidebar.text_input(key="f_text").input("festival").run()
    assert metrics(at)["Events"] == "1"


def test_a_copied_url_opens_the_same_view(app, store):
    wanted = Filters(date_from=date(2025, 1, 1), countries=("BY",), event_types=("agreement_signed",),
                     sectors=("economy", "sport"), count="reports")
    for key, value in to_query_params(wanted).items():
        app.query_params[key] = value
    at = app.run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_countries").value == ["BY"]
    assert at.sidebar.multiselect(key="f_types").value == ["agreement_signed"]
    assert at.sidebar.date_input(key="f_dates").value[0] == date(2025, 1, 1)
    assert shown_filters(at) == wanted  # the URL is rewritten to the very same filters
    with snapshot_connection(store) as con:
        expected = queries.headline(con, wanted).iloc[0]
    assert metrics(at)["Events"] == str(expected["events"]) == "3"


def test_a_pair_from_the_url_focuses_every_view_until_cleared(app):
    app.query_params["pair"] = f"{KAZAN}-{MINSK}"
    at = app.run()
    assert any("Focused on the pair **Kazan – Minsk**" in m.value for m in at.markdown)
    assert metrics(at)["Events"] == "5" and metrics(at)["City pairs"] == "1"
    next(b for b in at.button if b.label == "Show all pairs").click().run()
    assert metrics(at)["Events"] == str(EVENTS)
    assert "pair" not in params(at)


def test_reset_clears_every_filter(app):
    app.query_params["country"] = "RU"
    app.query_params["q"] = "Kazan"
    at = app.run()
    assert metrics(at)["Events"] != str(EVENTS)
    next(b for b in at.sidebar.button if b.label == "Reset filters").click().run()
    assert metrics(at)["Events"] == str(EVENTS) and params(at) == {}


def test_nothing_matching_shows_a_friendly_empty_state(app):
    app.query_params["q"] = "no such words anywhere"
    at = app.run()
    assert not at.exception and not at.error
    assert metrics(at)["Events"] == "0" and metrics(at)["Date span"] == "—"
    assert any("Nothing matches these filters" in i.value for i in at.info)
    assert not drawn_charts(at)


def test_the_csv_of_the_view_holds_its_rows_neutralised(app, store):
    app.query_params["country"] = "RU"
    at = app.run()
    with snapshot_connection(store) as con:
        table = queries.events_table(con, shown_filters(at))
    rows = list(csv.DictReader(io.StringIO(export.to_csv_bytes(table).decode("utf-8-sig"))))
    assert len(rows) == int(metrics(at)["Events"])  # one row per event the view counts
    assert ("'" + INJECTED_TITLE) in {row["title"] for row in rows}
    assert [b.proto.label for b in at.get("download_button")][:1] == ["Events (CSV)"]


def test_the_app_holds_no_lock_on_the_store(app, store):
    app.run()
    duckdb.connect(str(store)).close()  # a load could start right now


def test_a_fresh_clone_builds_the_database_from_the_sample_pages(tmp_path, monkeypatch):
    pages = tmp_path / "articles"
    pages.mkdir()
    for name in ("011_kazan_days_sabantuy_minsk.txt", "001_mogilev_region_tatarstan.txt"):
        shutil.copy(config.ARTICLES_DIR / "pages" / name, pages / name)
    monkeypatch.setattr(config, "ARTICLES_DIR", pages)
    monkeypatch.setenv("TWINNING_DB", str(tmp_path / "data" / "twinning.duckdb"))
    # The gazetteer index (built once per machine, in the cache) is shared: this test is about the database.
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert (tmp_path / "data" / "twinning.duckdb").exists()
    assert metrics(at)["Articles"] == "2" and int(metrics(at)["Events"]) > 0
    at.session_state["view"] = "Pairs"
    at.run()
    assert at.dataframe[0].value["pair"].str.contains("Minsk").any()  # the Kazan Days in Minsk page


HOLD_WRITE_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("INSERT INTO articles (article_id, title, published_date) VALUES ('a99', 'Late news', DATE '2025-08-01')")
print("locked", flush=True)
time.sleep(30)
"""


def test_a_running_load_gets_a_notice_not_an_error(tmp_path, monkeypatch):
    store = build_store(tmp_path / "twinning.duckdb")
    monkeypatch.setenv("TWINNING_DB", str(store))
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(tmp_path / "cache"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert metrics(at)["Events"] == str(EVENTS)
    writer = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "locked"
        at.sidebar.multiselect(key="f_countries").select("PL").run()
        assert not at.exception and not at.error
        assert any("A load is updating the database" in i.value for i in at.info)
        assert metrics(at)["Events"] == "3"  # the last copy still answers every filter
    finally:
        writer.kill()
        writer.wait()
