"""One article in, one Extraction out: the pure heart of the flow (no I/O but the gazetteer load)."""

from __future__ import annotations

from functools import lru_cache

from etl.records import Article, Extraction, RawDocument


@lru_cache(maxsize=1)
def default_gazetteer():
    from etl.gazetteer import Gazetteer

    return Gazetteer.load()


def extract_article(article: Article, gazetteer=None) -> Extraction:
    """Places, pairs and typed events of one article."""
    from etl.events import extract_events

    return extract_events(article, gazetteer or default_gazetteer())


def extract_document(document: RawDocument, year: int | None = None, gazetteer=None) -> list[Extraction]:
    """Every article of one file (a page holds one, a feed many). Raises parse.UnreadableDocument."""
    from etl.parse import articles_from_document

    return [extract_article(article, gazetteer) for article in articles_from_document(document, year=year)]
