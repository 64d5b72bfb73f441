"""`SnippetDelegate`: paints a search snippet with its matching words in bold."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QFont, QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.library_model import LibraryModel

CONTEXT = 24  # characters shown before the first match


class SnippetDelegate(QStyledItemDelegate):
    """Draws `LibraryModel.SnippetRole` text; other cells as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        snippet = index.data(LibraryModel.SnippetRole)
        if not snippet:
            super().paint(painter, option, index)
            return
        text, matches = snippet
        text = str(text).replace("\n", " ").replace("\t", " ")  # same length: ranges still fit
        matches = [(start, end) for start, end in matches if 0 <= start < end <= len(text)]
        if matches and matches[0][0] > CONTEXT:
            # Start shortly before the first match so a narrow column still shows it.
            cut = matches[0][0] - CONTEXT
            text = "…" + text[cut:]
            matches = [(start - cut + 1, end - cut + 1) for start, end in matches]
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        layout = QTextLayout(text, option.font)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        ranges = []
        for start, end in matches:
            if 0 <= start < end <= len(text):
                fmt_range = QTextLayout.FormatRange()
                fmt_range.start, fmt_range.length, fmt_range.format = start, end - start, bold
                ranges.append(fmt_range)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)  # one line, clipped to the cell
        layout.endLayout()
        painter.save()
        painter.setClipRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        y = option.rect.top() + (option.rect.height() - line.height()) / 2
        layout.draw(painter, QRectF(option.rect.left() + 4, y, 0, 0).topLeft())
        painter.restore()
