"""One side of the comparison: the pane widget, and writing rows into its document."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.article import Article, BlockKind, shorten
from desktop.core.compare.model import BlockDiff, Op
from desktop.core.compare.navigate import DisplayRow
from desktop.ui import text_render
from desktop.ui.theme import mark_color

FOLD_SCHEME = "palimpsest-fold"



@dataclass
class PaneLayout:
    """Where each article block and each display row landed in a pane's document."""

    block_starts: dict[int, int] = field(default_factory=dict)  # article block → position
    rows: list[list[int]] = field(default_factory=list)  # display row → QTextBlock numbers


class ComparePane(QTextBrowser):
    """One side of the comparison: read-only, never loads a resource.

    Signals:
        resized(): the pane changed size (its text re-wrapped).
        fold_clicked(int): the fold starting at this row was clicked.
    """

    resized = Signal()
    fold_clicked = Signal(int)

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
        """Report the resize: rows must be re-aligned with the new wrapping."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.resized.emit()

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == FOLD_SCHEME:
            self.fold_clicked.emit(int(url.path() or 0))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


def append_rows(doc: QTextDocument, layout: PaneLayout, article: Article, rows: tuple[BlockDiff, ...],
                display: list[DisplayRow], side: int, font: QFont, palette: QPalette) -> None:
    """Write one side (0 = A, 1 = B) of more display rows at the end of `doc`.

    `layout` records where they landed; its `rows` grows by `len(display)`.
    """
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    first = not layout.rows  # the document's first, empty block is filled, not followed
    for item in display:
        numbers: list[int] = []
        if item.fold is not None:
            _write_fold_line(cursor, article, rows, item, side, font, palette, first=first)
            numbers.append(cursor.block().blockNumber())
        else:
            assert item.row is not None
            row = rows[item.row]
            indices = row.a_blocks if side == 0 else row.b_blocks
            if not indices:
                _write_gap(cursor, first=first)
                numbers.append(cursor.block().blockNumber())
            for index in indices:
                layout.block_starts[index] = text_render.insert_block(
                    cursor, article.blocks[index], font, palette, first=first and not numbers)
                tint = _block_tint(row, side)
                if tint is not None:
                    fmt = cursor.blockFormat()
                    fmt.setBackground(tint)
                    cursor.setBlockFormat(fmt)
                numbers.append(cursor.block().blockNumber())
        first = False
        layout.rows.append(numbers)
    _paint_marks(cursor, article, rows, display, layout, side)
    cursor.endEditBlock()


def _paint_marks(cursor: QTextCursor, article: Article, rows: tuple[BlockDiff, ...], display: list[DisplayRow],
                 layout: PaneLayout, side: int) -> None:
    color = mark_color("delete_word" if side == 0 else "insert_word")
    fmt = text_render.mark_format(color)
    for item in display:
        if item.row is None:
            continue
        row = rows[item.row]
        if row.op in (Op.INSERT, Op.DELETE):
            continue  # the whole block is tinted already
        for mark in row.a_marks if side == 0 else row.b_marks:
            start = layout.block_starts.get(mark.block)
            if start is None or mark.end <= mark.start:
                continue
            text = article.blocks[mark.block].text
            cursor.setPosition(start + text_render.utf16_offset(text, mark.start))
            cursor.setPosition(start + text_render.utf16_offset(text, mark.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)


def _write_gap(cursor: QTextCursor, *, first: bool) -> None:
    fmt = QTextBlockFormat()
    fmt.setBackground(mark_color("gap"))
    if first:
        cursor.setBlockFormat(fmt)
    else:
        cursor.insertBlock(fmt)


def _write_fold_line(cursor: QTextCursor, article: Article, rows: tuple[BlockDiff, ...], item: DisplayRow,
                     side: int, font: QFont, palette: QPalette, *, first: bool) -> None:
    assert item.fold is not None
    fold = item.fold
    indices = [i for r in rows[fold.start:fold.end] for i in (r.a_blocks if side == 0 else r.b_blocks)]
    if not indices:
        _write_gap(cursor, first=first)
        return
    bfmt = text_render.block_format(BlockKind.CAPTION, first=first)
    bfmt.setBackground(mark_color("gap"))
    cfmt = text_render.char_format(BlockKind.CAPTION, 0, font, palette)
    if first:
        cursor.setBlockFormat(bfmt)
        cursor.setBlockCharFormat(cfmt)
    else:
        cursor.insertBlock(bfmt, cfmt)
    what = "removed" if side == 0 and all(rows[r].op is Op.DELETE for r in range(fold.start, fold.end)) else (
        "added" if side == 1 and all(rows[r].op is Op.INSERT for r in range(fold.start, fold.end)) else "")
    opening = shorten(article.blocks[indices[0]].text, 60)
    count = f"{len(indices)} paragraph{'s' if len(indices) != 1 else ''}"
    if item.expanded:
        label = f"▾ Boilerplate, {what + ', ' if what else ''}{count}: click to fold"
    else:
        label = f"▸ Boilerplate {what + ' ' if what else ''}({count}): “{opening}” (click to show)"
    link = QTextCharFormat(cfmt)
    link.setAnchor(True)
    link.setAnchorHref(f"{FOLD_SCHEME}:{fold.start}")
    link.setToolTip("Show or fold this boilerplate")
    cursor.insertText(label, link)


def _block_tint(row: BlockDiff, side: int) -> QColor | None:
    if row.op is Op.INSERT and side == 1:
        return mark_color("insert_block")
    if row.op is Op.DELETE and side == 0:
        return mark_color("delete_block")
    if row.op is Op.MOVE:
        return mark_color("move_block")
    return None


_PAD_PROPERTY = QTextBlockFormat.Property.UserProperty + 1


def row_tops(doc: QTextDocument, rows: list[list[int]], start: int = 0, end: int | None = None) -> list[float]:
    """The y of display rows `start..end` (default: all), then where row `end` begins
    (the end of the text when there is no such row)."""
    end = len(rows) if end is None else end
    layout = doc.documentLayout()
    tops = [layout.blockBoundingRect(doc.findBlockByNumber(rows[i][0])).y() for i in range(start, end)]
    if end < len(rows):
        tops.append(layout.blockBoundingRect(doc.findBlockByNumber(rows[end][0])).y())
    else:
        tops.append(layout.documentSize().height() - doc.documentMargin())
    return tops


def natural_heights(doc: QTextDocument, rows: list[list[int]], start: int = 0, end: int | None = None) -> list[float]:
    """The heights of display rows `start..end` without our padding, from the current layout."""
    end = len(rows) if end is None else end
    tops = row_tops(doc, rows, start, end)
    return [tops[i + 1] - tops[i] - _padding(doc, rows[start + i]) for i in range(end - start)]


def set_padding(doc: QTextDocument, numbers: list[int], extra: float, cursor: QTextCursor) -> bool:
    """Give a row `extra` pixels below its last block; True if that changed anything.

    `cursor` is one cursor on `doc` inside an edit block (`beginEditBlock`), so the
    document is laid out again once for all the rows, not once per row.
    """
    block = doc.findBlockByNumber(numbers[-1])
    fmt = block.blockFormat()
    old = float(fmt.property(_PAD_PROPERTY) or 0.0)
    if abs(old - extra) < 0.5:
        return False
    fmt.setBottomMargin(fmt.bottomMargin() - old + extra)
    fmt.setProperty(_PAD_PROPERTY, extra)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(fmt)
    return True


def _padding(doc: QTextDocument, numbers: list[int]) -> float:
    return float(doc.findBlockByNumber(numbers[-1]).blockFormat().property(_PAD_PROPERTY) or 0.0)


def align_rows(docs: tuple[QTextDocument, QTextDocument], layouts: tuple[PaneLayout, PaneLayout],
               start: int, end: int) -> None:
    """Pad the shorter side of display rows `start..end` so both sides' rows start level."""
    for _ in range(4):  # padding shifts fractional line positions; a few passes settle them
        heights = [natural_heights(doc, layout.rows, start, end) for doc, layout in zip(docs, layouts, strict=True)]
        changed = False
        cursors = (QTextCursor(docs[0]), QTextCursor(docs[1]))
        for cursor in cursors:
            cursor.beginEditBlock()
        try:
            for i, (left, right) in enumerate(zip(*heights, strict=True), start):
                tallest = max(left, right)
                changed |= set_padding(docs[0], layouts[0].rows[i], tallest - left, cursors[0])
                changed |= set_padding(docs[1], layouts[1].rows[i], tallest - right, cursors[1])
        finally:
            for cursor in cursors:
                cursor.endEditBlock()
        if not changed:
            return
