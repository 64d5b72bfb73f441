"""Date mentions kept word for word between two versions whose resolved value moved.

A story re-dated by a week that keeps "on Thursday" now means another Thursday; the
words did not change, so the word diff shows nothing. ``date_changes`` pairs the
mentions of the two versions by their surface text and the words around them, and
flags the pairs whose values differ.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.annotate.dates import DateMention
from desktop.core.compare.normalise import collapse_whitespace, fold_quotes

__all__ = ["CONTEXT_WORDS", "DateChange", "date_changes", "same_value"]

#: Words of context either side that place a mention in the story.
CONTEXT_WORDS = 4
# Characters scanned for those words: plenty for four words, bounded for odd input.
_CONTEXT_CHARS = 160
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DateChange:
    """A date mention in both versions whose resolved value differs, with a note for readers."""

    a: DateMention
    b: DateMention
    note: str


def _surface(m: DateMention) -> str:
    return collapse_whitespace(fold_quotes(m.text)).casefold()


def _before(text: str, m: DateMention) -> tuple[str, ...]:
    head = text[max(0, m.start - _CONTEXT_CHARS) : max(0, m.start)]
    return tuple(_WORD.findall(fold_quotes(head).casefold())[-CONTEXT_WORDS:])


def _after(text: str, m: DateMention) -> tuple[str, ...]:
    tail = text[max(0, m.end) : max(0, m.end) + _CONTEXT_CHARS]
    return tuple(_WORD.findall(fold_quotes(tail).casefold())[:CONTEXT_WORDS])


def _pair_by(
    key: Callable[[str, DateMention], tuple[str, ...]],
    a_text: str,
    a_left: list[DateMention],
    b_text: str,
    b_left: list[DateMention],
) -> tuple[list[tuple[DateMention, DateMention]], list[DateMention], list[DateMention]]:
    """Pair mentions with the same surface and the same `key` context, first with first."""
    waiting: dict[tuple[str, tuple[str, ...]], deque[int]] = defaultdict(deque)
    for j, m in enumerate(b_left):
        waiting[(_surface(m), key(b_text, m))].append(j)
    pairs: list[tuple[DateMention, DateMention]] = []
    a_rest: list[DateMention] = []
    used: set[int] = set()
    for m in a_left:
        queue = waiting.get((_surface(m), key(a_text, m)))
        if queue:
            j = queue.popleft()
            used.add(j)
            pairs.append((m, b_left[j]))
        else:
            a_rest.append(m)
    return pairs, a_rest, [m for j, m in enumerate(b_left) if j not in used]


def same_value(x: str | None, y: str | None) -> bool:
    """Whether two resolved values may mean the same time.

    None (no publication date to resolve against) is unknown, not a different day, so
    it matches anything; so does an "X" placeholder ("XXXX-01-15" for a year-less date).
    """
    if x is None or y is None or x == y:
        return True
    return len(x) == len(y) and all(p == q or "X" in (p, q) for p, q in zip(x, y, strict=True))


def date_changes(
    a_text: str, a_dates: Sequence[DateMention], b_text: str, b_dates: Sequence[DateMention]
) -> list[DateChange]:
    """Date mentions present in both versions whose resolved value differs, in B's order.

    "Present in both" means the same words (case, spacing and quote style aside) in the
    same place of the story: the same preceding ``CONTEXT_WORDS`` words, or failing that
    the same following ones. A mention whose value is None on either side (a version
    with no publication date) is not a change: its day is unknown, not different.
    """
    a_left = sorted(a_dates, key=lambda m: m.start)
    b_left = sorted(b_dates, key=lambda m: m.start)
    pairs: list[tuple[DateMention, DateMention]] = []
    for key in (_before, _after):
        found, a_left, b_left = _pair_by(key, a_text, a_left, b_text, b_left)
        pairs += found
    changes = [
        DateChange(a, b, f"“{b.text}” meant {a.value}, now means {b.value}")
        for a, b in pairs
        if not same_value(a.value, b.value)
    ]
    changes.sort(key=lambda c: c.b.start)
    return changes
