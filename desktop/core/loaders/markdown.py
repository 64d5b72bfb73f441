"""Markdown to blocks, through the `markdown` package and the HTML sanitiser."""

from __future__ import annotations

import re
import threading
from typing import cast

import markdown as markdown_lib
from markdown.util import AtomicString

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


#: What each of Markdown's inline patterns (by its name in the registry) cannot
#: match without. A pattern is tried only on text holding one of its strings.
_PATTERN_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",), "escape": ("\\",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",),
    "image_link": ("![",), "image_reference": ("![",), "short_image_ref": ("![",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",), "entity": ("&",),
    "linebreak": ("  \n",), "em_strong": ("*", "_"), "em_strong2": ("_",),
}


def _skip_plain_text(converter: markdown_lib.Markdown) -> None:
    """Let the inline processor pass over text no inline pattern can match, and
    try each pattern only on text holding what it needs.

    It otherwise tries each of its fourteen patterns on every paragraph (and on
    every piece left between matches), about half the cost of converting an
    article. The methods are private to the package; if a release renames them,
    conversion just runs at the old speed (a test says so loudly).
    """
    inline = converter.treeprocessors["inline"]
    handle = getattr(inline, "_InlineProcessor__handleInline", None)
    apply = getattr(inline, "_InlineProcessor__applyPattern", None)
    if handle is None or apply is None:
        return
    patterns = converter.inlinePatterns
    needs: list[tuple[str, ...] | None] = [None] * len(patterns)
    for name, strings in _PATTERN_NEEDS.items():
        if name in patterns:
            needs[patterns.get_index_for_name(name)] = strings

    def handle_inline(data: str, pattern_index: int = 0) -> str:
        # The loop of `InlineProcessor.__handleInline`, skipping the patterns that cannot match.
        if isinstance(data, AtomicString):  # text the package marks as not to be parsed
            return cast(str, data)
        if pattern_index == 0 and not _INLINE_TRIGGER.search(data):
            return data
        start = 0
        while pattern_index < len(patterns):
            strings = needs[pattern_index]
            if strings is not None and not any(s in data for s in strings):
                pattern_index, start = pattern_index + 1, 0
                continue
            data, matched, start = apply(patterns[pattern_index], data, pattern_index, start)
            if not matched:
                pattern_index += 1
        return data

    inline._InlineProcessor__handleInline = handle_inline


def markdown_to_html(text: str) -> str:
    """Sanitised HTML of Markdown `text` (raw HTML in it is cleaned too)."""
    return sanitise(_converter().convert(text))


def blocks_from_markdown(text: str) -> list[Block]:
    """Reading blocks of Markdown `text`; `[said](#)` reads as "said" with a link span."""
    return blocks_from_html(markdown_to_html(text))
