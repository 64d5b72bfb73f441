"""`ReaderView`: one article, rendered for reading, with its metadata in a header."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from desktop.core.annotate import Annotations, Quote
from desktop.core.annotate.describe import describe_value
from desktop.core.article import Article, Block, BlockKind, DateSource, InlineSpan, InlineStyle
from desktop.core.spans import SpanIndex
from desktop.ui import text_render
from desktop.ui.theme import mark_color

SPEAKER_MARGIN = 118  # room left of the text for speaker labels
_QUOTE_KINDS = {"full": "Quotation", "partial": "Partial quotation", "scare": "In quotation marks"}

_DATE_SOURCES = {DateSource.DATELINE: "dateline", DateSource.URL: "URL",
                 DateSource.HTML_META: "page's metadata"}


def describe_source(article: Article) -> str:
    """One line on where an article came from: publisher, date, format, size."""
    meta = article.meta
    parts = []
    if meta.publisher:
        parts.append(meta.publisher)
    if meta.date:
        source = f" (from the {_DATE_SOURCES[meta.date_source]})" if meta.date_source else ""
        parts.append(f"{meta.date:%A} {meta.date.day} {meta.date:%B %Y}{source}")
    if meta.author:
        parts.append(f"by {meta.author}")
    size = f"{meta.byte_size / 1024:.1f} KB" if meta.byte_size >= 1024 else f"{meta.byte_size} bytes"
    parts.append(f"{meta.format.value}, {meta.encoding or 'unknown encoding'}, {size}")
    return " · ".join(parts)


class ReaderView(QTextBrowser):
    """A read-only view of one article.

    The document is written block by block with a cursor (see `text_render`),
    so nothing in the article is interpreted as markup, and `loadResource`
    refuses everything: reading never touches the network.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName("Article reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._article: Article | None = None
        self._text = ""
        self._block_starts: list[int] = []
        self._text_offsets: list[int] = []
        self._annotations: Annotations | None = None
        self._show_quotes = True
        self._show_dates = True
        # Marks and speaker labels by document position: only those in view are painted
        # (a 5 MB article has thousands; painting them all took seconds a frame).
        self._marks: SpanIndex[QColor] = SpanIndex()
        self._labels: SpanIndex[str] = SpanIndex()
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._base_font = QFont(self.font())
        self._base_font.setPointSizeF(max(self._base_font.pointSizeF(), 10.5) * 1.1)
        self.set_article(None)

    def article(self) -> Article | None:
        """The article shown, if any."""
        return self._article

    def set_reading_font(self, font: QFont) -> None:
        """Read in `font` from now on (the article shown is laid out again)."""
        self._base_font = QFont(font)
        annotations = self._annotations
        self.set_article(self._article)
        if annotations is not None:
            self.set_annotations(annotations)

    def set_article(self, article: Article | None) -> None:
        """Show `article` (None clears the view)."""
        self._article = article
        self._text = article.text if article is not None else ""  # a property that joins every block
        self._annotations = None
        self._text_offsets = article.block_offsets() if article is not None else []
        doc = text_render.new_document(self._base_font)
        cursor = QTextCursor(doc)
        self._block_starts = []
        if article is not None:
            self._write_header(cursor, article)
            for block in article.blocks:
                self._block_starts.append(
                    text_render.insert_block(cursor, block, self._base_font, self.palette(), first=False))
        self.setDocument(doc)
        self._apply_margin()
        self._paint_annotations()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def text(self) -> str:
        """The article's text (`Article.text`, joined once), which annotation offsets index."""
        return self._text

    def block_start(self, index: int) -> int:
        """Document position where article block `index` starts."""
        return self._block_starts[index]

    # Annotations
    def set_annotations(self, annotations: Annotations | None) -> None:
        """Mark these quotations and dates (offsets into the article's `text`)."""
        self._annotations = annotations
        self._apply_margin()
        self._paint_annotations()

    def annotations(self) -> Annotations | None:
        """The annotations marked, if any."""
        return self._annotations

    def set_visible_kinds(self, *, quotes: bool, dates: bool) -> None:
        """Which kinds of annotation to mark."""
        self._show_quotes, self._show_dates = quotes, dates
        self._apply_margin()
        self._paint_annotations()

    def document_position(self, offset: int) -> int:
        """Where offset `offset` of the article's text is in the document."""
        index = max(0, bisect.bisect_right(self._text_offsets, offset) - 1)
        if self._article is None or index >= len(self._block_starts):
            return 0
        text = self._article.blocks[index].text
        within = min(max(0, offset - self._text_offsets[index]), len(text))
        return self._block_starts[index] + text_render.utf16_offset(text, within)

    def show_text_range(self, start: int, end: int) -> None:
        """Select article text `[start, end)` and scroll it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.document_position(start))
        cursor.setPosition(self.document_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def tooltip_at(self, position: int) -> str | None:
        """What the annotations say of document position `position`."""
        if self._annotations is None:
            return None
        lines = []
        if self._show_quotes:
            for quote in self._annotations.quotes:
                if self.document_position(quote.start) <= position < self.document_position(quote.end):
                    who = quote.speaker or self._speaker_mention(quote) or "speaker unknown"
                    cue = f", {quote.cue}" if quote.cue and quote.cue[:1].isalpha() else ""
                    kind = _QUOTE_KINDS.get(quote.kind, "Quotation")
                    lines.append(f"{kind}: {who}{cue}")
        if self._show_dates:
            for date in self._annotations.dates:
                if self.document_position(date.start) <= position < self.document_position(date.end):
                    lines.append(f"{date.text} → {describe_value(date.value)}")
        return "\n".join(lines) or None

    def _speaker_mention(self, quote: Quote) -> str | None:
        if quote.speaker_start is None or quote.speaker_end is None or self._article is None:
            return None
        return self._text[quote.speaker_start:quote.speaker_end]

    def _apply_margin(self) -> None:
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        wanted = SPEAKER_MARGIN if self._labels_shown() else 0
        if fmt.leftMargin() != wanted:
            fmt.setLeftMargin(wanted)
            frame.setFrameFormat(fmt)

    def _labels_shown(self) -> bool:
        return bool(self._show_quotes and self._annotations and self._annotations.quotes)

    def _paint_annotations(self) -> None:
        """Index the marks and labels of the kinds shown, then mark those in view."""
        marks: list[tuple[int, int, QColor]] = []
        labels: list[tuple[int, int, str]] = []
        if self._annotations is not None:
            if self._show_quotes:
                color = mark_color("quote")
                for quote in self._annotations.quotes:
                    start = self.document_position(quote.start)
                    marks.append((start, self.document_position(quote.end), color))
                    who = quote.speaker or self._speaker_mention(quote)
                    if who:
                        labels.append((start, start + 1, who))
            if self._show_dates:
                color = mark_color("date")
                marks += [(self.document_position(d.start), self.document_position(d.end), color)
                          for d in self._annotations.dates]
        self._marks, self._labels = SpanIndex(marks), SpanIndex(labels)
        self._mark_visible()

    def _positions_in_view(self, screens: float = 0.0) -> tuple[int, int]:
        """The document positions `[start, end)` the view shows, `screens` viewport heights either side."""
        height = self.viewport().height()
        top = self.cursorForPosition(QPoint(0, int(-screens * height))).position()
        bottom = self.cursorForPosition(QPoint(self.viewport().width(), int((1 + screens) * height))).position()
        return top, bottom + 1

    def _mark_visible(self) -> None:
        selections = []
        for start, end, color in self._marks.overlapping(*self._positions_in_view(screens=1)):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format.setBackground(color)
            selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if len(self._marks):
            self._mark_visible()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-wrapping moves the text: mark what is in view now."""
        super().resizeEvent(event)
        if len(self._marks):
            self._mark_visible()

    def event(self, event: QEvent) -> bool:
        """Tooltips for marked quotations and dates."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(self.viewport().mapFrom(self, event.pos())).position()
            text = self.tooltip_at(position)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, then each quotation's speaker in the left margin."""
        super().paintEvent(event)
        if not self._labels_shown() or self._annotations is None:
            return
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        metrics = painter.fontMetrics()
        last_bottom = -1
        height = self.viewport().height()
        for start, _, who in self._labels.overlapping(*self._positions_in_view()):
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            rect = self.cursorRect(cursor)
            if rect.bottom() < 0 or rect.top() > height or rect.top() < last_bottom:
                continue  # off screen, or it would overlap the label above
            label = metrics.elidedText(who, Qt.TextElideMode.ElideRight, SPEAKER_MARGIN - 16)
            painter.drawText(QRect(QPoint(4, rect.top()), QPoint(SPEAKER_MARGIN - 8, rect.bottom())),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            last_bottom = rect.bottom()
        painter.end()

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Never load anything an article points to."""
        return None

    def _write_header(self, cursor: QTextCursor, article: Article) -> None:
        fmt = text_render.char_format(BlockKind.CAPTION, 0, self._base_font, self.palette())
        fmt.setFontItalic(False)
        first = article.blocks[0] if article.blocks else None
        if first is not None and first.kind is BlockKind.HEADING and first.text == article.meta.title:
            # The title line is part of the text; the header only adds what the text lacks.
            cursor.setBlockFormat(text_render.block_format(BlockKind.CAPTION, first=True))
            cursor.setBlockCharFormat(fmt)
        else:
            title = Block(BlockKind.HEADING, article.display_title(), level=1)
            text_render.insert_block(cursor, title, self._base_font, self.palette(), first=True)
            cursor.insertBlock(text_render.block_format(BlockKind.CAPTION), fmt)
        cursor.insertText(describe_source(article), fmt)
        url = article.meta.url
        if url:
            cursor.insertBlock(text_render.block_format(BlockKind.CAPTION), fmt)
            text_render.insert_inline(cursor, Block(BlockKind.LINK, url, spans=(
                InlineSpan(0, len(url), InlineStyle.LINK, url),)), fmt, self.palette())
        rule = QTextCharFormat(fmt)
        cursor.insertBlock(text_render.block_format(BlockKind.CAPTION), rule)
        cursor.insertHtml("<hr/>")  # our own markup, never the article's

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        # Only on a click, only for the web or mail, and in the user's browser.
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

