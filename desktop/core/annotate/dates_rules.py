"""The rule machinery shared by the date finder's rule modules.

A rule is a compiled regex and a handler that turns a match into a value and kind,
or rejects it. A named group ``span`` narrows the mention to part of the match, so a
rule can look at context (a preposition before, a year after) without marking it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.annotate.dates_context import TenseIndex


@dataclass(frozen=True, slots=True)
class Found:
    """What a handler says about a match: its value, kind and, optionally, a narrower span."""

    value: str | None
    kind: str
    start: int | None = None
    end: int | None = None
    # How to resolve a mention told relative to an earlier one ("that year", "the next
    # day"): a unit and a step, applied to the previous mention's value by dates_anaphora.
    anchor: tuple[str, int] | None = None


@dataclass(slots=True)
class Context:
    """The text being searched and its publication date, with a tense index built on demand."""

    text: str
    dct: datetime.date | None
    _index: TenseIndex | None = field(default=None)

    def tense(self, start: int, end: int) -> str:
        """The tense ("past", "future", "unknown") of the clause around a span."""
        if self._index is None:
            self._index = TenseIndex(self.text)
        return self._index.tense(start, end)


Handler = Callable[[re.Match[str], Context], Found | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and the handler that reads its matches; lower ``rank`` wins ties."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    rank: int = 5


def compile_ci(pattern: str) -> re.Pattern[str]:
    """A case-insensitive compiled pattern that only starts where a word may start.

    Rules check letter case themselves. The leading look-behind lets the engine drop a
    position inside a word at once, which makes the whole scan several times faster.
    """
    return re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE)


def is_capitalised(word: str) -> bool:
    """True when the word starts with an upper-case letter, as month and day names do."""
    return bool(word) and word[0].isupper()


def capitalised_mid_sentence(text: str, start: int) -> bool:
    """True for a capitalised word that does not open a sentence, line or quotation.

    "This Week" or "VOA Today" written so in running text is a title, not a date.
    """
    if not text[start : start + 1].isupper() or text[start : start + 2].isupper():
        return False
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return bool(before) and before[-1].isalnum()
