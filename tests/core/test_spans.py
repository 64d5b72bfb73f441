"""`SpanIndex` finds exactly the spans a brute-force scan finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.spans import SpanIndex

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda s: (s[0], s[0] + s[1]))


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    low, high = span
    if low == high:  # an empty span sits at one position
        return start <= low < max(end, start + 1)
    return low < max(end, start + 1) and high > start


@given(st.lists(_SPAN, max_size=40), st.integers(0, 90), st.integers(0, 30))
def test_overlapping_is_the_brute_force_answer(spans: list[tuple[int, int]], start: int, length: int) -> None:
    index = SpanIndex((low, high, n) for n, (low, high) in enumerate(spans))
    end = start + length
    expected = sorted((low, high, n) for n, (low, high) in enumerate(spans) if _overlaps((low, high), start, end))
    assert index.overlapping(start, end) == expected
    assert len(index) == len(spans)
