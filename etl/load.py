"""Idempotent, transactional loads: files -> extractions -> DuckDB, one transaction per batch.

The recipe: find the files, skip those whose content hash is unchanged since the last load,
extract the others (in a process pool for big loads), then for each batch of results, in one
transaction: delete the rows of the articles the batch replaces, insert the new ones.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
from geopy.distance import geodesic
from tqdm import tqdm

from etl.contract import ordered_place_ids
from etl.records import Extraction, Place
from etl.same_event import group_reports

log = logging.getLogger(__name__)

SCHEMA_PATH = Path(__file__).with_name("schema.sql")
IN_PROCESS_BELOW = 50  # files: below this a process pool costs more to start than it saves
FILES_PER_TASK = 32  # files sent to a worker at once: fewer round trips, still even at the end
TASKS_IN_FLIGHT_PER_WORKER = 3  # bounds the results waiting for the writer (memory)
BATCH_ARTICLES = 2000  # articles per transaction
BATCH_FILES = 2000  # files per transaction, when files hold few articles or fail

_STRING, _INT, _BIG = pa.string(), pa.int32(), pa.int64()

# The rows derived from an article, as the workers stage them: each table's columns in the store's order,
# plus article_id where the table lacks it (so the writer can keep only the articles it writes).
# places has none: a place is upserted whichever article names it.
STAGED: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _STRING), ("source_path", _STRING), ("url", _STRING), ("title", _STRING),
        ("published_date", pa.date32()), ("date_precision", _STRING), ("year_inferred", pa.bool_()),
        ("lang", _STRING), ("category", _STRING), ("body", _STRING),
    ]),
    "related_headlines": pa.schema([
        ("article_id", _STRING), ("position", _INT), ("title", _STRING), ("day_month", _STRING),
    ]),
    "places": pa.schema([
        ("place_id", _BIG), ("name", _STRING), ("name_ru", _STRING), ("kind", _STRING), ("country_code", _STRING),
        ("admin1", _STRING), ("parent_id", _BIG), ("lat", pa.float64()), ("lon", pa.float64()),
        ("population", _BIG),
    ]),
    "mentions": pa.schema([
        ("article_id", _STRING), ("place_id", _BIG), ("surface", _STRING), ("char_start", _INT), ("char_end", _INT),
        ("reason", _STRING), ("precision", _INT),
    ]),
    "place_roles": pa.schema([("article_id", _STRING), ("place_id", _BIG), ("role", _STRING)]),
    "events": pa.schema([
        ("event_id", _STRING), ("article_id", _STRING), ("event_type", _STRING), ("event_date", pa.date32()),
        ("date_precision", _STRING), ("sentence", _STRING), ("location_id", _BIG), ("agreement_count", _INT),
        ("period_start", _INT), ("period_end", _INT), ("confidence", pa.float64()), ("background", pa.bool_()),
    ]),
    "event_pairs": pa.schema([("event_id", _STRING), ("place_a_id", _BIG), ("place_b_id", _BIG),
                              ("article_id", _STRING)]),
    "event_participants": pa.schema([("event_id", _STRING), ("place_id", _BIG), ("article_id", _STRING)]),
    "event_sectors": pa.schema([("event_id", _STRING), ("sector", _STRING), ("article_id", _STRING)]),
    "unresolved_names": pa.schema([("article_id", _STRING), ("name", _STRING), ("sentence", _STRING)]),
}
# Columns staged only for filtering, not stored.
_FILTER_ONLY = {"event_pairs": {"article_id"}, "event_participants": {"article_id"}, "event_sectors": {"article_id"}}
# Tables the writer fills from small Python lists.
ROWS: dict[str, pa.Schema] = {
    "article_sources": pa.schema([("article_id", _STRING), ("source_path", _STRING), ("item", _INT)]),
    "files": pa.schema([("source_path", _STRING), ("content_sha1", _STRING), ("loaded_at", pa.timestamp("us")),
                        ("year_option", _INT)]),
    "load_errors": pa.schema([("run_id", _INT), ("source_path", _STRING), ("error", _STRING)]),
    "pair_distances": pa.schema([("place_a_id", _BIG), ("place_b_id", _BIG), ("km", pa.float64())]),
    "write_keys": pa.schema([("article_id", _STRING), ("chunk_no", _INT)]),
}
# Tables keyed by event_id, and by article_id, emptied when an article goes.
_EVENT_KEYED = ("event_pairs", "event_participants", "event_sectors")
_ARTICLE_KEYED = ("related_headlines", "mentions", "place_roles", "unresolved_names", "events", "articles")


class DatabaseInUse(Exception):
    """Another process holds the DuckDB file (DuckDB allows one writer, or readers, never both)."""


class NothingToLoad(Exception):
    """The paths given hold no file the loader can read."""


@dataclass
class LoadSummary:
    files_seen: int = 0
    articles_added: int = 0
    articles_unchanged: int = 0
    articles_replaced: int = 0
    articles_removed: int = 0  # articles no file holds any more (their only file changed)
    files_failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source_path, message for the analyst)
    warnings: list[str] = field(default_factory=list)  # problems of the run, not of a file (online geocoder)
    run_id: int | None = None


@dataclass
class FileResult:
    """What extraction made of one file: unchanged, extracted (its articles), or failed (error)."""

    source_path: str
    content_sha1: str | None
    unchanged: bool = False
    articles: list[tuple[str, int]] = field(default_factory=list)  # (article_id, item in the file)
    error: str | None = None
    unresolved: list[str] = field(default_factory=list)  # place-like names the gazetteer lacks


@dataclass
class ChunkResult:
    """A worker's answer for a list of files: their results and the rows of their articles, as Arrow.

    Arrow tables cross the process boundary as a few buffers, far cheaper than many small objects.
    An article appearing twice in the chunk has its rows once.
    """

    files: list[FileResult]
    tables: dict[str, pa.Table]


def source_key(path: str | os.PathLike) -> str:
    """How the store names a file: its absolute path, so the same file loaded from elsewhere matches."""
    return str(Path(path).resolve())


def open_store(db_path: str | os.PathLike, wait_seconds: float = 5.0) -> duckdb.DuckDBPyConnection:
    """A read-write connection to the store, with the schema created or brought up to date.

    The dashboard holds the file for about a second while it copies it: a load waits that long rather
    than fail, and gives up with DatabaseInUse after ``wait_seconds``.
    """
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(db_path))
            break
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise DatabaseInUse(str(db_path)) from error
            time.sleep(0.25)
    con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
    return con


def load_paths(paths: Iterable[str | os.PathLike], db_path: str | os.PathLike, year: int | None = None,
               workers: int | None = None, progress: bool = True, online: bool = False,
               geocode: Callable | None = None, force: bool = False) -> LoadSummary:
    """Load the article files under ``paths`` into the store at ``db_path``; return what changed.

    ``workers``: processes extracting in parallel (default: one per CPU; 0 extracts in this process).
    A file is skipped when its content and ``year`` are as at its last load, unless ``force``.
    ``online``: ask ``geocode`` (default: OpenStreetMap Nominatim) about names the gazetteer lacks, and
    extract the articles naming a place it finds again, in this process.
    """
    from etl.sources import find_files

    paths = list(paths)
    files = list(dict.fromkeys(source_key(p) for p in find_files([Path(p) for p in paths])))
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise NothingToLoad(f"No files to load in {shown}.")

    con = open_store(db_path)
    # DuckDB checkpoints whenever the write-ahead log passes 16 MB, i.e. after nearly every batch, and
    # each checkpoint rewrites the growing indexes: storing 100,000 articles took 70 s instead of 44 s.
    # Commits stay durable in the log either way; memory was no higher.
    con.execute("SET checkpoint_threshold = '256MB'")
    try:
        resolver = _OnlineResolver(con, geocode) if online else None
        workers = (os.cpu_count() or 1) if workers is None else workers
        return _run(con, files, year, workers, progress, resolver, force)
    finally:
        con.close()


@dataclass
class _Tally:
    """Article ids by fate, over a whole run (an id can meet several fates across batches)."""

    added: set[str] = field(default_factory=set)
    replaced: set[str] = field(default_factory=set)
    unchanged: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)

    def merge(self, other: _Tally) -> None:
        self.added |= other.added
        self.replaced |= other.replaced
        self.unchanged |= other.unchanged
        self.removed |= other.removed


def _run(con: duckdb.DuckDBPyConnection, files: list[str], year: int | None, workers: int,
         progress: bool, resolver: _OnlineResolver | None = None, force: bool = False) -> LoadSummary:
    summary = LoadSummary(files_seen=len(files))
    summary.run_id = run_id = con.execute("SELECT nextval('run_ids')").fetchone()[0]
    con.execute("INSERT INTO runs (run_id, started_at, files_seen) VALUES (?, ?, ?)",
                [run_id, datetime.now(), len(files)])
    # A file read with another --year may give other dates: it is read again, as if it had changed.
    known = {} if force else dict(con.execute(
        "SELECT source_path, content_sha1 FROM files WHERE year_option IS NOT DISTINCT FROM ?", [year]
    ).fetchall())
    unchanged_files = [path for path in files if path in known and _sha1_of(path) == known[path]]
    skipped = set(unchanged_files)
    tasks = [(path, known.get(path)) for path in files if path not in skipped]
    tally = _Tally()
    batch: list[ChunkResult] = []
    bar = tqdm(total=len(tasks), unit="file", desc="Loading", file=sys.stderr,
               disable=not progress or not sys.stderr.isatty())
    try:
        for chunk in _extracted(tasks, year, workers):
            bar.update(len(chunk.files))
            # The worker hashes what it reads again: a file edited during the run may be back as it was.
            unchanged_files += [r.source_path for r in chunk.files if r.unchanged]
            if all(r.unchanged for r in chunk.files):
                continue
            batch += resolver.revise(chunk, year) if resolver else [chunk]
            if (sum(len(c.tables["articles"]) for c in batch) >= BATCH_ARTICLES
                    or sum(len(c.files) for c in batch) >= BATCH_FILES):
                _store_batch(con, batch, run_id, year, tally, summary)
                batch = []
        if batch:
            _store_batch(con, batch, run_id, year, tally, summary)
    finally:
        bar.close()
    tally.unchanged |= _article_ids_of(con, unchanged_files)
    # A store written before events were grouped has reports but no links yet.
    if tally.added or tally.replaced or tally.removed or force or con.execute(
            "SELECT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM event_reports)").fetchone()[0]:
        group_reports(con)
    if resolver and resolver.failure:
        summary.warnings.append(resolver.failure)
    summary.articles_added = len(tally.added)
    summary.articles_replaced = len(tally.replaced - tally.added)
    summary.articles_unchanged = len(tally.unchanged - tally.added - tally.replaced)
    summary.articles_removed = len(tally.removed)
    con.execute(
        "UPDATE runs SET finished_at = ?, articles_added = ?, articles_unchanged = ?, articles_replaced = ?, "
        "articles_removed = ?, errors = ? WHERE run_id = ?",
        [datetime.now(), summary.articles_added, summary.articles_unchanged, summary.articles_replaced,
         summary.articles_removed, summary.files_failed, run_id],
    )
    return summary


def _sha1_of(path: str) -> str | None:
    """The content hash, or None when the file cannot be read (extraction will report why)."""
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _extracted(tasks: list[tuple[str, str | None]], year: int | None, workers: int) -> Iterator[ChunkResult]:
    """Chunk results in file order: in-process for few files, else from a process pool."""
    chunks = [tasks[i:i + FILES_PER_TASK] for i in range(0, len(tasks), FILES_PER_TASK)]
    if len(tasks) < IN_PROCESS_BELOW or workers < 1:
        for chunk in chunks:
            yield extract_files(chunk, year)
        return
    # spawn, not fork: the parent holds an open DuckDB connection and its threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
        queued = iter(chunks)
        pending: deque[Future] = deque(
            pool.submit(extract_files, chunk, year)
            for _, chunk in zip(range(workers * TASKS_IN_FLIGHT_PER_WORKER), queued)
        )
        while pending:
            result = pending.popleft().result()
            following = next(queued, None)
            if following is not None:
                pending.append(pool.submit(extract_files, following, year))
            yield result


class _OnlineResolver:
    """Asks the online geocoder (through its cache in the store) about names the gazetteer lacks.

    Runs in the main process, outside the batch transactions, so every answer is kept even if a batch
    fails. The places found join a gazetteer of this run's own (the shared one stays as GeoNames and the
    supplements say); files naming them are extracted again here with it (the workers' gazetteers do not
    learn them, so later files naming them come back here too).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, geocode: Callable | None = None):
        from etl.online_geocoding import CachedOnlineGeocoder, nominatim

        self.geocoder = CachedOnlineGeocoder(con, geocode or nominatim())
        self.known: dict[str, bool] = {}  # cache key -> found
        self.failure: str | None = None
        self.gazetteer = None  # loaded when the first place is found

    def revise(self, chunk: ChunkResult, year: int | None) -> list[ChunkResult]:
        """The chunk, plus a chunk re-extracting the files that name a place found online."""
        again = {r.source_path for r in chunk.files if r.unresolved and self._learn(r.unresolved)}
        if not again:
            return [chunk]
        # The original chunk no longer lists these files, so its rows for them are never written.
        kept = ChunkResult([r for r in chunk.files if r.source_path not in again], chunk.tables)
        redone = [(r.source_path, None) for r in chunk.files if r.source_path in again]
        return [kept, extract_files(redone, year, self.gazetteer)]

    def _learn(self, names: list[str]) -> bool:
        """Whether any of the names is a place (asking once per name); found places join the gazetteer."""
        from etl.gazetteer import Gazetteer
        from etl.online_geocoding import OnlineGeocodingError, cache_key

        found_any = False
        for name in names:
            key = cache_key(name)
            if key not in self.known and self.failure is None:
                try:
                    place = self.geocoder.lookup(name)
                except OnlineGeocodingError as error:
                    self.failure = str(error)  # stop asking for the rest of the run
                    break
                if place is not None:
                    self.gazetteer = self.gazetteer or Gazetteer.load()
                    self.gazetteer.add_place(place, [name])
                self.known[key] = place is not None
            found_any = found_any or self.known.get(key, False)
        return found_any


