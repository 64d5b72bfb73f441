"""Common head and tail of two sequences, found by binary search over slices.

Slices of strings and lists compare in C, so log(n) comparisons beat a Python
loop over the items by far.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["common_prefix", "common_suffix"]


def common_prefix(a: Sequence[object], b: Sequence[object]) -> int:
    """How many leading items `a` and `b` share."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: Sequence[object], b: Sequence[object], limit: int | None = None) -> int:
    """How many trailing items `a` and `b` share (at most `limit`)."""
    lo, hi = 0, min(len(a), len(b))
    if limit is not None:
        hi = min(hi, limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo
