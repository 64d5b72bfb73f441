"""`CompareView`: two versions side by side, aligned row by row, changes marked."""

from __future__ import annotations

import bisect
import datetime as dt
import time
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotate.versions import QuoteReport
from desktop.core.article import Article
from desktop.core.compare import CompareOptions, Comparison, compare_articles
from desktop.core.compare.navigate import DisplayRow, change_stops, display_rows, next_stop
from desktop.ui import compare_window, text_render
from desktop.ui.compare_filter_bar import CompareFilterBar
from desktop.ui.compare_pane import ComparePane, PaneLayout, RowWriter, align_rows, row_tops, start_document
from desktop.ui.compare_window import RowWindow, row_at
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.overview_strip import OverviewStrip
from desktop.ui.quotes_panel import QuotesPanel
from desktop.ui.theme import mark_color
from desktop.ui.workers import Job

__all__ = ["ComparePane", "CompareView"]

FIRST_ROWS = 60  # rendered before the first frame: a screenful and more
CHUNK_ROWS = 120  # rendered per turn of the event loop after that, at first
CHUNK_SECONDS = 0.03  # then as many rows as take this long, so the window never stalls


class CompareView(QWidget):
    """Two panes, `compareLeft` (A) and `compareRight` (B), one row per aligned paragraph.

    Rows are padded so a paragraph and its counterpart start at the same height,
    whatever the wrapping; the panes therefore scroll together by equal offsets.
    Boilerplate rows are folded into one line until clicked.

    Signals:
        comparison_shown(): a comparison is on screen (its first screenful at least).
        rendering_finished(): every row of the comparison is in the panes.
        quotes_compared(): the quotations panel lists what happened to each quotation.
        status_message(str): something to tell the user in the status bar.
    """

    comparison_shown = Signal()
    rendering_finished = Signal()
    quotes_compared = Signal()
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setAccessibleName("Comparison of two versions")
        self._articles: tuple[Article, Article] | None = None
        self._comparison: Comparison | None = None
        self._options = CompareOptions()
        self._generation = 0
        self._job: Job | None = None
        self._boilerplate: frozenset[str] = frozenset()
        self._pending_range: tuple[int, int, int] | None = None
        self._display: list[DisplayRow] = []
        self._expanded: set[int] = set()
        self._layouts = (PaneLayout(), PaneLayout())
        self._current: int | None = None  # display row of the current change
        self._syncing = False
        self._aligning = False
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(self._font.pointSizeF(), 10.5) * 1.05)

        self._summary = QLabel(self)
        self._summary.setObjectName("compareSummary")
        self._summary.setAccessibleName("Summary of changes")
        self._summary.setWordWrap(True)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._filter_bar = CompareFilterBar(self._options, self)
        self._filter_bar.options_changed.connect(self._on_filter_bar_options_changed)
        self._filter_bar.quotes_panel_toggled.connect(self._on_show_quotes_toggled)
        self._left_title, self._right_title = ElidedLabel(self), ElidedLabel(self)
        for label in (self._left_title, self._right_title):
            label.setObjectName("comparePaneTitle")
        self.left = ComparePane("compareLeft", "Older version (A)", self)
        self.right = ComparePane("compareRight", "Newer version (B)", self)
        self.overview = OverviewStrip(self)
        left_box, right_box = QWidget(self), QWidget(self)
        for box, title, pane in ((left_box, self._left_title, self.left),
                                 (right_box, self._right_title, self.right)):
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(pane, 1)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("compareSplitter")
        self._splitter.addWidget(left_box)
        self._splitter.addWidget(right_box)
        panes = QWidget(self)
        body = QHBoxLayout(panes)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        body.addWidget(self._splitter, 1)
        body.addWidget(self.overview)
        self.quotes_panel = QuotesPanel(self)
        self.quotes_panel.quote_activated.connect(self._on_quotes_panel_quote_activated)
        self.quotes_panel.report_shown.connect(self.quotes_compared)
        self.quotes_panel.failed.connect(self.status_message)
        self._vertical = QSplitter(Qt.Orientation.Vertical, self)
        self._vertical.setObjectName("compareVerticalSplitter")
        self._vertical.addWidget(panes)
        self._vertical.addWidget(self.quotes_panel)
        self._vertical.setStretchFactor(0, 4)
        self._vertical.setStretchFactor(1, 1)
        self._vertical.setSizes([600, 170])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self._summary)
        layout.addWidget(self._filter_bar)
        layout.addWidget(self._vertical, 1)

        # Wrapping changes with every width; re-align once the panes have settled.
        self._realign = QTimer(self)
        self._realign.setSingleShot(True)
        self._realign.setInterval(0)
        self._realign.timeout.connect(self._align_rows)
        self._chunk_rows = CHUNK_ROWS
        self._window = RowWindow((self.left, self.right))
        self.left.whole_selection = lambda start, end: self._whole_selection(0, start, end)
        self.right.whole_selection = lambda start, end: self._whole_selection(1, start, end)
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(0)
        self._follow_timer.timeout.connect(self._on_follow_timeout)
        self._remeasure = QTimer(self)
        self._remeasure.setSingleShot(True)
        self._remeasure.setInterval(0)
        self._remeasure.timeout.connect(self._on_remeasure_timeout)
        self._remeasure_next = self._remeasure_until = 0
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._on_more_timeout)
        for pane in (self.left, self.right):
            pane.resized.connect(self._realign.start)
            pane.fold_clicked.connect(self._on_pane_fold_clicked)
        self.left.verticalScrollBar().valueChanged.connect(self._on_left_scrolled)
        self.right.verticalScrollBar().valueChanged.connect(self._on_right_scrolled)
        self.overview.position_clicked.connect(self._on_overview_position_clicked)

    # Public interface
    def comparison(self) -> Comparison | None:
        """The comparison shown, if any."""
        return self._comparison

    def articles(self) -> tuple[Article, Article] | None:
        """The two articles compared (A, B), if any."""
        return self._articles

    def options(self) -> CompareOptions:
        """The options the filter bar stands at."""
        return self._options

    def set_reading_font(self, font: QFont) -> None:
        """Show the texts in `font` from now on."""
        self._font = QFont(font)
        if self._comparison is not None:
            self._render()

    def set_default_options(self, options: CompareOptions) -> None:
        """The filters new comparisons start with (the filter bar shows them)."""
        self._options = options
        self._filter_bar.set_options(options)

    def summary_text(self) -> str:
        """The one-line summary shown above the panes."""
        return self._summary.text()

    def compare(self, a: Article, b: Article, dcts: tuple[dt.date | None, dt.date | None] = (None, None),
                boilerplate: frozenset[str] = frozenset()) -> None:
        """Compare `a` (left) with `b` (right) off the GUI thread, then show the result.

        `dcts` are the publication dates to resolve each version's dates against
        (default: each article's own); `boilerplate` the fingerprints of paragraphs
        the library knows recur across stories.
        """
        self._articles = (a, b)
        self._comparison = None  # until the new one is computed
        self._pending_range = None
        self._boilerplate = boilerplate
        self._start_job()
        self.quotes_panel.compare(a, b, (dcts[0] or a.meta.date, dcts[1] or b.meta.date))

    def quote_report(self) -> QuoteReport | None:
        """What happened to each quotation, once computed."""
        return self.quotes_panel.report()

    def show_text_range(self, side: int, start: int, end: int) -> None:
        """Select text `[start, end)` of version A (side 0) or B (side 1) and scroll to it."""
        if self._articles is None or self._comparison is None:
            return
        article = self._articles[side]
        offsets = article.block_offsets()
        block = max(0, bisect.bisect_right(offsets, start) - 1)
        rows = self._comparison.blocks
        owner = next((i for i, r in enumerate(rows) if block in (r.a_blocks if side == 0 else r.b_blocks)), None)
        if owner is None:
            return
        if rows[owner].folded:
            fold_start = next((item.fold.start for item in self._display
                               if item.fold is not None and item.fold.start <= owner < item.fold.end), None)
            if fold_start is not None and fold_start not in self._expanded:
                self._expanded.add(fold_start)
                self._render()
        index = next((i for i, item in enumerate(self._display) if item.row == owner), None)
        if index is None:
            return
        # Written up to its row only (on a long pair, not every row after it too), and in the panes.
        self._ensure_rendered(index)
        self._bring_in(index, index + 1)
        pane = (self.left, self.right)[side]
        base = self._layouts[side].block_start(pane.document(), block)
        if base is None:
            return
        text = article.blocks[block].text
        cursor = QTextCursor(pane.document())
        cursor.setPosition(base + text_render.utf16_offset(text, min(max(0, start - offsets[block]), len(text))))
        cursor.setPosition(base + text_render.utf16_offset(text, min(max(0, end - offsets[block]), len(text))),
                           QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.ensureCursorVisible()

    def set_comparison(self, a: Article, b: Article, comparison: Comparison,
                       display: list[DisplayRow] | None = None) -> None:
        """Show an already computed comparison of `a` with `b` (`display`: its rows as first
        shown, if already worked out: a long pair's take the window tens of milliseconds)."""
        self._articles = (a, b)
        self._comparison = comparison
        self._expanded.clear()
        self._current = None
        self._left_title.setText(f"A: {a.display_title()}" + (f"  ({a.meta.path})" if a.meta.path else ""))
        self._right_title.setText(f"B: {b.display_title()}" + (f"  ({b.meta.path})" if b.meta.path else ""))
        self._summary.setText(comparison.summary)
        self._more.stop()
        self._display = []
        self.left.verticalScrollBar().setValue(0)  # a new comparison starts at its top
        self._render(display)
        if self._pending_range is not None:
            pending, self._pending_range = self._pending_range, None
            self.show_text_range(*pending)
        self.comparison_shown.emit()

    def next_change(self) -> None:
        """Scroll to the next change (F7)."""
        self._go_to_change(forward=True)

    def previous_change(self) -> None:
        """Scroll to the previous change (Shift+F7)."""
        self._go_to_change(forward=False)

    def current_row(self) -> int | None:
        """The comparison row of the current change, if one was navigated to."""
        if self._current is None:
            return None
        return self._display[self._current].row

    # Computing
    def _start_job(self) -> None:
        assert self._articles is not None
        self._generation += 1
        self._summary.setText("Comparing…")
        options = replace(self._options, boilerplate_fingerprints=self._boilerplate)
        job = Job(self._generation, "The comparison", _compare_for_view, *self._articles, options)
        job.succeeded.connect(self._on_job_succeeded)
        job.failed.connect(self._on_job_failed)
        self._job = job
        job.start()

    @Slot(int, object)
    def _on_job_succeeded(self, generation: int, result: tuple[Comparison, list[DisplayRow]]) -> None:
        if generation != self._generation or self._articles is None:
            return  # a newer comparison was asked for meanwhile
        self.set_comparison(*self._articles, *result)

    @Slot(int, int, int)
    def _on_quotes_panel_quote_activated(self, side: int, start: int, end: int) -> None:
        if self._comparison is None or self._articles is None:
            self._pending_range = (side, start, end)  # shown once the comparison is
        else:
            self.show_text_range(side, start, end)

    @Slot(bool)
    def _on_show_quotes_toggled(self, shown: bool) -> None:
        self.quotes_panel.setVisible(shown)

    @Slot(int, str)
    def _on_job_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._summary.setText(message)
            self.status_message.emit(message)

    @Slot(object)
    def _on_filter_bar_options_changed(self, options: CompareOptions) -> None:
        self._options = options
        if self._articles is not None:
            self._start_job()

    # Rendering: the first screenful at once, the rest in chunks while the window stays live
    def _render(self, display: list[DisplayRow] | None = None) -> None:
        assert self._comparison is not None and self._articles is not None
        self._more.stop()
        self._remeasure.stop()
        self._display = display if display is not None else display_rows(self._comparison.blocks, self._expanded)
        scroll = self.left.verticalScrollBar().value()
        length = sum(len(block.text) for article in self._articles for block in article.blocks)
        windowed = length > compare_window.WINDOW_CHARS
        self._layouts = (PaneLayout(sentinel=windowed), PaneLayout(sentinel=windowed))
        self._window.reset(windowed)
        self._chunk_rows = CHUNK_ROWS
        for pane, layout in zip((self.left, self.right), self._layouts, strict=True):
            pane.setDocument(text_render.new_document(self._font))
            start_document(pane.document(), layout)
        self._render_more(FIRST_ROWS if scroll == 0 else len(self._display))
        self.left.verticalScrollBar().setValue(scroll)
        self._highlight_current()

    def rendering_done(self) -> bool:
        """Whether every row is in the panes."""
        return len(self._layouts[0].rows) >= len(self._display)

    def _render_more(self, count: int) -> None:
        assert self._comparison is not None and self._articles is not None
        start = len(self._layouts[0].rows)
        end = min(start + count, len(self._display))
        writers = self._writers()
        for writer in writers:
            writer.append(self._display[start:end])
        # From the row before: its height against the end of the text was not its height
        # against the row now after it (Qt lets facing margins overlap).
        self._pad_range(max(0, start - 1), end)
        self._window.measured(writers, start, end)
        if end < len(self._display):
            self._more.start()
        else:
            self._update_overview()
            self.rendering_finished.emit()

    @Slot()
    def _on_more_timeout(self) -> None:
        if self._comparison is not None and not self.rendering_done():
            started = time.perf_counter()
            self._render_more(self._chunk_rows)
            took = max(time.perf_counter() - started, 1e-4)
            # Rows vary in length from one article to the next: aim at the time, not a count.
            self._chunk_rows = max(10, min(1000, int(self._chunk_rows * CHUNK_SECONDS / took)))

    def _ensure_rendered(self, index: int) -> None:
        """Render synchronously up to display row `index` (navigation got ahead of the chunks)."""
        missing = index + 1 - len(self._layouts[0].rows)
        if missing > 0:
            self._render_more(missing + FIRST_ROWS)

    @Slot(int)
    def _on_pane_fold_clicked(self, start: int) -> None:
        self._expanded ^= {start}
        self._current = None
        self._render()

    def _writers(self) -> tuple[RowWriter, RowWriter]:
        assert self._comparison is not None and self._articles is not None
        return (RowWriter(self.left.document(), self._layouts[0], self._articles[0], self._comparison.blocks, 0,
                          self._font, self.left.palette()),
                RowWriter(self.right.document(), self._layouts[1], self._articles[1], self._comparison.blocks, 1,
                          self._font, self.right.palette()))

    def _whole_selection(self, side: int, start: int, end: int) -> tuple[QTextDocument, int, int] | None:
        if self._comparison is None or self._articles is None:
            return None
        return self._window.whole_selection(self._writers()[side], self._display, start, end)

    def _bring_in(self, start: int, end: int) -> None:
        """Make sure rows `start..end` have their text in the panes (a long comparison lets go of some)."""
        if self._window.active and self._comparison is not None:
            self._window.bring_in(self._writers(), self._display, self._pad_range, start, end)

    @Slot()
    def _on_follow_timeout(self) -> None:
        if self._window.active and self._comparison is not None:
            self._window.follow_view(self._writers(), self._display, self._pad_range)
            self._highlight_current()

    @Slot()
    def _align_rows(self) -> None:
        """Pad the shorter side of each rendered row so both sides' rows start level (after a resize)."""
        if not self._display:
            return
        if self._window.active:
            # Rows not in the panes are as tall as they were at the old width: measure
            # them all again, a slice at a time, keeping the row at the top in place.
            # Rows written from now on are measured at the new width anyway.
            self._remeasure_next, self._remeasure_until = 0, len(self._layouts[0].rows)
            self._remeasure.start()
            return
        self._pad_range(0, len(self._layouts[0].rows))
        if self.rendering_done():
            self._update_overview()

    @Slot()
    def _on_remeasure_timeout(self) -> None:
        if not self._window.active or self._comparison is None:
            return
        start = self._remeasure_next
        end = min(start + max(10, self._chunk_rows), self._remeasure_until)
        if start >= end:
            return
        started = time.perf_counter()
        bar, doc, rows = self.left.verticalScrollBar(), self.left.document(), self._layouts[0].rows
        anchor = row_at(doc, rows, bar.value())
        offset = bar.value() - row_tops(doc, rows, anchor, anchor + 1)[0]
        self._window.remeasure(self._writers(), self._display, self._pad_range, start, end)
        bar.setValue(int(row_tops(doc, rows, anchor, anchor + 1)[0] + offset))
        took = max(time.perf_counter() - started, 1e-4)
        self._chunk_rows = max(10, min(1000, int((end - start) * CHUNK_SECONDS / took)))
        self._remeasure_next = end
        if end < self._remeasure_until:
            self._remeasure.start()
        elif self.rendering_done():
            self._update_overview()

    def _pad_range(self, start: int, end: int) -> None:
        if self._aligning or start >= end:
            return
        self._aligning = True
        try:
            align_rows((self.left.document(), self.right.document()), self._layouts, start, end)
        finally:
            self._aligning = False

    def _update_overview(self) -> None:
        if self._comparison is None:
            return
        tops = row_tops(self.left.document(), self._layouts[0].rows)
        total = max(1.0, tops[-1])
        rows = self._comparison.blocks
        marks = []
        for i, item in enumerate(self._display):
            if item.fold is not None:
                marks.append((tops[i] / total, tops[i + 1] / total, rows[item.fold.start].op, True))
            elif item.row is not None and rows[item.row].changed:
                row = rows[item.row]
                marks.append((tops[i] / total, tops[i + 1] / total, row.op, row.folded))
        self.overview.set_marks(marks)
        self._update_visible_range()

    def _update_visible_range(self) -> None:
        bar = self.left.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total > 0:
            self.overview.set_visible_range(bar.value() / total, (bar.value() + bar.pageStep()) / total)

    # Navigation
    def _go_to_change(self, *, forward: bool) -> None:
        if self._comparison is None:
            return
        stops = change_stops(self._comparison.blocks, self._display)
        current = self._current if self._current is not None else self._row_at_top(forward)
        target = next_stop(stops, current, forward=forward)
        if target is not None:
            self._ensure_rendered(target)
        if target is None:
            self.status_message.emit("No more changes" + (" below." if forward else " above."))
            return
        self._current = target
        self._bring_in(target, target + 1)
        self._scroll_to_row(target)
        self._on_follow_timeout()
        self._highlight_current()

    def _row_at_top(self, forward: bool) -> int | None:
        """Where navigation starts from when nothing was navigated to: the top of the view."""
        value = self.left.verticalScrollBar().value()
        if value == 0:
            return None
        tops = row_tops(self.left.document(), self._layouts[0].rows)
        above = [i for i, top in enumerate(tops[:-1]) if top <= value]
        return above[-1] if above else None

    def _scroll_to_row(self, index: int) -> None:
        top = row_tops(self.left.document(), self._layouts[0].rows)[index]
        self.left.verticalScrollBar().setValue(int(top - self.left.viewport().height() / 4))

    def _highlight_current(self) -> None:
        for pane, layout in zip((self.left, self.right), self._layouts, strict=True):
            selections = []
            if self._current is not None and self._current < len(layout.rows):
                for number in layout.rows[self._current]:
                    selection = QTextEdit.ExtraSelection()
                    block = pane.document().findBlockByNumber(number)
                    selection.cursor = QTextCursor(block)
                    # The whole paragraph, every wrapped line of it, not just its first line.
                    selection.cursor.setPosition(block.position() + max(0, block.length() - 1),
                                                 QTextCursor.MoveMode.KeepAnchor)
                    # Full width only paints one line, so only empty gap lines get it.
                    selection.format.setProperty(QTextFormat.Property.FullWidthSelection, block.length() <= 1)
                    selection.format.setBackground(mark_color("current"))
                    selections.append(selection)
            pane.setExtraSelections(selections)

    # Scrolling together
    @Slot(int)
    def _on_left_scrolled(self, value: int) -> None:
        self._follow(self.right, value)
        self._update_visible_range()
        if self._window.active:
            self._follow_timer.start()

    @Slot(int)
    def _on_right_scrolled(self, value: int) -> None:
        self._follow(self.left, value)

    def _follow(self, other: ComparePane, value: int) -> None:
        # Rows are padded to equal heights, so equal offsets show the same rows.
        if self._syncing:
            return
        self._syncing = True
        try:
            other.verticalScrollBar().setValue(value)
        finally:
            self._syncing = False

    @Slot(float)
    def _on_overview_position_clicked(self, fraction: float) -> None:
        bar = self.left.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        bar.setValue(int(fraction * total - bar.pageStep() / 2))


def _compare_for_view(a: Article, b: Article, options: CompareOptions) -> tuple[Comparison, list[DisplayRow]]:
    """The comparison, and its rows as first shown (no fold opened), off the GUI thread."""
    comparison = compare_articles(a, b, options)
    return comparison, display_rows(comparison.blocks, set())
