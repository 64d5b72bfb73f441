"""`CompareView`: two versions side by side, aligned block by block, changes marked."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QDesktopServices, QFont, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.article import Article
from desktop.core.compare.engine import Comparison
from desktop.core.compare.model import BlockDiff, Op
from desktop.ui import text_render

# Marks meet WCAG AA with the default dark text on a light background.
COLORS = {
    "delete_word": QColor("#f6b9b3"),
    "insert_word": QColor("#b5e3bd"),
    "delete_block": QColor("#fdecea"),
    "insert_block": QColor("#e9f7ec"),
    "move_block": QColor("#e5eefa"),
    "gap": QColor("#f2f2f2"),
}


@dataclass
class _PaneLayout:
    """Where each row and each article block landed in one pane's document."""

    block_starts: dict[int, int] = field(default_factory=dict)  # article block → position
    rows: list[list[int]] = field(default_factory=list)  # row → QTextBlock numbers


class ComparePane(QTextBrowser):
    """One side of the comparison: read-only, never loads a resource.

    Signals:
        resized(): the pane changed size (its text re-wrapped).
    """

    resized = Signal()

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, kind: int, url: QUrl | str) -> None:
        """Never load anything an article points to."""
        return None

    def resizeEvent(self, event: object) -> None:
        """Report the resize: the other pane must re-align with the new wrapping."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.resized.emit()

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


class CompareView(QWidget):
    """Two panes, `compareLeft` (A) and `compareRight` (B), one row per `BlockDiff`.

    Rows are padded so a paragraph and its counterpart start at the same height,
    whatever the wrapping; the panes scroll together.

    Signals:
        comparison_shown(): a new comparison is on screen.
    """

    comparison_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setAccessibleName("Comparison of two versions")
        self._summary = QLabel(self)
        self._summary.setObjectName("compareSummary")
        self._summary.setWordWrap(True)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._titles = QSplitter(Qt.Orientation.Horizontal, self)
        self._left_title = QLabel(self._titles)
        self._right_title = QLabel(self._titles)
        for label in (self._left_title, self._right_title):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setObjectName("comparePaneTitle")
        self.left = ComparePane("compareLeft", "Older version (A)", self)
        self.right = ComparePane("compareRight", "Newer version (B)", self)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self.left)
        self._splitter.addWidget(self.right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._summary)
        layout.addWidget(self._titles)
        layout.addWidget(self._splitter, 1)
        self._syncing = False
        self._aligning = False
        # Wrapping changes with every width; re-align once the panes have settled.
        self._realign = QTimer(self)
        self._realign.setSingleShot(True)
        self._realign.setInterval(0)
        self._realign.timeout.connect(self._align_rows)
        self.left.resized.connect(self._realign.start)
        self.right.resized.connect(self._realign.start)
        self._comparison: Comparison | None = None
        self._layouts = (_PaneLayout(), _PaneLayout())
        self.left.verticalScrollBar().valueChanged.connect(self._on_left_scrolled)
        self.right.verticalScrollBar().valueChanged.connect(self._on_right_scrolled)
        self._base_font = QFont(self.font())
        self._base_font.setPointSizeF(max(self._base_font.pointSizeF(), 10.5) * 1.05)

    def comparison(self) -> Comparison | None:
        """The comparison shown, if any."""
        return self._comparison

    def summary_text(self) -> str:
        """The one-line summary shown above the panes."""
        return self._summary.text()

    def set_comparison(self, a: Article, b: Article, comparison: Comparison) -> None:
        """Show `comparison` of `a` (left) with `b` (right)."""
        self._comparison = comparison
        self._summary.setText(comparison.summary)
        self._left_title.setText(f"A: {a.display_title()}")
        self._right_title.setText(f"B: {b.display_title()}")
        self._left_title.setToolTip(a.meta.path or "")
        self._right_title.setToolTip(b.meta.path or "")
        self._layouts = (
            self._render(self.left, a, comparison.blocks, side=0),
            self._render(self.right, b, comparison.blocks, side=1),
        )
        for pane in (self.left, self.right):
            pane.document().documentLayout().documentSizeChanged.connect(self._on_document_resized)
        self._align_rows()
        self.comparison_shown.emit()

    def _render(self, pane: ComparePane, article: Article, rows: tuple[BlockDiff, ...],
                side: int) -> _PaneLayout:
        doc = text_render.new_document(self._base_font)
        cursor = QTextCursor(doc)
        layout = _PaneLayout()
        palette = pane.palette()
        first = True
        for row in rows:
            indices = row.a_blocks if side == 0 else row.b_blocks
            numbers = []
            if not indices:
                fmt = QTextBlockFormat()
                fmt.setBackground(COLORS["gap"])
                if first:
                    cursor.setBlockFormat(fmt)
                else:
                    cursor.insertBlock(fmt)
                numbers.append(cursor.block().blockNumber())
                first = False
            for index in indices:
                block = article.blocks[index]
                layout.block_starts[index] = text_render.insert_block(
                    cursor, block, self._base_font, palette, first=first)
                first = False
                tint = _block_tint(row, side)
                if tint is not None:
                    fmt = cursor.blockFormat()
                    fmt.setBackground(tint)
                    cursor.setBlockFormat(fmt)
                numbers.append(cursor.block().blockNumber())
            layout.rows.append(numbers)
        for row in rows:
            marks = row.a_marks if side == 0 else row.b_marks
            color = COLORS["delete_word"] if side == 0 else COLORS["insert_word"]
            if row.op in (Op.INSERT, Op.DELETE):
                continue  # the whole block is tinted already
            for mark in marks:
                start = layout.block_starts.get(mark.block)
                if start is None or mark.end <= mark.start:
                    continue
                cursor.setPosition(start + mark.start)
                cursor.setPosition(start + mark.end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(text_render.mark_format(color))
        pane.setDocument(doc)
        return layout

    @Slot()
    def _on_document_resized(self) -> None:
        if not self._aligning:
            self._realign.start()

    @Slot()
    def _align_rows(self) -> None:
        """Pad the shorter side of each row so both sides' rows start level."""
        self._aligning = True
        try:
            # Padding one row can re-wrap nothing but shifts fractional line
            # positions; a few passes settle it.
            for _ in range(4):
                if not self._pad_rows():
                    break
        finally:
            self._aligning = False

    def _pad_rows(self) -> bool:
        """One padding pass; True if any padding changed."""
        # Row heights are read off the current layout (start of the next row minus
        # start of this one, less the padding already there), then every row gets
        # the padding that makes both sides as tall as the taller one.
        docs = (self.left.document(), self.right.document())
        natural = [_row_heights(doc, layout.rows) for doc, layout in zip(docs, self._layouts, strict=True)]
        changed = False
        for i, (height_l, height_r) in enumerate(zip(*natural, strict=True)):
            tallest = max(height_l, height_r)
            changed |= _set_padding(docs[0], self._layouts[0].rows[i], tallest - height_l)
            changed |= _set_padding(docs[1], self._layouts[1].rows[i], tallest - height_r)
        return changed

    @Slot(int)
    def _on_left_scrolled(self, value: int) -> None:
        self._follow(self.right, value)

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


