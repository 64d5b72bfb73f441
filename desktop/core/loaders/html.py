"""Saved web pages: the article's main text and metadata, extracted by trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from desktop.core.article import Block
from desktop.core.loaders.html_blocks import blocks_from_html, sanitise

log = logging.getLogger(__name__)

# trafilatura logs every page it finds too short or too odd; those are ours to report.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    """Metadata a page declares about itself."""

    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    sitename: str | None = None
    url: str | None = None


def read_html(page: str) -> tuple[list[Block], HtmlMeta]:
    """Blocks of the page's main text and the metadata it declares.

    trafilatura finds the article among navigation, ads and comments; a page too
    small for it to judge falls back to the whole sanitised body.
    """
    import trafilatura  # imported here: it takes ~0.3 s, and plain text never needs it

    extracted = None
    try:
        extracted = trafilatura.extract(
            page,
            output_format="html",
            include_links=True,
            include_formatting=True,
            include_images=False,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except Exception:  # trafilatura raises assorted errors on broken pages; fall back below
        log.warning("trafilatura could not extract the page; using its whole text", exc_info=True)
    blocks = blocks_from_html(sanitise(extracted)) if extracted else []
    if not blocks:
        blocks = blocks_from_html(sanitise(page))
    return blocks, _metadata(page)


def _metadata(page: str) -> HtmlMeta:
    import trafilatura

    try:
        doc = trafilatura.extract_metadata(page)
    except Exception:  # same as above: metadata is a bonus, never a reason to fail
        log.warning("trafilatura could not read the page's metadata", exc_info=True)
        return HtmlMeta()
    if doc is None:
        return HtmlMeta()
    date = None
    if doc.date:
        try:
            date = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            date = None
    return HtmlMeta(
        title=doc.title or None,
        author=doc.author or None,
        date=date,
        sitename=doc.sitename or None,
        url=doc.url or None,
    )
