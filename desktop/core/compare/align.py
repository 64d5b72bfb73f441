"""Paragraph alignment: which paragraph of A became which paragraph of B.

Why a paragraph is shown as equal, changed, moved, added or removed is decided
here, from normalised paragraph keys alone:

1. exact keys, in order: paragraphs unique on both sides anchor the alignment
   (patience diff), difflib's matcher aligns the stretches between anchors;
2. exact keys out of order: a paragraph that left one place and appears in
   another is a move, not a delete and an insert;
3. inside each unmatched stretch, paragraphs that share most of their words are
   the same paragraph edited (fuzzy keys), paired in order;
4. what is left that still shares most of its words with a paragraph elsewhere
   is a move with edits.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.compare.seq import common_prefix, common_suffix

__all__ = ["FUZZY_THRESHOLD", "Pair", "align", "similarity"]

#: Share of words two paragraphs must have in common to be one paragraph edited.
FUZZY_THRESHOLD = 0.5
#: A paragraph moved *and* edited must be closer still, and not tiny.
MOVE_THRESHOLD = 0.6
MOVE_MIN_WORDS = 4
#: Above this many candidate pairs in one stretch, pair in order without search.
_SEARCH_LIMIT = 40_000


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned step: unit `a` of A and/or unit `b` of B (None for an insert/delete)."""

    a: int | None
    b: int | None
    moved: bool = False


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two paragraphs' word sets: 1 for the same words, 0 for none shared."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


class _Words:
    """Word sets of paragraph keys, made on demand: most paragraphs never need one.

    These are the fuzzy keys: case never matters for deciding that two paragraphs
    are one paragraph edited (punctuation stays on its word: splitting on spaces
    is several times faster than a word regex, and the thresholds allow for it).
    """

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = keys
        self._sets: dict[int, frozenset[str]] = {}

    def key(self, i: int) -> str:
        """The paragraph key itself."""
        return self._keys[i]

    def __getitem__(self, i: int) -> frozenset[str]:
        found = self._sets.get(i)
        if found is None:
            found = self._sets[i] = frozenset(self._keys[i].casefold().split())
        return found


def _obviously_edited(a: str, b: str) -> bool:
    """Whether two keys keep at least half of the longer one as common head and tail.

    The usual edit (a word or a sentence changed in place) passes this test for
    the price of a few string comparisons, sparing the word sets.
    """
    head = common_prefix(a, b)
    tail = common_suffix(a, b, min(len(a), len(b)) - head)
    return 2 * (head + tail) >= max(len(a), len(b))


