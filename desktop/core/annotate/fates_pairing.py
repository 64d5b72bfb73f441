"""Pairing the quotations of two versions of a story: which quote of A is which quote of B.

Three passes, each over what the one before left unpaired:

1. exact: the same inner text once quote style and spacing are folded, in reading order
   (a quotation repeated in a story pairs first with the copy that has its speaker and
   cue, then first with first); then whole multi-paragraph quotations whose joined text
   is equal however the two versions cut it into paragraphs;
2. fuzzy: word overlap (Dice coefficient over distinct words) of at least ``FUZZY_MIN``,
   best pair first, ties going to the pair whose relative positions in the two stories
   are closest, each quote used once;
3. joined paragraphs: a multi-paragraph quotation is one Quote per paragraph, and two
   versions may cut it differently (a merge, a stray blank line). A piece left over whose
   neighbour in the same quotation is paired, and whose words stand mostly in that
   pair's other side, joins that pair rather than being reported as removed or added.

A quote cut by a stray blank line (a paragraph that continues it without an opening
mark, as in "“Our ties are old,\\n\\nand deep.”") gets its continuation as part of its
inner text, so it still pairs exactly with the unbroken quote. (``Article.text`` already
joins such paragraphs for the finder; this covers raw text.)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.annotate.quotes import Quote
from desktop.core.compare.normalise import collapse_whitespace, fold_quotes

__all__ = ["FUZZY_MIN", "Pair", "Unit", "pair_units", "units"]

#: Least word overlap (Dice) for two different quotations to count as one reworded.
FUZZY_MIN = 0.5
#: Least share of a left-over piece's words found in a pair's other side for it to join.
JOIN_MIN = 0.5

OPENERS = frozenset("“\"„«‘'‹‚")
CLOSERS = frozenset("”\"»’'“›‘")
_DOUBLE_CLOSERS = '”"»“'
_DOUBLE_OPENERS = frozenset("“„«")
_WORD = re.compile(r"\w+")
# A word in more quotes than this is too common to find fuzzy candidates by; rarer words
# of the same quote still find them. Keeps the fuzzy pass near-linear on huge texts.
_POSTING_CAP = 64
# How far a stray-blank-line continuation is looked for, so odd input stays linear.
_CONTINUATION_LIMIT = 3000


@dataclass(slots=True)
class Unit:
    """One quote of one version, as pairing sees it (mutable working state, never returned)."""

    quote: Quote
    rank: int  # position in its version's reading order
    inner: str  # the words between the marks, a stray-blank-line continuation included
    key: str  # inner with quote style and spacing folded: the exact-pass key
    words: frozenset[str]
    chained: bool  # left open at a paragraph end, and the next quote opens the next paragraph
    marks: tuple[str, str]  # opening and closing mark, "" where there is none
    continued: bool  # finished by a stray-blank-line continuation paragraph
    who: str  # speaker (name, else mention) and cue, folded: the attribution as a key
    paired: bool = False


@dataclass(slots=True)
class Pair:
    """Paired units: usually one each side, more when the versions cut a quotation differently."""

    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)


def _closed(q: Quote) -> bool:
    return len(q.text) > 1 and q.text[-1] in CLOSERS


def _continuation(text: str, q: Quote) -> tuple[str, str]:
    """The paragraph that finishes an unclosed quote cut by a stray blank line, and its mark.

    ("", "") when there is none.

    It must open without a mark (else it is the next piece of a multi-paragraph
    quotation) and close with a double mark before any new quotation opens.
    """
    if q.end <= 0 or text[q.start : q.end] != q.text:
        return "", ""
    window = text[q.end : q.end + _CONTINUATION_LIMIT]
    stripped = window.lstrip()
    gap = window[: len(window) - len(stripped)]
    if "\n" not in gap or not stripped or stripped[0] in OPENERS:
        return "", ""
    para_end = stripped.find("\n")
    para = stripped if para_end < 0 else stripped[:para_end]
    for i, ch in enumerate(para):
        if ch in _DOUBLE_OPENERS or (ch == '"' and (i == 0 or para[i - 1].isspace())):
            return "", ""
        if ch in _DOUBLE_CLOSERS:
            return gap + para[:i], ch
    return "", ""


def _who(text: str, q: Quote) -> str:
    """Speaker and cue of a quote as one folded key."""
    mention = ""
    if q.speaker_start is not None and q.speaker_end is not None:
        mention = text[q.speaker_start : q.speaker_end]
    return f"{q.speaker or mention}|{q.cue or ''}".casefold()


def inner_text(q: Quote) -> str:
    """The quote without its opening and closing marks."""
    body = q.text
    if len(body) > 1 and body[-1] in CLOSERS:
        body = body[:-1]
    if body[:1] in OPENERS:
        body = body[1:]
    return body


def units(text: str, quotes: Sequence[Quote]) -> list[Unit]:
    """The quotes of one version in reading order, with their pairing keys."""
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    out: list[Unit] = []
    for rank, q in enumerate(ordered):
        closed = _closed(q)
        opening = q.text[:1] if q.text[:1] in OPENERS else ""
        inner = inner_text(q)
        more, close, chained = "", "", False
        if closed:
            close = q.text[-1]
        else:
            more, close = _continuation(text, q)
            inner += more
            nxt = ordered[rank + 1] if rank + 1 < len(ordered) else None
            between = text[q.end : nxt.start] if nxt is not None else ""
            chained = nxt is not None and "\n" in between and not between.strip() and nxt.text[:1] in OPENERS
        key = collapse_whitespace(fold_quotes(inner))
        words = frozenset(_WORD.findall(key.casefold()))
        out.append(Unit(q, rank, inner, key, words, chained, (opening, close), bool(more), _who(text, q)))
    return out


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def _exact(ua: list[Unit], ub: list[Unit], with_speaker: bool, pairs: list[Pair]) -> None:
    """Pair unpaired units with equal keys (and, if `with_speaker`, equal attributions)."""
    by_key: dict[tuple[str, str], deque[Unit]] = defaultdict(deque)
    for u in ub:
        if not u.paired:
            by_key[(u.key, u.who if with_speaker else "")].append(u)
    for u in ua:
        if u.paired:
            continue
        waiting = by_key.get((u.key, u.who if with_speaker else ""))
        if waiting:
            other = waiting.popleft()
            u.paired = other.paired = True
            pairs.append(Pair([u.rank], [other.rank]))


def _chains(us: list[Unit]) -> list[list[Unit]]:
    """The unpaired quotations of one version, each as its run of paragraph pieces."""
    runs: list[list[Unit]] = []
    current: list[Unit] = []
    for u in us:
        if not u.paired:
            current.append(u)
        if not u.chained or u.paired:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _exact_chains(ua: list[Unit], ub: list[Unit], pairs: list[Pair]) -> None:
    """Pair whole multi-paragraph quotations whose text is equal however it is cut."""
    by_key: dict[str, deque[list[Unit]]] = defaultdict(deque)
    for run in _chains(ub):
        by_key[" ".join(u.key for u in run)].append(run)
    for run in _chains(ua):
        waiting = by_key.get(" ".join(u.key for u in run))
        if waiting:
            other = waiting.popleft()
            for u in run + other:
                u.paired = True
            pairs.append(Pair([u.rank for u in run], [u.rank for u in other]))


def _fuzzy(ua: list[Unit], ub: list[Unit], left_a: list[int], left_b: list[int]) -> list[Pair]:
    postings: dict[str, list[int]] = defaultdict(list)
    for ib in left_b:
        for w in ub[ib].words:
            postings[w].append(ib)
    na, nb = max(len(ua), 1), max(len(ub), 1)
    candidates: list[tuple[float, float, int, int]] = []
    for ia in left_a:
        wa = ua[ia].words
        shared: Counter[int] = Counter()
        common = 0  # words of `wa` too common to count: they may be shared or not
        for w in wa:
            hits = postings.get(w, ())
            if len(hits) <= _POSTING_CAP:
                shared.update(hits)
            else:
                common += 1
        for ib, count in shared.items():
            wb = ub[ib].words
            if 2 * (count + common) < FUZZY_MIN * (len(wa) + len(wb)):
                continue  # cannot reach the threshold even if every common word is shared
            score = _dice(wa, wb)
            if score >= FUZZY_MIN:
                distance = abs(ia / na - ib / nb)
                candidates.append((-score, distance, ia, ib))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[Pair] = []
    for _, _, ia, ib in candidates:
        if ia in used_a or ib in used_b:
            continue
        used_a.add(ia)
        used_b.add(ib)
        pairs.append(Pair([ia], [ib]))
    return pairs


def _join(mine: list[Unit], theirs: list[Unit], owner: dict[int, int], pairs: list[Pair], side: str) -> None:
    """Fold left-over pieces of `mine` into the pair of a chained neighbour, where they fit.

    `owner` maps a paired rank of `mine` to its pair; `side` says which list of a Pair
    holds `mine` ("a" or "b"). Runs forward, then backward, so a chain grows both ways.
    """
    for order in (range(len(mine)), range(len(mine) - 1, -1, -1)):
        for i in order:
            if i in owner:
                continue
            neighbours = []
            if i > 0 and mine[i - 1].chained:
                neighbours.append(i - 1)
            if mine[i].chained and i + 1 < len(mine):
                neighbours.append(i + 1)
            for n in neighbours:
                p = owner.get(n)
                if p is None:
                    continue
                pair = pairs[p]
                other = pair.b if side == "a" else pair.a
                their_words = frozenset().union(*(theirs[k].words for k in other))
                words = mine[i].words
                if words and len(words & their_words) >= JOIN_MIN * len(words):
                    own = pair.a if side == "a" else pair.b
                    own.append(i)
                    own.sort()
                    owner[i] = p
                    break


def pair_units(ua: list[Unit], ub: list[Unit]) -> tuple[list[Pair], list[int], list[int]]:
    """Pair the units of A and B: the pairs, then A's and B's ranks left unpaired."""
    pairs: list[Pair] = []
    # A quotation said twice in a story pairs with the copy sharing its speaker first.
    _exact(ua, ub, True, pairs)
    _exact(ua, ub, False, pairs)
    _exact_chains(ua, ub, pairs)
    left_a = [u.rank for u in ua if not u.paired]
    left_b = [u.rank for u in ub if not u.paired]
    pairs += _fuzzy(ua, ub, left_a, left_b)
    owner_a = {i: n for n, p in enumerate(pairs) for i in p.a}
    owner_b = {i: n for n, p in enumerate(pairs) for i in p.b}
    _join(ua, ub, owner_a, pairs, "a")
    _join(ub, ua, owner_b, pairs, "b")
    removed = [u.rank for u in ua if u.rank not in owner_a]
    added = [u.rank for u in ub if u.rank not in owner_b]
    return pairs, removed, added
