"""`compare_articles`: two versions of an article in, a `Comparison` out.

Two stages: paragraphs are aligned on normalised keys (align.py), then the
words of each pair whose keys differ are diffed (words.py). Paragraphs a stray
blank line cut in two (`Block.continues`) are joined into one unit first.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import operator
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from desktop.core.article import BLOCK_SEPARATOR, Article, Metadata
from desktop.core.compare.align import Pair, align
from desktop.core.compare.model import (
    BlockDiff,
    CompareOptions,
    CompareStats,
    Mark,
    Op,
    Segment,
    Zone,
)
from desktop.core.compare.normalise import paragraph_key
from desktop.core.compare.summary import summarise
from desktop.core.compare.words import TokenTable, count_words, word_diff
from desktop.core.compare.zones import block_zones

__all__ = ["CompareCancelled", "Comparison", "Progress", "compare_articles", "units"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of comparing article A with article B."""

    a_meta: Metadata
    b_meta: Metadata
    blocks: tuple[BlockDiff, ...]
    stats: CompareStats
    summary: str
    options: CompareOptions = field(default_factory=CompareOptions)

    @property
    def has_differences(self) -> bool:
        """Whether anything differs (folded boilerplate counts; hidden boilerplate is gone)."""
        return any(b.changed for b in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (`palimpsest-cli diff --json`)."""
        return {
            "a": self.a_meta.to_dict(),
            "b": self.b_meta.to_dict(),
            "stats": self.stats.to_dict(),
            "summary": self.summary,
            "blocks": [b.to_dict() for b in self.blocks],
        }


def units(article: Article) -> list[tuple[int, ...]]:
    """Block indices grouped into paragraphs: a block marked `continues` joins the next."""
    groups: list[tuple[int, ...]] = []
    current: list[int] = []
    for i, block in enumerate(article.blocks):
        current.append(i)
        if not block.continues:
            groups.append(tuple(current))
            current = []
    if current:
        groups.append(tuple(current))
    return groups


class _Side:
    """One article seen as paragraph units: their texts, keys, zones and block offsets."""

    def __init__(self, article: Article, options: CompareOptions) -> None:
        self.article = article
        self.units = units(article)
        blocks = article.blocks
        self.texts = [
            blocks[u[0]].text if len(u) == 1 else BLOCK_SEPARATOR.join(blocks[i].text for i in u)
            for u in self.units
        ]
        self.keys: list[str] = []
        zones = block_zones(article, options.boilerplate_fingerprints)
        self.zones = [zones[u[0]] for u in self.units]

    def make_keys(self, options: CompareOptions, verbatim: Set[str]) -> None:
        """Normalise every paragraph but those in `verbatim`, which are their own key."""
        self.keys = [t if t in verbatim else paragraph_key(t, options) for t in self.texts]

    def marks(self, unit: int, ranges: Sequence[tuple[int, int]]) -> tuple[Mark, ...]:
        """Ranges of a unit's joined text as marks on its original blocks."""
        out: list[Mark] = []
        start = 0
        for i in self.units[unit]:
            end = start + len(self.article.blocks[i].text)
            for r0, r1 in ranges:
                lo, hi = max(r0, start), min(r1, end)
                if lo < hi:
                    out.append(Mark(i, lo - start, hi - start))
            start = end + len(BLOCK_SEPARATOR)
        return tuple(out)

    def whole(self, unit: int) -> tuple[Mark, ...]:
        """The whole unit as marks (an inserted or deleted paragraph)."""
        blocks = self.article.blocks
        return tuple(Mark(i, 0, len(blocks[i].text)) for i in self.units[unit] if blocks[i].text)

    def word_count(self, unit: int, table: TokenTable) -> int:
        """Words of a unit, as the word diff counts them."""
        return count_words(self.texts[unit], table.options, table)


def _sides(a: Article, b: Article, options: CompareOptions) -> tuple[_Side, _Side]:
    """Both articles as paragraph units with their alignment keys.

    A paragraph that occurs once, character for character, in each version is
    equal whatever the options; it keys on its own text and is never normalised.
    That spares most of the normalising of long documents whose versions share
    most paragraphs verbatim.
    """
    sa, sb = _Side(a, options), _Side(b, options)
    count_a, count_b = Counter(sa.texts), Counter(sb.texts)
    verbatim = {t for t, n in count_a.items() if n == 1 and count_b.get(t) == 1}
    sa.make_keys(options, verbatim)
    sb.make_keys(options, verbatim)
    return sa, sb


# Enum members are found through their class's metaclass (~90 ns a lookup);
# the per-paragraph code below reads these module names instead.
_EQUAL, _INSERT, _DELETE, _REPLACE, _MOVE = Op.EQUAL, Op.INSERT, Op.DELETE, Op.REPLACE, Op.MOVE
_BOILERPLATE = Zone.BOILERPLATE


def _record(pair: Pair, sa: _Side, sb: _Side, table: TokenTable) -> BlockDiff:
    a, b = pair.a, pair.b
    if b is None:
        assert a is not None
        zone = sa.zones[a]
        return BlockDiff(
            _DELETE,
            zone,
            sa.units[a],
            (),
            (Segment(_DELETE, sa.texts[a]),),
            a_marks=sa.whole(a),
            words_deleted=sa.word_count(a, table),
            folded=zone is _BOILERPLATE,
        )
    zone = sb.zones[b]
    if a is None:
        return BlockDiff(
            _INSERT,
            zone,
            (),
            sb.units[b],
            (Segment(_INSERT, sb.texts[b]),),
            b_marks=sb.whole(b),
            words_inserted=sb.word_count(b, table),
            folded=zone is _BOILERPLATE,
        )
    folded = zone is _BOILERPLATE or sa.zones[a] is _BOILERPLATE
    if sa.keys[a] == sb.keys[b]:
        op = _MOVE if pair.moved else _EQUAL
        return BlockDiff(op, zone, sa.units[a], sb.units[b], (Segment(_EQUAL, sb.texts[b]),), folded=folded)
    diff = word_diff(sa.texts[a], sb.texts[b], table.options, table)
    changed = _REPLACE if diff.changed else _EQUAL
    op = _MOVE if pair.moved else changed
    return BlockDiff(
        op,
        zone,
        sa.units[a],
        sb.units[b],
        diff.segments if diff.changed else (Segment(_EQUAL, sb.texts[b]),),
        a_marks=sa.marks(a, diff.a_ranges),
        b_marks=sb.marks(b, diff.b_ranges),
        words_inserted=diff.words_inserted,
        words_deleted=diff.words_deleted,
        folded=folded,
    )


def _stats(records: Sequence[BlockDiff], sa: _Side, sb: _Side, opts: CompareOptions) -> CompareStats:
    # Similarity is measured in characters of the normalised keys: counting
    # words would mean tokenising both whole documents, the slowest step by far.
    total = _kept_length(sa, opts) + _kept_length(sb, opts)
    changed = sum(len(s.text) for r in records for s in r.segments if s.op is not _EQUAL)
    ops = Counter(map(_op_of, records))
    return CompareStats(
        words_inserted=sum(map(_words_inserted_of, records)),
        words_deleted=sum(map(_words_deleted_of, records)),
        paragraphs_changed=ops[_REPLACE],
        paragraphs_inserted=ops[_INSERT],
        paragraphs_deleted=ops[_DELETE],
        paragraphs_moved=ops[_MOVE],
        similarity=max(0.0, 1 - changed / total) if total else 1.0,
    )


_op_of = operator.attrgetter("op")
_words_inserted_of = operator.attrgetter("words_inserted")
_words_deleted_of = operator.attrgetter("words_deleted")


def _kept_length(side: _Side, options: CompareOptions) -> int:
    """Characters of a side's keys, but for hidden boilerplate."""
    if not options.hide_boilerplate:
        return sum(map(len, side.keys))
    return sum(len(k) for k, z in zip(side.keys, side.zones, strict=True) if z is not _BOILERPLATE)


#: A progress callback: (paragraphs done, paragraphs in all) -> False to cancel.
Progress = Callable[[int, int], bool]

#: How many aligned paragraphs are diffed between two progress reports.
_PROGRESS_STEP = 256


class CompareCancelled(Exception):
    """The progress callback asked to stop."""


def compare_articles(
    a: Article,
    b: Article,
    options: CompareOptions | None = None,
    *,
    progress: Progress | None = None,
) -> Comparison:
    """Compare two versions of an article paragraph by paragraph, then word by word.

    A worker thread may pass `progress`; it is called every few hundred
    paragraphs, and returning False stops the work with `CompareCancelled`.
    """
    with _collector_paused():
        return _compare(a, b, options or CompareOptions(), progress)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a comparison runs.

    A comparison makes a few small records per paragraph and no reference
    cycles, yet every few hundred thousand allocations the collector would walk
    the whole heap for them: a tenth of the time of a 5 MB pair in the
    benchmark, more in the app's larger heap. The switch is process-wide, so it
    is turned back on only by whoever turned it off: a comparison running in
    another thread at the same time, or a caller that keeps the collector off,
    finds it as it was (at worst on again before the end, which is harmless).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _compare(a: Article, b: Article, options: CompareOptions, progress: Progress | None) -> Comparison:
    sa, sb = _sides(a, b, options)
    table = TokenTable(options)
    pairs = align(sa.keys, sb.keys)
    records = []
    for start in range(0, len(pairs), _PROGRESS_STEP):
        if progress is not None and progress(start, len(pairs)) is False:
            raise CompareCancelled
        records += [_record(pair, sa, sb, table) for pair in pairs[start : start + _PROGRESS_STEP]]
    if progress is not None:
        progress(len(pairs), len(pairs))
    if options.hide_boilerplate:
        records = [r for r in records if r.zone is not _BOILERPLATE]
    stats = _stats(records, sa, sb, options)
    return Comparison(
        a_meta=a.meta,
        b_meta=b.meta,
        blocks=tuple(records),
        stats=stats,
        summary=summarise(records),
        options=options,
    )
