"""The `twinning` command: load news files into the store, or show what extraction reads from them.

One ``add_<name>_command(subparsers)`` per subcommand registers its parser and its ``run`` function;
a new subcommand is one more such function in COMMANDS.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from etl import config

PROG = "twinning"


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (expected e.g. 2025)") from None
    if not 1900 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"{year} is not a plausible year for a news page")
    return year


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _subparser(subparsers, name: str, help_text: str, description: str, examples: str) -> argparse.ArgumentParser:
    return subparsers.add_parser(
        name, help=help_text, description=description, epilog=f"Example:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_load_command(subparsers) -> None:
    parser = _subparser(
        subparsers, "load", "load article files into the database",
        "Read news pages and feeds (.txt page dumps, .html pages, .jsonl and .csv feeds) into the DuckDB "
        "database. Files unchanged since the last load (same content, same --year) are skipped; a changed "
        "file replaces its articles. "
        "A file that cannot be read is reported and the load goes on (exit status 1 when any file failed).",
        "  twinning load data/articles --year 2025\n"
        "  twinning load new_pages/ --db /tmp/test.duckdb --quiet",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="the database file (default: $TWINNING_DB or data/twinning.duckdb)")
    parser.add_argument("--year", type=_year, metavar="YYYY",
                        help="year of pages whose date line gives only day and month (e.g. '11:02, 10 June')")
    parser.add_argument("--workers", type=_positive, metavar="N",
                        help="processes reading files in parallel (default: one per CPU)")
    parser.add_argument("--online", action="store_true",
                        help="ask an online geocoder (OpenStreetMap Nominatim) about places the gazetteer lacks")
    parser.add_argument("--force", action="store_true",
                        help="read every file again, even those unchanged since the last load")
    parser.add_argument("--quiet", action="store_true", help="no progress bar (the summary is still printed)")
    parser.set_defaults(run=run_load)


def run_load(args: argparse.Namespace) -> int:
    from etl.load import DatabaseInUse, NothingToLoad, load_paths

    db_path = args.db or config.database_path()
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        _error(f"No such file or folder: {', '.join(missing)}")
        return 1
    try:
        summary = load_paths(args.paths, db_path, year=args.year, workers=args.workers,
                             progress=not args.quiet, online=args.online, force=args.force)
    except DatabaseInUse:
        _error("Database is in use by another program (the dashboard?) — close it or try again")
        return 1
    except NothingToLoad as problem:
        _error(str(problem))
        return 1
    except BrokenProcessPool:
        _error("The processes reading the files stopped unexpectedly (out of memory?). Batches already "
               "stored are kept; run the load again, perhaps with --workers 1.")
        return 1
    print(f"Loaded into {db_path} (run {summary.run_id})")
    for label, value in (
        ("files seen", summary.files_seen),
        ("articles added", summary.articles_added),
        ("articles unchanged", summary.articles_unchanged),
        ("articles replaced", summary.articles_replaced),
        ("articles removed", summary.articles_removed),
        ("files failed", summary.files_failed),
    ):
        print(f"  {label:<20}{value:>8}")
    for warning in summary.warnings:
        print(f"Warning: {warning}")
    if summary.errors:
        print("Files that could not be loaded:")
        for path, message in summary.errors:
            print(f"  {message}\n    file: {path}")
    return 1 if summary.files_failed else 0


def add_extract_command(subparsers) -> None:
    parser = _subparser(
        subparsers, "extract", "print what extraction reads from files, as JSON Lines",
        "Print one JSON object per article (the records `twinning load` stores): places with their role, "
        "cooperating pairs, events with sectors and evidence sentences. Nothing is written to the database. "
        "A file that cannot be read is reported on stderr and the others go on (exit status 1 then).",
        "  twinning extract data/articles/000_28e4aa494e16fccf.txt --year 2025\n"
        "  twinning extract data/articles | jq .pairs",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files or folders (searched recursively)")
    parser.add_argument("--year", type=_year, metavar="YYYY",
                        help="year of pages whose date line gives only day and month")
    parser.set_defaults(run=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    from etl.contract import contract_record
    from etl.extract import extract_document
    from etl.load import failure_message
    from etl.sources import find_files, read_document

    missing = [p for p in args.files if not Path(p).exists()]
    for path in missing:
        _error(f"No such file or folder: {path}")
    files = find_files([Path(p) for p in args.files if p not in missing])
    if not files and not missing:
        _error(f"No files to read in {', '.join(args.files)}")
        return 1
    failed = bool(missing)
    for path in files:
        try:
            extractions = extract_document(read_document(Path(path)), args.year)
        except Exception as problem:  # one unreadable file must not hide the others
            logging.getLogger(__name__).debug("Extraction failed for %s", path, exc_info=True)
            _error(failure_message(path, problem))
            failed = True
            continue
        for extraction in extractions:
            sys.stdout.write(json.dumps(contract_record(extraction), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 1 if failed else 0


def add_evaluate_command(subparsers) -> None:
    parser = _subparser(
        subparsers, "evaluate", "score extraction against gold-labelled pages",
        "Run extraction over the pages that GOLD_DIR's *.gold.json files label and print micro precision, "
        "recall and F1 per field (places, pairs, event types, agreement sectors) and publication-date "
        "accuracy, overall and per language, then the misses: what was expected, what came out.",
        "  twinning evaluate tests/gold\n"
        "  twinning evaluate ../shared/seeds --misses 0",
    )
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder of *.gold.json files")
    parser.add_argument("--pages", type=Path, metavar="DIR",
                        help="where the labelled pages are when not beside the gold files (default: data/articles)")
    parser.add_argument("--misses", type=int, default=40, metavar="N", help="how many misses to list (default 40)")
    parser.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from etl.evaluate import FIELDS, evaluate, gold_files
    from etl.extract import extract_document
    from etl.sources import read_document

    if not gold_files(args.gold_dir):
        _error(f"No *.gold.json files in {args.gold_dir}")
        return 1
    try:
        scores = evaluate(args.gold_dir, args.pages or config.ARTICLES_DIR,
                          lambda path: extract_document(read_document(path)))
    except FileNotFoundError as problem:
        _error(str(problem))
        return 1
    print(f"{'':10}{'field':<20}{'precision':>10}{'recall':>10}{'F1':>8}")
    for language, score in scores.items():
        label = f"{language} ({score.articles})"
        for field in FIELDS:
            print(f"{label:<10}{field:<20}{score.precision(field):>10.3f}{score.recall(field):>10.3f}"
                  f"{score.f1(field):>8.3f}")
            label = ""
        print(f"{'':10}{'published (accuracy)':<20}{score.date_accuracy:>28.3f}")
    misses = scores["all"].misses[:args.misses]
    if misses:
        print(f"\nMisses (first {len(misses)} of {len(scores['all'].misses)}):")
    for miss in misses:
        print(f"  {miss.source}  {miss.field}: expected but not found {miss.expected}; found but not expected "
              f"{miss.found}")
    return 0


def add_unresolved_command(subparsers) -> None:
    parser = _subparser(
        subparsers, "unresolved", "list place names the gazetteer could not place",
        "List the names that read like places ('the town of X', 'X District') but that the gazetteer "
        "lacks, most frequent first, with how many articles name them and one sentence. Add the real ones "
        "to a CSV in data/gazetteer/ (columns in data/gazetteer/README.md) and load again with --force.",
        "  twinning unresolved\n"
        "  twinning unresolved --db data/my_pages.duckdb --limit 100",
    )
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="the database file (default: $TWINNING_DB or data/twinning.duckdb)")
    parser.add_argument("--limit", type=_positive, default=50, metavar="N", help="how many names (default 50)")
    parser.set_defaults(run=run_unresolved)


def run_unresolved(args: argparse.Namespace) -> int:
    import duckdb

    db_path = args.db or config.database_path()
    if not Path(db_path).exists():
        _error(f"No database at {db_path}: load some pages first (twinning load PATH)")
        return 1
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            rows = con.execute("""
                SELECT u.name, count(DISTINCT u.article_id) AS articles, any_value(u.sentence) AS sentence,
                       any_value(a.source_path) AS example
                FROM unresolved_names AS u JOIN articles AS a USING (article_id)
                GROUP BY u.name ORDER BY articles DESC, u.name LIMIT ?
            """, [args.limit]).fetchall()
    except duckdb.IOException:
        _error("Database is in use by a running load — try again when it has finished")
        return 1
    except duckdb.CatalogException:
        _error(f"{db_path} was written by an older version: load again with --force to list unresolved names")
        return 1
    if not rows:
        print("Every place-like name in the loaded articles was found in the gazetteer.")
        return 0
    print(f"{'articles':>8}  name — one sentence (file)")
    for name, articles, sentence, example in rows:
        print(f"{articles:>8}  {name} — {sentence[:160]} ({Path(example).name})")
    return 0


COMMANDS = (add_load_command, add_extract_command, add_evaluate_command, add_unresolved_command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Twinning Atlas: news about twin towns and city cooperation, read into a DuckDB database.",
        epilog="Example:\n  twinning load data/articles\n  twinning extract data/articles/page.txt\n\n"
               "Run `twinning COMMAND --help` for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in COMMANDS:
        add_command(subparsers)
    return parser


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; the return value is the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        _error("interrupted; batches already written are kept")
        return 130
    except BrokenPipeError:
        # `twinning evaluate … | head`: the reader has what it wanted; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
