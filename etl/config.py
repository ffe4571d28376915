"""Paths and settings, read at call time so tests and users can redirect them."""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

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


def load_or_build(cache_file: Path, build: Callable[[], Any], what: str) -> Any:
    """The object pickled in ``cache_file``, or ``build()``'s result, written there for next time (atomically,
    so that two processes building at once never read a half-written file)."""
    try:
        with cache_file.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError) as problem:
        log.debug("The %s is (re)built: %s", what, problem)  # a missing or stale cache
    built = build()
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, cache_file)
    except OSError as error:
        log.info("The %s could not be cached (%s); it will be rebuilt next time.", what, error)
    return built
