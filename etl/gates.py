"""Cheap tests that let a sentence skip a regular expression that cannot match it.

Python's regex engine tries a pattern such as ``\\bвизит\\w*|\\bделегаци\\w*`` at every position of
a sentence; a substring test in C is many times faster. ``Gated`` reads, once, the literal texts one of which
every match of a pattern holds (as regex engines that look for a required literal first do), and
searches only sentences whose lower-case form holds one of them. A pattern with an alternative that
requires no literal text is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # the parsed form of a pattern: stable within a Python release
from re import _parser

_MAX_PREFIXES = 128


class Gated:
    """A compiled pattern with the texts one of which its matches hold (None: no gate)."""

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        try:
            self.starts = _required_text(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE).data)
        except Exception:  # noqa: BLE001 (an unforeseen construct: no gate, the pattern still decides)
            self.starts = None

    def may_match(self, lowered: str) -> bool:
        """False only when the pattern cannot match the sentence whose lower-case form is ``lowered``."""
        return self.starts is None or any(map(lowered.__contains__, self.starts))

    def search(self, sentence: str, lowered: str) -> re.Match | None:
        return self.pattern.search(sentence) if self.may_match(lowered) else None

    def finditer(self, sentence: str, lowered: str) -> Iterator[re.Match]:
        return self.pattern.finditer(sentence) if self.may_match(lowered) else iter(())


def _required_text(items: list) -> tuple[str, ...] | None:
    """Lower-case literal texts one of which every match holds, or None if there are none.

    Of the pieces a pattern requires one after another ("в", then spaces, then "перспективе"), the one whose
    texts are longest is taken: the longer the text, the fewer sentences hold it."""
    pieces: list[list[str]] = []  # each: texts of which a match holds one
    run = [""]  # the literal text being read, in each spelling ("утвержд[её]н")

    def close_run() -> None:
        nonlocal run
        if all(run):
            pieces.append(run)
        run = [""]

    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue  # \b, ^, a look-behind: they consume nothing, the text on both sides is one run
        if op is sre.LITERAL:
            run = [text + chr(argument).lower() for text in run]
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in argument):
            letters = sorted({chr(code).lower() for _, code in argument})
            run = [text + letter for text in run for letter in letters]
        else:
            close_run()
            if op is sre.BRANCH:
                inner = [_required_text(alternative.data) for alternative in argument[1]]
                if all(inner):
                    pieces.append([text for texts in inner for text in texts])
            elif op is sre.SUBPATTERN:
                pieces.append(list(_required_text(argument[-1].data) or ()))
            elif op in _REPEATS and argument[0] >= 1:
                pieces.append(list(_required_text(argument[2].data) or ()))
        if len(run) > _MAX_PREFIXES:
            run = [""]
    close_run()
    pieces = [list(dict.fromkeys(texts)) for texts in pieces if texts and len(texts) <= _MAX_PREFIXES]
    if not pieces:
        return None
    return tuple(max(pieces, key=lambda texts: (min(map(len, texts)), -len(texts))))


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def word_start_first(pattern: re.Pattern) -> re.Pattern:
    """The same pattern, with the word boundary that neighbouring alternatives each begin with tested once.

    ``\\bfestivals?\\b|\\bconcerts?\\b|…`` makes the engine try every alternative at every position of a
    sentence; ``\\b(?:festivals?\\b|concerts?\\b|…)`` drops the positions inside words after one test, several
    times faster. The alternatives keep their order, so every match is the one the pattern as written finds."""
    alternatives = _top_level_alternatives(pattern.pattern)
    parts: list[str] = []
    k = 0
    while k < len(alternatives):
        end = k
        while end < len(alternatives) and alternatives[end].startswith("\\b"):
            end += 1
        if end - k >= 2:
            parts.append("\\b(?:" + "|".join(a[2:] for a in alternatives[k:end]) + ")")
            k = end
        else:
            parts.append(alternatives[k])
            k += 1
    if len(parts) == len(alternatives):
        return pattern
    return re.compile("|".join(parts), pattern.flags)


def _top_level_alternatives(source: str) -> list[str]:
    """A pattern's source split at the bars outside any group or character class."""
    alternatives, depth, start, k = [], 0, 0, 0
    in_class = False
    while k < len(source):
        char = source[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source.startswith("^", k + 1):
                k += 1
            if source.startswith("]", k + 1):
                k += 1  # "[]…]": a closing bracket first is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(source[start:k])
            start = k + 1
        k += 1
    alternatives.append(source[start:])
    return alternatives
