"""Paths and settings, read at call time so tests and users can redirect them."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"


def database_path() -> Path:
    """The DuckDB store: ``TWINNING_DB`` when set, else ``data/twinning.duckdb``."""
    return Path(os.environ.get("TWINNING_DB", DATA_DIR / "twinning.duckdb"))


def cache_dir() -> Path:
    """Where derived, rebuildable files go (the gazetteer index): ``TWINNING_CACHE_DIR`` or ~/.cache."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "twinning-atlas"
    return Path(os.environ.get("TWINNING_CACHE_DIR", default))
