"""Files -> raw documents: which files a path names, and their bytes. The format is sniffed later, in parse."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from etl.records import RawDocument

LABEL_SUFFIX = ".gold.json"  # gold labels sit beside the pages they describe; they are not articles


def find_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders searched recursively; sorted, no repeats.

    Hidden files and folders (".git", ".DS_Store") inside folders and gold label files are skipped. Every
    other file is returned whatever its extension: parse sniffs the format and reports what it cannot read.
    Raises FileNotFoundError for a path that does not exist.
    """
    found: set[Path] = set()
    for given in map(Path, paths):
        if given.is_dir():
            found.update(_files_under(given))
        elif given.is_file():
            if not given.name.endswith(LABEL_SUFFIX):
                found.add(given)
        else:
            raise FileNotFoundError(f"No such file or folder: {given}")
    return sorted(found)


def _files_under(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # pruned in place, so os.walk skips them
        for name in files:
            if not name.startswith(".") and not name.endswith(LABEL_SUFFIX):
                yield Path(root, name)


def read_document(path: str | os.PathLike) -> RawDocument:
    """The file's bytes and modification time (local time, used to infer the year of a yearless date)."""
    path = Path(path)
    return RawDocument(
        source_path=str(path),
        content=path.read_bytes(),
        modified=datetime.fromtimestamp(path.stat().st_mtime),
    )
