"""A read-optimised copy of the store for the dashboard, rebuilt when the store changes.

Why a copy: the store is shaped for loading (string keys, one fact per table), and DuckDB lets one
process write a file or several read it, never both. The dashboard therefore touches the store only to
copy it: a read-only ATTACH held for the seconds the copy takes, retried briefly while a load holds the
write lock. The copy is a DuckDB file of its own (under ``config.cache_dir()``) named after the store's
version (size and modification time of the file and of its WAL), written under a temporary name and
renamed into place. A load never waits for the dashboard; the dashboard keeps showing the last copy
while a load runs and shows the new data on the first page view after it.

The copy has one wide row per event report (``ev``), so that every filter is a column predicate and
most views are one scan: dates resolved, districts rolled up to their cities, the first and last
taking-part city (``lo``, ``hi``) with their countries (``c1``, ``c2``), the first city pair (``pid``, a
number for the pair in ``pair_ix``), sectors as a bit mask (``mask``: this report's; ``key_mask``: any
report's of the same event). The rare further cities and pairs of an event are lists
(``extra_cities``, ``extra_countries``, ``extra_pids``; NULL for most events). ``cast_id`` numbers each
distinct cast of places and pairs (``cast_ix``; ``cast_city``, ``cast_country`` and ``cast_pair`` list who
takes part in it): a place, country or pair filter selects casts from these small tables, and the map and
pairs group the events by cast before rolling up to cities and pairs. A text search answers with a bit string
over ``event_no`` or ``report_no`` (dashboard/queries.py): a word or part of one through the word index
(``word``, ``word_report``), other text by reading ``search_text`` and ``art.title_lower``. The sidebar's
options are counted here once (``option_*``, ``span``), and so is the headline of the whole store, the first
page every analyst sees (``headline_all``). ``cc`` numbers the pairs of countries (``country_pair``), so that
counting countries or grouping by them is cheap.

Reports of one event (the same event on several pages, or in a page's headline and body) are grouped
by the loader (``event_reports``, etl/same_event.py); the report of the earliest page stands for the
event (``first_eid``, ``is_first``) and carries the most documents any report of it states. History
an article recalls (background events) is left out: no figure counts it as news.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import config
from etl.records import EVENT_TYPES, SECTORS

# What the search index calls a word: a longest run of letters, digits, combining marks and underscores. Text made
# of these characters only lies inside one such word wherever it occurs (dashboard/queries.py relies on it).
WORD = r"[\pL\pN\pM_]+"

FORMAT = 13  # bump when the tables below change: older copies are then rebuilt
LOCK_RETRIES = (0.05, 0.1, 0.2, 0.4, 0.6)  # seconds between attempts while a load holds the store

# The loader's grouping of reports into events (etl/same_event.py).
_GROUPS = """CREATE TEMP TABLE group_raw AS
       SELECT hash(event_id) AS eid, hash(group_id) AS group_eid FROM store.event_reports"""

# Copied while the store is attached (its read lock held): plain scans, no joins, as short as it can be.
_COPY: tuple[str, ...] = (
    """CREATE TABLE place AS
       SELECT p.place_id, p.name, p.kind, p.country_code, p.lat, p.lon, r.city_id
       FROM store.places AS p JOIN store.place_rollup AS r ON r.place_id = p.place_id""",
    # aid: a dense number (counting articles is then a bit string, not a hash table).
    """CREATE TABLE art AS
       SELECT row_number() OVER ()::INTEGER AS aid, hash(article_id) AS article_hash, article_id, title,
              lower(title) AS title_lower, published_date AS published, source_path, url
       FROM store.articles""",
    # History an article recalls ("twinned since 1998") is background, not news: no figure counts it.
    """CREATE TEMP TABLE event_raw AS
       SELECT hash(event_id) AS eid, event_id, hash(article_id) AS article_hash, event_type, event_date, sentence,
              agreement_count
       FROM store.events WHERE NOT COALESCE(background, FALSE)""",
    _GROUPS,
    "CREATE TEMP TABLE participant_raw AS SELECT hash(event_id) AS eid, place_id FROM store.event_participants",
    "CREATE TEMP TABLE pair_raw AS SELECT hash(event_id) AS eid, place_a_id, place_b_id FROM store.event_pairs",
    "CREATE TEMP TABLE sector_raw AS SELECT hash(event_id) AS eid, sector FROM store.event_sectors",
    "CREATE TEMP TABLE dist AS SELECT place_a_id AS a, place_b_id AS b, km FROM store.pair_distances",
    "CREATE TEMP TABLE mention_raw AS SELECT hash(article_id) AS article_hash, place_id, surface FROM store.mentions",
    """CREATE TABLE store_info AS
       SELECT (SELECT count(*) FROM store.articles) AS articles,
              (SELECT max(finished_at) FROM store.runs) AS last_load,
              current_localtimestamp() AS copied_at""",
)

# Shaped after the store is detached. (statement, parameters); later statements read earlier tables.
_SHAPE: tuple[tuple[str, list], ...] = (
    ("""CREATE TYPE event_type AS ENUM (
            SELECT unnest(?::VARCHAR[])
            UNION SELECT DISTINCT event_type FROM event_raw
                  WHERE event_type IS NOT NULL AND NOT list_contains(?::VARCHAR[], event_type))""",
     [list(EVENT_TYPES), list(EVENT_TYPES)]),
    # One bit per sector: the vocabulary first, then names outside it (16 bits in all; more are dropped).
    ("""CREATE TABLE sector AS
        SELECT sector, (row_number() OVER (ORDER BY rank, sector) - 1)::UTINYINT AS bit
        FROM (SELECT unnest(?::VARCHAR[]) AS sector, generate_subscripts(?::VARCHAR[], 1) AS rank
              UNION ALL
              SELECT DISTINCT sector, 1000 FROM sector_raw
              WHERE sector IS NOT NULL AND NOT list_contains(?::VARCHAR[], sector))
        QUALIFY bit < 16""",
     [list(SECTORS), list(SECTORS), list(SECTORS)]),
    ("""CREATE TEMP TABLE taking_part AS
        SELECT DISTINCT r.eid, pl.city_id FROM participant_raw AS r JOIN place AS pl ON pl.place_id = r.place_id""",
     []),
    ("""CREATE TEMP TABLE span AS
        SELECT eid, min(city_id) AS lo, max(city_id) AS hi, count(*) > 2 AS more FROM taking_part GROUP BY eid""",
     []),
    ("""CREATE TEMP TABLE more_cities AS
        SELECT t.eid, list(t.city_id ORDER BY t.city_id) AS cities,
               list(DISTINCT p.country_code) FILTER (WHERE p.country_code IS NOT NULL) AS countries
        FROM taking_part AS t JOIN span AS s ON s.eid = t.eid JOIN place AS p ON p.place_id = t.city_id
        WHERE s.more AND t.city_id NOT IN (s.lo, s.hi) GROUP BY t.eid""", []),
    ("""CREATE TEMP TABLE city_pair AS
        SELECT DISTINCT r.eid, LEAST(ra.city_id, rb.city_id) AS a, GREATEST(ra.city_id, rb.city_id) AS b
        FROM pair_raw AS r
        JOIN place AS ra ON ra.place_id = r.place_a_id
        JOIN place AS rb ON rb.place_id = r.place_b_id
        WHERE ra.city_id <> rb.city_id""", []),
    # pid: a dense number per city pair, so that grouping by pair is cheap.
    ("""CREATE TABLE pair_ix AS
        SELECT row_number() OVER (ORDER BY p.a, p.b)::INTEGER AS pid, p.a, p.b, d.km
        FROM (SELECT DISTINCT a, b FROM city_pair) AS p LEFT JOIN dist AS d ON d.a = p.a AND d.b = p.b""", []),
    ("""CREATE TEMP TABLE event_pair AS
        SELECT c.eid, x.pid FROM city_pair AS c JOIN pair_ix AS x ON x.a = c.a AND x.b = c.b""", []),
    ("""CREATE TEMP TABLE first_pair AS
        SELECT eid, min(pid) AS pid, list(pid ORDER BY pid) AS pids FROM event_pair GROUP BY eid""", []),
    ("""CREATE TEMP TABLE sector_bits AS
        SELECT r.eid, bit_or(1::USMALLINT << s.bit) AS mask
        FROM sector_raw AS r JOIN sector AS s ON s.sector = r.sector GROUP BY ALL""", []),
    ("""CREATE TEMP TABLE report AS
        SELECT e.eid, e.event_id, a.aid, a.published, e.event_type::event_type AS t,
               COALESCE(e.event_date, a.published) AS day, e.sentence, e.agreement_count,
               s.lo, s.hi, mc.cities AS extra_cities, mc.countries AS extra_countries,
               p.pid, CASE WHEN len(p.pids) > 1 THEN p.pids[2:] END AS extra_pids,
               COALESCE(m.mask, 0)::USMALLINT AS mask,
               -- Reports of one event share the key the loader gave them (etl/same_event.py: same type and
               -- cities, dates days apart); a report it has not grouped yet stands alone.
               COALESCE(g.group_eid, e.eid) AS event_key
        FROM event_raw AS e
        JOIN art AS a ON a.article_hash = e.article_hash
        LEFT JOIN group_raw AS g ON g.eid = e.eid
        LEFT JOIN span AS s ON s.eid = e.eid
        LEFT JOIN more_cities AS mc ON mc.eid = e.eid
        LEFT JOIN first_pair AS p ON p.eid = e.eid
        LEFT JOIN sector_bits AS m ON m.eid = e.eid""", []),
    ("""CREATE TEMP TABLE event_key AS
        SELECT event_key, arg_min(eid, {'published': published, 'event_id': event_id}) AS first_eid,
               bit_or(mask) AS key_mask, count(*) AS reports, max(agreement_count) AS key_count
        FROM report GROUP BY event_key""", []),
    # report_no and event_no: dense numbers of the report and of the event it reports, so that a text search
    # is a bit string over them (no join).
    ("""CREATE TABLE ev AS
        SELECT row_number() OVER (ORDER BY r.day DESC NULLS LAST, r.eid)::INTEGER AS report_no,
               dense_rank() OVER (ORDER BY k.first_eid)::INTEGER AS event_no,
               r.eid, k.first_eid, r.eid = k.first_eid AS is_first, r.aid, r.t, r.day,
               date_trunc('month', r.day)::DATE AS month,
               -- the event's report counts the documents any report of it states ("three agreements")
               CASE WHEN r.eid = k.first_eid THEN k.key_count ELSE r.agreement_count END AS agreement_count,
               r.mask, k.key_mask, k.reports,
               r.lo, r.hi, r.extra_cities, cl.country_code AS c1, ch.country_code AS c2, r.extra_countries,
               CASE WHEN ch.country_code IS NULL OR cl.country_code = ch.country_code THEN cl.country_code
                    WHEN cl.country_code IS NULL THEN ch.country_code
                    ELSE LEAST(cl.country_code, ch.country_code) || '–' || GREATEST(cl.country_code, ch.country_code)
               END AS countries,
               -- cc: a small number per (c1, c2), so that counting countries or grouping by them is cheap
               dense_rank() OVER (ORDER BY cl.country_code, ch.country_code)::USMALLINT AS cc,
               -- cast_id: a number per distinct cast of places and pairs (cast_ix), so that a place, country or
               -- pair filter is one integer test and the map and pairs views group by one integer
               dense_rank() OVER (ORDER BY r.lo, r.hi, r.extra_cities, r.pid, r.extra_pids)::INTEGER AS cast_id,
               r.pid, r.extra_pids, r.sentence, r.event_id
        FROM report AS r
        JOIN event_key AS k ON k.event_key = r.event_key
        LEFT JOIN place AS cl ON cl.place_id = r.lo
        LEFT JOIN place AS ch ON ch.place_id = r.hi
        -- Newest first: "latest" lists read one row group, date filters skip the others.
        ORDER BY report_no""", []),
    ("CREATE TABLE country_pair AS SELECT DISTINCT cc, c1, c2, countries FROM ev", []),
    # Who takes part in each cast, one row per (cast, pair / city / country): small tables (a cast per distinct
    # set of places, not per event) that filters look up and the map and pairs views roll up to.
    ("""CREATE TABLE cast_ix AS
        SELECT DISTINCT cast_id, lo, hi, extra_cities, pid, extra_pids, c1, c2, extra_countries FROM ev
        ORDER BY cast_id""", []),
    ("""CREATE TABLE cast_pair AS
        SELECT cast_id, pid FROM cast_ix WHERE pid IS NOT NULL
        UNION ALL SELECT cast_id, unnest(extra_pids) FROM cast_ix WHERE extra_pids IS NOT NULL
        ORDER BY ALL""", []),
    ("""CREATE TABLE cast_city AS
        SELECT cast_id, lo AS city_id FROM cast_ix WHERE lo IS NOT NULL
        UNION ALL SELECT cast_id, hi FROM cast_ix WHERE hi <> lo
        UNION ALL SELECT cast_id, unnest(extra_cities) FROM cast_ix WHERE extra_cities IS NOT NULL
        ORDER BY ALL""", []),
    ("""CREATE TABLE cast_country AS
        SELECT DISTINCT cast_id, country FROM (
            SELECT cast_id, unnest([c1, c2]) AS country FROM cast_ix
            UNION ALL SELECT cast_id, unnest(extra_countries) FROM cast_ix WHERE extra_countries IS NOT NULL)
        WHERE country IS NOT NULL ORDER BY ALL""", []),
    # The text a search scans, lower-cased once. Stored uncompressed: scanning it is then 2-3 times faster
    # than decompressing it first, for some 40 MB per million reports in this cache file.
    ("""CREATE TABLE search_text (report_no INTEGER, event_no INTEGER, aid INTEGER,
                                 sentence_lower VARCHAR USING COMPRESSION uncompressed)""", []),
    ("""INSERT INTO search_text SELECT report_no, event_no, aid, lower(sentence) FROM ev ORDER BY report_no""", []),
    # The word index of the search: every word (``WORD``) of the lower-cased sentences and titles, numbered in
    # ``word``, and the reports whose sentence or article title holds it (``word_report``, sorted by word: a word's
    # reports are a few row groups). A search then reads the reports of the few words holding its text instead
    # of every sentence and title (dashboard/queries.py).
    ("""CREATE TEMP TABLE token AS
        SELECT report_no, event_no, unnest(regexp_extract_all(sentence_lower, ?)) AS token FROM search_text
        UNION ALL
        SELECT x.report_no, x.event_no, t.token
        FROM (SELECT DISTINCT aid, unnest(regexp_extract_all(title_lower, ?)) AS token FROM art) AS t
        JOIN search_text AS x ON x.aid = t.aid""", [WORD, WORD]),
    ("""CREATE TABLE word AS
        SELECT row_number() OVER (ORDER BY token)::INTEGER AS word_id, token AS word
        FROM (SELECT DISTINCT token FROM token)""",
     []),
    # A word both in the title and the sentence, or twice in a sentence, is listed again: a search sets a bit per
    # report, so repeats do no harm, and removing them cost more than the rows they take.
    ("""CREATE TABLE word_report AS
        SELECT w.word_id, t.report_no, t.event_no FROM token AS t JOIN word AS w ON w.word = t.token
        ORDER BY w.word_id, t.report_no""", []),
    # What the sidebar offers, with each option's events: counted once here, not on every dashboard start.
    ("""CREATE TABLE option_country AS
        SELECT country, count(*) AS events FROM (
            SELECT c1 AS country FROM ev WHERE is_first AND c1 IS NOT NULL
            UNION ALL SELECT c2 FROM ev WHERE is_first AND c2 <> c1
            UNION ALL SELECT unnest(extra_countries) FROM ev WHERE is_first AND extra_countries IS NOT NULL)
        GROUP BY ALL""", []),
    ("""CREATE TABLE option_place AS
        WITH taking_part AS (
            SELECT lo AS city_id FROM ev WHERE is_first AND lo IS NOT NULL
            UNION ALL SELECT hi FROM ev WHERE is_first AND hi <> lo
            UNION ALL SELECT unnest(extra_cities) FROM ev WHERE is_first AND extra_cities IS NOT NULL)
        SELECT p.place_id, p.name, p.kind, p.country_code, count(*) AS events
        FROM taking_part AS t JOIN place AS p ON p.place_id = t.city_id
        GROUP BY ALL""", []),
    ("""CREATE TABLE option_type AS
        SELECT t::VARCHAR AS event_type, count(*) AS events FROM ev WHERE is_first GROUP BY t""", []),
    ("""CREATE TABLE option_sector AS
        SELECT s.sector, count(*) AS events FROM ev JOIN sector AS s ON (ev.key_mask >> s.bit) & 1 = 1
        WHERE is_first GROUP BY ALL""", []),
    ("CREATE TABLE span AS SELECT min(day) AS first_day, max(day) AS last_day FROM ev", []),
    # The words to highlight in an evidence sentence: how the page names each (rolled-up) place.
    ("""CREATE TABLE surface AS
        SELECT DISTINCT a.aid, p.city_id, m.surface
        FROM mention_raw AS m
        JOIN art AS a ON a.article_hash = m.article_hash
        JOIN place AS p ON p.place_id = m.place_id
        WHERE length(m.surface) > 1""", []),
)


_NO_GROUPS = "CREATE TEMP TABLE group_raw (eid UBIGINT, group_eid UBIGINT)"


def _store_has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'store' AND table_name = ?",
                       [table]).fetchone()[0] > 0


class StoreBusy(Exception):
    """A load holds the store's write lock (DuckDB allows one writer or many readers, never both)."""


