"""Plain text to blocks: paragraphs by blank lines or by lines, hard wraps undone."""

from __future__ import annotations

import re

from desktop.core.article import Block, BlockKind

_BLANK = re.compile(r"\n[ \t\f\v]*\n")
_BULLET = re.compile(r"^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s+")


def blocks_from_text(text: str) -> list[Block]:
    """Paragraph blocks of plain `text` (already decoded, any line endings)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    blocks: list[Block] = []
    for chunk in _BLANK.split(text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        for para in _paragraphs(lines):
            bullet = _BULLET.match(para)
            if bullet and len(para) > bullet.end():
                blocks.append(Block(BlockKind.LIST_ITEM, para[bullet.end():]))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, para))
    return blocks


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; keep one-paragraph-per-line text as it is."""
    if len(lines) == 1:
        return lines
    if _hard_wrapped(lines):
        return [" ".join(lines)]
    return lines


def _hard_wrapped(lines: list[str]) -> bool:
    """True when every line but the last ends near one wrap width, as editors wrap.

    Scraped text with one paragraph per line has lines of wildly different
    lengths; wrapped text has all but the last line within a few characters of
    the longest, and no line starts like a list item.
    """
    if any(_BULLET.match(line) for line in lines[1:]):
        return False
    widths = [len(line) for line in lines[:-1]]
    longest = max(widths)
    if longest > 160 or longest < 30:
        return False
    return all(width >= longest * 0.6 for width in widths)
