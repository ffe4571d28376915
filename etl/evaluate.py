"""Score extraction against gold labels: micro precision, recall and F1 per field, date accuracy."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from etl.records import Extraction

FIELDS = ("places", "pairs", "event_types", "agreement_sectors")
_QUOTES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "ё": "е", "Ё": "Е",
                         # letters Unicode does not decompose into a base letter and an accent ("Ełk", "Chełm")
                         "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"})


def _norm(text: str) -> str:
    """Case, quotes, spacing and accents folded: "Zielona Góra" and "Zielona Gora" are one place."""
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    # Drop accents, but keep the breve on Cyrillic и and у: й and ў are letters of their own (ă is not).
    folded = "".join(ch for i, ch in enumerate(folded) if not unicodedata.combining(ch)
                     or (ch == "\u0306" and i and folded[i - 1] in "ИиУу"))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", folded)).strip().casefold()


@dataclass
class Labels:
    """What one article says, in the comparable form both gold files and extractions reduce to."""

    places: set[str] = field(default_factory=set)
    pairs: set[frozenset[str]] = field(default_factory=set)
    event_types: set[str] = field(default_factory=set)
    agreement_sectors: set[str] = field(default_factory=set)
    published: str | None = None


def labels_from_gold(gold: dict) -> Labels:
    return Labels(
        places={_norm(f"{p['name']}|{p['country']}|{p['kind']}") for p in gold.get("places", [])
                if p.get("kind") != "country"},
        pairs={frozenset(_norm(k) for k in pair) for pair in gold.get("pairs", [])},
        event_types=set(gold.get("event_types", [])),
        agreement_sectors=set(gold.get("agreement_sectors", [])),
        published=gold.get("published"),
    )


def labels_from_extraction(extraction: Extraction) -> Labels:
    places = extraction.places
    labels = Labels(published=extraction.article.published_date.isoformat()
                    if extraction.article.published_date else None)
    labels.places = {_norm(f"{p.name}|{p.country_code}|{p.kind}") for p in places.values() if p.kind != "country"}
    for event in extraction.events:
        for a, b in event.pairs:
            labels.pairs.add(frozenset((_norm(places[a].key), _norm(places[b].key))))
        if event.background:
            continue
        labels.event_types.add(event.event_type)
        if event.event_type == "agreement_signed":
            labels.agreement_sectors.update(event.sectors)
    return labels


@dataclass
class Miss:
    source: str
    field: str
    expected: list[str]
    found: list[str]


@dataclass
class Score:
    true_positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    false_positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    false_negatives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    dates_right: int = 0
    articles: int = 0
    misses: list[Miss] = field(default_factory=list)

    def add(self, source: str, gold: Labels, found: Labels) -> None:
        self.articles += 1
        for name in FIELDS:
            expected, got = getattr(gold, name), getattr(found, name)
            self.true_positives[name] += len(expected & got)
            self.false_positives[name] += len(got - expected)
            self.false_negatives[name] += len(expected - got)
            if expected != got:
                self.misses.append(Miss(source, name, sorted(map(_show, expected - got)),
                                        sorted(map(_show, got - expected))))
        if gold.published == found.published:
            self.dates_right += 1
        else:
            self.misses.append(Miss(source, "published", [str(gold.published)], [str(found.published)]))

    def precision(self, name: str) -> float:
        tp, fp = self.true_positives[name], self.false_positives[name]
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, name: str) -> float:
        tp, fn = self.true_positives[name], self.false_negatives[name]
        return tp / (tp + fn) if tp + fn else 1.0

    def f1(self, name: str) -> float:
        p, r = self.precision(name), self.recall(name)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.articles if self.articles else 1.0


def _show(item) -> str:
    return " ~ ".join(sorted(item)) if isinstance(item, frozenset) else str(item)


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(Path(gold_dir).rglob("*.gold.json"))


def page_of(gold_path: Path, gold: dict, pages_dir: Path) -> Path:
    """The page a gold file labels: beside the gold file, else under the pages folder."""
    for candidate in (gold_path.parent / gold["source"], Path(pages_dir) / gold["source"]):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{gold_path.name}: the labelled page {gold['source']} was not found")


def pick_article(extractions: list[Extraction], gold: dict, gold_path: Path) -> Extraction | None:
    """The extraction a gold file labels: by title when a file holds several articles."""
    if len(extractions) == 1:
        return extractions[0]
    wanted = _norm(gold.get("title", ""))
    for extraction in extractions:
        if _norm(extraction.article.title) == wanted:
            return extraction
    position = re.search(r"__(\d+)\.gold\.json$", gold_path.name)
    if position and int(position.group(1)) <= len(extractions):
        return extractions[int(position.group(1)) - 1]
    return None


def evaluate(gold_dir: Path, pages_dir: Path, extract_file) -> dict[str, Score]:
    """Scores overall ("all") and per language; ``extract_file(path) -> list[Extraction]``."""
    scores: dict[str, Score] = {"all": Score()}
    cache: dict[Path, list[Extraction]] = {}
    for gold_path in gold_files(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = page_of(gold_path, gold, pages_dir)
        if page not in cache:
            cache[page] = extract_file(page)
        extraction = pick_article(cache[page], gold, gold_path)
        found = labels_from_extraction(extraction) if extraction else Labels()
        expected = labels_from_gold(gold)
        language = gold.get("lang", "en")
        for key in ("all", language):
            scores.setdefault(key, Score()).add(gold["source"], expected, found)
    return scores