class StoreMissing(Exception):
    """There is no store file at the configured path."""


@dataclass(frozen=True)
class Snapshot:
    path: Path  # the copy, a DuckDB file
    version: str  # the store version it was copied from
    current: bool  # False when the store has changed since and could not be copied yet (a load runs)


def store_version(db_path: str | os.PathLike) -> str | None:
    """Size and modification time of the store and its WAL; None when the store does not exist."""
    parts = []
    for path in (Path(db_path), Path(f"{db_path}.wal")):
        try:
            stat = path.stat()
        except FileNotFoundError:
            if not parts:
                return None
            continue
        parts.append(f"{stat.st_size}-{stat.st_mtime_ns}")
    return "/".join(parts)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _folder() -> Path:
    return config.cache_dir() / "dashboard"


def _prefix(db_path: str | os.PathLike) -> str:
    """File-name prefix of the copies of one store: its name and a digest of its absolute path."""
    resolved = Path(db_path).resolve()
    return f"{resolved.stem}-{_digest(str(resolved))}-"


def snapshot_path(db_path: str | os.PathLike, version: str) -> Path:
    return _folder() / f"{_prefix(db_path)}f{FORMAT}-{_digest(version)}.duckdb"


def is_copied(db_path: str | os.PathLike) -> bool:
    """Whether the store as it is now has a snapshot already (no copy to wait for)."""
    version = store_version(db_path)
    return version is not None and snapshot_path(db_path, version).exists()


