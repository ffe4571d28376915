"""The opt-in online fallback (``twinning load --online``): ask OpenStreetMap Nominatim about places
the gazetteer lacks, remember every answer in the store, and teach the gazetteer what was found.

Only the loader calls this module: extraction itself stays offline and pure.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import duckdb
from geopy.exc import GeocoderRateLimited, GeocoderTimedOut, GeocoderUnavailable, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from etl.gazetteer import Gazetteer, normalise, synthetic_id
from etl.records import Extraction, Place

log = logging.getLogger(__name__)

# The store's own schema (idempotent), so the cache also works on a connection the loader did not set up.
SCHEMA_PATH = Path(__file__).with_name("schema.sql")

# Nominatim's words for a place, most specific field first (addresstype, then type, then class).
KIND_OF = {
    "city": "city", "town": "city", "village": "city", "municipality": "city", "hamlet": "city",
    "suburb": "district", "city_district": "district", "borough": "district", "district": "district",
    "county": "district",
    "state": "region", "province": "region", "region": "region",
    "country": "country",
}

GeocodeFunction = Callable[..., Location | None]


class OnlineGeocodingError(RuntimeError):
    """The online geocoder could not be asked; the message is meant for the analyst."""


def nominatim(domain: str = "nominatim.openstreetmap.org", scheme: str = "https",
              user_agent: str = "twinning-atlas", min_delay_seconds: float = 1.0,
              timeout: float = 10.0) -> GeocodeFunction:
    """``geocode(query, country_codes=None) -> Location | None`` over Nominatim, at most one request per
    ``min_delay_seconds`` (OpenStreetMap's usage policy asks for one a second).

    Raises OnlineGeocodingError when the server does not answer.
    """
    search = Nominatim(domain=domain, scheme=scheme, user_agent=user_agent, timeout=timeout).geocode
    # One retry, waiting no longer than a rate slot: geopy's defaults (2 retries, 5 s) cost ~10 s a name
    # when the network is down. Exceptions are raised, not swallowed, so the analyst learns why.
    limited = RateLimiter(search, min_delay_seconds=min_delay_seconds, max_retries=1,
                          error_wait_seconds=min_delay_seconds, swallow_exceptions=False)

    def geocode(query: str, country_codes: str | None = None) -> Location | None:
        try:
            return limited(query, exactly_one=True, addressdetails=True, language="en",
                           country_codes=country_codes)
        except GeopyError as error:
            raise OnlineGeocodingError(
                f"The online geocoder at {domain} did not answer ({_reason(error, timeout)}); "
                "places the gazetteer lacks stay unresolved."
            ) from error

    return geocode


def _reason(error: GeopyError, timeout: float) -> str:
    """A few words on what went wrong, without the URL and the chain of library exceptions."""
    root: BaseException = error
    for _ in range(10):  # down to the socket error under geopy, requests and urllib3
        if (root.__cause__ or root.__context__) is None:
            break
        root = root.__cause__ or root.__context__
    if isinstance(error, GeocoderTimedOut) or isinstance(root, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(error, GeocoderRateLimited):
        return "it asks us to slow down"
    if isinstance(error, GeocoderUnavailable):
        detail = getattr(root, "strerror", None)
        return f"could not connect: {detail}" if detail else "could not connect"
    return str(error).replace("Non-successful status code", "HTTP status")[:200]


def cache_key(name: str, country_code: str | None = None) -> str:
    """``"kopyl|BY"``: case, ё/е, apostrophes and spacing do not make a new question."""
    text = normalise(name).replace("’", "'").replace("ʼ", "'")
    return f"{' '.join(text.split())}|{(country_code or '').upper()}"


class CachedOnlineGeocoder:
    """Looks places up online once: every answer, "not found" included, is kept in ``geocode_cache``.

    ``geocode`` is ``nominatim()`` or any callable ``(query, country_codes=None) -> Location | None`` that
    raises OnlineGeocodingError when it cannot answer.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, geocode: GeocodeFunction):
        self.con = con
        self.geocode = geocode
        con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))

    def lookup(self, name: str, country_code: str | None = None) -> Place | None:
        """The place called ``name`` (optionally in ``country_code``), or None when the geocoder knows no
        settlement or area of that name. Raises OnlineGeocodingError when it cannot be asked."""
        key = cache_key(name, country_code)
        row = self.con.execute("SELECT lat, raw_json FROM geocode_cache WHERE query = ?", [key]).fetchone()
        if row is not None:
            lat, raw_json = row
            return place_from_answer(name, json.loads(raw_json)) if lat is not None and raw_json else None
        if country_code:
            location = self.geocode(name, country_codes=country_code.lower())
        else:
            location = self.geocode(name)
        if location is None:
            values = [key, None, None, None, None, datetime.now()]
        else:
            values = [key, location.latitude, location.longitude, location.address,
                      json.dumps(location.raw, ensure_ascii=False), datetime.now()]
        self.con.execute("INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?, ?, ?)", values)
        return place_from_answer(name, location.raw) if location is not None else None


def place_from_answer(name: str, raw: dict) -> Place | None:
    """A Place from one Nominatim search result, named as the analyst wrote it; None when the answer is
    not a settlement or an area (a street, a river, a shop) or has no country."""
    kind = next((KIND_OF[word] for word in (raw.get("addresstype"), raw.get("type"), raw.get("class"))
                 if word in KIND_OF), None)
    country_code = ((raw.get("address") or {}).get("country_code") or "").upper()
    if kind is None or not country_code:
        log.info("The online geocoder's answer for %r is not a place we can use (%s, %s).",
                 name, raw.get("addresstype") or raw.get("type"), raw.get("display_name"))
        return None
    return Place(
        place_id=synthetic_id("osm", str(raw.get("osm_type", "")), str(raw.get("osm_id", ""))),
        name=name.strip(),
        kind=kind,
        country_code=country_code,
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        population=None,
    )


def resolve_unresolved(extractions: Iterable[Extraction], gazetteer: Gazetteer,
                       online: CachedOnlineGeocoder) -> set[int]:
    """Look up the names the gazetteer lacked (each distinct name once), add the places found to the
    gazetteer, and return the indexes of the extractions to run again with it.

    An OnlineGeocodingError stops the look-ups; answers received before it stay cached for the next run.
    """
    extractions = list(extractions)
    found: dict[str, Place | None] = {}
    for extraction in extractions:
        for name, _sentence in extraction.unresolved:
            key = cache_key(name)
            if key not in found:
                found[key] = online.lookup(name)
                if found[key] is not None:
                    gazetteer.add_place(found[key], [name])
    return {
        index for index, extraction in enumerate(extractions)
        if any(found.get(cache_key(name)) is not None for name, _sentence in extraction.unresolved)
    }
