"""Markdown to blocks, through the `markdown` package and the HTML sanitiser."""

from __future__ import annotations

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


def _converter() -> markdown_lib.Markdown:
    converter: markdown_lib.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown_lib.Markdown(extensions=list(EXTENSIONS), output_format="html")
        _local.converter = converter
    return converter.reset()


def markdown_to_html(text: str) -> str:
    """Sanitised HTML of Markdown `text` (raw HTML in it is cleaned too)."""
    return sanitise(_converter().convert(text))


def blocks_from_markdown(text: str) -> list[Block]:
    """Reading blocks of Markdown `text`; `[said](#)` reads as "said" with a link span."""
    return blocks_from_html(markdown_to_html(text))
