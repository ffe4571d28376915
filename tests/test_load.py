"""The store step on real, tiny DuckDB files: idempotent reloads, replacements, bad files, duplicates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl import load
from etl.load import load_paths

MINSK_KAZAN = """Новостные рубрики

Minsk, Kazan sign cooperation program for 2025-2027

11:02, 10 June

Minsk Days are running in Russia's Kazan on 9-10 June. Taking part in the event is Minsk Mayor Vladimir \
Kukharev, BelTA reports citing the press service of the Minsk City Executive Committee.

Following the plenary session, major documents aimed at strengthening partnerships between the two cities \
were signed: a Minsk-Kazan cooperation program for 2025-2027, as well as an agreement on trade and economic \
cooperation between the administration of the Partizansky District of Minsk and the administrations of \
Kirovsky District and Moskovsky District of Kazan.

In addition, a number of cooperation agreements in sports, tourism, culture, education and other areas \
were concluded.

Другие материалы в категории «Region cooperation»

Belarusian delegation pays visit to Russia’s St. Petersburg

09:02, 23 May
"""

MOGILEV_SMOLENSK = """Новостные рубрики

Mogilev and Smolensk sign agreement on cooperation in education

14:20, 3 April

Mogilev and Smolensk signed an agreement on cooperation in education and youth policy on 2 April, \
BelTA learned from the Mogilev City Executive Committee.

The document was signed in Smolensk during a visit of a Mogilev delegation headed by the city mayor. \
The parties agreed to hold joint school olympiads and student exchanges.

Другие материалы в категории «Region cooperation»

Grodno hosts forum of twin towns

10:15, 1 April
"""

BREST_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Brest and Lublin hold a forum of twin towns</title>
<meta property="og:title" content="Brest and Lublin hold a forum of twin towns">
<meta property="article:published_time" content="2025-05-14T09:30:00+03:00">
</head>
<body>
<article>
<h1>Brest and Lublin hold a forum of twin towns</h1>
<time datetime="2025-05-14T09:30:00+03:00">14 May 2025</time>
<p>A forum of twin towns of Brest and Lublin opened in Brest on 14 May, bringing together officials and \
entrepreneurs of the two cities.</p>
<p>The participants discussed cooperation in tourism, culture and sport and agreed to hold a joint \
festival in Lublin next year. The cities have been twin towns since 1999.</p>
<p>A business council of the two cities met on the sidelines of the forum to discuss trade and \
investment projects.</p>
</article>
</body>
</html>
"""

