"""Numbers and years written out in words: "nineteen ninety-four", "two thousand and one"."""

from __future__ import annotations

import re
from typing import Final

from desktop.core.annotate.dates_lexicon import alternation

UNITS: Final[dict[str, int]] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
TENS_RE = alternation(list(TENS))
UNITS_RE = alternation([w for w in UNITS if w != "zero"])


def spelled_number(words: str) -> int:
    """The number (below 100) written out in ``words``: "ninety-four" is 94."""
    total = 0
    for part in re.split(r"[\s-]+", words.lower()):
        total += TENS.get(part, 0) + UNITS.get(part, 0)
    return total


SPELLED_LOW = rf"(?:{TENS_RE})(?:[\s-]+(?:{UNITS_RE}))?|{UNITS_RE}"
# "nineteen ninety-four", as transcripts of broadcasts write years.
SPELLED_YEAR_RE = rf"(?P<spelled>(?:nineteen|eighteen)[\s-]+(?:{SPELLED_LOW}))(?![\w-])"


def spelled_year(words: str) -> int:
    """The year written out in ``words``, which match SPELLED_YEAR_RE."""
    head, _, rest = words.strip().partition(" ")
    century = 19 if head.lower().startswith("nineteen") else 18
    if "-" in head and not rest:
        head, _, rest = head.partition("-")
    return century * 100 + spelled_number(rest)
