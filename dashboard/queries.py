"""The queries behind the dashboard: one function per view, ``(con, filters) -> DataFrame``.

``con`` is a connection to a snapshot (dashboard/snapshot.py: one wide row per event report in ``ev``).
Every value is a bound parameter; the only text put into SQL is fixed in this module (column and table
names chosen from constants, and ``?`` placeholders counted from the values).

Counting: in "events" mode an event reported by several pages counts once (``is_first`` marks the
report that stands for it) and a filter keeps an event when any of its reports matches; in "reports"
mode every report counts.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence

import duckdb
import pandas as pd

from dashboard.filters import COUNT_MODES, Filters
from dashboard.snapshot import WORD

AGREEMENT = "agreement_signed"


def _marks(values: Sequence) -> str:
    return ", ".join("?" for _ in values)


def _where(con: duckdb.DuckDBPyConnection, f: Filters, alias: str = "x") -> tuple[str, list]:
    """The WHERE clause selecting the rows of ``ev`` (as ``alias``) that the filters keep.

    Dates, types and sectors are predicates on the row's own columns; countries, places and a pair select casts
    (``cast_id``: who takes part) from the small cast tables; the text search is a bit string over the rows."""
    x = alias
    conditions = ["TRUE"]
    params: list = []
    if f.date_from:
        conditions.append(f"{x}.day >= ?")
        params.append(f.date_from)
    if f.date_to:
        conditions.append(f"{x}.day <= ?")
        params.append(f.date_to)
    if f.event_types:
        # Compared as the enum (fast); a name the store has never seen would not convert, so drop it first.
        in_store = _event_types(con)
        known = [t for t in f.event_types if t in in_store]
        conditions.append(f"{x}.t IN ({_marks(known)})" if known else "FALSE")
        params += known
    if f.countries:
        conditions.append(f"{x}.cast_id IN (SELECT cast_id FROM cast_country WHERE country IN ({_marks(f.countries)}))")
        params += list(f.countries)
    if f.places:
        conditions.append(f"{x}.cast_id IN (SELECT cast_id FROM cast_city WHERE city_id IN ({_marks(f.places)}))")
        params += list(f.places)
    if f.sectors:
        conditions.append(f"({_mask(f, x)} & (SELECT COALESCE(bit_or(1::USMALLINT << bit), 0) FROM sector "
                          f"WHERE sector IN ({_marks(f.sectors)}))) <> 0")
        params += list(f.sectors)
    if f.pair:
        conditions.append(f"{x}.cast_id IN (SELECT cast_id FROM cast_pair WHERE pid = "
                          f"(SELECT pid FROM pair_ix WHERE a = ? AND b = ?))")
        params += list(f.pair)
    if f.text:
        bits = _text_matches(con, f)
        if bits:
            conditions.append(f"get_bit(?::BLOB::BIT, {x}.{_search_unit(f)} - 1) = 1")
            params.append(bits)
        else:
            conditions.append("FALSE")
    return " AND ".join(conditions), params


def _event_types(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT unnest(enum_range(NULL::event_type))::VARCHAR").fetchall()}


def _search_unit(f: Filters) -> str:
    """What a text search selects: events (any of whose reports matches) or single reports."""
    return "event_no" if f.count == "events" else "report_no"


# Searching a million sentences is the dearest filter, and every view of a page view (and every session)
# filters by the same words: the result is kept per snapshot file, counting mode and text.
_SEARCHES: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
_SEARCHES_KEPT = 32  # a bit string is one bit per event: ~125 kB each for a million events
_searches_lock = threading.Lock()


def _snapshot_file(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]


def _text_matches(con: duckdb.DuckDBPyConnection, f: Filters) -> bytes:
    """A bit string, one bit per event (or report) in ``event_no`` (``report_no``) order: set when the
    title or an evidence sentence holds ``f.text``, case-insensitively. Empty when the store has no events."""
    key = (_snapshot_file(con), f.count, f.text)
    with _searches_lock:
        if key in _SEARCHES:
            _SEARCHES.move_to_end(key)
            return _SEARCHES[key]
    unit = _search_unit(f)
    units = con.execute(f"SELECT max({unit}) FROM ev").fetchone()[0]
    if not units:
        return b""
    # Whole bytes: a BIT cast to BLOB loses the padding of a last partial byte, so that the BLOB bound
    # again (as BIT) would be shifted.
    width = -(-units // 8) * 8
    sql, params = _search_sql(con, f.text, unit)
    # bit_or of nothing is NULL: no match is all zeros. Bound again as BLOB: 8x smaller than BIT's text.
    bits = con.execute(f"""
        WITH matches AS ({sql})
        SELECT COALESCE(bitstring_agg(u, 1, ?), bitstring('0', ?))::BLOB FROM matches
    """, params + [width, width]).fetchone()[0]
    with _searches_lock:
        _SEARCHES[key] = bits
        while len(_SEARCHES) > _SEARCHES_KEPT:
            _SEARCHES.popitem(last=False)
    return bits


_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")  # snapshot.WORD on ASCII text: letters, digits, underscores


def _search_sql(con: duckdb.DuckDBPyConnection, text: str, unit: str) -> tuple[str, list]:
    """SQL of the ``unit`` numbers (column ``u``, repeats allowed) of the reports whose sentence or article title
    holds ``text``, case-insensitively (``contains`` on lower-cased text, as ILIKE '%text%' finds).

    A single word or part of one ("forum", "казань", "2025"; snapshot.WORD) lies inside one word of the text
    wherever it occurs: its reports are those of the words holding it, read from the word index
    (dashboard/snapshot.py). Text with spaces or punctuation ("Minsk and", "=cmd()") is looked for in every
    sentence and title."""
    if text.isascii():  # the common case, decided here: lower() and WORD agree with Python's on ASCII
        needle, one_word = text.lower(), _ASCII_WORD.fullmatch(text) is not None
    else:  # other scripts: decided by DuckDB, whose lower() and regular expressions built the index
        needle, one_word = con.execute("SELECT lower(?), regexp_full_match(lower(?), ?)",
                                       [text, text, WORD]).fetchone()
    if one_word:
        return f"""
            SELECT {unit} AS u FROM word_report
            WHERE word_id IN (SELECT word_id FROM word WHERE contains(word, ?))""", [needle]
    articles = con.execute("SELECT count(*) FROM art").fetchone()[0]
    # contains() on text lower-cased once in the snapshot: what ILIKE '%text%' finds, at a third of its cost.
    return f"""
        WITH titled AS (SELECT bitstring_agg(aid, 1, ?) AS bits FROM art WHERE contains(title_lower, ?))
        SELECT x.{unit} AS u FROM search_text AS x, titled
        WHERE contains(x.sentence_lower, ?) OR get_bit(titled.bits, x.aid - 1) = 1""", [
        max(1, articles), needle, needle]


def forget_searches() -> None:
    """Drop the kept text searches (benchmarks measure a search as the first page view with new words)."""
    with _searches_lock:
        _SEARCHES.clear()


def _counted(f: Filters, alias: str = "x") -> str:
    """The rows that count: the report standing for each event, or every report."""
    return f"{alias}.is_first" if f.count == "events" else "TRUE"


def _mask(f: Filters, alias: str = "x") -> str:
    """Sectors as bits: of the event (any of its reports') or of the report."""
    return f"{alias}.key_mask" if f.count == "events" else f"{alias}.mask"


def _sector_names(mask_sql: str) -> str:
    """SQL of the comma-separated sector names of a bit mask."""
    return (f"(SELECT string_agg(s.sector, ', ' ORDER BY s.bit) FROM sector AS s "
            f"WHERE ({mask_sql} >> s.bit) & 1 = 1)")


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def headline(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """One row: events, agreements (signings) and the documents they state, reports (event rows on pages),
    articles (the pages), city pairs, countries taking part, first and last day."""
    if f == Filters(count=f.count):  # the whole store, the first page every analyst sees: counted once per copy
        return _df(con, "SELECT * EXCLUDE (count) FROM headline_all WHERE count = ?", [f.count])
    return _df(con, *_headline_sql(con, f))


def store_headlines(con: duckdb.DuckDBPyConnection) -> None:
    """Count the headline of the whole store, in each counting mode, into ``headline_all`` (when the
    snapshot is built: dashboard/snapshot.py)."""
    parts, params = [], []
    for mode in COUNT_MODES:
        sql, values = _headline_sql(con, Filters(count=mode))
        parts.append(f"SELECT ? AS count, * FROM ({sql})")
        params += [mode, *values]
    con.execute("CREATE TABLE headline_all AS " + " UNION ALL ".join(parts), params)


def _headline_sql(con: duckdb.DuckDBPyConnection, f: Filters) -> tuple[str, list]:
    where, params = _where(con, f)
    counted = _counted(f, "x")
    articles_in_store, casts_in_store = con.execute(
        "SELECT (SELECT count(*) FROM art), (SELECT count(*) FROM cast_ix)").fetchone()
    # One scan of the rows: the pairs and countries of the counted rows are those of their casts, counted from
    # the small cast tables (a bit string marks the casts seen).
    return f"""
        WITH figures AS MATERIALIZED (
            SELECT count(*) FILTER (WHERE {counted}) AS events,
                   count(*) FILTER (WHERE {counted} AND x.t = '{AGREEMENT}') AS agreements,
                   COALESCE(sum(COALESCE(x.agreement_count, 1)) FILTER (WHERE {counted} AND x.t = '{AGREEMENT}'),
                            0) AS documents,
                   count(*) AS reports,
                   -- articles and casts are numbered 1..n: bit strings count them faster than count(DISTINCT)
                   COALESCE(bit_count(bitstring_agg(x.aid, 1, ?)), 0) AS articles,
                   min(x.day) AS first_day,
                   max(x.day) AS last_day,
                   bitstring_agg(x.cast_id, 1, ?) FILTER (WHERE {counted}) AS cast_bits
            FROM ev AS x WHERE {where}
        ),
        -- joined, not correlated subqueries: decorrelating them hashes the bit string (dearer than the scan)
        pairs_seen AS (
            SELECT count(DISTINCT cp.pid) AS city_pairs
            FROM figures AS fg, cast_pair AS cp WHERE get_bit(fg.cast_bits, cp.cast_id - 1) = 1
        ),
        countries_seen AS (
            SELECT count(DISTINCT cc.country) AS countries
            FROM figures AS fg, cast_country AS cc WHERE get_bit(fg.cast_bits, cc.cast_id - 1) = 1
        )
        SELECT fg.* EXCLUDE (cast_bits), ps.city_pairs, cs.countries
        FROM figures AS fg, pairs_seen AS ps, countries_seen AS cs
    """, [max(1, articles_in_store), max(1, casts_in_store)] + params


def timeline(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Events per month and type (undated ones are left out)."""
    where, params = _where(con, f)
    return _df(con, f"""
        WITH monthly AS (
            SELECT x.month, x.t, count(*) AS events
            FROM ev AS x WHERE {where} AND {_counted(f)} AND x.month IS NOT NULL
            GROUP BY x.month, x.t
        )
        SELECT month, t::VARCHAR AS event_type, events FROM monthly ORDER BY month, event_type
    """, params)


def agreement_points(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = 500) -> pd.DataFrame:
    """The latest signed agreements, one row each: day, title, pair, sectors, documents stated.

    Each is a point the browser draws (an SVG shape): 1,500 took the timeline a second longer to appear than
    500 on a two-core machine, and more than a few hundred points overlap on a timeline of years anyway."""
    where, params = _where(con, f)
    return _df(con, f"""
        WITH latest AS (
            SELECT x.day, x.aid, x.pid, {_mask(f)} AS mask, x.agreement_count, x.countries, x.reports
            FROM ev AS x
            WHERE {where} AND {_counted(f)} AND x.t = '{AGREEMENT}' AND x.day IS NOT NULL
            ORDER BY x.day DESC, x.eid LIMIT ?
        )
        SELECT l.day, a.title, pa.name || ' – ' || pb.name AS pair, l.countries,
               {_sector_names('l.mask')} AS sectors, l.agreement_count AS documents, l.reports
        FROM latest AS l
        JOIN art AS a ON a.aid = l.aid
        LEFT JOIN pair_ix AS ix ON ix.pid = l.pid
        LEFT JOIN place AS pa ON pa.place_id = ix.a
        LEFT JOIN place AS pb ON pb.place_id = ix.b
        ORDER BY l.day
    """, params + [limit])


def _by_cast(con: duckdb.DuckDBPyConnection, f: Filters) -> tuple[str, list]:
    """SQL of the counted rows the filters keep, grouped by cast (who takes part): the map and the pairs roll
    these few thousand rows up to pairs and cities, rather than each reading the events again."""
    where, params = _where(con, f)
    return f"""
        SELECT x.cast_id, count(*) AS events, count(*) FILTER (WHERE x.t = '{AGREEMENT}') AS agreements,
               min(x.day) AS first_day, max(x.day) AS last_day, bit_or({_mask(f)}) AS mask
        FROM ev AS x WHERE {where} AND {_counted(f)}
        GROUP BY x.cast_id
    """, params


def pairs(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = None, by_cast: str | None = None
          ) -> pd.DataFrame:
    """City pairs (districts rolled up to their cities), most active first: events, agreements, first and
    last day, distance, the sectors their events name. ``total`` is the number of pairs before ``limit``.
    ``by_cast``: a table holding ``_by_cast`` of these filters already (``map_views``)."""
    grouped, params = (f"SELECT * FROM {by_cast}", []) if by_cast else _by_cast(con, f)
    return _df(con, f"""
        WITH by_cast AS ({grouped}),
        activity AS (  -- an event counts for each pair of its cast
            SELECT cp.pid, sum(b.events)::BIGINT AS events, sum(b.agreements)::BIGINT AS agreements,
                   min(b.first_day) AS first_day, max(b.last_day) AS last_day, bit_or(b.mask) AS mask
            FROM by_cast AS b JOIN cast_pair AS cp ON cp.cast_id = b.cast_id
            GROUP BY cp.pid
        ),
        ranked AS (
            SELECT act.*, ix.a, ix.b, ix.km, count(*) OVER () AS total
            FROM activity AS act JOIN pair_ix AS ix ON ix.pid = act.pid
            ORDER BY act.events DESC, act.agreements DESC, ix.a, ix.b LIMIT ?
        )
        SELECT pa.name || ' – ' || pb.name AS pair,
               pa.name AS city_a, pa.country_code AS country_a, pb.name AS city_b, pb.country_code AS country_b,
               round(r.km) AS km, r.events, r.agreements, r.first_day, r.last_day,
               {_sector_names('r.mask')} AS sectors,
               pa.lat AS lat_a, pa.lon AS lon_a, pb.lat AS lat_b, pb.lon AS lon_b,
               r.a AS place_a_id, r.b AS place_b_id, r.total
        FROM ranked AS r
        JOIN place AS pa ON pa.place_id = r.a
        JOIN place AS pb ON pb.place_id = r.b
        ORDER BY r.events DESC, r.agreements DESC, r.a, r.b
    """, params + [limit if limit is not None else 2**62])


def cities(con: duckdb.DuckDBPyConnection, f: Filters, by_cast: str | None = None) -> pd.DataFrame:
    """Places taking part in the events (districts rolled up to their cities), most active first.
    ``by_cast``: as for ``pairs``."""
    grouped, params = (f"SELECT * FROM {by_cast}", []) if by_cast else _by_cast(con, f)
    return _df(con, f"""
        WITH by_cast AS ({grouped}),
        activity AS (  -- an event counts for each city of its cast
            SELECT cc.city_id, sum(b.events)::BIGINT AS events, sum(b.agreements)::BIGINT AS agreements
            FROM by_cast AS b JOIN cast_city AS cc ON cc.cast_id = b.cast_id
            GROUP BY cc.city_id
        )
        SELECT p.place_id, p.name, p.kind, p.country_code, p.lat, p.lon, a.events, a.agreements
        FROM activity AS a JOIN place AS p ON p.place_id = a.city_id
        ORDER BY a.events DESC, p.name
    """, params)


def map_views(con: duckdb.DuckDBPyConnection, f: Filters, top_pairs: int | None = None
              ) -> dict[str, pd.DataFrame]:
    """The map's two views, ``pairs`` and ``cities``, from one reading of the events: the rows grouped by
    cast are kept in a temporary table of this connection (a cursor's own: sessions do not share it)."""
    cursor = con.cursor()
    try:
        grouped, params = _by_cast(cursor, f)
        cursor.execute(f"CREATE OR REPLACE TEMP TABLE map_by_cast AS {grouped}", params)
        return {"pairs": pairs(cursor, f, limit=top_pairs, by_cast="map_by_cast"),
                "cities": cities(cursor, f, by_cast="map_by_cast")}
    finally:
        cursor.close()  # the temporary table goes with it


def sectors(con: duckdb.DuckDBPyConnection, f: Filters, top_countries: int | None = 8) -> pd.DataFrame:
    """Signed agreements per sector, year and the countries taking part ("BY–RU"). An agreement naming
    several sectors counts once in each; one naming none counts under "unspecified". Country groups
    beyond the ``top_countries`` with most agreements are summed as "other"."""
    where, params = _where(con, f)
    return _df(con, f"""
        WITH grouped AS (
            SELECT year, COALESCE(cp.countries, '?') AS countries, mask, agreements
            FROM (SELECT year(x.day) AS year, x.cc, {_mask(f)} AS mask, count(*) AS agreements
                  FROM ev AS x WHERE {where} AND {_counted(f)} AND x.t = '{AGREEMENT}'
                  GROUP BY ALL) AS g
            JOIN country_pair AS cp ON cp.cc = g.cc
        ),
        most AS (
            SELECT countries FROM grouped GROUP BY countries ORDER BY sum(agreements) DESC, countries LIMIT ?
        ),
        named AS (
            SELECT COALESCE(s.sector, 'unspecified') AS sector, g.year,
                   CASE WHEN g.countries IN (SELECT countries FROM most) THEN g.countries ELSE 'other' END
                       AS countries,
                   g.agreements
            FROM grouped AS g LEFT JOIN sector AS s ON (g.mask >> s.bit) & 1 = 1
            WHERE g.mask = 0 OR s.sector IS NOT NULL
        )
        SELECT sector, year, countries, sum(agreements)::BIGINT AS agreements
        FROM named GROUP BY ALL ORDER BY sector, year, countries
    """, params + [top_countries if top_countries is not None else 2**62])


def articles(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = 25, offset: int = 0) -> pd.DataFrame:
    """The reports behind the figures, newest first: title, date, source, event type, the evidence sentence,
    and the place names to highlight in it (its mentions and its pair's city names)."""
    where, params = _where(con, f)
    return _df(con, f"""
        WITH page AS (
            SELECT x.eid, x.aid, x.day, x.t, x.sentence, x.pid, x.lo, x.hi, x.extra_cities, x.reports
            FROM ev AS x WHERE {where}
            ORDER BY x.day DESC NULLS LAST, x.eid LIMIT ? OFFSET ?
        ),
        taking_part AS (
            SELECT eid, aid, lo AS city_id FROM page UNION SELECT eid, aid, hi FROM page
            UNION SELECT eid, aid, unnest(extra_cities) FROM page WHERE extra_cities IS NOT NULL
        ),
        surfaces AS (
            SELECT t.eid, list(DISTINCT s.surface) AS surfaces
            FROM taking_part AS t JOIN surface AS s ON s.aid = t.aid AND s.city_id = t.city_id GROUP BY t.eid
        )
        SELECT a.title, pg.day, a.published, a.source_path, a.url, pg.t::VARCHAR AS event_type, pg.sentence,
               list_distinct(list_concat(
                   COALESCE(sf.surfaces, []), list_filter([pa.name, pb.name], lambda n: n IS NOT NULL))) AS highlight,
               pg.reports, a.article_id
        FROM page AS pg
        JOIN art AS a ON a.aid = pg.aid
        LEFT JOIN pair_ix AS ix ON ix.pid = pg.pid
        LEFT JOIN place AS pa ON pa.place_id = ix.a
        LEFT JOIN place AS pb ON pb.place_id = ix.b
        LEFT JOIN surfaces AS sf ON sf.eid = pg.eid
        ORDER BY pg.day DESC NULLS LAST, pg.eid
    """, params + [limit, offset])


def events_table(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = None) -> pd.DataFrame:
    """The filtered events for export, newest first: one row per event (the report standing for it) in
    "events" mode, one per report in "reports" mode; ``reports`` counts the pages reporting the event."""
    where, params = _where(con, f)
    return _df(con, f"""
        WITH chosen AS (
            SELECT x.* FROM ev AS x WHERE {where} AND {_counted(f)}
            ORDER BY x.day DESC NULLS LAST, x.event_id LIMIT ?
        ),
        pair_names AS (  -- the rare events linking several pairs
            SELECT e.eid, string_agg(pa.name || ' – ' || pb.name, '; ' ORDER BY pa.name, pb.name) AS names
            FROM (SELECT eid, unnest(extra_pids) AS pid FROM chosen WHERE extra_pids IS NOT NULL) AS e
            JOIN pair_ix AS ix ON ix.pid = e.pid
            JOIN place AS pa ON pa.place_id = ix.a JOIN place AS pb ON pb.place_id = ix.b
            GROUP BY e.eid
        )
        SELECT c.day AS date, c.t::VARCHAR AS event_type,
               concat_ws('; ', pa.name || ' – ' || pb.name, pn.names) AS city_pairs, c.countries,
               {_sector_names(_mask(f, 'c'))} AS sectors, c.agreement_count AS documents_stated,
               c.sentence AS evidence, a.title, a.published, a.source_path AS source, a.url, c.reports,
               c.event_id, a.article_id
        FROM chosen AS c
        JOIN art AS a ON a.aid = c.aid
        LEFT JOIN pair_ix AS ix ON ix.pid = c.pid
        LEFT JOIN place AS pa ON pa.place_id = ix.a
        LEFT JOIN place AS pb ON pb.place_id = ix.b
        LEFT JOIN pair_names AS pn ON pn.eid = c.eid
        ORDER BY c.day DESC NULLS LAST, c.event_id
    """, params + [limit if limit is not None else 2**62])


def filter_options(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """What the sidebar offers, most frequent first: countries and places taking part in events, event
    types and sectors, the span of days, and facts about the store (all counted when the snapshot is built)."""
    return {
        "countries": _df(con, "SELECT * FROM option_country ORDER BY events DESC, country", []),
        "places": _df(con, "SELECT * FROM option_place ORDER BY events DESC, name", []),
        "event_types": _df(con, "SELECT * FROM option_type ORDER BY events DESC, event_type", []),
        "sectors": _df(con, "SELECT * FROM option_sector ORDER BY events DESC, sector", []),
        "span": _df(con, "SELECT * FROM span", []),
        "store": _df(con, "SELECT * FROM store_info", []),
    }


# The views behind each part of the page; the headline is always shown.
PARTS = {
    "timeline": ("timeline", "agreements"),
    "map": ("pairs", "cities"),
    "sectors": ("sectors",),
    "pairs": ("pairs",),
    "articles": ("articles",),
}


def page_view(con: duckdb.DuckDBPyConnection, f: Filters, parts: Sequence[str] = tuple(PARTS),
              top_pairs: int = 500, articles_page: int = 25) -> dict[str, pd.DataFrame]:
    """The headline and the views of the given parts of the page, on one cursor."""
    cursor = con.cursor()  # a connection may be shared by sessions (threads); a cursor may not
    runs = {
        "timeline": lambda: timeline(cursor, f),
        "agreements": lambda: agreement_points(cursor, f),
        "pairs": lambda: pairs(cursor, f, limit=top_pairs),
        "cities": lambda: cities(cursor, f),
        "sectors": lambda: sectors(cursor, f),
        "articles": lambda: articles(cursor, f, limit=articles_page),
    }
    try:
        views = {"headline": headline(cursor, f)}
        if "map" in parts:
            views.update(map_views(cursor, f, top_pairs=top_pairs))
        for part in parts:
            for name in PARTS[part]:
                if name not in views:
                    views[name] = runs[name]()
        return views
    finally:
        cursor.close()
