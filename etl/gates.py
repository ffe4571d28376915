"""Cheap tests that let a sentence skip a regular expression that cannot match it.

Python's regex engine tries a pattern such as ``\\bвизит\\w*|\\bделегаци\\w*`` at every position of
a sentence; a substring test in C is many times faster. ``Gated`` reads, once, the literal text each
alternative of a pattern starts with, and searches only sentences whose lower-case form holds one
of them. Patterns whose alternatives do not all start with literal text are always searched.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern: stable within a Python release
from re import _parser

_MAX_PREFIXES = 64


class Gated:
    """A compiled pattern with the literal starts of its alternatives (None: no gate)."""

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        try:
            self.starts = _literal_starts(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE).data)
        except Exception:  # noqa: BLE001 (an unforeseen construct: no gate, the pattern still decides)
            self.starts = None

    def may_match(self, lowered: str) -> bool:
        """False only when the pattern cannot match the sentence whose lower-case form is ``lowered``."""
        return self.starts is None or any(map(lowered.__contains__, self.starts))

    def search(self, sentence: str, lowered: str) -> re.Match | None:
        return self.pattern.search(sentence) if self.may_match(lowered) else None


def _literal_starts(items: list) -> tuple[str, ...] | None:
    """Lower-case literal text one of which every match begins with, or None if there is none."""
    starts = [""]
    for op, argument in items:
        if op is sre.AT and not any(starts):
            continue  # \b, ^ before the first letter
        if op is sre.LITERAL:
            starts = [s + chr(argument).lower() for s in starts]
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in argument):
            letters = {chr(code).lower() for _, code in argument}
            starts = [s + letter for s in starts for letter in sorted(letters)]
        elif op is sre.BRANCH and not any(starts):
            found: list[str] = []
            for alternative in argument[1]:
                inner = _literal_starts(alternative.data)
                if inner is None:
                    return None
                found.extend(inner)
            starts = found
            break  # what follows a branch differs per alternative: the starts end here
        elif op is sre.SUBPATTERN and not any(starts):
            inner = _literal_starts(argument[-1].data)
            if inner is None:
                return None
            starts = list(inner)
            break
        else:
            break
        if len(starts) > _MAX_PREFIXES:
            return None
    starts = [s for s in dict.fromkeys(starts)]
    return tuple(starts) if starts and all(starts) else None
