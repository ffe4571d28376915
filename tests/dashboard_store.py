"""A tiny real store for the dashboard tests: etl/schema.sql plus a dozen articles inserted as bound rows.

What it holds on purpose:
- Minsk-Kazan signings on 9 June 2025, one of them between districts (Partizansky of Minsk with Kirovsky
  and Moskovsky of Kazan) that rolls up to the Minsk-Kazan pair;
- the same Minsk-Kazan signing reported by a second page (counted once per event, twice per report);
- several sectors, an agreement naming none, an undated article, an article with no events;
- a title starting with "=cmd()" (formula injection) and a Cyrillic article (byte-order mark).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.same_event import group_reports

SCHEMA = Path(__file__).resolve().parent.parent / "etl" / "schema.sql"

MINSK, KAZAN, MOGILEV, SMOLENSK, BREST, LUBLIN, VITEBSK = 625144, 551487, 625665, 491687, 629634, 765876, 620127
PARTIZANSKY, KIROVSKY, MOSKOVSKY = 2_000_000_001, 2_000_000_002, 2_000_000_003

PLACES = [
    # place_id, name, name_ru, kind, country_code, admin1, parent_id, lat, lon, population
    (MINSK, "Minsk", "Минск", "city", "BY", "04", None, 53.9, 27.5667, 2_000_000),
    (KAZAN, "Kazan", "Казань", "city", "RU", "73", None, 55.7887, 49.1221, 1_300_000),
    (MOGILEV, "Mogilev", "Могилёв", "city", "BY", "06", None, 53.9168, 30.3449, 360_000),
    (SMOLENSK, "Smolensk", "Смоленск", "city", "RU", "69", None, 54.7818, 32.0401, 320_000),
    (BREST, "Brest", "Брест", "city", "BY", "01", None, 52.0975, 23.6877, 340_000),
    (LUBLIN, "Lublin", "Люблин", "city", "PL", "75", None, 51.25, 22.5667, 340_000),
    (VITEBSK, "Vitebsk", "Витебск", "city", "BY", "07", None, 55.1904, 30.2049, 360_000),
    (PARTIZANSKY, "Partizansky District, Minsk", None, "district", "BY", "04", MINSK, 53.88, 27.63, None),
    (KIROVSKY, "Kirovsky District, Kazan", None, "district", "RU", "73", KAZAN, 55.80, 49.06, None),
    (MOSKOVSKY, "Moskovsky District, Kazan", None, "district", "RU", "73", KAZAN, 55.83, 49.07, None),
]

INJECTED_TITLE = "=cmd()|' /C calc'!A0 Vitebsk and Smolensk discuss trade"
CYRILLIC_TITLE = "Минск и Казань подписали соглашение о сотрудничестве в сфере культуры"

# article_id, title, published_date, events: (n, type, event_date, sentence, pairs, participants, sectors, count)
ARTICLES = [
    ("a01", "Minsk, Kazan sign cooperation program for 2025-2027", date(2025, 6, 10), [
        (0, "agreement_signed", date(2025, 6, 9),
         "Following the plenary session, a Minsk-Kazan cooperation program for 2025-2027 was signed.",
         [(MINSK, KAZAN)], [MINSK, KAZAN], ["sport", "tourism", "culture", "education"], 2),
        (1, "agreement_signed", date(2025, 6, 9),
         ("An agreement on trade and economic cooperation was signed between the Partizansky District of Minsk "
          "and the Kirovsky District and Moskovsky District of Kazan."),
         [(PARTIZANSKY, KIROVSKY), (PARTIZANSKY, MOSKOVSKY)], [PARTIZANSKY, KIROVSKY, MOSKOVSKY], ["economy"], 1),
        (2, "visit", date(2025, 6, 9), "Minsk Days are running in Russia's Kazan on 9-10 June.",
         [(MINSK, KAZAN)], [MINSK, KAZAN], [], None),
    ]),
    # The same signing on another site: one event, two reports.
    ("a02", "Kazan and Minsk adopt a programme of cooperation", date(2025, 6, 11), [
        (0, "agreement_signed", date(2025, 6, 9), "Kazan and Minsk signed a programme of cooperation in sport.",
         [(MINSK, KAZAN)], [MINSK, KAZAN], ["sport"], 1),
    ]),
    ("a03", "Mogilev and Smolensk sign agreement on cooperation in education", date(2025, 4, 3), [
        (0, "agreement_signed", date(2025, 4, 2),
         "Mogilev and Smolensk signed an agreement on cooperation in education and youth policy on 2 April.",
         [(MOGILEV, SMOLENSK)], [MOGILEV, SMOLENSK], ["education", "youth"], 1),
    ]),
    ("a04", "Brest and Lublin hold a forum of twin towns", date(2025, 5, 14), [
        (0, "forum", date(2025, 5, 14), "A forum of twin towns of Brest and Lublin opened in Brest on 14 May.",
         [(BREST, LUBLIN)], [BREST, LUBLIN], ["tourism", "culture", "sport"], None),
        (1, "cultural_event", None, "The cities agreed to hold a joint festival in Lublin next year.",
         [(BREST, LUBLIN)], [BREST, LUBLIN], ["culture"], None),
    ]),
    ("a05", INJECTED_TITLE, date(2024, 11, 20), [
        (0, "meeting", date(2024, 11, 19), "+7 percent: officials of Vitebsk and Smolensk held talks on trade.",
         [(SMOLENSK, VITEBSK)], [SMOLENSK, VITEBSK], ["economy"], None),
    ]),
    ("a06", CYRILLIC_TITLE, date(2024, 3, 15), [
        (0, "agreement_signed", date(2024, 3, 14),
         "Минск и Казань подписали соглашение о сотрудничестве в сфере культуры.",
         [(MINSK, KAZAN)], [MINSK, KAZAN], ["culture"], 1),
    ]),
    ("a07", "Mogilev delegation visits Minsk", date(2023, 9, 1), [
        (0, "visit", date(2023, 9, 1), "A Mogilev delegation paid a visit to Minsk.", [(MINSK, MOGILEV)],
         [MINSK, MOGILEV], [], None),
    ]),
    ("a08", "Belavia opens a flight from Minsk to Kazan", date(2023, 2, 10), [
        (0, "transport_link", date(2023, 2, 10), "A regular flight between Minsk and Kazan will be launched.",
         [(MINSK, KAZAN)], [MINSK, KAZAN], ["transport"], None),
    ]),
    # Undated page: its event has no day and stays out of the timeline.
    ("a09", "Brest and Lublin plan a joint museum night", None, [
        (0, "other", None, "Brest and Lublin plan a joint museum night.", [(BREST, LUBLIN)], [BREST, LUBLIN],
         ["culture"], None),
    ]),
    ("a10", "Weather in Minsk: a warm week ahead", date(2025, 6, 1), []),
    ("a11", "Vitebsk and Smolensk become twin towns", date(2022, 7, 1), [
        (0, "twinning_established", date(2022, 7, 1), "Vitebsk and Smolensk established twin-town relations.",
         [(SMOLENSK, VITEBSK)], [SMOLENSK, VITEBSK], ["culture"], None),
    ]),
    ("a12", "Mogilev and Smolensk sign a protocol", date(2022, 7, 5), [
        (0, "agreement_signed", date(2022, 7, 4), "Mogilev and Smolensk signed a protocol of intent.",
         [(MOGILEV, SMOLENSK)], [MOGILEV, SMOLENSK], [], None),
    ]),
]

MENTIONS = [
    ("a01", MINSK, "Minsk"), ("a01", KAZAN, "Kazan"), ("a01", PARTIZANSKY, "Partizansky District"),
    ("a01", KIROVSKY, "Kirovsky District"), ("a01", MOSKOVSKY, "Moskovsky District"),
    ("a02", MINSK, "Minsk"), ("a02", KAZAN, "Kazan"), ("a06", MINSK, "Минск"), ("a06", KAZAN, "Казань"),
    ("a04", BREST, "Brest"), ("a04", LUBLIN, "Lublin"),
]

DISTANCES = [(KAZAN, MINSK, 1395.0), (MINSK, MOGILEV, 180.0), (SMOLENSK, MOGILEV, 186.0),
             (BREST, LUBLIN, 129.0), (SMOLENSK, VITEBSK, 127.0)]

# What the tests expect, derived by hand from the rows above.
EVENTS = 13  # event rows with the duplicate report counted once
REPORTS = 14
AGREEMENTS = 5  # a01-0 (= a02-0), a01-1, a03-0, a06-0, a12-0
ARTICLES_WITH_EVENTS = 11


def build_store(path: Path) -> Path:
    """Write the store at ``path`` and return it."""
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", PLACES)
        for article_id, title, published, events in ARTICLES:
            con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, f"/pages/{article_id}.txt", None if article_id != "a04" else "https://news.example/a04",
                 title, published, "day" if published else None, False, "en", "Region cooperation",
                 f"{title}\n\nBody of {article_id}.", datetime(2026, 1, 1)],
            )
            con.execute("INSERT INTO article_sources VALUES (?, ?, 0)", [article_id, f"/pages/{article_id}.txt"])
            for n, event_type, day, sentence, pairs, participants, sectors, count in events:
                event_id = f"{article_id}-{n}"
                con.execute("INSERT INTO events (event_id, article_id, event_type, event_date, date_precision, "
                            "sentence, agreement_count, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [event_id, article_id, event_type, day, "day" if day else None, sentence, count, 0.9])
                con.executemany("INSERT INTO event_pairs VALUES (?, ?, ?)",
                                [(event_id, min(a, b), max(a, b)) for a, b in pairs])
                con.executemany("INSERT INTO event_participants VALUES (?, ?)", [(event_id, p) for p in participants])
                if sectors:
                    con.executemany("INSERT INTO event_sectors VALUES (?, ?)", [(event_id, s) for s in sectors])
        con.executemany(
            "INSERT INTO mentions (article_id, place_id, surface, char_start, char_end) VALUES (?, ?, ?, 0, 0)", MENTIONS)
        con.executemany("INSERT INTO pair_distances VALUES (?, ?, ?)",
                        [(min(a, b), max(a, b), km) for a, b, km in DISTANCES])
        con.execute("INSERT INTO runs (run_id, started_at, finished_at, files_seen, articles_added, errors) "
                    "VALUES (1, ?, ?, 12, 12, 0)", [datetime(2026, 1, 1, 9), datetime(2026, 1, 1, 9, 1)])
        group_reports(con)  # as the loader does after every load
    finally:
        con.close()
    return path


def add_article(path: Path, article_id: str, title: str, day: date, a: int = MINSK, b: int = KAZAN,
                event_type: str = "agreement_signed") -> None:
    """One more article with one event between ``a`` and ``b`` (a load that adds data)."""
    con = duckdb.connect(str(path))
    try:
        con.execute("INSERT INTO articles (article_id, source_path, title, published_date, body) VALUES (?, ?, ?, ?, ?)",
                    [article_id, f"/pages/{article_id}.txt", title, day, title])
        con.execute("INSERT INTO events (event_id, article_id, event_type, event_date, sentence) VALUES (?, ?, ?, ?, ?)",
                    [f"{article_id}-0", article_id, event_type, day, title])
        con.execute("INSERT INTO event_pairs VALUES (?, ?, ?)", [f"{article_id}-0", min(a, b), max(a, b)])
        con.executemany("INSERT INTO event_participants VALUES (?, ?)", [(f"{article_id}-0", a), (f"{article_id}-0", b)])
        group_reports(con)
    finally:
        con.close()
