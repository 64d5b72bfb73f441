"""Quotation finder: quoted spans in article text, with their speakers.

``find_quotes`` pairs the quotation marks (``quote_marks``), finds each quotation's
attribution clause (``quote_attribution``), falls back on the neighbouring sentence when
the quotation's own sentence has no cue verb, and resolves the speaker mention to a name
(``speakers``). Pure Python, linear in the text; it never raises on odd input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from desktop.core.annotate.quote_attribution import (
    Attribution,
    attribution_after,
    attribution_before,
)
from desktop.core.annotate.quote_marks import QuoteSpan, find_quote_spans
from desktop.core.annotate.quote_phrases import clause_subject
from desktop.core.annotate.speakers import SpeakerResolver

__all__ = ["Quote", "find_quotes"]

FULL = "full"
PARTIAL = "partial"
SCARE = "scare"


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its span in the text (marks included), who said it and how.

    ``speaker_start``/``speaker_end`` locate the speaker mention in the attribution clause
    ("he" in "he said"); ``speaker`` is the name it resolves to. ``kind`` is "full" for a
    quoted sentence or clause, "partial" for a fragment inside reported speech and "scare"
    for scare quotes and titles no one is named as saying.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    kind: str


# A sentence ends at . ! ? (and any closing marks) followed by space and a capital or opener.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*[ \t\xa0]+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Jr|Sr|St|Inc|Co|"
    r"Corp|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|U\.S|U\.N|D\.C)|\b[A-Z])$"
)
_LONG_FRAGMENT = 6
# Words before a title: on “Meet the Press”, CBS’s “Face the Nation”, a book titled “…”.
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:on|in|of|from|for|about|titled|entitled|called|named|dubbed|show|book|film|"
    r"movie|program|programme|podcast|series|song|album|novel|column|op-ed|slogan)|[’']s?)"
    r"[\s,]*$",
    re.IGNORECASE,
)
# Nouns after a title: the “Daily Show” host, a “Make America Great Again” hat.
_TITLE_AFTER = re.compile(
    r"\s*(?:star|stars|host|co-host|anchor|actor|actress|author|creator|hat|hats|cap|shirt|"
    r"t-shirt|sign|signs|banner|slogan|show|series|film|movie|book|album|song|program|"
    r"campaign|initiative|bill|act|rule|podcast|segment|episode|broadcast|documentary)\b",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at"})
_CUE_BEFORE = re.compile(r"\b(?:said|says|say|told|tells|added|asked|wrote|writes|declared)\s*$")


def find_quotes(text: str) -> list[Quote]:
    """Return the quotations in ``text``, sorted by start offset."""
    spans = find_quote_spans(text)
    if not spans:
        return []
    starts = _sentence_starts(text, spans)
    top = [s for s in spans if s.depth == 0]
    attrs = _attribute(text, top, starts)
    resolver = SpeakerResolver(text)
    quotes: list[Quote] = []
    outer: QuoteSpan | None = None
    for span in spans:
        attr: Attribution | None = None
        if span.depth == 0:
            outer = span
            attr = attrs.get(span.start)
            # A speaker guessed from the sentence subject alone (no cue) does not make a
            # scare quote into reported speech.
            kind = _kind(text, span, starts, attr is not None and attr.cue is not None)
        else:
            kind = PARTIAL if outer is not None and outer.end >= span.end else SCARE
        quotes.append(
            Quote(
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                speaker=resolver.resolve(attr.speaker_start, attr.speaker_end) if attr else None,
                speaker_start=attr.speaker_start if attr else None,
                speaker_end=attr.speaker_end if attr else None,
                cue=attr.cue if attr else None,
                kind=kind,
            )
        )
    return quotes


def _sentence_starts(text: str, spans: list[QuoteSpan]) -> list[int]:
    """Sorted sentence start offsets; a boundary inside a quotation does not count."""
    tops = [(s.start, s.end) for s in spans if s.depth == 0]
    top_starts = [a for a, _ in tops]
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        pos = m.end()
        if m.group()[0] == "." and _ABBREV_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        k = bisect.bisect_right(top_starts, pos - 1) - 1
        if k >= 0 and tops[k][0] < pos < tops[k][1] and "\n" not in m.group():
            continue
        starts.append(pos)
    return starts


def _sentence_of(starts: list[int], pos: int) -> int:
    """Index in ``starts`` of the sentence holding ``pos``."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _attribute(text: str, top: list[QuoteSpan], starts: list[int]) -> dict[int, Attribution]:
    """Attribution for each outermost quotation, keyed by its start offset."""
    found: dict[int, Attribution] = {}
    explicit: dict[int, Attribution] = {}
    n = len(text)
    for i, span in enumerate(top):
        para_end = text.find("\n", span.end)
        limit = min(para_end if para_end >= 0 else n, top[i + 1].start if i + 1 < len(top) else n)
        attr = attribution_after(text, span.end, limit)
        if attr is None:
            lo = starts[_sentence_of(starts, span.start)]
            lo = _extend_over_colon(text, lo)
            skip = [(t.start, t.end) for t in top[:i] if t.end > lo]
            attr = attribution_before(text, lo, span.start, skip)
        if attr is not None:
            explicit[span.start] = attr
    found.update(explicit)
    _share_within_chains(top, found)
    _from_context(text, top, starts, found, explicit)
    _from_sentence_subject(text, top, starts, found)
    return found


