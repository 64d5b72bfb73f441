"""Common head and tail of two sequences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.compare.align import _obviously_edited
from desktop.core.compare.seq import common_prefix, common_suffix


@given(st.text("ab", max_size=20), st.text("ab", max_size=20))
def test_prefix_and_suffix_are_the_longest(a: str, b: str) -> None:
    p = common_prefix(a, b)
    assert a[:p] == b[:p]
    assert p == min(len(a), len(b)) or a[p] != b[p]
    s = common_suffix(a, b)
    assert a[len(a) - s :] == b[len(b) - s :]
    assert s == min(len(a), len(b)) or a[-s - 1] != b[-s - 1]


def test_suffix_limit() -> None:
    assert common_suffix("abc", "abc", limit=1) == 1
    assert common_prefix([1, 2, 3], [1, 2, 4]) == 2


def test_an_edit_in_place_is_obvious_and_a_new_text_is_not() -> None:
    old = "The minister said on Thursday that the talks were frozen for now."
    assert _obviously_edited(old, old.replace("Thursday", "Friday"))
    assert not _obviously_edited(old, "A completely different paragraph about the weather today.")