def _init_worker() -> None:
    """Load the gazetteer once per worker, before the first task."""
    from etl.extract import default_gazetteer

    default_gazetteer()


def extract_files(tasks: list[tuple[str, str | None]], year: int | None = None, gazetteer=None) -> ChunkResult:
    """Read and extract files given as (path, hash at the last load); runs in a worker. Never raises.

    ``gazetteer``: the default one (loaded once per process) unless given.
    """
    files: list[FileResult] = []
    rows: dict[str, list[tuple]] = {table: [] for table in STAGED}
    seen: set[str] = set()
    for path, known_sha1 in tasks:
        result, article_rows = _extract_file(path, known_sha1, year, gazetteer)
        files.append(result)
        for article_id, table_rows in article_rows:
            if article_id in seen:
                continue
            seen.add(article_id)
            for table, found in table_rows.items():
                rows[table] += found
    rows["places"] = list({row[0]: row for row in rows["places"]}.values())
    return ChunkResult(files, {table: _arrow(STAGED[table], rows[table]) for table in STAGED})


def _extract_file(path: str, known_sha1: str | None, year: int | None,
                  gazetteer=None) -> tuple[FileResult, list[tuple[str, dict[str, list[tuple]]]]]:
    from etl.extract import default_gazetteer, extract_document
    from etl.sources import read_document

    sha1 = None
    try:
        document = read_document(Path(path))
        sha1 = hashlib.sha1(document.content).hexdigest()
        if sha1 == known_sha1:
            return FileResult(path, sha1, unchanged=True), []
        gazetteer = gazetteer or default_gazetteer()
        extractions = extract_document(document, year, gazetteer)
        known_places = gazetteer.places
        rows = [(x.article.article_id, rows_from_extraction(x, path, known_places)) for x in extractions]
    except Exception as error:  # any failure of one file must not stop the load
        log.debug("Extraction failed for %s", path, exc_info=True)
        return FileResult(path, sha1, error=failure_message(path, error)), []
    articles = [(x.article.article_id, x.article.item) for x in extractions]
    unresolved = list(dict.fromkeys(name for x in extractions for name, _sentence in x.unresolved))
    return FileResult(path, sha1, articles=articles, unresolved=unresolved), rows


