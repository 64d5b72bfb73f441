"""What happened to each quotation and date between two versions of a story.

``quote_fates`` lists every quotation of either version with its fate, for the compare
view's Quotes panel; ``date_changes`` (from ``fates_dates``) flags date mentions kept
word for word whose resolved day moved. Both are pure and never raise on odd input.

The quote check is stricter than the compare view's filters: readers watch quotations
for a changed comma, so punctuation and case always count. Quote style, spacing and
markup still do not make a quotation "reworded", but each difference is reported in
the fate's notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.annotate.fates_dates import DateChange, date_changes
from desktop.core.annotate.fates_pairing import Pair, Unit, pair_units, units
from desktop.core.annotate.quote_cues import PRONOUNS
from desktop.core.annotate.quotes import Quote
from desktop.core.compare.model import CompareOptions, Op, Segment
from desktop.core.compare.normalise import collapse_whitespace, fold_quotes
from desktop.core.compare.words import TokenTable, word_diff

__all__ = [
    "ADDED",
    "REATTRIBUTED",
    "REMOVED",
    "REWORDED",
    "UNCHANGED",
    "DateChange",
    "QuoteFate",
    "date_changes",
    "quote_fates",
]

UNCHANGED = "unchanged"
REWORDED = "reworded"
REATTRIBUTED = "reattributed"
ADDED = "added"
REMOVED = "removed"

# Spacing, markup and quote style are reported, not counted; punctuation and case count.
_QUOTE_OPTIONS = CompareOptions(
    ignore_whitespace=True,
    ignore_markup=True,
    ignore_quote_style=True,
    ignore_punctuation=False,
    ignore_case=False,
)
_NONE = "(none)"
_SPACE = re.compile(r"\s+")
_BREAKS = "paragraph breaks differ"


@dataclass(frozen=True, slots=True)
class QuoteFate:
    """One quotation of either version and what became of it.

    ``fate`` is "unchanged", "reworded", "reattributed" (speaker or cue verb changed,
    whether or not the words did), "added" (``a`` is None) or "removed" (``b`` is None).
    ``segments`` is the word diff of the inner texts (marks excluded; punctuation and
    case count, spacing and quote style do not; equal runs carry B's spelling), () when
    not paired. ``notes`` are human-readable remarks, also on "unchanged" quotes whose
    marks or spacing differ. ``speaker`` is the best name to group by: B's resolved
    speaker, else A's, else the speaker mention as written ("the mayor"), never a bare
    pronoun; None when no one is named.

    ``a_more``/``b_more`` hold the further paragraph pieces of the same quotation when
    the two versions cut a multi-paragraph quotation differently (three paragraphs in A
    merged into one in B): ``a`` and ``b`` are the first pieces, the segments cover all
    of them, and every quote of either version is in exactly one fate.
    """

    fate: str
    a: Quote | None
    b: Quote | None
    segments: tuple[Segment, ...]
    notes: tuple[str, ...]
    speaker: str | None
    a_more: tuple[Quote, ...] = ()
    b_more: tuple[Quote, ...] = ()


def quote_fates(
    a_text: str, a_quotes: Sequence[Quote], b_text: str, b_quotes: Sequence[Quote]
) -> list[QuoteFate]:
    """Every quotation of either version, paired where they are the same quotation.

    In B's reading order, with removed ones placed where they stood in A (after the
    quotation that preceded them in A). Pairing rules: ``fates_pairing``.
    """
    ua, ub = units(a_text, a_quotes), units(b_text, b_quotes)
    pairs, removed, added = pair_units(ua, ub)
    table = TokenTable(_QUOTE_OPTIONS)
    keyed: list[tuple[tuple[int, int, int], QuoteFate]] = []
    b_place: dict[int, int] = {}  # rank in A -> rank in B of its partner
    for pair in pairs:
        first_b = pair.b[0]
        for ia in pair.a:
            b_place[ia] = first_b
        keyed.append(((first_b, 0, 0), _paired(pair, ua, ub, a_text, b_text, table)))
    for ib in added:
        u = ub[ib]
        keyed.append(
            ((ib, 0, 0), QuoteFate(ADDED, None, u.quote, (), (), _group_name(None, a_text, u, b_text)))
        )
    anchor = -1
    removed_set = set(removed)
    for u in ua:
        if u.rank in b_place:
            anchor = b_place[u.rank]
        elif u.rank in removed_set:
            fate = QuoteFate(REMOVED, u.quote, None, (), (), _group_name(u, a_text, None, b_text))
            keyed.append(((anchor, 1, u.rank), fate))
    keyed.sort(key=lambda item: item[0])
    return [fate for _, fate in keyed]


def _paired(
    pair: Pair, ua: list[Unit], ub: list[Unit], a_text: str, b_text: str, table: TokenTable
) -> QuoteFate:
    """The fate of a pair of quotations (or of their paragraph pieces)."""
    a_units = [ua[i] for i in pair.a]
    b_units = [ub[i] for i in pair.b]
    a_inner = "\n\n".join(u.inner for u in a_units)
    b_inner = "\n\n".join(u.inner for u in b_units)
    if a_inner == b_inner:  # the common case, and word_diff's cost on a big story
        segments: tuple[Segment, ...] = (Segment(Op.EQUAL, b_inner),) if b_inner else ()
        reworded = False
    else:
        diff = word_diff(a_inner, b_inner, _QUOTE_OPTIONS, table)
        segments, reworded = diff.segments, diff.changed
    first_a, first_b = a_units[0], b_units[0]
    notes: list[str] = []
    notes += _attribution_notes(a_units, a_text, b_units, b_text)
    fate = REATTRIBUTED if notes else (REWORDED if reworded else UNCHANGED)
    notes += _mark_notes(a_units[0], a_units[-1], b_units[0], b_units[-1])
    if len(a_units) != len(b_units):
        notes.append(f"paragraphs: {len(a_units)} in A, {len(b_units)} in B")
    if not reworded:
        noise = _noise_notes(a_inner, b_inner)
        if len(a_units) != len(b_units):  # already said, with the counts
            noise = [n for n in noise if n != _BREAKS]
        notes += noise
    return QuoteFate(
        fate,
        first_a.quote,
        first_b.quote,
        segments,
        tuple(notes),
        _group_name(first_a, a_text, first_b, b_text),
        tuple(u.quote for u in a_units[1:]),
        tuple(u.quote for u in b_units[1:]),
    )


def _mark_notes(a_first: Unit, a_last: Unit, b_first: Unit, b_last: Unit) -> list[str]:
    """A note when the quotation opens or closes with other marks."""
    ma, mb = (a_first.marks[0], a_last.marks[1]), (b_first.marks[0], b_last.marks[1])
    if ma == mb:
        return []
    show_a, show_b = " ".join(m or "–" for m in ma), " ".join(m or "–" for m in mb)
    return [f"quote marks differ ({show_a} vs {show_b})"]


def _flat(text: str, fold: bool) -> str:
    """`text` without its spacing (and quote style, if `fold`)."""
    return "".join((fold_quotes(text) if fold else text).split())


def _noise_notes(a: str, b: str) -> list[str]:
    """What differs between two inner texts whose words are equal: spacing, typography, markup."""
    if a == b:
        return []
    notes = []
    if a.count("\n") != b.count("\n"):
        notes.append(_BREAKS)
    elif _SPACE.findall(a) != _SPACE.findall(b) or _flat(a, False) == _flat(b, False):
        notes.append("spacing differs")
    if _flat(a, False) != _flat(b, False):
        if _flat(a, True) == _flat(b, True):
            notes.append("apostrophes or dashes differ")
        else:
            notes.append("markup differs")
    return notes


def _mention(q: Quote, text: str) -> str | None:
    """The speaker mention as written ("the president"), or None."""
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return collapse_whitespace(text[q.speaker_start : q.speaker_end]) or None


def _who(q: Quote, text: str) -> str | None:
    """Who a quote is attributed to: the resolved name, else the mention as written."""
    return q.speaker or _mention(q, text)


def _same_person(x: str | None, y: str | None) -> bool:
    """Whether two attributions may name the same person."""
    if x in PRONOUNS or y in PRONOUNS:
        # A pronoun the resolver could not name says nothing about who it is.
        return True
    if x is None or y is None:
        return x is y
    return collapse_whitespace(fold_quotes(x)).casefold() == collapse_whitespace(fold_quotes(y)).casefold()


def _attribution(pieces: list[Unit], text: str) -> tuple[str | None, str | None] | None:
    """Speaker and cue of a quotation: those of its first attributed piece; None if none is."""
    for u in pieces:
        who = _who(u.quote, text)
        if who is not None or u.quote.cue is not None:
            return who, u.quote.cue
    return None


def _attribution_notes(a_units: list[Unit], a_text: str, b_units: list[Unit], b_text: str) -> list[str]:
    """Notes on a changed speaker or cue verb; empty when the attribution is the same."""
    if a_units[0].who == b_units[0].who and len(a_units) == len(b_units) == 1:
        return []
    at, bt = _attribution(a_units, a_text), _attribution(b_units, b_text)
    for pieces, found in ((a_units, at), (b_units, bt)):
        if found is None and (len(pieces) > 1 or pieces[0].continued):
            # The finder looks for a speaker around each paragraph piece, and the
            # attribution of a quotation cut differently may sit out of its sight.
            return []
    wa, ca = at or (None, None)
    wb, cb = bt or (None, None)
    notes = []
    if not _same_person(wa, wb):
        notes.append(f"speaker: {wa or _NONE} → {wb or _NONE}")
    if (ca or "").casefold() != (cb or "").casefold():
        notes.append(f"cue: {ca or _NONE} → {cb or _NONE}")
    return notes


def _group_name(ua: Unit | None, a_text: str, ub: Unit | None, b_text: str) -> str | None:
    """The name to group a fate by: B's resolved speaker, else A's, else a non-pronoun mention."""
    for u in (ub, ua):
        if u is not None and u.quote.speaker:
            return u.quote.speaker
    for u, text in ((ub, b_text), (ua, a_text)):
        if u is not None:
            mention = _mention(u.quote, text)
            if mention and mention not in PRONOUNS:
                return mention
    return None
