"""Sanitised HTML to reading blocks with inline spans (shared by the Markdown and HTML loaders)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nh3
from lxml import etree
from lxml import html as lxml_html

from desktop.core.article import Block, BlockKind, InlineSpan, InlineStyle

# Only what reading needs survives sanitising: no scripts, styles, frames, forms,
# images or embedded objects, and links keep nothing but their address.
_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
_SAFE_SCHEMES = {"http", "https", "mailto"}

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = {"p", "li", "blockquote", "pre", "figcaption", "caption", "dt", "dd", "tr", "div",
               "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "figure", "hr", *_HEADINGS}
_INLINE_STYLES = {
    "em": InlineStyle.EMPHASIS, "i": InlineStyle.EMPHASIS, "cite": InlineStyle.EMPHASIS,
    "strong": InlineStyle.STRONG, "b": InlineStyle.STRONG,
    "code": InlineStyle.CODE, "kbd": InlineStyle.CODE,
    "a": InlineStyle.LINK,
}
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# libxml2 drops everything nested deeper than 256 elements (2048 with huge_tree),
# so hostile or broken pages lost their whole text; tags past this depth go first.
_MAX_DEPTH = 200
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s+[^\s=>/]+(?:="[^"]*")?)*\s*/?>')
_VOID = {"br", "hr", "img", "wbr", "col", "area", "input", "meta", "link", "source", "embed"}
# html5ever (under nh3) takes time quadratic in the nesting depth: 100,000 nested <div>s
# (a 1 MB page) took 27 s. Tags a raw page nests deeper than this are dropped first.
_RAW_MAX_DEPTH = 1000
# Comments and the raw text of scripts and styles ("i<n") are skipped whole, not counted.
_RAW_TAG = re.compile(r"<!--.*?-->|<(script|style|textarea|template|noscript|xmp)\b.*?</\1\s*>"
                      r"|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", re.S | re.I)
# Elements whose end tag may be left out do not count: a page of unclosed <p>s is not deep.
_OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
                 "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", *_VOID}


def sanitise(html: str) -> str:
    """Drop everything from `html` that could run, fetch or hide: scripts, frames,
    objects, images, styles, event handlers and non-http(s) links."""
    return nh3.clean(
        _cap_depth(html),
        tags=_ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object",
                            "svg", "math", "textarea", "select"},
        attributes={"a": {"href"}, "td": {"colspan"}, "th": {"colspan"}},
        url_schemes=_SAFE_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


@dataclass
class _Pending:
    """The block being collected while walking the tree."""

    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    parts: list[str] = field(default_factory=list)
    spans: list[InlineSpan] = field(default_factory=list)
    open_spans: list[tuple[int, InlineStyle, str | None]] = field(default_factory=list)
    preformatted: bool = False

    def length(self) -> int:
        return sum(len(p) for p in self.parts)

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        if not self.preformatted:
            text = _SPACE.sub(" ", text)
            if self.length() == 0 or "".join(self.parts[-1:]).endswith((" ", "\n")):
                text = text.lstrip(" ")
        self.parts.append(text)


def blocks_from_html(html: str) -> list[Block]:
    """Blocks of the sanitised `html` (sanitise first: this trusts its input)."""
    if not html.strip():
        return []
    root = lxml_html.fragment_fromstring(_shallow(html), create_parent="div")
    blocks: list[Block] = []
    pending = _Pending()
    context: list[tuple[BlockKind, int]] = []  # enclosing quote/list blocks

    def flush() -> None:
        nonlocal pending
        text = "".join(pending.parts)
        stripped = text.strip() if not pending.preformatted else text.strip("\n")
        if stripped.strip():  # a <pre> of spaces alone is no block
            shift = len(text) - len(text.lstrip()) if not pending.preformatted else 0
            spans = tuple(
                InlineSpan(max(0, s.start - shift), min(len(stripped), s.end - shift), s.style, s.href)
                for s in pending.spans
                if min(len(stripped), s.end - shift) > max(0, s.start - shift)
            )
            blocks.append(Block(pending.kind, stripped, pending.level, spans))
        kind, level = context[-1] if context else (BlockKind.PARAGRAPH, 0)
        pending = _Pending(kind=kind, level=level)

    # iterwalk, not recursion: hostile pages nest thousands of elements deep.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
                if tag in _HEADINGS:
                    pending.kind, pending.level = BlockKind.HEADING, _HEADINGS[tag]
                elif tag == "blockquote":
                    context.append((BlockKind.QUOTE, 0))
                    pending.kind = BlockKind.QUOTE
                elif tag == "li":
                    context.append((BlockKind.LIST_ITEM, 0))
                    pending.kind = BlockKind.LIST_ITEM
                elif tag in {"figcaption", "caption"}:
                    pending.kind = BlockKind.CAPTION
                elif tag == "pre":
                    pending.preformatted = True
            elif tag == "br":
                pending.add_text("\n")
            elif tag in _INLINE_STYLES:
                href = element.get("href") if tag == "a" else None
                pending.open_spans.append((pending.length(), _INLINE_STYLES[tag], href))
            if element is not root:
                pending.add_text(element.text)
            else:
                pending.add_text(root.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
                if tag in {"blockquote", "li"} and context:
                    context.pop()
                    kind, level = context[-1] if context else (BlockKind.PARAGRAPH, 0)
                    pending.kind, pending.level = kind, level
            elif tag in _INLINE_STYLES and pending.open_spans:
                start, style, href = pending.open_spans.pop()
                if pending.length() > start:
                    pending.spans.append(InlineSpan(start, pending.length(), style, href))
            if element is not root:
                pending.add_text(element.tail)
    flush()
    return blocks


def _shallow(html: str) -> str:
    """`html` (sanitised, so well formed) without the tags nested past `_MAX_DEPTH`; their text stays."""
    if html.count("<") <= _MAX_DEPTH:
        return html
    depth = 0
    dropped: list[bool] = []  # per open element: was its tag dropped?

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            return match.group(0) if depth < _MAX_DEPTH else ""
        if not closing:
            depth += 1
            dropped.append(depth > _MAX_DEPTH)
            return "" if dropped[-1] else match.group(0)
        if not dropped:
            return match.group(0)
        depth -= 1
        return "" if dropped.pop() else match.group(0)

    return _TAG.sub(keep_or_drop, html)


def _cap_depth(page: str) -> str:
    """A raw (maybe broken) page without the tags nested past `_RAW_MAX_DEPTH`; their text stays."""
    if page.count("<") <= _RAW_MAX_DEPTH:
        return page
    depth = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        if match.group(3) is None or match.group(3).lower() in _OPTIONAL_END:
            return match.group(0)
        if match.group(2):  # an end tag
            depth -= 1
            return "" if depth >= _RAW_MAX_DEPTH else match.group(0)
        depth = max(depth, 0) + 1
        return "" if depth > _RAW_MAX_DEPTH else match.group(0)

    return _RAW_TAG.sub(keep_or_drop, page)