def failure_message(path: str | os.PathLike, error: Exception) -> str:
    """What an analyst reads about a file that failed: parse's own words, or "<file>: could not be read (…)"."""
    from etl.parse import UnreadableDocument

    name = Path(path).name
    if isinstance(error, UnreadableDocument):
        message = str(error)
        return message if name in message else f"{name}: {message}"
    return f"{name}: could not be read ({_short_reason(error)})"


def _short_reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    reason = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return reason if len(reason) <= 160 else reason[:157] + "..."


def rows_from_extraction(extraction: Extraction, source_path: str,
                         known_places: dict[int, Place] | None = None) -> dict[str, list[tuple]]:
    """The staged rows (see STAGED) of one extraction; ``known_places`` supplies parents for the roll-up."""
    article = extraction.article
    aid = article.article_id
    rows: dict[str, list[tuple]] = {table: [] for table in STAGED}
    rows["articles"].append((
        aid, source_path, article.url, article.title, article.published_date, article.date_precision,
        article.year_inferred, article.lang, article.category, article.body,
    ))
    rows["related_headlines"] = [(aid, n, h.title, h.day_month) for n, h in enumerate(article.related_headlines)]
    known = known_places or {}
    # The store keeps the gazetteer's one name per place; the page's own spelling stays in its mentions.
    rows["places"] = [_place_row(known.get(i, p)) for i, p in _with_parents(extraction.places, known).items()]
    rows["mentions"] = [(aid, m.place_id, m.surface, m.char_start, m.char_end, m.reason, m.precision)
                        for m in extraction.mentions]
    rows["unresolved_names"] = [(aid, name, sentence) for name, sentence in extraction.unresolved]
    rows["place_roles"] = [
        (aid, i, "participant" if i in extraction.participant_ids else "mention")
        for i in ordered_place_ids(extraction)
    ]
    for n, event in enumerate(extraction.events):
        eid = f"{aid}-{n}"
        rows["events"].append((
            eid, aid, event.event_type, event.event_date, event.date_precision, event.sentence, event.location_id,
            event.agreement_count, event.period_start, event.period_end, event.confidence, event.background,
        ))
        pairs = dict.fromkeys((min(a, b), max(a, b)) for a, b in event.pairs if a != b)
        rows["event_pairs"] += [(eid, a, b, aid) for a, b in pairs]
        rows["event_participants"] += [(eid, i, aid) for i in dict.fromkeys(event.participants)]
        rows["event_sectors"] += [(eid, s, aid) for s in dict.fromkeys(event.sectors)]
    return rows


