"""Pairing quotation marks into quoted spans.

Handles straight, curly and typographic marks (" “ ” ‘ ’ ' « » „), nesting, and the news
convention of a quotation running over several paragraphs where each paragraph opens with
a mark and only the last one closes. Apostrophes (we’re, Russia’s, the ’90s, rock ’n’ roll)
are told apart from single quotation marks by their neighbours. Unbalanced marks never
raise: an unclosed quotation runs to the end of its paragraph, a stray closer is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted span, marks included: ``text[start:end]``.

    ``depth`` is 0 for an outermost quotation. ``chain`` numbers the pieces of one
    multi-paragraph quotation alike (every span gets a chain; most chains have one piece).
    ``closed`` is False for a piece that ends at a paragraph end without a closing mark.
    """

    start: int
    end: int
    depth: int
    chain: int
    closed: bool


# Marks, newlines (paragraph ends) and markup tags, whose attribute quotes are not speech.
# Doubled apostrophes (''…'') are an old wire-service stand-in for double marks. They are
# skipped, neither quotation nor apostrophe: PolNeAR-style gold data does not count them as
# quotations (flip this by mapping '' to " if readers want them highlighted).
# A tag whose attribute values run over lines (scraped embeds: <tweet author="…\n">) is
# matched whole, attribute by attribute, so its newlines do not end a paragraph.
_TOKEN = re.compile(
    r"''|<[A-Za-z][\w:-]*(?:\s+[\w:-]+=\"[^\"<>]{0,2000}\")+\s*/?>"
    r"|[\"“”„«»‘’'\n]|<[A-Za-z/][^<>\n]{0,400}>"
)
_DOUBLE = frozenset('"“”„«»')
_OPEN_BEFORE = frozenset(" \t\r\n\xa0([{—–-/:;>\u2009\u202f")
_CLOSE_AFTER = frozenset(" \t\r\n\xa0)]}.,;:!?—–-/<\u2009\u202f…")
# Words that start with an apostrophe standing for dropped letters: ’em, ’n’, ’til, ’90s.
_ELISION = re.compile(r"(?:em|n|til|cause|tis|twas|bout|round|nuff|s|d|\d\d?s?)\b", re.IGNORECASE)
_LAYOUT_SPACE = " \t\r\xa0\u2009\u202f"
# Feet and inches (5’2”, 6'2"): the double mark after them is an inch mark, never a quote.
_FEET_BEFORE = re.compile(r"(?<![\w.])\d{1,2}['’]\d{1,2}$")
# A single closer right after sentence punctuation (“Let’s go.’ …): if no single mark is
# open, it may be the closer of the open double quotation, typed with the wrong mark.
_SENTENCE_PUNCT = frozenset(".!?")


