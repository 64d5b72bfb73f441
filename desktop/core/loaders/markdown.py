"""Markdown to blocks, through the `markdown` package and the HTML sanitiser."""

from __future__ import annotations

import markdown as markdown_lib

from desktop.core.article import Block
from desktop.core.loaders.html_blocks import blocks_from_html, sanitise


def markdown_to_html(text: str) -> str:
    """Sanitised HTML of Markdown `text` (raw HTML in it is cleaned too)."""
    converter = markdown_lib.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    return sanitise(converter.convert(text))


def blocks_from_markdown(text: str) -> list[Block]:
    """Reading blocks of Markdown `text`; `[said](#)` reads as "said" with a link span."""
    return blocks_from_html(markdown_to_html(text))
