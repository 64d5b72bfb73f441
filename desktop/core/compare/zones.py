"""Which part of an article each block is: title, dateline, byline, caption, body, …

A pure function of one Article (the reader labels zones too), plus an optional
set of boilerplate fingerprints the library learns across a source.
"""

from __future__ import annotations

import re
from collections.abc import Set

from desktop.core.annotate.dates import parse_dateline
from desktop.core.article import Article, Block, BlockKind
from desktop.core.compare.model import Zone
from desktop.core.compare.normalise import collapse_whitespace, fingerprint, fold_quotes
from desktop.core.loaders.lines import BYLINE_LINE, RELATED_LABEL, SOURCE_LABEL, URL_ONLY

__all__ = ["block_zones", "is_appeal_start"]

#: How many blocks at the top may be headline matter (title, dateline, caption).
_HEAD_WINDOW = 6
#: Blocks at the end that may be a source footer.
_FOOT_WINDOW = 4
_SHORT = 160

#: The start of a donation or subscription appeal; everything after it to the end
#: (but for a URL footer) is the appeal.
_APPEAL_START = re.compile(
    r"^(?:a (?:message|note|word) from\b|dear read(?:er|ers)\b|support (?:us|our|independent)\b"
    r"|(?:please )?(?:donate|subscribe)\b|become a (?:member|subscriber|supporter)\b"
    r"|we need your (?:help|support)\b)",
    re.IGNORECASE,
)
#: A short block asking for money or a sign-up, wherever it is.
_APPEAL_LINE = re.compile(
    r"\b(?:donat(?:e|ion)|subscribe|support us|support (?:our|independent) journalism"
    r"|remind me later|sign up for our newsletter)\b",
    re.IGNORECASE,
)

#: Every match of `_APPEAL_LINE`, lower-cased, holds one of these. In ASCII text,
#: where ignoring case can only mean ASCII case, their absence rules a match out
#: for the price of a few substring scans (the regex costs microseconds a block).
_APPEAL_WORDS = ("donat", "subscribe", "support", "remind me later", "sign up for our newsletter")


def _is_appeal_line(text: str) -> bool:
    if text.isascii():
        lowered = text.lower()
        if not any(word in lowered for word in _APPEAL_WORDS):
            return False
    return _APPEAL_LINE.search(text) is not None


def is_appeal_start(text: str) -> bool:
    """Whether a block opens a donation or subscription appeal ("A Message from …")."""
    return bool(_APPEAL_START.match(fold_quotes(text.strip())))


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", '."', ".”", "?”", '?"', ":"))


def _head_zone(block: Block, text: str, article: Article, seen_title: bool) -> Zone | None:
    if parse_dateline(text) is not None:
        return Zone.DATELINE
    if BYLINE_LINE.match(text):
        return Zone.BYLINE
    title = article.meta.title and collapse_whitespace(article.meta.title)
    if not seen_title and (block.kind is BlockKind.HEADING or (title and text == title)):
        return Zone.TITLE
    if block.kind is BlockKind.CAPTION:
        return Zone.CAPTION
    return None


def block_zones(article: Article, fingerprints: Set[str] = frozenset()) -> tuple[Zone, ...]:
    """The zone of each block of `article`, in order.

    Headline matter is looked for only above the first body paragraph, footers
    only in the last few blocks; a block whose `fingerprint` is in `fingerprints`
    is boilerplate wherever it is.
    """
    blocks = article.blocks
    zones = [Zone.BODY] * len(blocks)
    n = len(blocks)
    # Only short blocks can be anything but body; long ones are not worth tidying
    # (this runs over whole documents; tidying only ever shortens a text, and
    # rarely by much).
    texts = [
        collapse_whitespace(b.text) if len(b.text) <= _SHORT + 40 or i >= n - _FOOT_WINDOW else b.text
        for i, b in enumerate(blocks)
    ]

    seen_title = False
    for i in range(min(n, _HEAD_WINDOW)):
        text = texts[i]
        if len(text) > _SHORT:
            break  # the body has started
        zone = _head_zone(blocks[i], text, article, seen_title)
        if zone is None:
            if i == 0 and not _is_sentence(text) and n > 2:
                zone = Zone.TITLE  # a bare first line is the headline
            elif seen_title and not _is_sentence(text):
                zone = Zone.CAPTION  # a short line under the headline: photo credit, kicker
            else:
                break
        seen_title |= zone is Zone.TITLE
        zones[i] = zone

    # Enum members are found through their class's metaclass (~90 ns a lookup):
    # the loops over every block read local names.
    body, boilerplate, url_footer = Zone.BODY, Zone.BOILERPLATE, Zone.URL_FOOTER
    for i in range(n):
        if zones[i] is body and len(texts[i]) <= _SHORT and RELATED_LABEL.match(texts[i]):
            zones[i] = Zone.RELATED

    for i in range(max(0, n - _FOOT_WINDOW), n):
        text = texts[i]
        if SOURCE_LABEL.match(text) or (URL_ONLY.match(text) and i > 0):
            zones[i] = url_footer

    appeal = next(
        (
            i
            for i in range(n)
            if zones[i] is body and len(texts[i]) <= _SHORT and is_appeal_start(texts[i])
        ),
        n,
    )
    for i in range(appeal, n):
        if zones[i] is not url_footer:
            zones[i] = boilerplate
    for i in range(n):
        text = texts[i]
        if zones[i] is body and (
            (len(text) <= _SHORT and _is_appeal_line(text))
            or (fingerprints and fingerprint(text) in fingerprints)
        ):
            zones[i] = boilerplate
    return tuple(zones)
