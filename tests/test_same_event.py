"""Reports of one event become one event: real pages loaded into a real DuckDB file, then grouped."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.load import load_paths


def page(title: str, stamp: str, *paragraphs: str) -> bytes:
    body = "\n\n".join(paragraphs)
    return f"Новостные рубрики\n\n{title}\n\n{stamp}\n\n{body}\n".encode()


# The same signing told by two sites, in their own words, a day apart.
SIGNING_SITE_A = page(
    "Gomel and Bryansk sign agreement on youth exchanges", "10:00, 14 March 2024",
    "Gomel and Bryansk signed an agreement on youth exchanges and sport on 13 March, the Gomel City Executive "
    "Committee said.")
SIGNING_SITE_B = page(
    "Bryansk, Gomel conclude cooperation agreement", "09:30, 15 March 2024",
    "An agreement on cooperation in youth policy was concluded between Bryansk and Gomel on Wednesday, the "
    "press office of the Bryansk city administration reported.")
# Another signing of the same pair, months later: another event.
SIGNING_LATER = page(
    "Gomel and Bryansk sign tourism agreement", "12:00, 20 September 2024",
    "Gomel and Bryansk signed an agreement on tourism on 19 September.")
# Two different festivals in one city on one day: one city hosts many, so the wording must agree.
FESTIVAL_JAZZ = page(
    "Jazz festival opens in Vitebsk", "18:00, 5 July 2024",
    "An international jazz festival opened in Vitebsk on 5 July with bands from twelve countries.")
FESTIVAL_JAZZ_AGAIN = page(
    "International jazz festival opens in Vitebsk", "19:00, 5 July 2024",
    "The international jazz festival opened in Vitebsk on 5 July, bringing together bands from twelve countries.")
FESTIVAL_CRAFTS = page(
    "Crafts fair in Vitebsk", "17:00, 5 July 2024",
    "A folk crafts fair with potters and weavers from the region took place in Vitebsk on 5 July.")


def load(folder: Path, pages: dict[str, bytes], db: Path) -> None:
    for name, content in pages.items():
        (folder / name).write_bytes(content)
    load_paths([folder], db, progress=False, workers=0)


def events_of(db: Path, sql_filter: str = "TRUE") -> list[tuple[str, str, str]]:
    """(title, event type, title of the page whose report stands for the event) for each report."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"""
            SELECT a.title, e.event_type, ga.title
            FROM events AS e
            JOIN articles AS a ON a.article_id = e.article_id
            JOIN event_reports AS r ON r.event_id = e.event_id
            JOIN events AS g ON g.event_id = r.group_id
            JOIN articles AS ga ON ga.article_id = g.article_id
            WHERE {sql_filter}
            ORDER BY a.title, e.event_id""").fetchall()


def standing_for(db: Path, title: str, event_type: str) -> set[str]:
    return {group for t, kind, group in events_of(db) if t == title and kind == event_type}


def test_one_signing_reported_by_two_sites_is_one_event(tmp_path):
    db = tmp_path / "store.duckdb"
    load(tmp_path, {"a.txt": SIGNING_SITE_A, "b.txt": SIGNING_SITE_B, "c.txt": SIGNING_LATER}, db)

    first = "Gomel and Bryansk sign agreement on youth exchanges"
    # The headline and the body of each page, and the other site's report: one signing, led by the first page.
    assert standing_for(db, first, "agreement_signed") == {first}
    assert standing_for(db, "Bryansk, Gomel conclude cooperation agreement", "agreement_signed") == {first}
    later = "Gomel and Bryansk sign tourism agreement"
    assert standing_for(db, later, "agreement_signed") == {later}

    with duckdb.connect(str(db), read_only=True) as con:
        events, agreements, articles = con.execute(
            "SELECT events, agreements, articles FROM city_pairs WHERE name_a IN ('Gomel', 'Bryansk')").fetchone()
        by_sector = dict(con.execute("SELECT sector, sum(agreements) FROM agreements_by_sector GROUP BY ALL")
                         .fetchall())
    assert (events, agreements, articles) == (2, 2, 3)
    # The youth signing counts once, with the sectors both sites name; the tourism one apart.
    assert by_sector["youth"] == 1 and by_sector["sport"] == 1 and by_sector["tourism"] == 1


def test_one_city_festivals_are_one_event_only_when_the_reports_read_alike(tmp_path):
    db = tmp_path / "store.duckdb"
    load(tmp_path, {"jazz.txt": FESTIVAL_JAZZ, "jazz2.txt": FESTIVAL_JAZZ_AGAIN, "fair.txt": FESTIVAL_CRAFTS}, db)

    jazz = "Jazz festival opens in Vitebsk"
    assert standing_for(db, "International jazz festival opens in Vitebsk", "cultural_event") == {jazz}
    assert standing_for(db, "Crafts fair in Vitebsk", "cultural_event") == {"Crafts fair in Vitebsk"}


def test_a_later_load_regroups_with_the_new_reports(tmp_path):
    db = tmp_path / "store.duckdb"
    load(tmp_path, {"b.txt": SIGNING_SITE_B}, db)
    second = "Bryansk, Gomel conclude cooperation agreement"
    assert standing_for(db, second, "agreement_signed") == {second}

    # The other site's page, published a day earlier, now stands for the event.
    load(tmp_path, {"a.txt": SIGNING_SITE_A}, db)
    assert standing_for(db, second, "agreement_signed") == {"Gomel and Bryansk sign agreement on youth exchanges"}
    with duckdb.connect(str(db), read_only=True) as con:
        reports, linked = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(DISTINCT event_id) FROM event_reports)").fetchone()
    assert reports == linked  # every report linked once, none twice after the regrouping
