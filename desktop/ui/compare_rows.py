"""`PaneRows`: a comparison's rows in the two panes, written a slice at a time and kept level."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QTextDocument

from desktop.core.article import Article
from desktop.core.compare import Comparison
from desktop.core.compare.navigate import DisplayRow
from desktop.ui import compare_window, text_render
from desktop.ui.compare_pane import ComparePane, PaneLayout, RowWriter, align_rows, row_tops, start_document
from desktop.ui.compare_window import RowWindow, row_at

FIRST_ROWS = 60  # written before the first frame: a screenful and more
CHUNK_ROWS = 120  # written per turn of the event loop after that, at first
CHUNK_SECONDS = 0.03  # then as many rows as take this long, so the window never stalls


class PaneRows(QObject):
    """The display rows of a comparison in the panes `left` (A) and `right` (B).

    The first screenful is written at once and the rest in slices while the
    window stays live; each row is padded so both sides start it level, and
    padded again when the panes' width changes. Past `compare_window.WINDOW_CHARS`
    only the rows near the view keep their text (`RowWindow`).

    Signals:
        finished(): every row is in the panes.
        remeasured(): the rows' heights changed after a resize (all of them measured).
        followed(): rows the view came near were written in after a scroll.
    """

    finished = Signal()
    remeasured = Signal()
    followed = Signal()

    def __init__(self, left: ComparePane, right: ComparePane, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = (left, right)
        self.articles: tuple[Article, Article] | None = None
        self.comparison: Comparison | None = None
        self.display: list[DisplayRow] = []
        self.layouts = (PaneLayout(), PaneLayout())
        self.window = RowWindow((left, right))
        self._font = QFont()
        self._chunk_rows = CHUNK_ROWS
        self._aligning = False
        self._remeasure_next = self._remeasure_until = 0
        self._more = self._timer(self._on_more_timeout)
        self._remeasure = self._timer(self._on_remeasure_timeout)
        self._follow = self._timer(self._on_follow_timeout)
        # Wrapping changes with every width; re-align once the panes have settled.
        self._realign = self._timer(self.align)
        # Weakly: a pane holding this object would make a cycle of Qt objects, which
        # Python's collector may then free on any thread, where widgets must not die.
        rows = weakref.ref(self)
        for side, pane in enumerate(self._panes):
            pane.resized.connect(self._realign.start)
            pane.whole_selection = partial(_whole_selection, rows, side)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def write(self, articles: tuple[Article, Article], comparison: Comparison, display: list[DisplayRow],
              font: QFont, *, all_at_once: bool) -> None:
        """Show `display` (rows of `comparison` of `articles`) in new documents: the first
        screenful now (every row if `all_at_once`), the rest in slices."""
        self._more.stop()
        self._remeasure.stop()
        self.articles, self.comparison, self.display, self._font = articles, comparison, display, font
        length = sum(len(block.text) for article in articles for block in article.blocks)
        windowed = length > compare_window.WINDOW_CHARS
        self.layouts = (PaneLayout(sentinel=windowed), PaneLayout(sentinel=windowed))
        self.window.reset(windowed)
        self._chunk_rows = CHUNK_ROWS
        for pane, layout in zip(self._panes, self.layouts, strict=True):
            pane.setDocument(text_render.new_document(font))
            start_document(pane.document(), layout)
        self._write_more(len(display) if all_at_once else FIRST_ROWS)

    def stop(self) -> None:
        """Write no more slices (the rows are about to be replaced)."""
        self._more.stop()

    def done(self) -> bool:
        """Whether every row is in the panes."""
        return len(self.layouts[0].rows) >= len(self.display)

    def tops(self) -> list[float]:
        """The y of every row written in the left pane, then where the text ends."""
        return row_tops(self._panes[0].document(), self.layouts[0].rows)

    def top(self, index: int) -> float:
        """The y of written row `index` in the left pane."""
        return row_tops(self._panes[0].document(), self.layouts[0].rows, index, index + 1)[0]

    def row_at(self, y: float) -> int:
        """The written row at height `y` of the left pane (a bisection, not a walk of every row)."""
        return row_at(self._panes[0].document(), self.layouts[0].rows, y)

    def ensure_written(self, index: int) -> None:
        """Write rows up to display row `index` now (navigation got ahead of the slices)."""
        missing = index + 1 - len(self.layouts[0].rows)
        if missing > 0:
            self._write_more(missing + FIRST_ROWS)

    def bring_in(self, start: int, end: int) -> None:
        """Make sure rows `start..end` have their text in the panes (a long pair lets go of some)."""
        if self.window.active and self.comparison is not None:
            self.window.bring_in(self._writers(), self.display, self.pad, start, end)

    def follow_view(self, *, now: bool = False) -> None:
        """Bring in the rows the view came near (soon, or `now`) and let go of far ones."""
        if not self.window.active:
            return
        if now:
            self._on_follow_timeout()
        else:
            self._follow.start()

    def whole_selection(self, side: int, start: int, end: int) -> tuple[QTextDocument, int, int] | None:
        """See `RowWindow.whole_selection`."""
        if self.comparison is None or self.articles is None:
            return None
        return self.window.whole_selection(self._writers()[side], self.display, start, end)

    @Slot()
    def align(self) -> None:
        """Pad the shorter side of each written row so both sides' rows start level (after a resize)."""
        if not self.display:
            return
        if self.window.active:
            # Rows not in the panes are as tall as they were at the old width: measure
            # them all again, a slice at a time, keeping the row at the top in place.
            # Rows written from now on are measured at the new width anyway.
            self._remeasure_next, self._remeasure_until = 0, len(self.layouts[0].rows)
            self._remeasure.start()
            return
        self.pad(0, len(self.layouts[0].rows))
        if self.done():
            self.remeasured.emit()

    def remeasuring(self) -> bool:
        """Whether rows are still being measured again after a resize."""
        return self._remeasure.isActive() or self._remeasure_next < self._remeasure_until

    def pad(self, start: int, end: int) -> None:
        """Pad rows `start..end` of both panes so they start level."""
        if self._aligning or start >= end:
            return
        self._aligning = True
        try:
            align_rows((self._panes[0].document(), self._panes[1].document()), self.layouts, start, end)
        finally:
            self._aligning = False

    def _writers(self) -> tuple[RowWriter, RowWriter]:
        assert self.comparison is not None and self.articles is not None
        left, right = self._panes
        rows = self.comparison.blocks
        return (RowWriter(left.document(), self.layouts[0], self.articles[0], rows, 0, self._font, left.palette()),
                RowWriter(right.document(), self.layouts[1], self.articles[1], rows, 1, self._font, right.palette()))

    def _write_more(self, count: int) -> None:
        start = len(self.layouts[0].rows)
        end = min(start + count, len(self.display))
        writers = self._writers()
        for writer in writers:
            writer.append(self.display[start:end])
        # From the row before: its height against the end of the text was not its height
        # against the row now after it (Qt lets facing margins overlap).
        self.pad(max(0, start - 1), end)
        self.window.measured(writers, start, end)
        if end < len(self.display):
            self._more.start()
        else:
            self.finished.emit()

    @Slot()
    def _on_more_timeout(self) -> None:
        if self.comparison is not None and not self.done():
            started = time.perf_counter()
            self._write_more(self._chunk_rows)
            took = max(time.perf_counter() - started, 1e-4)
            # Rows vary in length from one article to the next: aim at the time, not a count.
            self._chunk_rows = max(10, min(1000, int(self._chunk_rows * CHUNK_SECONDS / took)))

    @Slot()
    def _on_follow_timeout(self) -> None:
        if self.window.active and self.comparison is not None:
            self.window.follow_view(self._writers(), self.display, self.pad)
            self.followed.emit()

    @Slot()
    def _on_remeasure_timeout(self) -> None:
        if not self.window.active or self.comparison is None:
            return
        start = self._remeasure_next
        end = min(start + max(10, self._chunk_rows), self._remeasure_until)
        if start >= end:
            return
        started = time.perf_counter()
        left = self._panes[0]
        bar, doc, rows = left.verticalScrollBar(), left.document(), self.layouts[0].rows
        anchor = row_at(doc, rows, bar.value())
        offset = bar.value() - row_tops(doc, rows, anchor, anchor + 1)[0]
        self.window.remeasure(self._writers(), self.display, self.pad, start, end)
        bar.setValue(int(row_tops(doc, rows, anchor, anchor + 1)[0] + offset))
        took = max(time.perf_counter() - started, 1e-4)
        self._chunk_rows = max(10, min(1000, int((end - start) * CHUNK_SECONDS / took)))
        self._remeasure_next = end
        if end < self._remeasure_until:
            self._remeasure.start()
        elif self.done():
            self.remeasured.emit()


def _whole_selection(rows: weakref.ref[PaneRows], side: int, start: int,
                     end: int) -> tuple[QTextDocument, int, int] | None:
    owner = rows()
    return None if owner is None else owner.whole_selection(side, start, end)