def _block_tint(row: BlockDiff, side: int) -> QColor | None:
    if row.op is Op.INSERT and side == 1:
        return COLORS["insert_block"]
    if row.op is Op.DELETE and side == 0:
        return COLORS["delete_block"]
    if row.op is Op.MOVE:
        return COLORS["move_block"]
    return None


def _padding(doc: QTextDocument, numbers: list[int]) -> float:
    block = doc.findBlockByNumber(numbers[-1])
    return float(block.blockFormat().property(_PAD_PROPERTY) or 0.0)


def _row_heights(doc: QTextDocument, rows: list[list[int]]) -> list[float]:
    """Each row's height without our padding, from the document's current layout."""
    layout = doc.documentLayout()
    starts = [layout.blockBoundingRect(doc.findBlockByNumber(numbers[0])).y() for numbers in rows]
    starts.append(layout.documentSize().height() - doc.documentMargin())
    return [starts[i + 1] - starts[i] - _padding(doc, rows[i]) for i in range(len(rows))]


_PAD_PROPERTY = QTextBlockFormat.Property.UserProperty + 1


def _set_padding(doc: QTextDocument, numbers: list[int], extra: float) -> bool:
    block = doc.findBlockByNumber(numbers[-1])
    fmt = block.blockFormat()
    old = float(fmt.property(_PAD_PROPERTY) or 0.0)
    if abs(old - extra) < 0.5:
        return False
    base_margin = fmt.bottomMargin() - old
    fmt.setBottomMargin(base_margin + extra)
    fmt.setProperty(_PAD_PROPERTY, extra)
    QTextCursor(block).setBlockFormat(fmt)
    return True