def _attach(con: duckdb.DuckDBPyConnection, db_path: str | os.PathLike, wait: bool) -> None:
    literal = str(db_path).replace("'", "''")  # ATTACH takes no parameters; the path is configuration
    for pause in (*(LOCK_RETRIES if wait else ()), None):
        try:
            con.execute(f"ATTACH '{literal}' AS store (READ_ONLY)")
            return
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if pause is None:
                raise StoreBusy(str(db_path)) from error
            time.sleep(pause)


def build(db_path: str | os.PathLike, wait: bool = True) -> Snapshot:
    """Copy the store into a new snapshot file (or reuse the one of this version).

    Raises StoreBusy while a load holds the store (after retrying for about a second when ``wait``)."""
    if not Path(db_path).exists():
        raise StoreMissing(str(db_path))
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{uuid.uuid4().hex}.tmp.duckdb"
    con = duckdb.connect(str(temporary))
    try:
        _attach(con, db_path, wait)
        # The store cannot change while attached, so this is the version of what is copied.
        version = store_version(db_path)
        target = snapshot_path(db_path, version)
        if not target.exists():
            for statement in _COPY:
                if statement is _GROUPS and not _store_has(con, "event_reports"):
                    statement = _NO_GROUPS  # a store written before reports were grouped: each stands alone
                con.execute(statement)
        con.execute("DETACH store")  # releases the store: a load can start from here on
        if not target.exists():
            for statement, params in _SHAPE:
                con.execute(statement, params)
            from dashboard.queries import store_headlines  # the queries read this module's tables

            store_headlines(con)
            con.close()
            os.replace(temporary, target)
    finally:
        con.close()
        for leftover in (temporary, Path(f"{temporary}.wal")):
            leftover.unlink(missing_ok=True)
    _remove_older(db_path, keep=target)
    return Snapshot(target, version, current=True)