def _pair_in_order(a_units: list[int], b_units: list[int], wa: _Words, wb: _Words) -> list[tuple[int, int]]:
    """The in-order pairing of similar paragraphs with the largest total similarity."""
    m, n = len(a_units), len(b_units)
    if not m or not n:
        return []
    if m == n == 1 and _obviously_edited(wa.key(a_units[0]), wb.key(b_units[0])):
        return [(a_units[0], b_units[0])]
    if m * n > _SEARCH_LIMIT:
        return [
            (x, y)
            for x, y in zip(a_units, b_units, strict=False)
            if similarity(wa[x], wb[y]) >= FUZZY_THRESHOLD
        ]
    # Weighted LCS: best[i][j] is the best score pairing a_units[i:] with b_units[j:].
    sim = [[similarity(wa[x], wb[y]) for y in b_units] for x in a_units]
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= FUZZY_THRESHOLD else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < m and j < n:
        if sim[i][j] >= FUZZY_THRESHOLD and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            pairs.append((a_units[i], b_units[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


#: Words in more leftover paragraphs than this say nothing about where one went.
_COMMON_WORD = 20
#: How many best candidates of each leftover paragraph are scored exactly.
_CANDIDATES = 5


def _fuzzy_moves(a_left: list[int], b_left: list[int], wa: _Words, wb: _Words) -> dict[int, int]:
    """Pair leftover paragraphs that share most words, best pairs first (B unit -> A unit).

    Candidates come from an index of the words of B's leftovers, so the work
    grows with the number of leftovers, not with its square.
    """
    b_big = [y for y in b_left if len(wb[y]) >= MOVE_MIN_WORDS]
    postings: dict[str, list[int]] = defaultdict(list)
    for y in b_big:
        for word in wb[y]:
            postings[word].append(y)
    scored = []
    for x in a_left:
        words = wa[x]
        if len(words) < MOVE_MIN_WORDS:
            continue
        # One update over all hits: the same counts, in the same first-seen order
        # (which breaks ties in most_common), without a call per word.
        shared = Counter(
            itertools.chain.from_iterable(
                found for word in words if (found := postings.get(word)) and len(found) <= _COMMON_WORD
            )
        )
        for y, _ in shared.most_common(_CANDIDATES):
            score = similarity(words, wb[y])
            if score >= MOVE_THRESHOLD:
                scored.append((score, x, y))
    scored.sort(reverse=True)
    moves: dict[int, int] = {}
    used_a: set[int] = set()
    for _, x, y in scored:
        if x not in used_a and y not in moves:
            moves[y] = x
            used_a.add(x)
    return moves


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by first item) whose second items increase."""
    tails: list[int] = []  # tails[k]: smallest second item ending a run of length k + 1
    tail_at: list[int] = []  # index in pairs of that item
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        back.append(tail_at[k - 1] if k else -1)
    run = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]


def _opcodes(a_keys: Sequence[str], b_keys: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes of the in-order alignment of exact keys.

    Patience first: paragraphs unique on both sides anchor the alignment (their
    longest in-order run), so a long document is not one quadratic search;
    difflib's matcher then aligns what lies between two anchors.
    """
    count_a: Counter[str] = Counter(a_keys)
    count_b: Counter[str] = Counter(b_keys)
    b_at = {key: j for j, key in enumerate(b_keys) if count_b[key] == 1}
    anchors = _longest_increasing(
        [(i, b_at[key]) for i, key in enumerate(a_keys) if count_a[key] == 1 and key in b_at]
    )
    matches: list[tuple[int, int, int]] = []
    i0 = j0 = 0
    for i1, j1 in [*anchors, (len(a_keys), len(b_keys))]:
        if i1 - i0 == 1 and j1 - j0 == 1:  # one paragraph edited in place: no matcher needed
            if a_keys[i0] == b_keys[j0]:
                matches.append((i0, j0, 1))
        elif i1 > i0 and j1 > j0:
            matcher = difflib.SequenceMatcher(None, a_keys[i0:i1], b_keys[j0:j1], autojunk=False)
            matches += [(i0 + x, j0 + y, n) for x, y, n in matcher.get_matching_blocks() if n]
        if i1 < len(a_keys):
            x, y, n = matches[-1] if matches else (-1, -1, 0)
            if x + n == i1 and y + n == j1:  # runs of anchors: one match, fewer opcodes to merge
                matches[-1] = (x, y, n + 1)
            else:
                matches.append((i1, j1, 1))
        i0, j0 = i1 + 1, j1 + 1
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for x, y, n in [*matches, (len(a_keys), len(b_keys), 0)]:
        if x > i or y > j:
            tag = "replace" if x > i and y > j else "delete" if x > i else "insert"
            opcodes.append((tag, i, x, j, y))
        if n:
            if opcodes and opcodes[-1][0] == "equal" and opcodes[-1][2] == x:
                opcodes[-1] = ("equal", opcodes[-1][1], x + n, opcodes[-1][3], y + n)
            else:
                opcodes.append(("equal", x, x + n, y, y + n))
        i, j = x + n, y + n
    return opcodes


def align(a_keys: Sequence[str], b_keys: Sequence[str]) -> list[Pair]:
    """Align two sequences of paragraph keys, in reading order (B's, with A's removals in place)."""
    opcodes = _opcodes(a_keys, b_keys)
    gaps = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]

    # 2. exact keys out of order
    b_by_key: dict[str, list[int]] = defaultdict(list)
    for _, _, j1, j2 in gaps:
        for j in range(j1, j2):
            b_by_key[b_keys[j]].append(j)
    moved_to: dict[int, int] = {}  # B unit -> A unit it came from
    moved_a: set[int] = set()
    for i1, i2, _, _ in gaps:
        for i in range(i1, i2):
            candidates = b_by_key.get(a_keys[i])
            if candidates:
                j = candidates.pop(0)
                moved_to[j] = i
                moved_a.add(i)

    # 3. fuzzy pairs inside each stretch
    wa, wb = _Words(a_keys), _Words(b_keys)
    gap_pairs = []
    for i1, i2, j1, j2 in gaps:
        a_units = [i for i in range(i1, i2) if i not in moved_a]
        b_units = [j for j in range(j1, j2) if j not in moved_to]
        gap_pairs.append(_pair_in_order(a_units, b_units, wa, wb))

    # 4. moves with edits among what is left
    paired_a = {x for pairs in gap_pairs for x, _ in pairs}
    paired_b = {y for pairs in gap_pairs for _, y in pairs}
    done_a, done_b = moved_a | paired_a, moved_to.keys() | paired_b
    a_left = [i for i1, i2, _, _ in gaps for i in range(i1, i2) if i not in done_a]
    b_left = [j for _, _, j1, j2 in gaps for j in range(j1, j2) if j not in done_b]
    for y, x in _fuzzy_moves(a_left, b_left, wa, wb).items():
        moved_to[y] = x
        moved_a.add(x)

    result: list[Pair] = []
    gap_no = 0
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            result += map(Pair, range(i1, i2), range(j1, j2))
            continue
        pairs = gap_pairs[gap_no]
        gap_no += 1
        i, j = i1, j1
        for x, y in [*pairs, (i2, j2)]:
            # Removals of A first, then B's own paragraphs, then the pair (difflib's order).
            result += [Pair(k, None) for k in range(i, x) if k not in moved_a]
            result += [
                Pair(moved_to[k], k, moved=True) if k in moved_to else Pair(None, k) for k in range(j, y)
            ]
            if x < i2:
                result.append(Pair(x, y))
            i, j = x + 1, y + 1
    return result