def _with_parents(places: dict[int, Place], known: dict[int, Place]) -> dict[int, Place]:
    """The places plus their parent chain (district -> city -> region), so a district rolls up in SQL."""
    found = dict(places)
    for place in places.values():
        parent_id = place.parent_id
        while parent_id is not None and parent_id not in found and parent_id in known:
            found[parent_id] = known[parent_id]
            parent_id = known[parent_id].parent_id
    return found


def _place_row(p: Place) -> tuple:
    return (p.place_id, p.name, p.name_ru, p.kind, p.country_code, p.admin1, p.parent_id, p.lat, p.lon,
            p.population)


def _arrow(schema: pa.Schema, rows: list[tuple]) -> pa.Table:
    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple], or_replace: bool = False) -> None:
    """Bulk insert of a Python list through Arrow (one statement, never row by row)."""
    if not rows:
        return
    staged = _arrow(ROWS[table], rows)
    columns = _quoted(staged.column_names)
    verb = "INSERT OR REPLACE INTO" if or_replace else "INSERT INTO"
    con.register("staged_rows", staged)
    try:
        con.execute(f'{verb} "{table}" ({columns}) SELECT {columns} FROM staged_rows')
    finally:
        con.unregister("staged_rows")


def _ids_table(values: Iterable[str], column: str) -> pa.Table:
    return pa.table({column: pa.array(list(values), type=_STRING)})


