"""One side of the comparison: the pane widget, and writing rows into its document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from desktop.core.article import Article, BlockKind, shorten
from desktop.core.compare.model import BlockDiff, Op
from desktop.core.compare.navigate import DisplayRow
from desktop.ui import text_render
from desktop.ui.theme import mark_color

FOLD_SCHEME = "palimpsest-fold"



@dataclass
class PaneLayout:
    """Where each article block and each display row landed in a pane's document.

    With `sentinel`, the document opens with an empty block of no height that
    belongs to no row, so every row's blocks can be replaced whole (`write_rows`).
    """

    block_numbers: dict[int, int] = field(default_factory=dict)  # article block → QTextBlock number
    rows: list[list[int]] = field(default_factory=list)  # display row → QTextBlock numbers
    sentinel: bool = False

    def block_start(self, doc: QTextDocument, index: int) -> int | None:
        """Where article block `index`'s text starts in `doc` (None if it is not shown)."""
        number = self.block_numbers.get(index)
        return None if number is None else doc.findBlockByNumber(number).position()


class ComparePane(QTextBrowser):
    """One side of the comparison: read-only, never loads a resource.

    Signals:
        resized(): the pane changed width (its text re-wrapped).
        fold_clicked(int): the fold starting at this row was clicked.
    """

    resized = Signal()
    fold_clicked = Signal(int)

    #: Gives a selection's start and end in a document holding all of it, when the pane's
    #: holds only part (a long comparison lets go of rows far from view); None: it holds all.
    whole_selection: Callable[[int, int], tuple[QTextDocument, int, int] | None] | None = None

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setOpenLinks(False)
        # A scroll bar that comes and goes would change the width, and every row's wrapping.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, kind: int, url: QUrl | str) -> None:
        """Never load anything an article points to."""
        return None

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy (and drag) the whole selection, rows let go of included."""
        cursor = self.textCursor()
        whole = self.whole_selection(cursor.selectionStart(), cursor.selectionEnd()) if self.whole_selection else None
        if whole is None:
            return super().createMimeDataFromSelection()
        # Qt's own copy, from a scratch editor: mime data made here in Python would be
        # deleted by the clipboard after the interpreter has gone, a crash on quitting.
        document, start, end = whole
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        scratch = QTextEdit()
        scratch.setDocument(document)
        scratch.setTextCursor(cursor)
        return scratch.createMimeDataFromSelection()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Report a change of width: rows must be re-aligned with the new wrapping."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == FOLD_SCHEME:
            self.fold_clicked.emit(int(url.path() or 0))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


def start_document(doc: QTextDocument, layout: PaneLayout) -> None:
    """Prepare a new, empty `doc` for `layout` (its sentinel block, if it has one)."""
    if layout.sentinel:
        QTextCursor(doc).setBlockFormat(_placeholder_format(0.0))


class RowWriter:
    """Writes one side (0 = A, 1 = B) of display rows into a pane's document."""

    def __init__(self, doc: QTextDocument, layout: PaneLayout, article: Article, rows: tuple[BlockDiff, ...],
                 side: int, font: QFont, palette: QPalette) -> None:
        self.doc, self.layout, self.article, self.rows = doc, layout, article, rows
        self.side, self.font, self.palette = side, font, palette

    def append(self, display: list[DisplayRow]) -> None:
        """Write more display rows at the end; `layout.rows` grows by `len(display)`."""
        cursor = QTextCursor(self.doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        start = len(self.layout.rows)
        # The document's first, empty block is filled, not followed (unless it is the sentinel).
        first = not self.layout.rows and not self.layout.sentinel
        for offset, item in enumerate(display):
            self.layout.rows.append(self._write(cursor, start + offset, item, first=first))
            first = False
        self._paint_marks(cursor, display, start)
        cursor.endEditBlock()

    def replace(self, display: list[DisplayRow], start: int) -> None:
        """Write display rows `start…` again in place of what stands for them (a placeholder)."""
        cursor = self._cleared(start, start + len(display))
        for offset, item in enumerate(display):
            numbers = self._write(cursor, start + offset, item, first=False)
            assert numbers == self.layout.rows[start + offset], "a row changed its number of blocks"
        self._paint_marks(cursor, display, start)
        cursor.endEditBlock()

    def placeholders(self, start: int, end: int) -> None:
        """Put empty blocks in place of rows `start..end` (their text is let go), each with its
        block's margins and as tall as its text was, so nothing below them moves."""
        shapes = [_block_shape(self.doc, self.doc.findBlockByNumber(number))
                  for row in self.layout.rows[start:end] for number in row]
        cursor = self._cleared(start, end)
        for fmt in shapes:
            cursor.insertBlock(fmt)
        cursor.endEditBlock()

    def _cleared(self, start: int, end: int) -> QTextCursor:
        """Rows `start..end` deleted, blocks and all, in an open edit block; the cursor where they were."""
        assert self.layout.sentinel, "rows are replaced only in documents with a sentinel block"
        first = self.doc.findBlockByNumber(self.layout.rows[start][0] - 1)
        last = self.doc.findBlockByNumber(self.layout.rows[end - 1][-1])
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()
        # From the end of the block before: the blocks themselves go, and what Qt keeps
        # for laying out their text goes with them (emptied blocks would keep it).
        kept = first.blockFormat()
        cursor.setPosition(first.position() + first.length() - 1)
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # An empty block before (a placeholder, the sentinel) would take the format of the
        # last block removed; it keeps its own.
        cursor.setBlockFormat(kept)
        return cursor

    def _write(self, cursor: QTextCursor, number: int, item: DisplayRow, *, first: bool) -> list[int]:
        numbers = self._write_row(cursor, item, first=first)
        if number == 0 and self.layout.sentinel:
            # The first row opens the text as it would in a document without the sentinel.
            top = QTextCursor(self.doc.findBlockByNumber(numbers[0]))
            fmt = top.blockFormat()
            fmt.setTopMargin(0)
            top.setBlockFormat(fmt)
        return numbers

    def _write_row(self, cursor: QTextCursor, item: DisplayRow, *, first: bool) -> list[int]:
        numbers: list[int] = []
        if item.fold is not None:
            _write_fold_line(cursor, self.article, self.rows, item, self.side, self.font, self.palette, first=first)
            return [cursor.block().blockNumber()]
        assert item.row is not None
        row = self.rows[item.row]
        indices = row.a_blocks if self.side == 0 else row.b_blocks
        if not indices:
            _write_gap(cursor, first=first)
            return [cursor.block().blockNumber()]
        for index in indices:
            text_render.insert_block(cursor, self.article.blocks[index], self.font, self.palette,
                                     first=first and not numbers)
            self.layout.block_numbers[index] = cursor.block().blockNumber()
            tint = _block_tint(row, self.side)
            if tint is not None:
                fmt = cursor.blockFormat()
                fmt.setBackground(tint)
                cursor.setBlockFormat(fmt)
            numbers.append(cursor.block().blockNumber())
        # Every block of the row, in order: a row is replaced whole by its blocks' count.
        assert numbers == list(range(numbers[0], numbers[-1] + 1)), "an article block took two paragraphs"
        return numbers

    def _paint_marks(self, cursor: QTextCursor, display: list[DisplayRow], start: int) -> None:
        fmt = text_render.mark_format(mark_color("delete_word" if self.side == 0 else "insert_word"))
        for item in display:
            if item.row is None:
                continue
            row = self.rows[item.row]
            if row.op in (Op.INSERT, Op.DELETE):
                continue  # the whole block is tinted already
            for mark in row.a_marks if self.side == 0 else row.b_marks:
                where = self.layout.block_start(self.doc, mark.block)
                if where is None or mark.end <= mark.start:
                    continue
                text = self.article.blocks[mark.block].text
                cursor.setPosition(where + text_render.utf16_offset(text, mark.start))
                cursor.setPosition(where + text_render.utf16_offset(text, mark.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)


def _placeholder_format(height: float) -> QTextBlockFormat:
    """An empty block exactly `height` tall, without margins (the sentinel)."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    fmt.setTopMargin(0)
    fmt.setBottomMargin(0)
    return fmt


def _block_shape(doc: QTextDocument, block: QTextBlock) -> QTextBlockFormat:
    """The format of an empty block taking `block`'s place: its margins (Qt lets the larger
    of two facing margins part two blocks), and its text's height as a fixed line height."""
    layout = doc.documentLayout()
    fmt = QTextBlockFormat(block.blockFormat())
    top = layout.blockBoundingRect(block).y()
    following = block.next()
    if following.isValid():
        gap = max(fmt.bottomMargin(), following.blockFormat().topMargin())
        height = layout.blockBoundingRect(following).y() - top - gap
    else:
        height = layout.documentSize().height() - doc.documentMargin() - top - fmt.bottomMargin()
    fmt.setLineHeight(max(0.0, height), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return fmt


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
