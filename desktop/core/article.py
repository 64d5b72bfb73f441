"""The article document every feature works on: reading blocks plus metadata."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any

#: Text placed between two blocks in `Article.text`. Offsets of annotations
#: and of compare spans are indices into that joined text.
BLOCK_SEPARATOR = "\n\n"
#: Between a block marked `continues` and the next: the same length as
#: BLOCK_SEPARATOR (so offsets do not depend on it) but not a paragraph break,
#: so a sentence cut by a stray blank line reads as one to the annotators.
CONTINUATION_SEPARATOR = "  "


class BlockKind(enum.StrEnum):
    """What a block of reading text is, as far as its source tells."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"  # a quotation block (Markdown `>` or HTML <blockquote>)
    LIST_ITEM = "list_item"
    CAPTION = "caption"  # a caption-like short line: photo credit, kicker, dateline
    LINK = "link"  # a line that is mostly a link: "Related article: …", a bare URL


class Format(enum.StrEnum):
    """The source format an article was read as (after sniffing)."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class DateSource(enum.StrEnum):
    """Where the publication date came from."""

    HTML_META = "html-meta"
    DATELINE = "dateline"
    URL = "url"


class InlineStyle(enum.StrEnum):
    """Inline markup kept from Markdown or HTML, for rendering only."""

    EMPHASIS = "em"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class InlineSpan:
    """A styled stretch of a block's text; `start`/`end` index the block text."""

    start: int
    end: int
    style: InlineStyle
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of reading text.

    `continues` marks a block that was cut mid-sentence by a stray blank line in
    the source; it and the next block read as one paragraph.
    """

    kind: BlockKind
    text: str
    level: int = 0  # heading level 1-6, 0 otherwise
    spans: tuple[InlineSpan, ...] = ()
    continues: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form with stable keys."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "level": self.level,
            "continues": self.continues,
            "links": [
                {"start": s.start, "end": s.end, "href": s.href}
                for s in self.spans
                if s.style is InlineStyle.LINK
            ],
        }


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text."""

    title: str | None = None
    date: dt.date | None = None
    date_source: DateSource | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    format: Format = Format.TEXT
    encoding: str | None = None
    byte_size: int = 0
    sha256: str = ""
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form with stable keys."""
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source.value if self.date_source else None,
            "publisher": self.publisher,
            "url": self.url,
            "author": self.author,
            "format": self.format.value,
            "encoding": self.encoding,
            "byte_size": self.byte_size,
            "sha256": self.sha256,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from one file: its blocks and metadata."""

    blocks: tuple[Block, ...]
    meta: Metadata = field(default_factory=Metadata)

    @property
    def text(self) -> str:
        """The reading text: blocks joined by `BLOCK_SEPARATOR`, or by
        `CONTINUATION_SEPARATOR` after a block that `continues`."""
        parts: list[str] = []
        for block in self.blocks:
            parts.append(block.text)
            parts.append(CONTINUATION_SEPARATOR if block.continues else BLOCK_SEPARATOR)
        return "".join(parts[:-1])

    def block_offsets(self) -> list[int]:
        """Start of each block in `text`."""
        offsets, pos = [], 0
        for block in self.blocks:
            offsets.append(pos)
            pos += len(block.text) + len(BLOCK_SEPARATOR)
        return offsets

    def display_title(self) -> str:
        """The title, or the first words of the text, or the file name."""
        if self.meta.title:
            return self.meta.title
        for block in self.blocks:
            if block.text.strip():
                return shorten(block.text, 80)
        return self.meta.path or "(empty article)"

    def with_meta(self, **changes: Any) -> Article:
        """A copy with some metadata fields replaced."""
        return replace(self, meta=replace(self.meta, **changes))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form with stable keys (used by `palimpsest-cli show --json`)."""
        return {
            "metadata": self.meta.to_dict(),
            "blocks": [b.to_dict() for b in self.blocks],
        }


def shorten(text: str, limit: int) -> str:
    """Cut `text` at a word boundary to at most `limit` characters, adding an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def older_second(a: Article, b: Article) -> bool:
    """True when `b` belongs on the left of a comparison with `a`: it is older, or undated
    beside a dated `a`.

    An undated copy is usually a raw scrape made before anyone tidied it up, so it
    goes on the left, where a diff tool puts the old version.
    """
    if a.meta.date and b.meta.date:
        return b.meta.date < a.meta.date
    return b.meta.date is None and a.meta.date is not None