def _article_ids_of(con: duckdb.DuckDBPyConnection, paths: list[str]) -> set[str]:
    if not paths:
        return set()
    con.register("wanted_files", _ids_table(paths, "source_path"))
    try:
        found = con.execute(
            "SELECT DISTINCT article_id FROM article_sources WHERE source_path IN (SELECT source_path FROM wanted_files)"
        ).fetchall()
    finally:
        con.unregister("wanted_files")
    return {row[0] for row in found}


def _store_batch(con: duckdb.DuckDBPyConnection, batch: list[ChunkResult], run_id: int, year: int | None,
                 tally: _Tally, summary: LoadSummary) -> None:
    """Write one batch in one transaction; on a failure, roll it back and report its files."""
    files = [r for chunk in batch for r in chunk.files if not r.unchanged]
    fates = _Tally()
    con.execute("BEGIN TRANSACTION")
    try:
        _write_batch(con, batch, run_id, year, fates)
        con.execute("COMMIT")
    except BaseException as error:
        con.execute("ROLLBACK")
        if not isinstance(error, Exception):  # Ctrl-C: nothing of this batch is kept, the run stops
            raise
        reason = _short_reason(error)
        log.warning("A batch of %d files could not be stored and was rolled back (%s)", len(files), reason)
        log.debug("Batch failure", exc_info=True)
        failed = [
            r if r.error else FileResult(r.source_path, r.content_sha1,
                                         error=f"{Path(r.source_path).name}: could not be stored ({reason})")
            for r in files
        ]
        _insert_rows(con, "load_errors", [(run_id, r.source_path, r.error) for r in failed])
        _count_errors(failed, summary)
        return
    _count_errors([r for r in files if r.error], summary)
    tally.merge(fates)


