"""Recognising what plain paragraphs are: a title, a caption-like line, a link line,
or half of a paragraph cut by a stray blank line."""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.core.article import Block, BlockKind, InlineStyle
from desktop.core.loaders.lines import RELATED_LABEL, SOURCE_LABEL, URL_ONLY

_SENTENCE_END = re.compile(r"[.!?…]['\"’”»)\]]*$")
_CONTINUED_END = re.compile(r"[\w,;:–—-]$")
_TITLE_WORD = re.compile(r"^['\"‘“«(]*[A-Z0-9]")

CAPTION_MAX_WORDS = 12
TITLE_MAX_WORDS = 20


def refine_blocks(blocks: list[Block], *, find_title: bool = True) -> list[Block]:
    """Give plain paragraphs their kind (heading, caption, link) and mark broken ones."""
    out = [_link_kind(block) for block in blocks]
    # A label such as "Original url:" belongs with the link line after it.
    for i in range(len(out) - 1):
        if (out[i + 1].kind is BlockKind.LINK and out[i].kind is BlockKind.PARAGRAPH
                and out[i].text.endswith(":") and len(out[i].text.split()) <= 4):
            out[i] = replace(out[i], kind=BlockKind.LINK)
    if find_title and out and _title_like(out[0], out[1] if len(out) > 1 else None):
        out[0] = replace(out[0], kind=BlockKind.HEADING, level=1)
    out = mark_broken_paragraphs(out)
    return [_caption_kind(block) for block in out]


def mark_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Set `continues` on a paragraph that stops mid-sentence when the next starts lower-case."""
    out = list(blocks)
    for i in range(len(out) - 1):
        this, after = out[i], out[i + 1]
        # The end is searched in the last two characters ("$" also matches
        # before a final newline): searching the whole text tries every position.
        if (after.text[:1].islower()
                and this.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE)
                and after.kind is this.kind
                and _CONTINUED_END.search(this.text[-2:])):
            out[i] = replace(this, continues=True)
    return out


def _link_kind(block: Block) -> Block:
    if block.kind is not BlockKind.PARAGRAPH:
        return block
    text = block.text.strip()
    linked = sum(s.end - s.start for s in block.spans if s.style is InlineStyle.LINK)
    mostly_link = linked >= 0.6 * len(text.replace(" ", "")) and linked > 0
    labelled = RELATED_LABEL.match(text) or SOURCE_LABEL.match(text)
    if URL_ONLY.match(text) or (labelled and (linked or len(text.split()) <= 20)):
        return replace(block, kind=BlockKind.LINK)
    if mostly_link and len(text.split()) <= 25:
        return replace(block, kind=BlockKind.LINK)
    return block


def _title_like(block: Block, after: Block | None) -> bool:
    """A short first line without a full stop: in Title Case, or followed by body text.

    English headlines capitalise their words; many languages (and many sites)
    write headlines in sentence case, so a short line above a real paragraph is
    a headline too.
    """
    words = block.text.split()
    if block.kind is not BlockKind.PARAGRAPH or not 2 <= len(words) <= TITLE_MAX_WORDS:
        return False
    if _SENTENCE_END.search(block.text) and not block.text.endswith("?"):
        return False
    if block.text.endswith((",", ";", ":")):
        return False
    if not block.text[:1].isupper() and not block.text[:1].isdigit():
        return False
    capitalised = sum(bool(_TITLE_WORD.match(w)) for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words)
    if long_words == 0 or capitalised / long_words >= 0.6:
        return True
    return (after is not None and len(words) <= CAPTION_MAX_WORDS
            and len(after.text.split()) > CAPTION_MAX_WORDS and bool(_SENTENCE_END.search(after.text)))


def _caption_kind(block: Block) -> Block:
    if block.kind is not BlockKind.PARAGRAPH or block.continues or block.text[:1].islower():
        return block
    words = block.text.split()
    if len(words) <= CAPTION_MAX_WORDS and not _SENTENCE_END.search(block.text):
        return replace(block, kind=BlockKind.CAPTION)
    return block
