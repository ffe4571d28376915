from __future__ import annotations

from pathlib import Path

import pytest

from etl.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_PAGE = SHARED / "seeds" / "000_28e4aa494e16fccf.txt"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()