def _count_errors(failed: list[FileResult], summary: LoadSummary) -> None:
    summary.files_failed += len(failed)
    summary.errors.extend((r.source_path, r.error) for r in failed)


def _write_batch(con: duckdb.DuckDBPyConnection, batch: list[ChunkResult], run_id: int, year: int | None,
                 fates: _Tally) -> None:
    """Delete the rows the batch's files replace, insert the new ones (inside the caller's transaction)."""
    now = datetime.now()
    stored = [(n, r) for n, chunk in enumerate(batch) for r in chunk.files if not r.unchanged and not r.error]
    failed = [r for chunk in batch for r in chunk.files if r.error]

    # What these files held before, by (file, item): the articles they may now replace or orphan.
    con.register("batch_files", _ids_table([r.source_path for _, r in stored], "source_path"))
    try:
        old_refs = con.execute(
            "SELECT source_path, item, article_id FROM article_sources "
            "WHERE source_path IN (SELECT source_path FROM batch_files)"
        ).fetchall()
        con.execute("DELETE FROM article_sources WHERE source_path IN (SELECT source_path FROM batch_files)")
    finally:
        con.unregister("batch_files")
    old_by_item = {(path, item): aid for path, item, aid in old_refs}
    old_ids = set(old_by_item.values())

    first_chunk: dict[str, int] = {}  # the first file carrying an article writes it
    sources: list[tuple] = []
    for n, result in stored:
        for aid, item in result.articles:
            first_chunk.setdefault(aid, n)
            sources.append((aid, result.source_path, item))

    orphans = old_ids - _existing(con, "article_sources", old_ids)
    in_store = _existing(con, "articles", first_chunk)
    # An article another (unchanged) file still holds keeps its rows; an orphan that comes back is rewritten.
    write_keys = [(aid, n) for aid, n in first_chunk.items() if aid not in in_store or aid in orphans]

    _delete_articles(con, orphans)
    _insert_staged(con, batch, write_keys, now)
    _insert_rows(con, "article_sources", sources)
    _insert_rows(con, "files", [(r.source_path, r.content_sha1, now, year) for _, r in stored], or_replace=True)
    _insert_rows(con, "load_errors", [(run_id, r.source_path, r.error) for r in failed])

    # Added: new to the store. Replaced: a file's article rewritten, or superseded by a new version.
    # Unchanged: an article another file already brought, kept as it is.
    written = {aid for aid, _ in write_keys}
    replaced_old: set[str] = set()
    for aid, path, item in sources:
        old = old_by_item.get((path, item))
        if old is None:
            (fates.unchanged if aid in in_store else fates.added).add(aid)
        elif old != aid or aid in written:
            fates.replaced.add(aid)
            replaced_old.add(old)
        else:
            fates.unchanged.add(aid)
    fates.removed |= orphans - set(first_chunk) - replaced_old


