"""The substring gates in front of the Russian patterns: they may skip work, never a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl import russian
from etl.events import split_sentences
from etl.gates import Gated

CORPUS = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_the_texts_each_alternative_requires_are_read_from_the_pattern():
    assert Gated(re.compile(r"\bвизит\w*|\bделегаци\w*", re.IGNORECASE)).starts == ("визит", "делегаци")
    assert set(Gated(re.compile(r"\b[Дд]н(?:и|ей)\s+")).starts) == {"дн"}
    # the parser factors the common start out: "Он" and "Она" both need "он"
    assert Gated(re.compile(r"^(?:Он|Она)\b")).starts == ("он",)


def test_the_longest_required_text_of_an_alternative_is_its_gate_wherever_it_stands():
    # past an optional start, a look-behind or a short word: what every match must still hold
    assert Gated(re.compile(r"(?<!для )(?:кино|фото)?фестивал\w*|\bв\s+перспективе\b")).starts == (
        "фестивал", "перспективе")
    assert Gated(re.compile(r"\bутвержд[её]н\w*")).starts == ("утвержден", "утверждён")
    gated = Gated(re.compile(r"\bвизит\w*|\b\d+\s+лет"))
    assert gated.starts == ("визит", "лет")
    assert gated.search("Прошло 10 лет", "прошло 10 лет") is not None
    assert not gated.may_match("прошло 10 дней")


def test_a_pattern_with_an_alternative_that_requires_no_text_is_always_searched():
    gated = Gated(re.compile(r"\bвизит\w*|\b\d+\s+\d+"))
    assert gated.starts is None
    assert gated.search("Счёт 10 2", "счёт 10 2") is not None


def test_a_sentence_without_any_start_skips_the_pattern_and_one_with_a_start_is_searched():
    gated = Gated(re.compile(r"\bфорум\w*|\bсаммит\w*", re.IGNORECASE))
    assert not gated.may_match("делегация прибыла в минск")
    assert gated.search("Форум регионов открылся", "форум регионов открылся").group() == "Форум"


def _corpus_sentences() -> list[str]:
    sentences = []
    for path in sorted((CORPUS / "ru").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences += [text[start:end].strip() for start, end in split_sentences(text)]
    return sentences


RUSSIAN_PATTERNS = {
    **{f"trigger {kind}": pattern for kind, pattern in russian.TRIGGERS.items()},
    **{f"sector {sector}": pattern for sector, pattern in russian.SECTORS.items()},
    "future": russian.FUTURE, "done": russian.DONE, "relation": russian.RELATION,
    "background": russian.BACKGROUND, "since": russian.SINCE,
}


@pytest.mark.parametrize("name", sorted(RUSSIAN_PATTERNS))
def test_the_gate_never_hides_a_match_in_the_russian_corpus(name):
    pattern = RUSSIAN_PATTERNS[name]
    gated = Gated(pattern)
    sentences = _corpus_sentences()
    assert len(sentences) > 300
    hidden = [s for s in sentences if pattern.search(s) and not gated.search(s, s.lower())]
    assert hidden == []


def test_alternatives_are_split_only_outside_groups_and_classes():
    from etl.gates import _top_level_alternatives

    assert _top_level_alternatives(r"\ba(?:b|c)|[|(]d|\be\|f") == [r"\ba(?:b|c)", r"[|(]d", r"\be\|f"]


def test_a_run_of_word_start_alternatives_is_grouped_behind_one_boundary():
    from etl.gates import word_start_first

    pattern = re.compile(r"x\d|\bfestivals?\b|\bfest\w*|(?-i:[A-Z]\w+ Run)|\bconcerts?\b|\bgala\b", re.IGNORECASE)
    grouped = word_start_first(pattern)
    assert grouped.pattern == r"x\d|\b(?:festivals?\b|fest\w*)|(?-i:[A-Z]\w+ Run)|\b(?:concerts?\b|gala\b)"
    assert grouped.flags == pattern.flags
    assert word_start_first(re.compile(r"\bonly\b")).pattern == r"\bonly\b"


@pytest.mark.parametrize("source", [
    # the leading alternative wins where two match at one place: the grouping must keep that order
    r"\bfest\w*|\bfestival\b|\bconcert\w*|\bgala\b|x\d|\b(?:days?|week)\s+of\s+\w+",
    r"\bподпис\w*|\bподписали\s+соглашени\w*|\bфорум\w*|(?-i:[А-Я]\w+\s+Дни)|\bдн(?:и|ей)\s+\w+",
])
def test_the_grouped_pattern_finds_the_same_matches_in_the_corpus(source):
    from etl.gates import word_start_first

    pattern = re.compile(source, re.IGNORECASE)
    grouped = word_start_first(pattern)
    assert grouped is not pattern
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.glob("*/*.txt"))]
    assert len(texts) > 60
    found = [[(m.start(), m.end()) for m in pattern.finditer(t)] for t in texts]
    assert any(found)
    assert [[(m.start(), m.end()) for m in grouped.finditer(t)] for t in texts] == found