# A Russian page saved in Windows-1251, as many Belarusian and Russian sites still serve them.
GOMEL_TULA_CP1251 = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Гомель и Тула подписали соглашение о сотрудничестве</title>
<meta property="article:published_time" content="2025-03-21T12:00:00+03:00">
</head>
<body>
<article>
<h1>Гомель и Тула подписали соглашение о сотрудничестве</h1>
<time datetime="2025-03-21T12:00:00+03:00">21 марта 2025</time>
<p>Гомель и Тула подписали соглашение о сотрудничестве в области экономики, культуры и туризма. \
Документ подписан в Туле во время визита делегации Гомельского горисполкома.</p>
<p>Стороны договорились провести Дни Гомеля в Туле осенью этого года и расширить торговые связи \
между предприятиями двух городов.</p>
</article>
</body>
</html>
"""

GOOD_PAGES = {
    "belta/minsk_kazan.txt": MINSK_KAZAN.encode("utf-8"),
    "belta/mogilev_smolensk.txt": MOGILEV_SMOLENSK.encode("utf-8"),
    "saved/brest_lublin.html": BREST_HTML.encode("utf-8"),
    "saved/gomel_tula_cp1251.html": GOMEL_TULA_CP1251.encode("cp1251"),
}
BAD_PAGES = {
    "bad/empty.txt": b"",
    # a JPEG saved under a page's name: bytes that are no text in any encoding
    "bad/binary.html": bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300")
    + bytes(range(256)) * 8,
    # the download stopped inside <head>: there is no article in it
    "bad/truncated.html": BREST_HTML.encode("utf-8")[:170],
}
# Tables whose rows come only from the articles (runs and load_errors grow with every run).
DATA_TABLES = (
    "articles", "article_sources", "files", "related_headlines", "places", "mentions", "place_roles",
    "events", "event_pairs", "event_participants", "event_sectors", "pair_distances",
)


def write_pages(folder: Path, pages: dict[str, bytes]) -> Path:
    for name, content in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder


def row_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in DATA_TABLES}


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture
def good_pages(tmp_path: Path) -> Path:
    """A folder of four good pages: two seed-style dumps, a UTF-8 HTML page, a Windows-1251 HTML page."""
    return write_pages(tmp_path / "pages", GOOD_PAGES)


@pytest.fixture
def mixed_pages(good_pages: Path) -> Path:
    """The good pages plus an empty file, a binary file and a truncated HTML page."""
    return write_pages(good_pages, BAD_PAGES)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def sectors_of(db: Path, article_id: str) -> set[str]:
    sql = "SELECT s.sector FROM event_sectors s JOIN events e USING (event_id) WHERE e.article_id = ?"
    return {row[0] for row in query(db, sql, [article_id])}


def orphan_rows(db: Path) -> int:
    """Derived rows whose article or event is gone: a replacement must leave none."""
    checks = [
        "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT article_id FROM articles)",
        "SELECT count(*) FROM place_roles WHERE article_id NOT IN (SELECT article_id FROM articles)",
        "SELECT count(*) FROM related_headlines WHERE article_id NOT IN (SELECT article_id FROM articles)",
        "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)",
        "SELECT count(*) FROM event_pairs WHERE event_id NOT IN (SELECT event_id FROM events)",
        "SELECT count(*) FROM event_participants WHERE event_id NOT IN (SELECT event_id FROM events)",
        "SELECT count(*) FROM event_sectors WHERE event_id NOT IN (SELECT event_id FROM events)",
        "SELECT count(*) FROM article_sources WHERE article_id NOT IN (SELECT article_id FROM articles)",
        "SELECT count(*) FROM articles WHERE article_id NOT IN (SELECT article_id FROM article_sources)",
    ]
    return sum(query(db, sql)[0][0] for sql in checks)


def test_first_load_stores_every_page(good_pages, db):
    summary = load_paths([good_pages], db, year=2025, progress=False)

    assert (summary.files_seen, summary.articles_added, summary.files_failed) == (4, 4, 0)
    assert summary.errors == []
    counts = row_counts(db)
    assert counts["articles"] == 4
    assert counts["article_sources"] == 4
    assert counts["files"] == 4
    assert counts["events"] > 0 and counts["mentions"] > 0
    runs = query(db, "SELECT files_seen, articles_added, errors, finished_at IS NOT NULL FROM runs")
    assert runs == [(4, 4, 0, True)]


def test_reloading_the_same_folder_changes_nothing(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)
    before = row_counts(db)

    again = load_paths([good_pages], db, year=2025, progress=False)

    assert row_counts(db) == before
    assert (again.articles_added, again.articles_replaced, again.articles_removed) == (0, 0, 0)
    assert again.articles_unchanged == 4
    assert query(db, "SELECT count(*) FROM runs") == [(2,)]


def test_a_changed_file_replaces_its_article_and_everything_derived(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)
    page = good_pages / "belta" / "mogilev_smolensk.txt"
    old_id = query(db, "SELECT article_id FROM article_sources WHERE source_path = ?", [str(page.resolve())])[0][0]
    assert "sport" not in sectors_of(db, old_id)

    page.write_text(MOGILEV_SMOLENSK.replace("education and youth policy", "sport and tourism")
                    .replace("in education", "in sport"), encoding="utf-8")
    summary = load_paths([good_pages], db, year=2025, progress=False)

    assert (summary.articles_replaced, summary.articles_unchanged, summary.articles_added) == (1, 3, 0)
    new_id = query(db, "SELECT article_id FROM article_sources WHERE source_path = ?", [str(page.resolve())])[0][0]
    assert new_id != old_id
    for table in ("articles", "mentions", "place_roles", "events", "related_headlines"):
        assert query(db, f"SELECT count(*) FROM {table} WHERE article_id = ?", [old_id]) == [(0,)], table
    assert query(db, "SELECT title FROM articles WHERE article_id = ?", [new_id]) == [
        ("Mogilev and Smolensk sign agreement on cooperation in sport",)
    ]
    assert "sport" in sectors_of(db, new_id)
    assert orphan_rows(db) == 0
    assert row_counts(db)["articles"] == 4


def test_bad_files_are_reported_one_error_each_and_good_pages_load(mixed_pages, db):
    summary = load_paths([mixed_pages], db, year=2025, progress=False)

    assert summary.files_seen == 7
    assert summary.files_failed == 3
    assert summary.articles_added == 4
    errors = query(db, "SELECT source_path, error FROM load_errors ORDER BY source_path")
    assert sorted(Path(path).name for path, _ in errors) == ["binary.html", "empty.txt", "truncated.html"]
    for path, message in errors:
        assert Path(path).name in message  # the analyst sees which file
        assert "Traceback" not in message and len(message) < 400
    titles = {row[0] for row in query(db, "SELECT title FROM articles")}
    assert "Гомель и Тула подписали соглашение о сотрудничестве" in titles  # decoded from Windows-1251
    assert "Brest and Lublin hold a forum of twin towns" in titles
    # A failed file is not marked as loaded, so the next run tries it again.
    assert query(db, "SELECT count(*) FROM files WHERE source_path LIKE '%/bad/%'") == [(0,)]


def test_another_year_reads_the_files_again_with_their_new_dates(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)
    title = "Mogilev and Smolensk sign agreement on cooperation in education"  # dated "14:20, 3 April"
    assert query(db, "SELECT published_date FROM articles WHERE title = ?", [title]) == [(date(2025, 4, 3),)]
    before = row_counts(db)

    again = load_paths([good_pages], db, year=2024, progress=False)

    assert again.articles_replaced == 4 and again.articles_added == 0  # same text, so same article ids
    assert query(db, "SELECT published_date FROM articles WHERE title = ?", [title]) == [(date(2024, 4, 3),)]
    assert row_counts(db)["articles"] == before["articles"]
    assert query(db, "SELECT count(*) FROM files WHERE year_option = 2024") == [(4,)]
    assert orphan_rows(db) == 0
    third = load_paths([good_pages], db, year=2024, progress=False)
    assert third.articles_unchanged == 4 and third.articles_replaced == 0


def test_force_reads_unchanged_files_again_and_changes_nothing(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)
    before = row_counts(db)

    forced = load_paths([good_pages], db, year=2025, progress=False, force=True)

    assert forced.articles_replaced == 4 and forced.articles_added == 0
    assert row_counts(db) == before


def test_a_file_that_turns_bad_keeps_what_was_stored(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)
    before = row_counts(db)
    (good_pages / "belta" / "minsk_kazan.txt").write_bytes(b"")

    summary = load_paths([good_pages], db, year=2025, progress=False)

    assert summary.files_failed == 1
    assert row_counts(db) == before  # the article read last time is still there


def test_a_bad_file_in_a_later_batch_keeps_earlier_batches(good_pages, db, monkeypatch):
    write_pages(good_pages, {"zz_last/empty.txt": b""})
    monkeypatch.setattr(load, "FILES_PER_TASK", 1)
    monkeypatch.setattr(load, "BATCH_FILES", 1)  # one transaction per file

    summary = load_paths([good_pages], db, year=2025, progress=False)

    assert summary.files_failed == 1 and summary.articles_added == 4
    assert row_counts(db)["articles"] == 4


def test_a_batch_that_fails_to_store_is_rolled_back_and_earlier_batches_stay(good_pages, db, monkeypatch):
    monkeypatch.setattr(load, "FILES_PER_TASK", 1)
    monkeypatch.setattr(load, "BATCH_FILES", 1)
    real_add_distances = load._add_pair_distances
    calls = []

    def failing_on_second_batch(con):
        calls.append(1)
        real_add_distances(con)
        if len(calls) == 2:  # after the batch's rows are written, so the rollback has something to undo
            raise duckdb.ConstraintException("simulated failure while writing")

    monkeypatch.setattr(load, "_add_pair_distances", failing_on_second_batch)
    summary = load_paths([good_pages], db, year=2025, progress=False)

    assert summary.files_failed == 1 and summary.articles_added == 3
    failed_path, message = summary.errors[0]
    assert "could not be stored" in message
    assert row_counts(db)["articles"] == 3
    assert query(db, "SELECT count(*) FROM article_sources WHERE source_path = ?", [failed_path]) == [(0,)]
    assert query(db, "SELECT count(*) FROM files WHERE source_path = ?", [failed_path]) == [(0,)]
    assert orphan_rows(db) == 0

    monkeypatch.setattr(load, "_add_pair_distances", real_add_distances)
    retry = load_paths([good_pages], db, year=2025, progress=False)
    assert (retry.articles_added, retry.articles_unchanged, retry.files_failed) == (1, 3, 0)


def test_the_same_article_in_two_files_is_stored_once(tmp_path, db):
    pages = write_pages(tmp_path / "pages", {
        "site_a/minsk_kazan.txt": MINSK_KAZAN.encode("utf-8"),
        "site_b/minsk-kazan-program.txt": MINSK_KAZAN.encode("utf-8"),
    })

    summary = load_paths([pages], db, year=2025, progress=False)

    assert (summary.files_seen, summary.articles_added) == (2, 1)
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]
    sources = query(db, "SELECT article_id, source_path FROM article_sources ORDER BY source_path")
    assert len(sources) == 2 and sources[0][0] == sources[1][0]
    events = query(db, "SELECT count(*) FROM events")[0][0]

    # One site edits its copy: the other copy's article stays, the edited one is added beside it.
    (pages / "site_a" / "minsk_kazan.txt").write_text(MINSK_KAZAN.replace("9-10 June", "9-11 June"), encoding="utf-8")
    again = load_paths([pages], db, year=2025, progress=False)
    assert (again.articles_added, again.articles_replaced, again.articles_removed) == (0, 1, 0)
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]
    assert query(db, "SELECT count(*) FROM events")[0][0] == 2 * events
    assert orphan_rows(db) == 0


def test_city_pairs_roll_districts_up_to_their_cities_with_distance(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)

    pairs = query(db, "SELECT name_a, name_b, kind_a, kind_b, events, agreements, km FROM city_pairs")
    by_names = {frozenset((a, b)): (ka, kb, events, agreements, km) for a, b, ka, kb, events, agreements, km in pairs}
    kind_a, kind_b, events, agreements, km = by_names[frozenset(("Minsk", "Kazan"))]
    assert "district" not in (kind_a, kind_b)
    assert events >= 1 and agreements >= 1
    assert 1300 < km < 1600  # Minsk - Kazan, geodesic
    assert all("district" not in (row[2], row[3]) for row in pairs)
    assert query(db, "SELECT count(*) FROM event_pairs WHERE place_a_id >= place_b_id") == [(0,)]


def test_agreements_by_sector_counts_signed_agreements(good_pages, db):
    load_paths([good_pages], db, year=2025, progress=False)

    rows = query(db, "SELECT sector, year, countries, agreements FROM agreements_by_sector")
    sport = [r for r in rows if r[0] == "sport" and r[1] == 2025]
    assert sport and all(r[3] >= 1 for r in sport)
    assert any(r[2] == ["BY", "RU"] for r in sport)  # Minsk - Kazan


def test_loading_with_the_process_pool_stores_what_in_process_stores(tmp_path):
    pages = {
        f"many/page_{n:03}.txt": MINSK_KAZAN.replace("for 2025-2027", f"for 2025-2027 (part {n})").encode("utf-8")
        for n in range(60)
    }
    folder = write_pages(tmp_path / "pages", pages)

    pooled = load_paths([folder], tmp_path / "pooled.duckdb", year=2025, workers=2, progress=False)
    in_process = load_paths([folder], tmp_path / "single.duckdb", year=2025, workers=0, progress=False)

    assert pooled.articles_added == in_process.articles_added == 60
    assert row_counts(tmp_path / "pooled.duckdb") == row_counts(tmp_path / "single.duckdb")


def test_nothing_to_load_is_a_clear_error(tmp_path, db):
    (tmp_path / "empty_folder").mkdir()
    with pytest.raises(load.NothingToLoad, match="No files to load"):
        load_paths([tmp_path / "empty_folder"], db, progress=False)


KOMARIN_PAGE = """Новостные рубрики