def _insert_staged(con: duckdb.DuckDBPyConnection, batch: list[ChunkResult], write_keys: list[tuple],
                   now: datetime) -> None:
    """Insert the staged rows of the articles in ``write_keys`` (article_id, chunk number), table by table."""
    if not write_keys:
        return
    con.register("write_keys", _arrow(ROWS["write_keys"], write_keys))
    registered = ["write_keys"]
    try:
        for table, schema in STAGED.items():
            parts = [
                chunk.tables[table].append_column("chunk_no", pa.array([n] * len(chunk.tables[table]), _INT))
                for n, chunk in enumerate(batch)
            ]
            staged = f"staged_{table}"
            con.register(staged, pa.concat_tables(parts))
            registered.append(staged)
            columns = _quoted(name for name in schema.names if name not in _FILTER_ONLY.get(table, ()))
            if table == "places":
                con.execute(f'INSERT OR REPLACE INTO places ({columns}) '
                            f'SELECT DISTINCT ON (place_id) {columns} FROM "{staged}"')
            elif table == "articles":
                con.execute(f'INSERT INTO articles ({columns}, ingested_at) SELECT {columns}, ? FROM "{staged}" '
                            "SEMI JOIN write_keys USING (article_id, chunk_no)", [now])
            else:
                con.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "{staged}" '
                            "SEMI JOIN write_keys USING (article_id, chunk_no)")
        _add_pair_distances(con)
    finally:
        for name in registered:
            con.unregister(name)


def _existing(con: duckdb.DuckDBPyConnection, table: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` have rows in ``table`` (articles or article_sources)."""
    ids = list(ids)
    if not ids:
        return set()
    con.register("probe_ids", _ids_table(ids, "article_id"))
    try:
        found = con.execute(
            f'SELECT DISTINCT article_id FROM "{table}" WHERE article_id IN (SELECT article_id FROM probe_ids)'
        ).fetchall()
    finally:
        con.unregister("probe_ids")
    return {row[0] for row in found}


def _delete_articles(con: duckdb.DuckDBPyConnection, ids: set[str]) -> None:
    """Remove articles and everything derived from them."""
    if not ids:
        return
    con.register("gone_ids", _ids_table(ids, "article_id"))
    try:
        for table in _EVENT_KEYED:
            con.execute(
                f'DELETE FROM "{table}" WHERE event_id IN '
                "(SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM gone_ids))"
            )
        for table in _ARTICLE_KEYED:
            con.execute(f'DELETE FROM "{table}" WHERE article_id IN (SELECT article_id FROM gone_ids)')
    finally:
        con.unregister("gone_ids")


def _add_pair_distances(con: duckdb.DuckDBPyConnection) -> None:
    """Geodesic km for the city-level pairs of the written event pairs that have none yet."""
    missing = con.execute(
        """
        WITH rolled AS (
            SELECT DISTINCT LEAST(ra.city_id, rb.city_id) AS a, GREATEST(ra.city_id, rb.city_id) AS b
            FROM (SELECT DISTINCT place_a_id, place_b_id FROM staged_event_pairs
                  SEMI JOIN write_keys USING (article_id, chunk_no)) AS np
            JOIN place_rollup AS ra ON ra.place_id = np.place_a_id
            JOIN place_rollup AS rb ON rb.place_id = np.place_b_id
            WHERE ra.city_id <> rb.city_id
        )
        SELECT r.a, r.b, pa.lat, pa.lon, pb.lat, pb.lon
        FROM rolled AS r
        JOIN places AS pa ON pa.place_id = r.a
        JOIN places AS pb ON pb.place_id = r.b
        WHERE pa.lat IS NOT NULL AND pa.lon IS NOT NULL AND pb.lat IS NOT NULL AND pb.lon IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM pair_distances AS d WHERE d.place_a_id = r.a AND d.place_b_id = r.b)
        """
    ).fetchall()
    rows = [(a, b, geodesic((lat_a, lon_a), (lat_b, lon_b)).km) for a, b, lat_a, lon_a, lat_b, lon_b in missing]
    _insert_rows(con, "pair_distances", rows)
