"""`ElidedLabel`: one line of plain text that ends in "…" when too long, full text in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class ElidedLabel(QWidget):
    """A label for titles of any length: elided to fit, never widening its parent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        """The full text."""
        return self._text

    def setText(self, text: str) -> None:
        """Show `text` (also as the tooltip, so the whole of it can be read)."""
        self._text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()

    def sizeHint(self) -> QSize:
        """One line high."""
        return QSize(100, self.fontMetrics().height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, elided at the right (left for right-to-left text)."""
        painter = QPainter(self)
        elided = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading),
                         elided)
        painter.end()
