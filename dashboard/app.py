"""Twinning Atlas dashboard: builds the store from the sample pages when it is missing, then shows it.

Run with ``streamlit run dashboard/app.py``. Connections are short-lived and read-only so that a
``twinning load`` can write the same file while the dashboard is open.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl import config  # noqa: E402


def _build_store(db_path: Path) -> None:
    from etl.load import load_paths

    with st.status("Building the database from the sample pages in data/articles/ …", expanded=True) as status:
        summary = load_paths([config.ARTICLES_DIR], db_path, progress=False)
        status.update(label=f"Database built: {summary.articles_added} articles from {summary.files_seen} files.",
                      state="complete", expanded=False)


def _read(db_path: Path, sql: str, params: list | None = None):
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or []).df()


def main() -> None:
    st.set_page_config(page_title="Twinning Atlas", layout="wide")
    st.title("Twinning Atlas")
    db_path = config.database_path()
    if not db_path.exists():
        _build_store(db_path)
    figures = _read(db_path, """
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM events WHERE event_type = 'agreement_signed') AS agreement_events,
               (SELECT count(*) FROM city_pairs) AS city_pairs
    """).iloc[0]
    columns = st.columns(4)
    columns[0].metric("Articles (reports)", int(figures["articles"]))
    columns[1].metric("Events", int(figures["events"]))
    columns[2].metric("Agreement signings (events)", int(figures["agreement_events"]))
    columns[3].metric("City pairs", int(figures["city_pairs"]))
    st.subheader("City pairs")
    st.dataframe(_read(db_path, "SELECT * FROM city_pairs ORDER BY events DESC"), hide_index=True)


main()