Komarin and Kazan sign cooperation agreement

12:40, 5 September

A delegation from the town of Komarin visited Kazan on 4 September. The town of Komarin and Kazan signed an \
agreement on cooperation in culture and sport, BelTA learned from the town council of Komarin.
"""


def test_online_load_asks_once_for_a_place_the_gazetteer_lacks_and_stores_it(tmp_path, db):
    from nominatim_standin import KOMARIN, NominatimStandIn

    from etl.online_geocoding import nominatim

    pages = write_pages(tmp_path / "pages", {"komarin.txt": KOMARIN_PAGE.encode("utf-8"),
                                             "minsk_kazan.txt": MINSK_KAZAN.encode("utf-8")})
    with NominatimStandIn({"Komarin": [KOMARIN]}) as server:
        geocode = nominatim(domain=server.domain, scheme="http", min_delay_seconds=0)
        summary = load_paths([pages], db, year=2025, progress=False, online=True, geocode=geocode)
        asked = len(server.requests)
        again = load_paths([pages], db, year=2025, progress=False, online=True, geocode=geocode)

    assert summary.articles_added == 2 and summary.warnings == []
    assert asked >= 1 and len(server.requests) == asked  # the reload asks nothing: files unchanged
    assert again.articles_unchanged == 2
    komarin = query(db, "SELECT place_id, kind, country_code FROM places WHERE name = 'Komarin'")
    assert len(komarin) == 1 and komarin[0][1:] == ("city", "BY")
    assert query(db, "SELECT count(*) FROM mentions WHERE place_id = ?", [komarin[0][0]])[0][0] >= 2
    assert query(db, "SELECT lat, lon FROM geocode_cache WHERE query = 'komarin|'") == [(51.4575, 30.5694)]


def test_an_unreachable_online_geocoder_is_a_warning_and_the_load_goes_on(tmp_path, db):
    from nominatim_standin import NominatimStandIn

    from etl.online_geocoding import nominatim

    pages = write_pages(tmp_path / "pages", {"komarin.txt": KOMARIN_PAGE.encode("utf-8")})
    with NominatimStandIn(status=500) as server:
        geocode = nominatim(domain=server.domain, scheme="http", min_delay_seconds=0)
        summary = load_paths([pages], db, year=2025, progress=False, online=True, geocode=geocode)

    assert summary.articles_added == 1 and summary.files_failed == 0
    assert len(summary.warnings) == 1 and "did not answer" in summary.warnings[0]


def test_reloading_the_whole_sample_corpus_adds_nothing(tmp_path):
    from etl import config

    db = tmp_path / "sample.duckdb"
    first = load_paths([config.ARTICLES_DIR], db, workers=0, progress=False)
    assert first.files_failed == 0 and first.articles_added >= 100
    with duckdb.connect(str(db), read_only=True) as con:
        before = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in ("articles", "events", "event_pairs", "mentions", "places")}
    again = load_paths([config.ARTICLES_DIR], db, workers=0, progress=False)
    assert (again.articles_added, again.articles_replaced, again.files_failed) == (0, 0, 0)
    with duckdb.connect(str(db), read_only=True) as con:
        after = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                 for t in before}
    assert after == before


def test_the_store_keeps_one_name_per_place_whatever_a_page_spells(tmp_path, db):
    page = ("Новостные рубрики\n\nTskaltubo and Reggio Emilia sign a tourism agreement\n\n11:02, 10 June 2024\n\n"
            "The mayor of Reggio Emilia and the mayor of Tskaltubo signed an agreement on tourism.\n")
    pages = write_pages(tmp_path / "pages", {"tskaltubo.txt": page.encode("utf-8")})

    load_paths([pages], db, progress=False)

    names = {row[0] for row in query(db, "SELECT name FROM places WHERE country_code IN ('GE', 'IT')")}
    assert names == {"Tsqaltubo", "Reggio nell'Emilia"}
    surfaces = {row[0] for row in query(db, "SELECT surface FROM mentions")}
    assert {"Tskaltubo", "Reggio Emilia"} <= surfaces


def test_a_district_the_gazetteer_lacks_rolls_up_to_its_city(tmp_path, db):
    page = ("Новостные рубрики\n\nVitebsk and Vladimir districts sign an agreement\n\n11:02, 10 June 2024\n\n"
            "The Frunzensky District of Vladimir and the Zheleznodorozhny District of Vitebsk signed an agreement "
            "on cooperation in culture.\n")
    pages = write_pages(tmp_path / "pages", {"districts.txt": page.encode("utf-8")})

    load_paths([pages], db, progress=False)

    pairs = query(db, "SELECT name_a, name_b FROM city_pairs")
    assert [frozenset(pair) for pair in pairs] == [frozenset({"Vitebsk", "Vladimir"})]
    district = query(db, "SELECT d.kind, c.name FROM places d JOIN places c ON c.place_id = d.parent_id "
                         "WHERE d.name = 'Frunzensky District, Vladimir'")
    assert district == [("district", "Vladimir")]
