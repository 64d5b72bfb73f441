"""`ImportProgress`: the status-bar progress of an import, with its Cancel button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ImportProgress(QWidget):
    """Files done of all, the file being read, and Cancel. Hidden when idle.

    Signals:
        cancel_requested(): the user pressed Cancel.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgressBar")
        self.bar.setAccessibleName("Import progress")
        self.bar.setFixedWidth(180)
        # A percentage: QProgressBar repaints at once (not at the next frame) whenever its
        # text changes, and with "done / total" that was every file, under a busy import.
        self.bar.setFormat("%p%")
        self.label = QLabel(self)
        self.label.setObjectName("importCurrentFile")
        self.label.setMaximumWidth(320)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setObjectName("importCancel")
        self.cancel.setAccessibleName("Cancel the import")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel)
        self.hide()

    def start(self, what: str) -> None:
        """Show an import starting."""
        self.bar.setRange(0, 0)  # busy until the first file is counted
        self.label.setText(what)
        self.cancel.setEnabled(True)
        self.show()

    @Slot(int, int, str)
    def update_progress(self, done: int, total: int, current: str) -> None:
        """Show `done` of `total`, reading `current`."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        name = Path(current).name
        self.label.setText(self.label.fontMetrics().elidedText(
            f"{done:,} of {total:,} · {name}", Qt.TextElideMode.ElideMiddle, 300))
        self.label.setToolTip(current)

    def finish(self) -> None:
        """Hide: the import is over."""
        self.hide()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText("Cancelling…")
        self.cancel_requested.emit()

