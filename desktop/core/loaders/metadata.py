"""Metadata read from the reading text itself: title, dateline, byline, original URL."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from desktop.core.annotate.dates import parse_dateline
from desktop.core.article import Block, BlockKind, DateSource
from desktop.core.loaders.lines import BYLINE

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
_URL_DATE = (
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)"),
    re.compile(r"[/_-]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|$)"),
)
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "edition.")

HEAD_BLOCKS = 6  # metadata lines sit among the first few blocks…
TAIL_BLOCKS = 4  # …or, for a source link, the last few


def find_title(blocks: list[Block]) -> str | None:
    """The first heading among the opening blocks."""
    for block in blocks[:HEAD_BLOCKS]:
        if block.kind is BlockKind.HEADING:
            return block.text
    return None


def find_dateline(blocks: list[Block]) -> dt.date | None:
    """The date of a dateline among the opening blocks."""
    for block in blocks[:HEAD_BLOCKS]:
        if block.kind in (BlockKind.CAPTION, BlockKind.PARAGRAPH, BlockKind.HEADING) and len(block.text) < 80:
            date = parse_dateline(block.text)
            if date is not None:
                return date
    return None


def find_author(blocks: list[Block]) -> str | None:
    """The name in a "By …" byline among the opening blocks."""
    for block in blocks[:HEAD_BLOCKS]:
        match = BYLINE.match(block.text.strip())
        if match and len(block.text) < 80:
            return match.group("name")
    return None


def find_url(blocks: list[Block]) -> str | None:
    """The article's own address: a link line at the end (or start) holding one URL."""
    candidates = [*reversed(blocks[-TAIL_BLOCKS:]), *blocks[:HEAD_BLOCKS]]
    for block in candidates:
        if block.kind is not BlockKind.LINK:
            continue
        for span in block.spans:
            if span.href and span.href.lower().startswith(("http://", "https://")):
                return span.href
        match = _URL.search(block.text)
        if match:
            return match.group(0).rstrip(".,;")
    return None


def date_from_url(url: str | None) -> dt.date | None:
    """A /2026/01/15/-style date in the URL's path."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


def host_of(url: str | None) -> str | None:
    """The host name of `url` without "www."-style prefixes."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def publisher_for(url: str | None) -> str | None:
    """The publisher's name for a known news site, else its host name."""
    host = host_of(url)
    if host is None:
        return None
    names = _publishers()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # news.bbc.co.uk → bbc.co.uk
        name = names.get(".".join(parts[i:]))
        if name:
            return name
    return host


@cache
def _publishers() -> dict[str, str]:
    data = resources.files("desktop.core").joinpath("data/publishers.json").read_text("utf-8")
    table: dict[str, str] = json.loads(data)
    return table


def pick_date(*candidates: tuple[dt.date | None, DateSource]) -> tuple[dt.date | None, DateSource | None]:
    """The first known date among `(date, source)` pairs, in order of trust."""
    for date, source in candidates:
        if date is not None:
            return date, source
    return None, None
