"""Deciding what format a file really is, from its content first and its name second."""

from __future__ import annotations

import re

from desktop.core.article import Format

_HTML_START = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(p|div|article|section|span|a\s+href|br|h[1-6]|ul|li|table)\b[^>]*>", re.I)

# Markdown signals, each counted once: a link or image, an autolink, an ATX
# heading, a quote block, emphasis, a fenced block, a reference definition, a
# list. Each comes with strings it cannot match without: a scan for those (and
# first for their first character, which is a memchr) is many times faster than
# the pattern's, and most plain text has none of them.
_MARKDOWN_SIGNALS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("](",), re.compile(r"!?\[[^\]\n]+\]\([^)\s]*\)")),
    (("<http", "<mailto:"), re.compile(r"<(https?|mailto):[^>\s]+>")),
    (("# ",), re.compile(r"^#{1,6} \S", re.M)),
    (("> ",), re.compile(r"^> \S", re.M)),
    (("**", "__"), re.compile(r"(\*\*|__)\S[^\n]*?\S\1")),
    (("```",), re.compile(r"^```", re.M)),
    (("]: ",), re.compile(r"^\[[^\]\n]+\]: \S", re.M)),
    (("- ", "* ", "+ "), re.compile(r"^(\s*[-*+] \S.*\n){2,}", re.M)),
)
# One of these alone is enough: nobody types them in plain prose.
_STRONG_SIGNALS = 3

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


def sniff_format(text: str, suffix: str = "") -> Format:
    """The format `text` is written in; `suffix` (".txt", ".md", …) only breaks ties."""
    head = text[:20000]
    suffix = suffix.lower()
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return Format.HTML
    if suffix in _HTML_SUFFIXES and _HTML_TAGS.search(head):
        return Format.HTML
    if suffix in _MARKDOWN_SUFFIXES:
        return Format.MARKDOWN
    hits = [i for i, (needs, pattern) in enumerate(_MARKDOWN_SIGNALS)
            if any(s[0] in head and s in head for s in needs) and pattern.search(head)]
    if len(hits) >= 2 or any(i < _STRONG_SIGNALS for i in hits):
        return Format.MARKDOWN
    return Format.TEXT
