"""The records that flow through the ETL, named after the store's columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

EVENT_TYPES = (
    "agreement_signed",
    "twinning_established",
    "visit",
    "forum",
    "meeting",
    "cultural_event",
    "transport_link",
    "other",
)
SECTORS = (
    "sport",
    "tourism",
    "culture",
    "education",
    "economy",
    "science",
    "health",
    "youth",
    "transport",
    "other",
)
PLACE_KINDS = ("country", "region", "city", "district")


@dataclass(frozen=True)
class RawDocument:
    """A file as found on disk, before its format or encoding is known."""

    source_path: str
    content: bytes
    modified: datetime | None = None


@dataclass(frozen=True)
class RelatedHeadline:
    title: str
    day_month: str


@dataclass
class Article:
    """One news item: a page, or one entry of a feed (``item`` is its position in the file)."""

    article_id: str
    source_path: str
    title: str
    body: str
    published_date: date | None = None
    date_precision: str | None = None  # "day", "month", "year" or None when the page gives no date
    year_inferred: bool = False
    url: str | None = None
    lang: str = "en"
    category: str | None = None
    item: int = 0
    related_headlines: list[RelatedHeadline] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Title and body as one text; mention offsets point into it."""
        return f"{self.title}\n\n{self.body}"


@dataclass(frozen=True)
class Place:
    place_id: int  # the GeoNames id where there is one
    name: str  # the English name an analyst writes; a district carries its city: "Partizansky District, Minsk"
    kind: str  # one of PLACE_KINDS
    country_code: str
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    admin1: str | None = None
    parent_id: int | None = None
    name_ru: str | None = None

    @property
    def key(self) -> str:
        return f"{self.name}|{self.country_code}"


@dataclass(frozen=True)
class Mention:
    place_id: int
    surface: str
    char_start: int
    char_end: int
    reason: str = ""  # why this place: "only place of that name", "district of the named city", ...
    precision: int = 1  # in the spirit of ACLED's: 1 the place named, 2 a stand-in for it, 3 region or country


@dataclass
class Event:
    event_type: str
    sentence: str
    participants: list[int] = field(default_factory=list)  # place ids
    pairs: list[tuple[int, int]] = field(default_factory=list)  # unordered, stored (smaller id, larger id)
    sectors: list[str] = field(default_factory=list)
    event_date: date | None = None
    date_precision: str | None = None
    location_id: int | None = None
    agreement_count: int | None = None  # as stated; None when the text gives no number
    period_start: int | None = None
    period_end: int | None = None
    confidence: float = 0.5
    background: bool = False  # history the article recalls ("twinned since 1998"), not news it reports


@dataclass
class Extraction:
    """Everything read from one article: the article, the places it names and the events."""

    article: Article
    places: dict[int, Place]
    mentions: list[Mention]
    events: list[Event]
    participant_ids: set[int] = field(default_factory=set)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (name, sentence) the gazetteer lacks
