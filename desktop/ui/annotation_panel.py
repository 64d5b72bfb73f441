"""`AnnotationPanel`: the article's quotations by speaker and its dates in calendar order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTreeView, QVBoxLayout, QWidget

from desktop.core.annotate import Annotations
from desktop.core.annotate.describe import describe_value
from desktop.core.annotate.grouping import dates_in_calendar_order, quotes_by_speaker
from desktop.core.article import shorten

SpanRole = Qt.ItemDataRole.UserRole + 1


class AnnotationPanel(QWidget):
    """Lists what the reader marks; a click shows it in the reader.

    Signals:
        annotation_activated(int, int): the text range [start, end) of the chosen item.
        kinds_changed(bool, bool): whether quotations and dates are to be marked.
    """

    annotation_activated = Signal(int, int)
    kinds_changed = Signal(bool, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self.setAccessibleName("Quotations and dates")
        self.quotes_box = QCheckBox("Quotations", self)
        self.quotes_box.setObjectName("showQuotes")
        self.quotes_box.setToolTip("Mark quotations and their speakers in the text")
        self.dates_box = QCheckBox("Dates", self)
        self.dates_box.setObjectName("showDates")
        self.dates_box.setToolTip("Mark dates and the days they mean in the text")
        for box in (self.quotes_box, self.dates_box):
            box.setChecked(True)
            box.toggled.connect(self._on_box_toggled)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Quotations and dates"])
        self.tree = QTreeView(self)
        self.tree.setObjectName("annotationTree")
        self.tree.setAccessibleName("Quotations by speaker, then dates in calendar order")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        boxes = QHBoxLayout()
        boxes.addWidget(self.quotes_box)
        boxes.addWidget(self.dates_box)
        boxes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(boxes)
        layout.addWidget(self.tree, 1)

    def set_kinds(self, *, quotes: bool, dates: bool) -> None:
        """Set the two toggles without emitting `kinds_changed`."""
        for box, value in ((self.quotes_box, quotes), (self.dates_box, dates)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)

    def set_annotations(self, annotations: Annotations | None, text: str = "") -> None:
        """List `annotations` of `text` (the article text their offsets index)."""
        self.model.removeRows(0, self.model.rowCount())
        if annotations is None:
            return
        quotes_root = QStandardItem(f"Quotations ({len(annotations.quotes)})")
        for speaker, quotes in quotes_by_speaker(annotations.quotes, text):
            group = QStandardItem(f"{speaker} ({len(quotes)})")
            for quote in quotes:
                item = QStandardItem(shorten(quote.text, 120))
                item.setToolTip(quote.text)
                item.setData((quote.start, quote.end), SpanRole)
                group.appendRow(item)
            quotes_root.appendRow(group)
        dates_root = QStandardItem(f"Dates ({len(annotations.dates)})")
        for date in dates_in_calendar_order(annotations.dates):
            item = QStandardItem(f"{date.text} → {describe_value(date.value)}")
            item.setData((date.start, date.end), SpanRole)
            dates_root.appendRow(item)
        for root in (quotes_root, dates_root):
            self.model.appendRow(root)
        self.tree.expandAll()

    @Slot(QModelIndex)
    def _on_tree_activated(self, index: QModelIndex) -> None:
        span = index.data(SpanRole)
        if span:
            self.annotation_activated.emit(int(span[0]), int(span[1]))

    @Slot()
    def _on_box_toggled(self) -> None:
        self.kinds_changed.emit(self.quotes_box.isChecked(), self.dates_box.isChecked())
