"""Attributing every outermost quotation of a text, using its sentence and its neighbours.

Order of evidence, most specific first: an attribution clause in the quotation's own
sentence (after it, then before it); the pieces of one multi-paragraph quotation share an
attribution; a sentence-initial quotation with no cue takes its speaker from the previous
quotation, the next sentence's cue, or the previous sentence's cue verb; a quotation still
unattributed takes its sentence's subject. Every look-back is bounded by a window, so the
work stays linear in the text whatever its punctuation.
"""

from __future__ import annotations

import bisect
import re

from desktop.core.annotate.quote_attribution import (
    Attribution,
    attribution_after,
    attribution_before,
)
from desktop.core.annotate.quote_marks import QuoteSpan
from desktop.core.annotate.quote_phrases import clause_subject

__all__ = ["Sentences", "attribute_quotes"]

# How far back (in characters) an attribution is looked for before a quotation.
WINDOW = 500

# A sentence ends at . ! ? (and any closing marks) followed by space and a capital or opener.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*[ \t\xa0]+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Jr|Sr|St|Inc|Co|"
    r"Corp|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|U\.S|U\.N|D\.C)|\b[A-Z])$"
)


class Sentences:
    """Sentence starts of a text; a boundary inside an outermost quotation does not count."""

    def __init__(self, text: str, top: list[QuoteSpan]) -> None:
        top_starts = [s.start for s in top]
        starts = [0]
        for m in _SENTENCE_END.finditer(text):
            pos = m.end()
            if m.group()[0] == "." and _ABBREV_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue
            k = bisect.bisect_right(top_starts, pos - 1) - 1
            if k >= 0 and top[k].start < pos < top[k].end and "\n" not in m.group():
                continue
            starts.append(pos)
        self.starts = starts

    def index(self, pos: int) -> int:
        """Index of the sentence holding ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def start(self, pos: int) -> int:
        """Start offset of the sentence holding ``pos``."""
        return self.starts[self.index(pos)]

    def head(self, text: str, pos: int, limit: int = 200) -> str:
        """The (at most ``limit`` last) characters of the sentence before ``pos``."""
        return text[max(self.start(pos), pos - limit) : pos]

    def opens(self, text: str, span: QuoteSpan) -> bool:
        """True when the quotation starts its sentence (or follows a colon)."""
        if span.start - self.start(span.start) > 200:
            return False
        head = self.head(text, span.start).strip()
        return head == "" or head.endswith(":")


def attribute_quotes(
    text: str, top: list[QuoteSpan], sentences: Sentences
) -> dict[int, Attribution]:
    """Attribution for each outermost quotation, keyed by its start offset."""
    explicit: dict[int, Attribution] = {}
    n = len(text)
    for i, span in enumerate(top):
        para_end = text.find("\n", span.end, span.end + WINDOW)
        limit = min(
            para_end if para_end >= 0 else n,
            top[i + 1].start if i + 1 < len(top) else n,
            span.end + WINDOW,
        )
        attr = attribution_after(text, span.end, limit)
        if attr is None:
            lo = max(_extend_over_colon(text, sentences.start(span.start)), span.start - WINDOW)
            attr = attribution_before(text, lo, span.start, _spans_after(top, i, lo))
        if attr is not None:
            explicit[span.start] = attr
    found = dict(explicit)
    _share_within_chains(top, found)
    _from_context(text, top, sentences, found, explicit)
    _from_sentence_subject(text, top, sentences, found)
    return found


def _spans_after(top: list[QuoteSpan], i: int, lo: int) -> list[tuple[int, int]]:
    """Spans of the quotations before ``top[i]`` that end after ``lo`` (not cue territory)."""
    out: list[tuple[int, int]] = []
    j = i - 1
    while j >= 0 and top[j].end > lo:
        out.append((top[j].start, top[j].end))
        j -= 1
    out.reverse()
    return out


def _extend_over_colon(text: str, lo: int) -> int:
    """Start of the previous paragraph when it ends with a colon ("Cruz continued:")."""
    j = lo
    while j > max(0, lo - 20) and text[j - 1].isspace():
        j -= 1
    if j > 0 and text[j - 1] == ":" and "\n" in text[j:lo]:
        prev = text.rfind("\n", max(0, j - WINDOW), j - 1)
        return prev + 1 if prev >= 0 else max(0, j - WINDOW)
    return lo


def _share_within_chains(top: list[QuoteSpan], found: dict[int, Attribution]) -> None:
    """Pieces of one multi-paragraph quotation share the attribution any piece has."""
    by_chain: dict[int, Attribution] = {}
    for span in top:
        if span.start in found and span.chain not in by_chain:
            by_chain[span.chain] = found[span.start]
    for span in top:
        if span.start not in found and span.chain in by_chain:
            found[span.start] = by_chain[span.chain]


def _from_context(
    text: str,
    top: list[QuoteSpan],
    sentences: Sentences,
    found: dict[int, Attribution],
    explicit: dict[int, Attribution],
) -> None:
    """Attribute sentence-initial quotations with no cue of their own from their neighbours.

    The previous quotation's speaker carries over when it is in the previous sentence
    (“…,” Trump said. “…”); else the next quotation's cue when it stands between the two
    (“…” He added, “…”); else a cue verb with a subject in the previous sentence (Putin
    lamented … . “…”); else the last speaker quoted in this or the previous paragraph;
    else the next quotation right after (“…” “…,” he said).
    """
    for i, span in enumerate(top):
        if span.start in found:
            continue
        if i > 0 and top[i - 1].start in explicit:
            # “…,” said Edward Leamer, an economist, “is that …”: a split quotation whose
            # attribution clause stands between its halves, in one sentence.
            prev_attr = explicit[top[i - 1].start]
            if (
                top[i - 1].end <= prev_attr.speaker_start < span.start
                and sentences.index(top[i - 1].end) == sentences.index(span.start)
            ):
                found[span.start] = prev_attr
                continue
        if not sentences.opens(text, span):
            continue
        s = sentences.index(span.start)
        prev_lo = max(sentences.starts[s - 1] if s > 0 else 0, span.start - WINDOW)
        prev = top[i - 1] if i > 0 else None
        nxt = top[i + 1] if i + 1 < len(top) else None
        attr: Attribution | None = None
        if prev is not None and prev.start in found and prev.end >= prev_lo:
            attr = found[prev.start]
        if attr is None and nxt is not None and nxt.start in explicit:
            nxt_attr = explicit[nxt.start]
            between = span.end <= nxt_attr.speaker_start < nxt.start
            if between and "\n" not in text[span.end : nxt.start]:
                attr = nxt_attr
        if attr is None and s > 0 and sentences.starts[s] > prev_lo:
            end = sentences.starts[s]
            attr = attribution_before(text, prev_lo, end, _spans_after(top, i, prev_lo))
        if attr is None:
            attr = _last_speaker(text, top, i, found)
        if attr is None and nxt is not None and nxt.start in explicit:
            gap = text[span.end : nxt.start] if nxt.start - span.end < 3 else "\n"
            if "\n" not in gap:
                attr = explicit[nxt.start]
        if attr is not None:
            found[span.start] = attr


def _last_speaker(
    text: str, top: list[QuoteSpan], i: int, found: dict[int, Attribution]
) -> Attribution | None:
    """The last speaker quoted before ``top[i]`` in its paragraph or the one before.

    Unattributed quotations in between (titles, scare quotes) are passed over.
    """
    j = i - 1
    while j >= 0 and top[i].start - top[j].end < WINDOW:
        gap = text[top[j].end : top[i].start]
        if gap.count("\n\n") > 1 or gap.count("\n") > 2:
            return None
        if top[j].start in found:
            return found[top[j].start]
        j -= 1
    return None


def _from_sentence_subject(
    text: str, top: list[QuoteSpan], sentences: Sentences, found: dict[int, Attribution]
) -> None:
    """Quotations still unattributed take the subject of their sentence, if it has one.

    "Huckabee is labeling Obama’s actions “a blatant abuse”": no cue verb is known, but
    the sentence's subject is who is quoted. The attribution has no cue.
    """
    for span in top:
        if span.start in found:
            continue
        lo = sentences.start(span.start)
        if not span.start - WINDOW <= lo < span.start:
            continue  # no sentence start in sight: no subject either
        subject = clause_subject(text, lo, span.start)
        if subject is not None:
            found[span.start] = Attribution(subject[0], subject[1], None)
