"""The extraction contract: one Extraction as the JSON object `twinning extract` prints (see DESIGN.md)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from etl.gazetteer import SYNTHETIC_IDS_FROM
from etl.records import Event, Extraction, Mention, Place


def contract_record(extraction: Extraction) -> dict:
    """The JSON-ready record of one article: its metadata, places with roles, pairs and events."""
    article = extraction.article
    places = extraction.places
    first_mention: dict[int, Mention] = {}
    for mention in extraction.mentions:
        first_mention.setdefault(mention.place_id, mention)
    return {
        "article_id": article.article_id,
        "source": article.source_path,
        "url": article.url,
        "title": article.title,
        "lang": article.lang,
        "published": _iso(article.published_date),
        "date_precision": article.date_precision,
        "year_inferred": article.year_inferred,
        "category": article.category,
        "related_headlines": [{"title": h.title, "day_month": h.day_month} for h in article.related_headlines],
        "places": [_place_record(places[i], i in extraction.participant_ids, first_mention.get(i))
                   for i in ordered_place_ids(extraction)],
        "pairs": _pair_records(extraction.events, places),
        "events": [_event_record(event, places) for event in extraction.events],
        "unresolved": [{"name": name, "sentence": sentence} for name, sentence in extraction.unresolved],
    }


def ordered_place_ids(extraction: Extraction) -> list[int]:
    """Places in order of first mention, then places only the events name (by name)."""
    ordered: dict[int, None] = {}
    for mention in sorted(extraction.mentions, key=lambda m: (m.char_start, m.char_end)):
        if mention.place_id in extraction.places:
            ordered.setdefault(mention.place_id)
    unmentioned = {
        i
        for event in extraction.events
        for i in [*event.participants, *(i for pair in event.pairs for i in pair), event.location_id]
        if i is not None and i in extraction.places and i not in ordered
    }
    unmentioned |= {i for i in extraction.participant_ids if i in extraction.places and i not in ordered}
    return [*ordered, *sorted(unmentioned, key=lambda i: (extraction.places[i].name, i))]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _place_record(place: Place, participant: bool, mention: Mention | None = None) -> dict:
    return {
        "name": place.name,
        "country": place.country_code,
        "kind": place.kind,
        "geonameid": place.place_id if place.place_id < SYNTHETIC_IDS_FROM else None,
        "place_id": place.place_id,
        "lat": place.lat,
        "lon": place.lon,
        "role": "participant" if participant else "mention",
        "precision": mention.precision if mention else None,
        "reason": mention.reason if mention else None,
    }


def _short_place(place_id: int, places: dict[int, Place]) -> dict:
    place = places.get(place_id)
    if place is None:  # an event naming a place the extraction did not list: show the id, do not fail
        return {"name": str(place_id), "country": None, "kind": None}
    return {"name": place.name, "country": place.country_code, "kind": place.kind}


def _name_key(place_id: int, places: dict[int, Place]) -> tuple[str, str]:
    short = _short_place(place_id, places)
    return short["name"], short["country"] or ""


def _ordered_pair(pair: tuple[int, int], places: dict[int, Place]) -> tuple[int, int]:
    """The pair with a before b by name (then country), as an analyst reads it."""
    a, b = pair
    return (a, b) if _name_key(a, places) <= _name_key(b, places) else (b, a)


def _pair_records(events: list[Event], places: dict[int, Place]) -> list[dict]:
    types_by_pair: dict[tuple[int, int], set[str]] = defaultdict(set)
    for event in events:
        for a, b in event.pairs:
            types_by_pair[(min(a, b), max(a, b))].add(event.event_type)
    records = []
    for pair, types in types_by_pair.items():
        a, b = _ordered_pair(pair, places)
        records.append({"a": _short_place(a, places), "b": _short_place(b, places), "event_types": sorted(types)})
    return sorted(records, key=lambda r: (r["a"]["name"], r["b"]["name"], r["a"]["country"] or "",
                                          r["b"]["country"] or ""))


def _pair_label(place_id: int, places: dict[int, Place]) -> str:
    """A pair member as the gold files write it: "Minsk|BY"."""
    name, country = _name_key(place_id, places)
    return f"{name}|{country}"


def _event_record(event: Event, places: dict[int, Place]) -> dict:
    pairs = sorted(
        [_pair_label(a, places), _pair_label(b, places)]
        for a, b in (_ordered_pair(pair, places) for pair in event.pairs)
    )
    period = None
    if event.period_start is not None or event.period_end is not None:
        period = {"start": event.period_start, "end": event.period_end}
    return {
        "type": event.event_type,
        "date": _iso(event.event_date),
        "sectors": list(event.sectors),
        "participants": [_short_place(i, places)["name"] for i in event.participants],
        "pairs": pairs,
        "agreement_count": event.agreement_count,
        "period": period,
        "sentence": event.sentence,
        "background": event.background,
    }
