"""The filter state of the dashboard, and its round trip through the URL's query parameters."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from etl.records import EVENT_TYPES, SECTORS

COUNT_MODES = ("events", "reports")  # each event once / every report of it


@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed the store to. Empty tuples and None mean "no restriction"."""

    date_from: date | None = None
    date_to: date | None = None
    countries: tuple[str, ...] = ()  # ISO codes; an event matches when any participant is in one
    places: tuple[int, ...] = ()  # place ids; a district's events count for its city
    event_types: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    text: str = ""  # searched in titles and evidence sentences, case-insensitively
    count: str = "events"  # "events": an event reported by several pages counts once; "reports": every report
    pair: tuple[int, int] | None = None  # drill-down to one city pair (smaller id first)

    def key(self) -> str:
        """A short stable digest of the filter set (cache keys, temporary table names)."""
        return hashlib.sha1(repr(sorted(asdict(self).items())).encode()).hexdigest()[:16]

    def describe(self, place_names: Mapping[int, str] | None = None) -> str:
        """One line for people: "2024-01-01..2024-12-31, BY, Minsk, agreement_signed"."""
        names = place_names or {}
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'}..{self.date_to or '…'}")
        parts += [",".join(self.countries), ",".join(names.get(p, str(p)) for p in self.places),
                  ",".join(self.event_types), ",".join(self.sectors)]
        if self.text:
            parts.append(f'"{self.text}"')
        if self.pair:
            parts.append(f"pair {names.get(self.pair[0], self.pair[0])} – {names.get(self.pair[1], self.pair[1])}")
        if self.count != "events":
            parts.append("every report")
        return ", ".join(p for p in parts if p) or "no filters"


# URL parameter names, short and readable: ?from=2024-01-01&country=BY&country=RU&type=visit&q=forum
_PARAMS = {
    "date_from": "from", "date_to": "to", "countries": "country", "places": "place", "event_types": "type",
    "sectors": "sector", "text": "q", "count": "count", "pair": "pair",
}
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def to_query_params(filters: Filters) -> dict[str, str | list[str]]:
    """The non-default filters as query parameters (lists become repeated parameters)."""
    params: dict[str, str | list[str]] = {}
    for field in fields(Filters):
        value = getattr(filters, field.name)
        if value == field.default:
            continue
        name = _PARAMS[field.name]
        if field.name == "pair":
            params[name] = f"{value[0]}-{value[1]}"
        elif isinstance(value, tuple):
            params[name] = [str(v) for v in value]
        else:
            params[name] = str(value)
    return params


def from_query_params(params: Mapping[str, str | list[str]]) -> Filters:
    """Filters from query parameters; values that do not parse are dropped, never an error (URLs get edited)."""

    def values(name: str) -> list[str]:
        raw = params.get(name, [])
        items = [raw] if isinstance(raw, str) else list(raw)
        # Accept both ?country=BY&country=RU and ?country=BY,RU.
        return [part.strip() for item in items for part in str(item).split(",") if part.strip()]

    def first(name: str) -> str | None:
        raw = params.get(name)
        if raw is None or isinstance(raw, str):
            return raw
        return next(iter(raw), None)

    def day(name: str) -> date | None:
        text = (first(name) or "").strip()
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def ids(name: str) -> tuple[int, ...]:
        return tuple(dict.fromkeys(int(v) for v in values(name) if re.fullmatch(r"\d{1,18}", v)))

    pair = None
    pair_text = (first("pair") or "").strip()
    if match := re.fullmatch(r"(\d{1,18})-(\d{1,18})", pair_text):
        a, b = sorted((int(match[1]), int(match[2])))
        pair = (a, b) if a != b else None
    count = (first("count") or "").strip()
    return Filters(
        date_from=day("from"),
        date_to=day("to"),
        countries=tuple(dict.fromkeys(v.upper() for v in values("country") if _COUNTRY.match(v.upper()))),
        places=ids("place"),
        event_types=tuple(dict.fromkeys(v for v in values("type") if v in EVENT_TYPES)),
        sectors=tuple(dict.fromkeys(v for v in values("sector") if v in SECTORS)),
        text=(first("q") or "").strip()[:200],
        count=count if count in COUNT_MODES else "events",
        pair=pair,
    )


def narrowed(filters: Filters, **changes) -> Filters:
    """The filters with some fields replaced (a drill-down from a chart or table)."""
    return replace(filters, **changes)
