"""The `twinning` command, run in-process through main(argv)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.cli import build_parser, main

PAGE = """Новостные рубрики

Minsk, Kazan sign cooperation program for 2025-2027

11:02, 10 June

Minsk Days are running in Russia's Kazan on 9-10 June. Taking part in the event is Minsk Mayor Vladimir \
Kukharev, BelTA reports citing the press service of the Minsk City Executive Committee.

Following the plenary session, a Minsk-Kazan cooperation program for 2025-2027 was signed. In addition, \
a number of cooperation agreements in sports, tourism, culture, education and other areas were concluded.

Другие материалы в категории «Region cooperation»

Belarusian delegation pays visit to Russia’s St. Petersburg

09:02, 23 May
"""
CONTRACT_KEYS = {
    "article_id", "source", "url", "title", "lang", "published", "date_precision", "year_inferred", "category",
    "related_headlines", "places", "pairs", "events", "unresolved",
}


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "pages" / "minsk_kazan.txt"
    path.parent.mkdir()
    path.write_text(PAGE, encoding="utf-8")
    return path


def subcommands() -> list[str]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sorted(action.choices)


def test_there_are_load_and_extract_commands():
    assert {"load", "extract"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    assert "Example:" in shown
    assert f"twinning {command} " in shown.split("Example:")[1]


def test_extract_prints_one_contract_record_per_article(page, capsys):
    assert main(["extract", str(page), "--year", "2025"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == CONTRACT_KEYS
    assert record["title"] == "Minsk, Kazan sign cooperation program for 2025-2027"
    assert record["published"] == "2025-06-10"
    names = [p["name"] for p in record["places"]]
    assert names[:2] == ["Minsk", "Kazan"]  # in order of first mention
    assert {p["role"] for p in record["places"] if p["name"] in ("Minsk", "Kazan")} == {"participant"}
    pair = next(p for p in record["pairs"] if {p["a"]["name"], p["b"]["name"]} == {"Minsk", "Kazan"})
    assert pair["a"]["name"] == "Kazan"  # a before b by name
    assert "agreement_signed" in pair["event_types"] and pair["event_types"] == sorted(pair["event_types"])


def test_extract_goes_on_after_a_bad_file_and_exits_1(page, tmp_path, capsys):
    empty = tmp_path / "pages" / "empty.txt"
    empty.write_bytes(b"")

    assert main(["extract", str(empty), str(page)]) == 1

    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "empty.txt" in captured.err and "Traceback" not in captured.err


def test_load_prints_a_summary_and_a_reload_finds_everything_unchanged(page, tmp_path, capsys):
    db = tmp_path / "store.duckdb"

    assert main(["load", str(page.parent), "--db", str(db), "--year", "2025", "--quiet"]) == 0
    first = capsys.readouterr().out
    assert main(["load", str(page.parent), "--db", str(db), "--year", "2025", "--quiet"]) == 0
    second = capsys.readouterr().out

    assert "articles added             1" in first
    assert "articles added             0" in second and "articles unchanged         1" in second
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_load_reports_bad_files_and_exits_1(page, tmp_path, capsys):
    (page.parent / "empty.txt").write_bytes(b"")

    status = main(["load", str(page.parent), "--db", str(tmp_path / "store.duckdb"), "--quiet"])

    assert status == 1
    shown = capsys.readouterr().out
    assert "files failed               1" in shown and "empty.txt" in shown


def test_load_uses_twinning_db_by_default(page, tmp_path, monkeypatch, capsys):
    db = tmp_path / "elsewhere" / "atlas.duckdb"
    monkeypatch.setenv("TWINNING_DB", str(db))

    assert main(["load", str(page), "--quiet"]) == 0
    assert db.exists()


def test_load_of_a_missing_folder_says_so(tmp_path, capsys):
    assert main(["load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.duckdb"), "--quiet"]) == 1
    assert "No such file or folder" in capsys.readouterr().err


def test_load_while_another_program_holds_the_database(page, tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    duckdb.connect(str(db)).close()
    hold = "import duckdb, sys, time\ncon = duckdb.connect(sys.argv[1])\nprint('ready', flush=True)\ntime.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        status = main(["load", str(page), "--db", str(db), "--quiet"])
    finally:
        holder.kill()
        holder.wait()

    assert status == 1
    assert "Database is in use by another program (the dashboard?) — close it or try again" in capsys.readouterr().err


def test_a_bad_year_is_refused_with_a_plain_message(page, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(page), "--year", "25th"])
    assert exit_info.value.code == 2
    assert "is not a year" in capsys.readouterr().err


def test_contract_record_orders_places_by_first_mention_and_pairs_by_name():
    from etl.contract import contract_record
    from etl.records import Article, Event, Extraction, Mention, Place

    minsk = Place(625144, "Minsk", "city", "BY", 53.9, 27.57)
    kazan = Place(551487, "Kazan", "city", "RU", 55.79, 49.12)
    russia = Place(2017370, "Russia", "country", "RU")
    article = Article("a1", "p.txt", "Minsk, Kazan sign cooperation program", "Minsk Days run in Russia's Kazan.")
    text = article.text
    mentions = [Mention(kazan.place_id, "Kazan", text.index("Kazan"), text.index("Kazan") + 5),
                Mention(minsk.place_id, "Minsk", 0, 5),
                Mention(russia.place_id, "Russia", text.index("Russia"), text.index("Russia") + 6)]
    events = [
        Event("visit", "Minsk Days run in Russia's Kazan.", participants=[minsk.place_id, kazan.place_id],
              pairs=[(minsk.place_id, kazan.place_id)]),
        Event("agreement_signed", "Minsk, Kazan sign cooperation program", sectors=["sport"],
              participants=[kazan.place_id, minsk.place_id], pairs=[(kazan.place_id, minsk.place_id)],
              period_start=2025, period_end=2027),
    ]
    extraction = Extraction(article, {p.place_id: p for p in (minsk, kazan, russia)}, mentions, events,
                            participant_ids={minsk.place_id, kazan.place_id}, unresolved=[("Kopyl", "In Kopyl.")])

    record = contract_record(extraction)

    assert set(record) == CONTRACT_KEYS
    assert [(p["name"], p["role"]) for p in record["places"]] == [
        ("Minsk", "participant"), ("Kazan", "participant"), ("Russia", "mention")]
    assert record["places"][0]["geonameid"] == 625144
    assert record["pairs"] == [{"a": {"name": "Kazan", "country": "RU", "kind": "city"},
                                "b": {"name": "Minsk", "country": "BY", "kind": "city"},
                                "event_types": ["agreement_signed", "visit"]}]
    assert record["events"][1]["pairs"] == [["Kazan|RU", "Minsk|BY"]]
    assert record["events"][1]["period"] == {"start": 2025, "end": 2027}
    assert record["events"][0]["date"] is None and record["published"] is None
    assert record["unresolved"] == [{"name": "Kopyl", "sentence": "In Kopyl."}]
    json.dumps(record, ensure_ascii=False)  # JSON-ready as it is


def test_evaluate_scores_gold_files_beside_their_pages(page, capsys):
    gold = {"source": page.name, "lang": "en", "title": "x", "published": "2025-06-10",
            "places": [{"name": "Minsk", "country": "BY", "kind": "city"},
                       {"name": "Kazan", "country": "RU", "kind": "city"},
                       {"name": "Atlantis", "country": "GR", "kind": "city"}],
            "pairs": [["Kazan|RU", "Minsk|BY"]], "event_types": [], "agreement_sectors": []}
    (page.parent / "minsk_kazan.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["evaluate", str(page.parent)]) == 0
    shown = capsys.readouterr().out
    places_line = next(line for line in shown.splitlines() if line.startswith("all (1)"))
    assert places_line.split()[-1] == "0.800"  # two of three places found, nothing extra: P 1, R 2/3
    assert "atlantis|gr|city" in shown  # listed among the misses


def test_unresolved_lists_place_like_names_the_gazetteer_lacks(tmp_path, capsys):
    page = tmp_path / "pages" / "komarin.txt"
    page.parent.mkdir()
    page.write_text("Komarin District and Kazan sign a tourism memorandum\n\n10:00, 3 March 2024\n\n"
                    "The Komarin District of Gomel Region and Kazan signed a memorandum on tourism.\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert main(["load", str(page.parent), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["unresolved", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "Komarin District" in shown and "komarin.txt" in shown
    assert "Kazan —" not in shown  # a name the gazetteer knows is not listed


def test_a_reader_that_stops_early_gets_no_traceback(page: Path, tmp_path: Path):
    """`twinning extract … | head -c 20`: the pipe closes under the command, which stops quietly."""
    pages = [page]
    for copy in range(1, 60):  # enough output to outgrow the pipe's buffer
        pages.append(page.with_name(f"copy_{copy}.txt"))
        pages[-1].write_text(PAGE, encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from etl.cli import main; sys.exit(main())", "extract",
               *map(str, pages)]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout.read(20)
    producer.stdout.close()
    _, errors = producer.communicate(timeout=120)
    assert producer.returncode == 0
    assert b"Traceback" not in errors
