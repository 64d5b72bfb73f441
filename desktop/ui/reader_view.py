"""`ReaderView`: one article, rendered for reading, with its metadata in a header."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.article import Article, Block, BlockKind, DateSource, InlineSpan, InlineStyle
from desktop.ui import text_render

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
        self._block_starts: list[int] = []
        self._base_font = QFont(self.font())
        self._base_font.setPointSizeF(max(self._base_font.pointSizeF(), 10.5) * 1.1)
        self.set_article(None)

    def article(self) -> Article | None:
        """The article shown, if any."""
        return self._article

    def set_article(self, article: Article | None) -> None:
        """Show `article` (None clears the view)."""
        self._article = article
        doc = text_render.new_document(self._base_font)
        cursor = QTextCursor(doc)
        self._block_starts = []
        if article is not None:
            self._write_header(cursor, article)
            for block in article.blocks:
                self._block_starts.append(
                    text_render.insert_block(cursor, block, self._base_font, self.palette(), first=False))
        self.setDocument(doc)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def block_start(self, index: int) -> int:
        """Document position where article block `index` starts."""
        return self._block_starts[index]

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

