"""Comparing two versions of an article: paragraphs aligned, then words diffed.

`compare_articles(a, b, options)` is the entry point; everything it returns is
a frozen record (model.py).
"""

from desktop.core.compare.engine import CompareCancelled, Comparison, Progress, compare_articles
from desktop.core.compare.model import (
    BlockDiff,
    CompareOptions,
    CompareStats,
    Mark,
    Op,
    Segment,
    Zone,
)
from desktop.core.compare.normalise import fingerprint
from desktop.core.compare.zones import block_zones

__all__ = [
    "BlockDiff",
    "CompareCancelled",
    "CompareOptions",
    "CompareStats",
    "Comparison",
    "Mark",
    "Op",
    "Progress",
    "Segment",
    "Zone",
    "block_zones",
    "compare_articles",
    "fingerprint",
]
