"""Reports -> events: the same signing or visit written up by several pages (or twice on one page,
in the headline and again in the body) becomes one event with its reports linked.

Two reports are of one event when they have the same type, the same places taking part (as named:
a district is not its city), and dates at most ``DAYS_APART`` days apart, chained: a festival reported
on each of its five days is one event. A report naming a single place must also read alike
(``SIMILAR_WORDS`` of the shorter one's words shared with a report of the event), since one city hosts many
festivals a week while one pair seldom signs twice in three days. History the article recalls
(background), undated reports and reports naming no place stay events of their own.

The earliest page's report stands for the event (``group_id``); ``event_reports`` links every report
to it, and the dashboard counts events by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

import duckdb
import pyarrow as pa

DAYS_APART = 3
SIMILAR_WORDS = 0.5  # share of the shorter report's words (of four letters or more) found in the other

_REPORTS = """
    WITH cities AS (
        -- the places as named (a district is itself here: the district agreement signed beside a city
        -- programme at one ceremony is a document of its own)
        SELECT ep.event_id, list(DISTINCT ep.place_id ORDER BY ep.place_id) AS cities
        FROM event_participants AS ep
        GROUP BY ep.event_id
    )
    SELECT e.event_id, e.event_type, c.cities, a.published_date,
           COALESCE(e.event_date, a.published_date) AS day, e.sentence
    FROM events AS e
    JOIN articles AS a ON a.article_id = e.article_id
    JOIN cities AS c ON c.event_id = e.event_id
    WHERE NOT COALESCE(e.background, FALSE) AND COALESCE(e.event_date, a.published_date) IS NOT NULL
"""

# Reports of several cities: same type and cities, chained while each is at most DAYS_APART days after
# the one before; the earliest page's report stands for the event.
_GROUP_PAIR_REPORTS = f"""
INSERT INTO event_reports (event_id, group_id)
WITH report AS ({_REPORTS}),
several AS (
    SELECT *, day - lag(day) OVER (PARTITION BY event_type, cities ORDER BY day, published_date, event_id) AS gap
    FROM report
    WHERE len(cities) > 1
),
numbered AS (
    SELECT *, sum(CASE WHEN gap IS NULL OR gap > {DAYS_APART} THEN 1 ELSE 0 END)
                  OVER (PARTITION BY event_type, cities ORDER BY day, published_date, event_id
                        ROWS UNBOUNDED PRECEDING) AS event_no
    FROM several
)
SELECT event_id,
       first_value(event_id) OVER (PARTITION BY event_type, cities, event_no
                                   ORDER BY published_date NULLS LAST, event_id) AS group_id
FROM numbered
"""

_ONE_CITY_REPORTS = f"""
    SELECT event_id, event_type, cities[1] AS city, day, published_date, sentence
    FROM ({_REPORTS}) WHERE len(cities) = 1
    ORDER BY event_type, city, day, published_date NULLS LAST, event_id
"""

_ALONE = """
INSERT INTO event_reports (event_id, group_id)
SELECT event_id, event_id FROM events WHERE event_id NOT IN (SELECT event_id FROM event_reports)
"""

_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def group_reports(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild ``event_reports`` from the whole store, in one transaction (old links stay on failure)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_reports")
        con.execute(_GROUP_PAIR_REPORTS)
        links = pa.Table.from_pylist(list(_one_city_links(con.execute(_ONE_CITY_REPORTS).fetchall())), _LINKS)
        con.register("one_city_links", links)
        try:
            con.execute("INSERT INTO event_reports SELECT event_id, group_id FROM one_city_links")
        finally:
            con.unregister("one_city_links")
        con.execute(_ALONE)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


_LINKS = pa.schema([("event_id", pa.string()), ("group_id", pa.string())])


def _one_city_links(rows) -> Iterator[dict[str, str]]:
    """Reports naming one city, grouped when of one type, at most DAYS_APART days after the group's latest
    report, and alike in wording to one of its reports (rows come sorted by type, city, day, page date)."""
    for _, partition in groupby(rows, key=itemgetter(1, 2)):
        groups: list[_Group] = []
        for event_id, _type, _city, day, published, sentence in partition:
            words = set(_CONTENT_WORD.findall((sentence or "").lower()))
            group = next((g for g in groups if (day - g.last_day).days <= DAYS_APART and g.reads_like(words)), None)
            if group is None:
                group = _Group()
                groups.append(group)
            group.add(event_id, day, published, words)
        for group in groups:
            leader = min(group.members)[1]
            for _, event_id in group.members:
                yield {"event_id": event_id, "group_id": leader}


class _Group:
    __slots__ = ("last_day", "members", "wordings")

    def __init__(self):
        self.members: list[tuple[tuple, str]] = []  # ((page date, event id), event id): the min leads
        self.wordings: list[set[str]] = []
        self.last_day = None

    def add(self, event_id: str, day, published, words: set[str]) -> None:
        self.members.append(((published or day, event_id), event_id))
        self.wordings.append(words)
        self.last_day = day

    def reads_like(self, words: set[str]) -> bool:
        return any(len(words & other) >= SIMILAR_WORDS * min(len(words), len(other)) > 0 for other in self.wordings)
