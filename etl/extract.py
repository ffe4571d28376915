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
    from etl.geocode import names_as_written

    extraction = extract_events(article, gazetteer or default_gazetteer())
    surfaces: dict[int, list[str]] = {}
    for mention in sorted(extraction.mentions, key=lambda m: m.char_start):
        surfaces.setdefault(mention.place_id, []).append(mention.surface)
    extraction.places = names_as_written(extraction.places, surfaces)
    return extraction


def extract_document(document: RawDocument, year: int | None = None, gazetteer=None) -> list[Extraction]:
    """Every article of one file (a page holds one, a feed many). Raises parse.UnreadableDocument."""
    from etl.parse import articles_from_document

    return [extract_article(article, gazetteer) for article in articles_from_document(document, year=year)]
