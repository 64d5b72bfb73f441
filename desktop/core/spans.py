"""`SpanIndex`: spans of a text found by the range they overlap, without a scan of them all."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Spans `(start, end, item)` sorted by start; `overlapping` costs a bisection and the
    spans it returns, so a view can mark what it shows of thousands of them."""

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        self._spans = sorted(spans, key=lambda span: (span[0], span[1]))
        self._starts = [span[0] for span in self._spans]
        # How far right any span up to each one reaches: a long span starting early still counts.
        self._reach = list(accumulate((span[1] for span in self._spans), max))

    def __len__(self) -> int:
        return len(self._spans)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """The spans sharing a position with `[start, end)` (an empty span: holding `start`), in order."""
        first = bisect.bisect_right(self._reach, start - 1) if start > 0 else 0
        last = bisect.bisect_left(self._starts, max(end, start + 1))
        return [span for span in self._spans[first:last] if span[1] > start or span[0] == span[1] == start]