def _from_sentence_subject(
    text: str, top: list[QuoteSpan], starts: list[int], found: dict[int, Attribution]
) -> None:
    """Quotations still unattributed take the subject of their sentence, if it has one.

    "Huckabee is labeling Obama’s actions “a blatant abuse”": no cue verb is known, but
    the sentence's subject is who is quoted.
    """
    for span in top:
        if span.start in found:
            continue
        lo = starts[_sentence_of(starts, span.start)]
        if lo >= span.start:
            continue
        subject = clause_subject(text, lo, span.start)
        if subject is not None:
            found[span.start] = Attribution(subject[0], subject[1], None)


def _extend_over_colon(text: str, lo: int) -> int:
    """Start of the previous paragraph when it ends with a colon ("Cruz continued:")."""
    j = lo
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j > 0 and text[j - 1] == ":" and "\n" in text[j:lo]:
        prev = text.rfind("\n", 0, j - 1)
        return prev + 1
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
    starts: list[int],
    found: dict[int, Attribution],
    explicit: dict[int, Attribution],
) -> None:
    """Attribute sentence-initial quotations with no cue of their own from their neighbours.

    The previous quotation's speaker carries over when it is in the previous sentence or
    paragraph (“…,” Trump said. “…”); otherwise a cue verb with a subject in the previous
    sentence names the speaker (Putin lamented … . “…”); otherwise the next quotation in
    the same paragraph does (“…” “…,” he said).
    """
    for i, span in enumerate(top):
        if span.start in found or not _opens_sentence(text, span, starts):
            continue
        s = _sentence_of(starts, span.start)
        prev_lo = starts[s - 1] if s > 0 else 0
        attr: Attribution | None = None
        if i > 0 and top[i - 1].start in found and top[i - 1].end >= prev_lo:
            attr = found[top[i - 1].start]
        if attr is None and i + 1 < len(top) and top[i + 1].start in explicit:
            # “…” He added, “…”: the next quotation's cue stands between the two.
            nxt_attr = explicit[top[i + 1].start]
            gap = text[span.end : top[i + 1].start]
            if span.end <= nxt_attr.speaker_start < top[i + 1].start and "\n" not in gap:
                attr = nxt_attr
        if attr is None and s > 0:
            skip = [(t.start, t.end) for t in top[:i] if t.end > prev_lo]
            attr = attribution_before(text, prev_lo, starts[s], skip)
        if attr is None and i > 0 and top[i - 1].start in found:
            # The last speaker quoted in this or the previous paragraph goes on talking.
            gap = text[top[i - 1].end : span.start]
            if gap.count("\n\n") <= 1 and gap.count("\n") <= 2:
                attr = found[top[i - 1].start]
        if attr is None and i + 1 < len(top):
            nxt = top[i + 1]
            gap = text[span.end : nxt.start]
            if nxt.start in explicit and "\n" not in gap and len(gap) < 3:
                attr = explicit[nxt.start]
        if attr is not None:
            found[span.start] = attr


def _opens_sentence(text: str, span: QuoteSpan, starts: list[int]) -> bool:
    """True when the quotation starts its sentence (or follows a colon)."""
    lo = starts[_sentence_of(starts, span.start)]
    head = text[lo : span.start].strip()
    return head == "" or head.endswith(":")


def _is_title(inner: str, head: str, tail: str) -> bool:
    """A short title-cased quotation after "on", "'s", "titled" or before "star", "host"."""
    tokens = inner.rstrip(".,!?”\"’'»“").split()
    if not tokens or len(tokens) > 7:
        return False
    if not (_TITLE_BEFORE.search(head[-40:]) or _TITLE_AFTER.match(tail)):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS for w in tokens)


def _kind(text: str, span: QuoteSpan, starts: list[int], attributed: bool) -> str:
    """Classify an outermost quotation as full, partial or scare."""
    inner = text[span.start + 1 : span.end].lstrip(" .…[(\"'“‘")
    capital = bool(inner) and inner[0].isupper()
    lo = starts[_sentence_of(starts, span.start)]
    head = text[lo : span.start].rstrip()
    clause = head == "" or head[-1] in ":,—–-" or bool(_CUE_BEFORE.search(head))
    words = len(inner.split())
    if _is_title(inner, head, text[span.end : span.end + 30]):
        return SCARE
    if clause and capital and (attributed or words >= 4 or not span.closed):
        return FULL
    if attributed or words >= _LONG_FRAGMENT:
        # Six words and more are quoted speech or writing even with no one named.
        return PARTIAL
    return SCARE
