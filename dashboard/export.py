"""CSV reports: safe for spreadsheets, named after what they hold.

- UTF-8 with a byte-order mark, so Excel opens Cyrillic and other scripts right.
- Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
  are prefixed with an apostrophe (OWASP's advice against CSV injection). Only text cells: numbers
  stay numbers.
- File names carry the export date and the main filters: twinning-events_2026-11-24_BY-RU_2024.csv.
- The report is a zip of the filtered events, pairs and sector counts, with a README of the filters.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from datetime import date, datetime

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv

from dashboard.filters import Filters

_TRIGGER = r"^[=+\-@\t\r]"


def _neutralised(table: pa.Table) -> pa.Table:
    """Every text column with its formula-like cells prefixed with an apostrophe (Arrow kernels: fast)."""
    for index, field in enumerate(table.schema):
        if not (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            continue
        column = table.column(index)
        risky = pc.fill_null(pc.match_substring_regex(column, _TRIGGER), False)
        if pc.any(risky).as_py():
            prefixed = pc.binary_join_element_wise(pa.scalar("'", field.type), column, pa.scalar("", field.type))
            table = table.set_column(index, field, pc.if_else(risky, prefixed, column))
    return table


def _arrow(table: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(table, preserve_index=False)


def neutralise(table: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell that starts like a formula is prefixed with an apostrophe."""
    return _neutralised(_arrow(table)).to_pandas()


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV: neutralised, UTF-8 with a byte-order mark, ISO dates, a header row."""
    buffer = io.BytesIO()
    buffer.write(codecs.BOM_UTF8)
    csv.write_csv(_neutralised(_arrow(table)), buffer, csv.WriteOptions(quoting_style="needed"))
    return buffer.getvalue()


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", text).strip("-")


def file_name(kind: str, filters: Filters, today: date | None = None, extension: str = "csv",
              place_names: dict[int, str] | None = None) -> str:
    """``twinning-<kind>_<export date>_<main filters>.<extension>``, safe on every file system."""
    today = today or date.today()
    parts = [f"twinning-{kind}", today.isoformat()]
    if filters.date_from or filters.date_to:
        parts.append(f"{filters.date_from or 'start'}-to-{filters.date_to or 'end'}")
    if filters.countries:
        parts.append("-".join(filters.countries))
    if filters.places:
        names = place_names or {}
        parts.append("-".join(names.get(p, str(p)) for p in filters.places[:3]))
    if filters.pair:
        names = place_names or {}
        parts.append("pair-" + "-".join(names.get(p, str(p)) for p in filters.pair))
    if filters.event_types:
        parts.append("-".join(filters.event_types[:3]))
    if filters.sectors:
        parts.append("-".join(filters.sectors[:4]))
    if filters.text:
        parts.append("q-" + filters.text[:20])
    if filters.count == "reports":
        parts.append("every-report")
    stem = "_".join(_slug(p) for p in parts if _slug(p))
    return f"{stem[:150]}.{extension}"


def report_zip(tables: dict[str, pd.DataFrame], filters: Filters, described: str,
               now: datetime | None = None) -> bytes:
    """A zip of one CSV per table (``events.csv``, ``pairs.csv``, ...) and a README naming the filters."""
    now = now or datetime.now()
    counting = ("each event counted once (reports of the same event on several pages merged)"
                if filters.count == "events" else "every report counted")
    readme = "\r\n".join([
        "Twinning Atlas report",
        f"Exported: {now:%Y-%m-%d %H:%M}",
        f"Filters: {described}",
        f"Counting: {counting}",
        "",
        *(f"{name}.csv: {len(table)} rows" for name, table in tables.items()),
        "",
        "CSV files are UTF-8 with a byte-order mark. Text cells starting with = + - @ are prefixed with ' .",
    ])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.encode("utf-8-sig"))
        for name, table in tables.items():
            archive.writestr(f"{name}.csv", to_csv_bytes(table))
    return buffer.getvalue()