@dataclass(slots=True)
class _Open:
    """A mark waiting for its closer (mutable scan state, never returned)."""

    pos: int
    char: str
    single: bool
    chain: int


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _double_role(text: str, i: int, stack: list[_Open]) -> str:
    """Return "open", "close" or "skip" for the double mark at ``i``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    open_before = prev == "" or prev in _OPEN_BEFORE or prev in _DOUBLE or prev in "‘'"
    close_after = nxt == "" or nxt in _CLOSE_AFTER or nxt in _DOUBLE or nxt in "’'"
    doubles_open = any(not o.single for o in stack)
    if ch in '"”' and _FEET_BEFORE.search(text, max(0, i - 8), i):
        return "skip"  # an inch mark: 5’2”, 6'2"
    if ch in "„«":
        return "open"
    if ch == "»":
        return "close"
    if ch == "“":
        # „…“ is the German pair; “ after text and before a space is a misturned closer.
        if stack and stack[-1].char == "„":
            return "close"
        if not open_before and close_after and doubles_open:
            return "close"
        return "open"
    if ch == "”":
        # A ” between a space and a word, or opening a paragraph, is a misturned opener.
        if open_before and not close_after and not _is_space(nxt):
            return "open"
        if (prev == "" or prev == "\n") and not doubles_open:
            return "open"
        return "close"
    # Straight ": decide by what surrounds it, then by whether a quotation is open.
    if prev.isdigit() and not doubles_open:
        return "skip"  # inch mark: 6'2"
    if open_before and not close_after:
        return "open"
    if close_after and not open_before:
        return "close" if doubles_open else "skip"
    return "close" if doubles_open else "open"


def _single_role(text: str, i: int, stack: list[_Open]) -> str:
    """Return "open", "close" or "skip" (apostrophe) for the single mark at ``i``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isalnum() and nxt.isalnum():
        return "skip"  # we’re, Russia’s, O'Brien
    singles_open = any(o.single for o in stack)
    open_before = prev == "" or prev in _OPEN_BEFORE or prev in _DOUBLE
    if open_before:
        if _ELISION.match(text, i + 1) and not (ch == "‘" and text.startswith("n’", i + 1)):
            return "skip"
        if nxt.isalnum() or nxt in '“"':
            return "open" if ch != "’" else "skip"
        return "skip"
    close_after = nxt == "" or nxt in _CLOSE_AFTER or nxt in _DOUBLE
    after = text[i + 2] if i + 2 < len(text) else ""
    if prev == "s" and nxt == " " and after.islower():
        return "skip"  # the Russians’ plan: a plural possessive before a lower-case word
    if close_after and singles_open and ch != "‘":
        return "close"  # a plural possessive (Russians’) also lands here if a quote is open
    return "skip"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return quoted spans (marks included), sorted by start then outermost first.

    Double marks are the outer quotation marks, single marks only count inside them: in
    American-style text a single mark at the top level is far more often an apostrophe or
    a headline's shorthand. A text that quotes mostly with single marks (British style,
    ‘…,’ he said) is scanned the other way round.
    """
    spans = _scan(text, single_outer=False)
    singles = 0 if "''" in text else len(_SINGLE_PAIR.findall(text))
    if singles >= 2 and singles > 2 * sum(1 for s in spans if s.depth == 0):
        spans = _scan(text, single_outer=True)
    return [s for s in spans if not _is_label(text, s)]


def _is_label(text: str, span: QuoteSpan) -> bool:
    """A paragraph that is only a short quoted label ending in a colon ("Related:").

    Scraped pages put such labels above lists of links or embeds: layout, not quotation.
    """
    inner = text[span.start + 1 : span.end - 1].rstrip()
    if not inner.endswith(":") or len(inner.split()) > 3:
        return False
    before = text[text.rfind("\n", 0, span.start) + 1 : span.start]
    after_end = text.find("\n", span.end)
    after = text[span.end : len(text) if after_end < 0 else after_end]
    return before.strip() == "" and after.strip() == ""


# A rough count of top-level single-quoted phrases, to tell British-style text.
# Doubled apostrophes (''…'', an old wire convention for double marks) do not count.
_SINGLE_PAIR = re.compile(
    r"(?<![\w’'‘])[‘'](?=[A-Z])(?:[^‘’'\n\"“”]|[’'](?=[A-Za-z])){1,300}?[^\s‘']"
    r"[’'](?![A-Za-z0-9'])"
)


def _scan(text: str, single_outer: bool) -> list[QuoteSpan]:
    scan = _Scan(text, single_outer)
    for m in _TOKEN.finditer(text):
        ch = m.group()
        if len(ch) > 1:
            continue  # a markup tag (its attribute values are not quotations) or ''

        if ch == "\n":
            scan.end_paragraph(m.start())
        else:
            scan.mark(m.start(), ch)
    scan.end_paragraph(len(text))
    scan.spans.sort(key=lambda s: (s.start, -s.end))
    return scan.spans


class _Scan:
    """Scan state: the stack of open marks, the spans found, chain numbering."""

    def __init__(self, text: str, single_outer: bool) -> None:
        self.text = text
        self.single_outer = single_outer
        self.stack: list[_Open] = []
        self.spans: list[QuoteSpan] = []
        self.chains = 0
        # Chain of a quotation left open at a paragraph end whose next paragraph opens
        # with a mark: that mark continues it.
        self.pending: int | None = None
        # A single closer that may have closed the open double quotation (see ``_misclosed``).
        self.misclosed: int | None = None

    def mark(self, i: int, ch: str) -> None:
        """Take the quotation mark ``ch`` at ``i``."""
        stack = self.stack
        single = ch in "‘’'"
        if single:
            if not self.single_outer and not any(not o.single for o in stack):
                return
            role = _single_role(self.text, i, stack)
            if role == "skip" and not self.single_outer and self.misclosed is None:
                self.misclosed = _misclosed(self.text, i, stack)
        else:
            role = _double_role(self.text, i, stack)
        if role == "open":
            if stack:
                chain = stack[0].chain
            elif self.pending is not None:
                chain = self.pending
            else:
                self.chains += 1
                chain = self.chains
            self.pending = None
            stack.append(_Open(i, ch, single, chain))
        elif role == "close":
            self._close(i, single)

    def _close(self, i: int, single: bool) -> None:
        """Close the innermost open mark of the same family; drop unclosed marks inside."""
        stack = self.stack
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].single == single:
                opener = stack[k]
                del stack[k:]
                self.spans.append(QuoteSpan(opener.pos, i + 1, k, opener.chain, True))
                if not stack:
                    self.misclosed = None  # closed by its own mark after all
                return
        # A stray closer (its opener is missing or was a misread apostrophe): ignore it.

    def end_paragraph(self, i: int) -> None:
        """Settle marks still open at the paragraph end at ``i``.

        The outermost open mark of the outer family becomes a piece running to the
        paragraph end; if the next paragraph opens with such a mark, it continues the chain.
        """
        text = self.text
        opened = [o for o in self.stack if o.single == self.single_outer]
        outer = opened[0] if opened else None
        cut, self.misclosed = self.misclosed, None
        self.stack.clear()
        if outer is None:
            return  # also keeps ``pending`` across the blank line between paragraphs
        self.pending = None
        if cut is not None and cut > outer.pos:
            # “Let’s go.’ Lee said …: never closed by a double mark, the quotation ends
            # at the single closer after its last sentence; what follows is narration.
            self._lift_after(cut)
            self.spans.append(QuoteSpan(outer.pos, cut + 1, 0, outer.chain, True))
            rest = next((o for o in opened if o.pos > cut), None)
            if rest is None:
                return
            self.chains += 1
            outer = _Open(rest.pos, rest.char, rest.single, self.chains)
        end = i
        while end > outer.pos + 1 and text[end - 1] in _LAYOUT_SPACE:
            end -= 1
        if end > outer.pos + 1:
            self.spans.append(QuoteSpan(outer.pos, end, 0, outer.chain, False))
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        if j < len(text) and text[j] in ("‘'" if self.single_outer else '"“„«'):
            self.pending = outer.chain

    def _lift_after(self, cut: int) -> None:
        """Spans found after ``cut`` were nested in a quotation that ended there: lift them."""
        k = len(self.spans)
        while k > 0 and self.spans[k - 1].start > cut:
            k -= 1
        lifted = sorted(self.spans[k:], key=lambda s: (s.start, -s.end))
        del self.spans[k:]
        chain = 0
        skip_to = -1
        for span in lifted:
            if span.start < skip_to:
                continue
            if span.depth <= 1:
                if self.text[span.start] in "‘’'":
                    skip_to = span.end  # single marks count only inside a double quotation
                    continue
                self.chains += 1
                chain = self.chains
            self.spans.append(QuoteSpan(span.start, span.end, span.depth - 1, chain, span.closed))


def _misclosed(text: str, i: int, stack: list[_Open]) -> int | None:
    """``i`` when the single mark there may close the open double quotation, else None.

    Only a lone double quotation (no single mark open inside it) and a single closer right
    after sentence punctuation and before a space qualify: “We can win.’ The rally …
    Whether it did is known at the paragraph end: a double closer later means it did not.
    """
    if len(stack) != 1 or stack[0].single or text[i] not in "’'":
        return None
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev in _SENTENCE_PUNCT and (nxt == "" or nxt.isspace()):
        return i
    return None
