"""`QuotesPanel`: every quotation of two versions with its fate, and re-dated dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

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
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Fate", "Speaker", "Quotation"])
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
        self.model.removeRows(0, self.model.rowCount())
        if report is None:
            self.summary.setText("Quotations: finding them…")
            return
        counts = report.counts()
        parts = [f"{counts[f]} {FATE_LABELS[f].lower()}" for f in FATE_ORDER if counts.get(f)]
        dates = len(report.date_changes)
        self.summary.setText(f"Quotations: {', '.join(parts) or 'none'}"
                             + (f"; {dates} date{'s' if dates != 1 else ''} now mean another day" if dates else ""))
        rank = {fate: i for i, fate in enumerate(FATE_ORDER)}
        for fate in sorted(report.fates, key=lambda f: rank.get(f.fate, 9)):
            quote = fate.b or fate.a
            assert quote is not None
            side = 1 if fate.b is not None else 0
            label = QStandardItem(FATE_LABELS.get(fate.fate, fate.fate))
            if fate.fate in FATE_COLORS:
                label.setForeground(QBrush(FATE_COLORS[fate.fate]))
            speaker = QStandardItem(fate.speaker or "")
            changed = fate.fate in ("reworded", "reattributed") and fate.segments
            text = QStandardItem(shorten(_diff_text(fate) if changed else quote.text, 200))
            tip = [quote.text, *fate.notes]
            if fate.fate in ("reworded", "reattributed") and fate.segments:
                tip.insert(1, "Changes: " + _diff_text(fate))
            for item in (label, speaker, text):
                item.setToolTip("\n".join(tip))
                item.setData((side, quote.start, quote.end), SpanRole)
            self.model.appendRow([label, speaker, text])
        for change in report.date_changes:
            label = QStandardItem("Re-dated")
            label.setForeground(QBrush(FATE_COLORS["reattributed"]))
            text = QStandardItem(change.note)
            for item in (label, text):
                item.setData((1, change.b.start, change.b.end), SpanRole)
                item.setToolTip(change.note)
            self.model.appendRow([label, QStandardItem(""), text])
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)

    @Slot(QModelIndex)
    def _on_tree_activated(self, index: QModelIndex) -> None:
        span = index.data(SpanRole)
        if span:
            self.quote_activated.emit(int(span[0]), int(span[1]), int(span[2]))


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
