"""Writing article blocks into a QTextDocument through a cursor, never through HTML.

Building the document with QTextCursor means nothing in an article is ever
parsed by Qt as markup: no script, image or style sheet can be loaded.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop.core.article import Block, BlockKind, InlineStyle

SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=8192)
def _astral_positions(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _ASTRAL.finditer(text))


def utf16_offset(text: str, index: int) -> int:
    """Where Python index `index` of `text` is in Qt's units (UTF-16: an emoji counts twice).

    Article offsets are Python string indices; QTextDocument positions count UTF-16
    code units, so every character outside the BMP before `index` adds one.
    """
    return index + bisect.bisect_left(_astral_positions(text), index)
LINE_HEIGHT_PERCENT = 135


def block_format(kind: BlockKind, *, first: bool = False) -> QTextBlockFormat:
    """Spacing and indentation for a block of `kind`."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setTopMargin(0 if first else 10)
    fmt.setBottomMargin(4)
    if kind is BlockKind.QUOTE:
        fmt.setLeftMargin(24)
        fmt.setRightMargin(24)
    elif kind is BlockKind.LIST_ITEM:
        fmt.setLeftMargin(18)
        fmt.setTextIndent(-12)
    elif kind is BlockKind.HEADING:
        fmt.setTopMargin(0 if first else 16)
        fmt.setHeadingLevel(1)
    return fmt


def char_format(kind: BlockKind, level: int, base: QFont, palette: QPalette) -> QTextCharFormat:
    """The base character format of a block of `kind`."""
    fmt = QTextCharFormat()
    font = QFont(base)
    if kind is BlockKind.HEADING:
        font.setPointSizeF(base.pointSizeF() * (1.5 if level <= 1 else 1.25))
        font.setWeight(QFont.Weight.DemiBold)
    elif kind in (BlockKind.CAPTION, BlockKind.LINK):
        font.setPointSizeF(base.pointSizeF() * 0.9)
        fmt.setForeground(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
    if kind is BlockKind.CAPTION or kind is BlockKind.QUOTE:
        font.setItalic(True)
    fmt.setFont(font)
    return fmt


def insert_block(cursor: QTextCursor, block: Block, base: QFont, palette: QPalette,
                 *, first: bool, prefix: str = "") -> int:
    """Write `block` at `cursor` as a new paragraph; returns where its text starts."""
    bfmt = block_format(block.kind, first=first)
    cfmt = char_format(block.kind, block.level, base, palette)
    if first:
        cursor.setBlockFormat(bfmt)
        cursor.setBlockCharFormat(cfmt)
    else:
        cursor.insertBlock(bfmt, cfmt)
    if block.kind is BlockKind.LIST_ITEM:
        cursor.insertText("•  ", cfmt)
    if prefix:
        cursor.insertText(prefix, cfmt)
    start = cursor.position()
    insert_inline(cursor, block, cfmt, palette)
    return start


def insert_inline(cursor: QTextCursor, block: Block, base: QTextCharFormat, palette: QPalette) -> None:
    """Write the block's text with its inline spans (emphasis, links, code)."""
    text = block.text
    # Cut the text at every span boundary, then style each piece by the spans over it.
    cuts = sorted({0, len(text), *(s.start for s in block.spans), *(s.end for s in block.spans)})
    for start, end in pairwise(cuts):
        if start >= end:
            continue
        fmt = QTextCharFormat(base)
        newline = " "
        for span in block.spans:
            if span.start <= start and end <= span.end:
                _apply_style(fmt, span.style, span.href, palette)
                newline = LINE_SEPARATOR if span.style is InlineStyle.CODE else newline
        # A line break inside a paragraph is where a scraper or an editor wrapped the
        # text: it reads as a space (in code, as a line break within the paragraph).
        # One character either way, so positions in the text and the document agree.
        cursor.insertText(text[start:end].replace("\n", newline), fmt)


#: Qt's line break within a paragraph.
LINE_SEPARATOR = "\u2028"


def _apply_style(fmt: QTextCharFormat, style: InlineStyle, href: str | None, palette: QPalette) -> None:
    if style is InlineStyle.EMPHASIS:
        fmt.setFontItalic(True)
    elif style is InlineStyle.STRONG:
        fmt.setFontWeight(QFont.Weight.Bold)
    elif style is InlineStyle.CODE:
        fmt.setFontFamilies(["monospace"])
        fmt.setFontFixedPitch(True)
    elif style is InlineStyle.LINK and href and href.lower().startswith(SAFE_LINK_SCHEMES):
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setToolTip(href)
        fmt.setForeground(palette.color(QPalette.ColorRole.Link))
        fmt.setFontUnderline(True)


def new_document(base: QFont) -> QTextDocument:
    """An empty document with the reader's font and margins."""
    doc = QTextDocument()
    doc.setDefaultFont(base)
    doc.setDocumentMargin(18)
    doc.setUndoRedoEnabled(False)
    return doc


def mark_format(color: QColor) -> QTextCharFormat:
    """A background highlight of `color`, used for diff marks and annotations."""
    fmt = QTextCharFormat()
    fmt.setBackground(color)
    fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
    return fmt
