"""Markdown to blocks, through the `markdown` package and the HTML sanitiser."""

from __future__ import annotations

import re
import threading

import markdown as markdown_lib

from desktop.core.article import Block
from desktop.core.loaders.html_blocks import blocks_from_html, sanitise

# Tables and fenced code are what scraped news Markdown uses beyond the basics;
# the rest of "extra" (footnotes, abbreviations, attribute lists) costs time on
# every import and reads no differently.
EXTENSIONS = ("tables", "fenced_code", "sane_lists")

# Building a converter costs about as much as a short article; a Markdown object
# is not thread-safe, so each thread (and each import process) keeps its own.
_local = threading.local()


#: What any of Markdown's inline patterns needs to match: a code span, an escape,
#: a link or image, an autolink or inline HTML, an entity, emphasis, a hard line
#: break, or a placeholder of the converter's own. Text with none of them comes
#: out of the inline patterns as it went in; most paragraphs of news are such text.
_INLINE_TRIGGER = re.compile(r"[`\\\[<&*_\x02\x03]|  \n")


def _converter() -> markdown_lib.Markdown:
    converter: markdown_lib.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown_lib.Markdown(extensions=list(EXTENSIONS), output_format="html")
        _skip_plain_text(converter)
        _local.converter = converter
    return converter.reset()


def _skip_plain_text(converter: markdown_lib.Markdown) -> None:
    """Let the inline processor pass over text no inline pattern can match.

    It otherwise tries each of its fourteen patterns on every paragraph, about
    half the cost of converting an article. The method is private to the package;
    if a release renames it, conversion just runs at the old speed.
    """
    inline = converter.treeprocessors["inline"]
    handle = getattr(inline, "_InlineProcessor__handleInline", None)
    if handle is None:
        return

    def handle_inline(data: str, pattern_index: int = 0) -> str:
        if pattern_index == 0 and not _INLINE_TRIGGER.search(data):
            return data
        return str(handle(data, pattern_index))

    inline._InlineProcessor__handleInline = handle_inline


def markdown_to_html(text: str) -> str:
    """Sanitised HTML of Markdown `text` (raw HTML in it is cleaned too)."""
    return sanitise(_converter().convert(text))


def blocks_from_markdown(text: str) -> list[Block]:
    """Reading blocks of Markdown `text`; `[said](#)` reads as "said" with a link span."""
    return blocks_from_html(markdown_to_html(text))
