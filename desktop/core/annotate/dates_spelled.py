"""Numbers and years written out in words: "nineteen ninety-four", "two thousand and one"."""

from __future__ import annotations

import re
from typing import Final

from desktop.core.annotate.dates_lexicon import NUMBER_WORDS, alternation

# Derived from the lexicon's number words, so the two lists cannot drift apart.
UNITS: Final[dict[str, int]] = {"zero": 0} | {
    w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 19 and w.isalpha() and w not in ("a", "an", "couple")
}
TENS: Final[dict[str, int]] = {w: n for w, n in NUMBER_WORDS.items() if 20 <= n <= 90 and n % 10 == 0}
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
