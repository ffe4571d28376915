"""The substring gates in front of the Russian patterns: they may skip work, never a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl import russian
from etl.events import split_sentences
from etl.gates import Gated

CORPUS = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_the_starts_of_each_alternative_are_read_from_the_pattern():
    assert Gated(re.compile(r"\bвизит\w*|\bделегаци\w*", re.IGNORECASE)).starts == ("визит", "делегаци")
    assert set(Gated(re.compile(r"\b[Дд]н(?:и|ей)\s+")).starts) == {"дн"}
    # the parser factors the common start out: "Он" and "Она" both need "он"
    assert Gated(re.compile(r"^(?:Он|Она)\b")).starts == ("он",)


def test_a_pattern_with_an_alternative_of_no_fixed_start_is_always_searched():
    gated = Gated(re.compile(r"\bвизит\w*|\b\d+\s+лет"))
    assert gated.starts is None
    assert gated.search("Прошло 10 лет", "прошло 10 лет") is not None


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
}


@pytest.mark.parametrize("name", sorted(RUSSIAN_PATTERNS))
def test_the_gate_never_hides_a_match_in_the_russian_corpus(name):
    pattern = RUSSIAN_PATTERNS[name]
    gated = Gated(pattern)
    sentences = _corpus_sentences()
    assert len(sentences) > 300
    hidden = [s for s in sentences if pattern.search(s) and not gated.search(s, s.lower())]
    assert hidden == []
