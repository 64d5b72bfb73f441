"""`QuotesPanel`: every quotation of two versions with its fate, and re-dated dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from desktop.core.annotate.fates import QuoteFate
from desktop.core.annotate.fates_dates import DateChange
from desktop.core.annotate.versions import QuoteReport, quote_report
from desktop.core.article import Article, shorten
from desktop.core.compare import Op
from desktop.ui.workers import SEPARATE_PROCESS_CHARS, Job

SpanRole = Qt.ItemDataRole.UserRole + 1  # (side 0/1, start, end) in that version's text

FATE_LABELS = {
    "unchanged": "Unchanged",
    "reworded": "Reworded",
    "reattributed": "Re-attributed",
    "added": "Added",
    "removed": "Removed",
}
FATE_COLORS = {
    "reworded": QColor("#b45f06"),
    "reattributed": QColor("#7a3db8"),
    "added": QColor("#2e7d32"),
    "removed": QColor("#b3261e"),
}
FATE_ORDER = ("reattributed", "reworded", "removed", "added", "unchanged")


class QuotesPanel(QWidget):
    """Lists the fates of quotations between A and B; a click shows the quotation.

    Signals:
        quote_activated(int, int, int): side (0 = A, 1 = B) and the text range.
        report_shown(): a newly computed report is listed.
        failed(str): the quotations could not be compared; a message.
    """

    quote_activated = Signal(int, int, int)
    report_shown = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareQuotesPanel")
        self.setAccessibleName("Quotations in both versions and what happened to them")
        self._generation = 0
        self._report: QuoteReport | None = None
        self.summary = QLabel("Quotations: finding them…", self)
        self.summary.setObjectName("quotesSummary")
        self.model = FatesModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("quotesTree")
        self.tree.setAccessibleName("Quotations and their fates")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def compare(self, a: Article, b: Article, dcts: tuple[dt.date | None, dt.date | None]) -> None:
        """Find and pair the quotations of `a` and `b` off the GUI thread, then list them."""
        self._generation += 1
        self.set_report(None)
        job = Job(self._generation, "Comparing the quotations", quote_report, a, b, *dcts,
                  separate_process=len(a.text) + len(b.text) > SEPARATE_PROCESS_CHARS)
        job.succeeded.connect(self._on_job_succeeded)
        job.failed.connect(self._on_job_failed)
        job.start()

    def report(self) -> QuoteReport | None:
        """The report listed, once computed."""
        return self._report

    @Slot(int, object)
    def _on_job_succeeded(self, generation: int, report: QuoteReport) -> None:
        if generation == self._generation:
            self.set_report(report)
            self.report_shown.emit()

    @Slot(int, str)
    def _on_job_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.summary.setText(message)
            self.failed.emit(message)

    def set_report(self, report: QuoteReport | None) -> None:
        """Show `report` (None: being computed)."""
        self._report = report
        self.model.set_report(report)
        if report is None:
            self.summary.setText("Quotations: finding them…")
            return
        counts = report.counts()
        parts = [f"{counts[f]} {FATE_LABELS[f].lower()}" for f in FATE_ORDER if counts.get(f)]
        dates = len(report.date_changes)
        self.summary.setText(f"Quotations: {', '.join(parts) or 'none'}"
                             + (f"; {dates} date{'s' if dates != 1 else ''} now mean another day" if dates else ""))
        # Measured from the values, not by the view asking every row of a long pair.
        metrics = self.tree.fontMetrics()
        labels = {*FATE_LABELS.values(), "Re-dated", "Fate"}
        speakers = {fate.speaker or "" for fate in report.fates} | {"Speaker"}
        for column, texts in ((0, labels), (1, speakers)):
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            self.tree.setColumnWidth(column, min(widest + 2 * metrics.averageCharWidth() + 8, 260))

    @Slot(QModelIndex)
    def _on_tree_activated(self, index: QModelIndex) -> None:
        span = index.data(SpanRole)
        if span:
            self.quote_activated.emit(int(span[0]), int(span[1]), int(span[2]))


class FatesModel(QAbstractTableModel):
    """The rows of a `QuoteReport`: its quotations, most changed first, then re-dated dates.

    Cells are worked out when the view asks, so thousands of quotations cost nothing to show.
    """

    HEADERS = ("Fate", "Speaker", "Quotation")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fates: list[QuoteFate] = []
        self._changes: list[DateChange] = []

    def set_report(self, report: QuoteReport | None) -> None:
        """List `report` (None: nothing)."""
        self.beginResetModel()
        rank = {fate: i for i, fate in enumerate(FATE_ORDER)}
        self._fates = sorted(report.fates, key=lambda f: rank.get(f.fate, 9)) if report else []
        self._changes = list(report.date_changes) if report else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fates) + len(self._changes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() >= len(self._fates):
            return self._date_data(self._changes[index.row() - len(self._fates)], index.column(), role)
        fate = self._fates[index.row()]
        quote = fate.b or fate.a
        if quote is None:
            return None
        changed = fate.fate in ("reworded", "reattributed") and bool(fate.segments)
        if role == Qt.ItemDataRole.DisplayRole:
            return (FATE_LABELS.get(fate.fate, fate.fate), fate.speaker or "",
                    shorten(_diff_text(fate) if changed else quote.text, 200))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and fate.fate in FATE_COLORS:
            return QBrush(FATE_COLORS[fate.fate])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([quote.text, *(["Changes: " + _diff_text(fate)] if changed else []), *fate.notes])
        if role == SpanRole:
            return (1 if fate.b is not None else 0, quote.start, quote.end)
        return None

    @staticmethod
    def _date_data(change: DateChange, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return ("Re-dated", "", change.note)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(FATE_COLORS["reattributed"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return change.note
        if role == SpanRole:
            return (1, change.b.start, change.b.end)
        return None


def _diff_text(fate: object) -> str:
    """The quotation's word diff as text: [-removed-] {+added+}."""
    parts = []
    for segment in getattr(fate, "segments", ()):
        if segment.op is Op.DELETE:
            parts.append(f"[-{segment.text}-]")
        elif segment.op is Op.INSERT:
            parts.append(f"{{+{segment.text}+}}")
        else:
            parts.append(segment.text)
    return "".join(parts)
