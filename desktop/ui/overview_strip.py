"""`OverviewStrip`: a thin map of the whole comparison beside the scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.core.compare.model import Op

MARK_COLORS = {
    Op.INSERT: QColor("#3c9a50"),
    Op.DELETE: QColor("#c8453a"),
    Op.REPLACE: QColor("#d08a1e"),
    Op.MOVE: QColor("#3f6fb5"),
}
FOLDED_COLOR = QColor("#a0a0a0")


class OverviewStrip(QWidget):
    """Coloured ticks where the changes are; a click jumps there (Meld's chunk map).

    Signals:
        position_clicked(float): a click, as a fraction 0..1 of the document height.
    """

    position_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareOverview")
        self.setAccessibleName("Overview of changes")
        self.setToolTip("Where the changes are: click to go there")
        self.setFixedWidth(14)
        self._marks: list[tuple[float, float, QColor]] = []
        self._visible = (0.0, 1.0)

    def sizeHint(self) -> QSize:
        """Narrow and as tall as the panes."""
        return QSize(14, 100)

    def set_marks(self, marks: list[tuple[float, float, Op, bool]]) -> None:
        """Changes as (top, bottom) fractions of the document, their op and whether folded."""
        self._marks = [(top, bottom, FOLDED_COLOR if folded else MARK_COLORS.get(op, FOLDED_COLOR))
                       for top, bottom, op, folded in marks]
        self.update()

    def set_visible_range(self, top: float, bottom: float) -> None:
        """The fraction of the document on screen, drawn as a frame."""
        self._visible = (top, bottom)
        self.update()

    def mark_count(self) -> int:
        """How many changes are drawn."""
        return len(self._marks)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Ticks for changes, a frame for the visible part."""
        painter = QPainter(self)
        height = self.height()
        painter.fillRect(self.rect(), self.palette().base())
        for top, bottom, color in self._marks:
            y = top * height
            h = max(2.0, (bottom - top) * height)
            painter.fillRect(QRectF(2, y, self.width() - 4, h), color)
        top, bottom = self._visible
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawRect(QRectF(0.5, top * height, self.width() - 1.5, max(4.0, (bottom - top) * height)))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Jump to the clicked place."""
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self.position_clicked.emit(min(1.0, max(0.0, event.position().y() / self.height())))
