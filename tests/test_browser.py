"""End to end: a real `streamlit run` on 127.0.0.1, driven in Debian's chromium through Playwright.

The store is loaded by the real loader from a few sample pages (plus one whose title is a formula).
Checks: every view renders (the map's base layers from our own topojson), a filter changes the
figures and the URL, the downloaded CSV holds exactly the filtered events, neutralised, no request
leaves 127.0.0.1, no console errors, and a load run while the dashboard is open succeeds and shows up
on the next page view. Screenshots of each view go to test-artifacts/browser/.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import pytest

from dashboard import queries, snapshot
from dashboard.filters import Filters
from etl import config

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                               "(apt-get install chromium; .ci/run does it)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install "
                                                                   "-e '.[test]')")

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SAMPLE_PAGES = ("011_kazan_days_sabantuy_minsk.txt", "001_mogilev_region_tatarstan.txt",
                "009_vitebsk_slavianski_bazaar_smolensk.txt", "006_brest_biala_podlaska_cycling.txt")
LATE_PAGE = "003_moscow_days_in_minsk.txt"  # loaded while the dashboard is open
FORMULA_PAGE = """Новостные рубрики

=cmd() Minsk and Kazan sign agreement on tourism

11:02, 4 March

Minsk and Kazan signed an agreement on cooperation in tourism on 3 March, BelTA learned from the Minsk City \
Executive Committee. The document provides for joint tourist routes.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from etl.load import load_paths

    folder = tmp_path_factory.mktemp("e2e")
    pages = folder / "pages"
    pages.mkdir()
    for name in SAMPLE_PAGES:
        shutil.copy(config.ARTICLES_DIR / "pages" / name, pages / name)
    (pages / "formula_title.txt").write_text(FORMULA_PAGE, encoding="utf-8")
    path = folder / "twinning.duckdb"
    load_paths([pages], path, year=2025, progress=False, workers=0)
    return path


@pytest.fixture(scope="module")
def server(store: Path):
    port = _free_port()
    env = {**os.environ, "TWINNING_DB": str(store), "TWINNING_CACHE_DIR": str(store.parent / "cache")}
    command = [sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard" / "app.py"),
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]
    log = (store.parent / "streamlit.log").open("w")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 40
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("streamlit did not start:\n" + (store.parent / "streamlit.log").read_text())
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture
def browser_page(server):
    requests: list[str] = []
    problems: list[str] = []
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        yield page, requests, problems
        context.close()
        browser.close()


def settle(page) -> None:
    """Wait until the app has finished its run (the status widget shows while the script runs)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=30_000)


def metric(page, label: str) -> int:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return int(card.locator('[data-testid="stMetricValue"]').inner_text().replace(",", ""))


def open_tab(page, name: str):
    """Open a tab (the app computes and draws only the open one: a rerun) and return its panel."""
    page.get_by_role("tab", name=name, exact=True).click()
    settle(page)
    panel = page.locator('[data-testid="stTabPanel"]:visible').first
    panel.locator(".js-plotly-plot, [data-testid='stDataFrame'], .report").first.wait_for(timeout=20_000)
    page.wait_for_timeout(400)  # plotly draws after the element appears
    return panel


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_dashboard_in_a_real_browser(server, store, browser_page, tmp_path):
    page, requests, problems = browser_page
    page.goto(server)
    settle(page)
    all_events = metric(page, "Events")
    assert all_events > 0

    timeline = open_tab(page, "Timeline")
    assert timeline.locator(".js-plotly-plot .barlayer path").count() > 0
    shoot(page, "1-timeline")

    # Change a filter: only events with a Russian place.
    countries = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    countries.locator("input").click()
    page.keyboard.type("Russia")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => window.location.search.includes('country=RU')", timeout=20_000)
    settle(page)
    russian_events = metric(page, "Events")
    assert 0 < russian_events < all_events

    map_panel = open_tab(page, "Map of pairs")
    geo = map_panel.locator(".js-plotly-plot .geo").first
    geo.wait_for(timeout=20_000)
    for layer in ("land", "countries", "coastlines"):  # drawn from /app/static/world_110m.json
        assert geo.locator(f"g.layer.{layer} path").count() > 0, layer
    assert map_panel.locator(".scattergeo path").count() > 0  # the arcs and markers
    shoot(page, "2-map")

    sectors = open_tab(page, "Agreements by sector")
    assert sectors.locator(".js-plotly-plot .barlayer path").count() > 0
    shoot(page, "3-sectors")

    open_tab(page, "Pairs").locator("[data-testid='stDataFrame']").wait_for()
    shoot(page, "4-pairs")

    articles = open_tab(page, "Articles")
    assert articles.locator(".report mark").count() > 0  # places highlighted in the evidence
    shoot(page, "5-articles")

    # The events CSV of this view: exactly the filtered events, neutralised, with a byte-order mark.
    timeline = open_tab(page, "Timeline")
    with page.expect_download(timeout=30_000) as download:
        timeline.get_by_role("button", name="Events (CSV)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("twinning-events_") and "_RU" in saved.name
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    with duckdb.connect(str(snapshot.current(store).path), read_only=True) as con:
        expected = queries.events_table(con, Filters(countries=("RU",)))
    assert len(rows) == len(expected) == russian_events
    assert [row["event_id"] for row in rows] == expected["event_id"].tolist()
    titles = {row["title"] for row in rows}
    assert any(t.startswith("'=cmd()") for t in titles) and not any(t.startswith("=") for t in titles)

    # A load while the dashboard is open succeeds (the app holds no lock) and the next view shows it.
    from etl.load import load_paths

    articles_before = metric(page, "Articles")
    summary = load_paths([config.ARTICLES_DIR / "pages" / LATE_PAGE], store, year=2025, progress=False, workers=0)
    assert summary.articles_added == 1
    page.reload()
    settle(page)
    assert metric(page, "Articles") == articles_before + 1
    assert "country=RU" in page.url  # the reloaded URL keeps the view

    # A click on a bar of the timeline narrows every view to that month and type.
    timeline = open_tab(page, "Timeline")
    events_before = metric(page, "Events")
    bar = max(timeline.locator(".js-plotly-plot .barlayer path").all(),
              key=lambda path: (path.bounding_box() or {"height": 0})["height"])
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # plotly's drag layer is on top
    page.wait_for_function("() => window.location.search.includes('type=')", timeout=20_000)
    settle(page)
    assert 0 < metric(page, "Events") < events_before  # narrowed to one month and type, not emptied
    assert "to=" in page.url and "country=RU" in page.url  # the month's end (its start may be the data's)
    shoot(page, "6-drill-down")

    outside = [url for url in requests if urlparse(url).scheme in ("http", "https", "ws", "wss")
               and urlparse(url).hostname != "127.0.0.1"]
    assert outside == [], outside
    assert not any("cdn.plot.ly" in url for url in requests)
    assert any(url.endswith("/app/static/world_110m.json") for url in requests)
    assert problems == [], problems