def _remove_older(db_path: str | os.PathLike, keep: Path) -> None:
    """Remove the store's other copies (older versions, older formats)."""
    for old in _folder().glob(f"{_prefix(db_path)}*.duckdb"):
        if old != keep:
            try:
                old.unlink()
            except OSError:  # still open elsewhere (Windows): removed next time
                pass


def latest(db_path: str | os.PathLike) -> Path | None:
    """The most recent snapshot of this store in this format, whatever its version."""
    found = []
    for path in _folder().glob(f"{_prefix(db_path)}f{FORMAT}-*.duckdb"):
        try:
            found.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # removed meanwhile by another process's newer copy
            continue
    return max(found)[1] if found else None


_building = threading.Lock()  # one copy at a time per process (sessions run in threads)


def current(db_path: str | os.PathLike) -> Snapshot:
    """The snapshot of the store as it is now: reused when there is one, else built.

    While a load holds the store, returns the last snapshot marked ``current=False``; raises StoreBusy
    when there is none yet, StoreMissing when the store does not exist.
    """
    version = store_version(db_path)
    if version is None:
        raise StoreMissing(str(db_path))
    target = snapshot_path(db_path, version)
    if target.exists():
        return Snapshot(target, version, current=True)
    with _building:
        if target.exists():
            return Snapshot(target, version, current=True)
        previous = latest(db_path)
        try:
            # With a previous copy to show, do not make the analyst wait for a load to finish.
            return build(db_path, wait=previous is None)
        except StoreBusy:
            if previous is None:
                raise
            return Snapshot(previous, version, current=False)
