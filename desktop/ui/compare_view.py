"""`CompareView`: two versions side by side, aligned row by row, changes marked."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QTextCursor, QTextFormat
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
from desktop.ui import text_render
from desktop.ui.compare_filter_bar import CompareFilterBar
from desktop.ui.compare_pane import ComparePane
from desktop.ui.compare_rows import PaneRows
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.overview_strip import OverviewStrip
from desktop.ui.quotes_panel import QuotesPanel
from desktop.ui.theme import mark_color
from desktop.ui.workers import Job

__all__ = ["ComparePane", "CompareView"]


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
        self._expanded: set[int] = set()
        self._current: int | None = None  # display row of the current change
        self._syncing = False
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

        self.rows = PaneRows(self.left, self.right, parent=self)
        self.rows.finished.connect(self._on_rows_finished)
        self.rows.remeasured.connect(self._update_overview)
        self.rows.followed.connect(self._highlight_current)
        for pane in (self.left, self.right):
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
            fold_start = next((item.fold.start for item in self.rows.display
                               if item.fold is not None and item.fold.start <= owner < item.fold.end), None)
            if fold_start is not None and fold_start not in self._expanded:
                self._expanded.add(fold_start)
                self._render()
        index = next((i for i, item in enumerate(self.rows.display) if item.row == owner), None)
        if index is None:
            return
        # Written up to its row only (on a long pair, not every row after it too), and in the panes.
        self.rows.ensure_written(index)
        self.rows.bring_in(index, index + 1)
        pane = (self.left, self.right)[side]
        base = self.rows.layouts[side].block_start(pane.document(), block)
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
        self.rows.stop()
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
        return self.rows.display[self._current].row

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
        if display is None:
            display = display_rows(self._comparison.blocks, self._expanded)
        scroll = self.left.verticalScrollBar().value()
        self.rows.write(self._articles, self._comparison, display, self._font, all_at_once=scroll != 0)
        self.left.verticalScrollBar().setValue(scroll)
        self._highlight_current()

    def rendering_done(self) -> bool:
        """Whether every row is in the panes."""
        return self.rows.done()

    @Slot()
    def _on_rows_finished(self) -> None:
        self._update_overview()
        self.rendering_finished.emit()

    @Slot(int)
    def _on_pane_fold_clicked(self, start: int) -> None:
        self._expanded ^= {start}
        self._current = None
        self._render()

    @Slot()
    def _update_overview(self) -> None:
        if self._comparison is None:
            return
        tops = self.rows.tops()
        total = max(1.0, tops[-1])
        rows = self._comparison.blocks
        marks = []
        for i, item in enumerate(self.rows.display):
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
        stops = change_stops(self._comparison.blocks, self.rows.display)
        current = self._current if self._current is not None else self._row_at_top(forward)
        target = next_stop(stops, current, forward=forward)
        if target is None:
            self.status_message.emit("No more changes" + (" below." if forward else " above."))
            return
        self.rows.ensure_written(target)
        self._current = target
        self.rows.bring_in(target, target + 1)
        self._scroll_to_row(target)
        self.rows.follow_view(now=True)
        self._highlight_current()

    def _row_at_top(self, forward: bool) -> int | None:
        """Where navigation starts from when nothing was navigated to: the top of the view."""
        value = self.left.verticalScrollBar().value()
        if value == 0 or not self.rows.layouts[0].rows:
            return None
        index = self.rows.row_at(value)
        return index if self.rows.top(index) <= value else None

    def _scroll_to_row(self, index: int) -> None:
        self.left.verticalScrollBar().setValue(int(self.rows.top(index) - self.left.viewport().height() / 4))

    def _highlight_current(self) -> None:
        for pane, layout in zip((self.left, self.right), self.rows.layouts, strict=True):
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
        self.rows.follow_view()

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
