"""Long comparisons keep only the rows near the viewport in the panes' documents.

Qt keeps some fifty bytes of text-shaping data for every character a document
has laid out, until the block holding it is deleted: two whole 1 MB versions
cost about 100 MB. So past `WINDOW_CHARS`, a row far from the view is replaced
by empty blocks exactly as tall as it was (the scroll bars, the overview and
the alignment do not change), and written again when the view comes near.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit

from desktop.core.compare.navigate import DisplayRow
from desktop.ui.compare_pane import PaneLayout, RowWriter

#: Both versions together longer than this (characters): only rows near the view are kept.
WINDOW_CHARS = 300_000
#: Rows within this many viewport heights of the view are written before it gets there…
AHEAD_SCREENS = 1.0
#: …and let go once farther than this,
KEEP_SCREENS = 3.0
#: once more than this many rows are in the panes (letting go is done in stretches).
MAX_SHOWN_ROWS = 60

#: Pads display rows `start..end` of both panes so they start level.
Pad = Callable[[int, int], None]


class RowWindow:
    """Which display rows have their text in the panes now."""

    def __init__(self, panes: tuple[QTextEdit, QTextEdit]) -> None:
        self._panes = panes
        self.active = False
        self._written = 0  # display rows written so far (the rest are not in the panes at all)
        self._shown: set[int] = set()  # of those, the rows whose text is in the panes

    def reset(self, active: bool) -> None:
        """A new rendering starts: windowed if `active`."""
        self.active = active
        self._written, self._shown = 0, set()

    def is_shown(self, row: int) -> bool:
        """Whether display row `row` has its text in the panes (always, when not windowed)."""
        return not self.active or row in self._shown

    def whole_selection(self, writer: RowWriter, display: list[DisplayRow], start: int,
                        end: int) -> tuple[QTextDocument, int, int] | None:
        """A scratch document holding every row positions `start..end` of `writer`'s pane
        cover, and where they are in it (None when all those rows are shown: the pane's
        own document will do).

        Rows let go of are written again by the same writer, so they read as they
        do when in view.
        """
        doc, rows = writer.doc, writer.layout.rows
        if not self.active or not rows:
            return None
        first, last = (_row_of_block(rows, doc.findBlock(position).blockNumber()) for position in (start, end))
        if all(self.is_shown(row) for row in range(first, last + 1)):
            return None
        scratch, layout = QTextDocument(), PaneLayout()
        RowWriter(scratch, layout, writer.article, writer.rows, writer.side, writer.font,
                  writer.palette).append(display[first : last + 1])

        def row_start(document: QTextDocument, numbers: list[int]) -> int:
            return document.findBlockByNumber(numbers[0]).position()

        begin = row_start(scratch, layout.rows[0])
        if self.is_shown(first):  # where the selection starts within its row
            begin += max(0, start - row_start(doc, rows[first]))
        finish = scratch.characterCount() - 1
        if self.is_shown(last):
            finish = min(finish, row_start(scratch, layout.rows[-1]) + end - row_start(doc, rows[last]))
        return scratch, begin, max(begin, finish)

    def measured(self, writers: tuple[RowWriter, RowWriter], start: int, end: int) -> None:
        """Rows `start..end` were just written (or written again) and padded."""
        if not self.active:
            return
        assert start <= self._written, "rows are written in order, or again"
        self._written = max(self._written, end)
        self._shown.update(range(start, end))
        if len(self._shown) > MAX_SHOWN_ROWS:
            self.let_go(writers)

    def remeasure(self, writers: tuple[RowWriter, RowWriter], display: list[DisplayRow], pad: Pad,
                  start: int, end: int) -> None:
        """The width changed: write rows `start..end` again, pad them and measure them anew."""
        if not self.active:
            return
        self.bring_in(writers, display, pad, start, end, repad=True)
        self.measured(writers, start, end)

    def follow_view(self, writers: tuple[RowWriter, RowWriter], display: list[DisplayRow], pad: Pad) -> None:
        """Write the rows the view is near, let go of those it left far behind."""
        if not self.active or not self._written:
            return
        first, last = self._rows_within(AHEAD_SCREENS, writers[0].layout)
        self.bring_in(writers, display, pad, first, last)
        if len(self._shown) > MAX_SHOWN_ROWS:
            self.let_go(writers)

    def bring_in(self, writers: tuple[RowWriter, RowWriter], display: list[DisplayRow], pad: Pad,
                 start: int, end: int, *, repad: bool = False) -> None:
        """Make sure display rows `start..end` (of those written) have their text in the panes."""
        if not self.active:
            return
        end = min(end, self._written)
        for run_start, run_end in _runs(range(max(0, start), end), lambda row: row not in self._shown):
            for writer in writers:
                writer.replace(display[run_start:run_end], run_start)
            self._shown.update(range(run_start, run_end))
            if not repad:
                pad(max(0, run_start - 1), run_end)
        if repad:
            pad(max(0, start), end)

    def let_go(self, writers: tuple[RowWriter, RowWriter]) -> None:
        """Replace the rows far from the view by placeholders of their height."""
        first, last = self._rows_within(KEEP_SCREENS, writers[0].layout)
        # The last row written stays until another follows: how tall it is shows only
        # against the block after it.
        far = sorted(row for row in self._shown if not first <= row < last and row < self._written - 1)
        for run_start, run_end in _runs(far, lambda row: True):
            for writer in writers:
                writer.placeholders(run_start, run_end)
            self._shown.difference_update(range(run_start, run_end))

    def _rows_within(self, screens: float, left: PaneLayout) -> tuple[int, int]:
        """The written rows within `screens` viewport heights of what the left pane shows."""
        pane = self._panes[0]
        top = pane.verticalScrollBar().value()
        height = max(1, pane.viewport().height())
        rows = left.rows[: self._written]
        first = row_at(pane.document(), rows, top - screens * height)
        last = row_at(pane.document(), rows, top + height + screens * height) + 1
        return first, min(last, self._written)


def row_at(doc: QTextDocument, rows: list[list[int]], y: float) -> int:
    """The row (of `rows`, their block numbers) at height `y` of `doc` (0 above the text)."""
    layout = doc.documentLayout()
    low, high = 0, len(rows)
    while high - low > 1:  # the last row starting at or above y
        middle = (low + high) // 2
        if layout.blockBoundingRect(doc.findBlockByNumber(rows[middle][0])).y() <= y:
            low = middle
        else:
            high = middle
    return low


def _row_of_block(rows: list[list[int]], number: int) -> int:
    """The display row holding block `number` (the first row for a block before all rows)."""
    return max(0, bisect.bisect_right([numbers[0] for numbers in rows], number) - 1)


def _runs(rows: range | list[int], wanted: Callable[[int], bool]) -> Iterator[tuple[int, int]]:
    """Consecutive stretches `(start, end)` of `rows` (ascending) for which `wanted` holds."""
    start = previous = None
    for row in rows:
        if not wanted(row):
            continue
        if start is not None and previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None and previous is not None:
            yield start, previous + 1
        start = previous = row
    if start is not None and previous is not None:
        yield start, previous + 1
