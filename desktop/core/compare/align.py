"""Paragraph alignment: which paragraph of A became which paragraph of B.

Why a paragraph is shown as equal, changed, moved, added or removed is decided
here, from normalised paragraph keys alone:

1. exact keys, in order (difflib's matcher over the key sequences: it hashes
   whole paragraphs, so long documents align in one pass);
2. exact keys out of order: a paragraph that left one place and appears in
   another is a move, not a delete and an insert;
3. inside each unmatched stretch, paragraphs that share most of their words are
   the same paragraph edited (fuzzy keys), paired in order;
4. what is left that still shares most of its words with a paragraph elsewhere
   is a move with edits.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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


_WORD = re.compile(r"\w+")


class _Words:
    """Word sets of paragraph keys, made on demand: most paragraphs never need one.

    These are the fuzzy keys: case and punctuation never matter for deciding that
    two paragraphs are one paragraph edited.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = keys
        self._sets: dict[int, frozenset[str]] = {}

    def __getitem__(self, i: int) -> frozenset[str]:
        found = self._sets.get(i)
        if found is None:
            found = self._sets[i] = frozenset(_WORD.findall(self._keys[i].casefold()))
        return found


def _pair_in_order(a_units: list[int], b_units: list[int], wa: _Words, wb: _Words) -> list[tuple[int, int]]:
    """The in-order pairing of similar paragraphs with the largest total similarity."""
    m, n = len(a_units), len(b_units)
    if not m or not n:
        return []
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


def _fuzzy_moves(a_left: list[int], b_left: list[int], wa: _Words, wb: _Words) -> dict[int, int]:
    """Pair leftover paragraphs that share most words, best pairs first (B unit -> A unit)."""
    a_big = [x for x in a_left if len(wa[x]) >= MOVE_MIN_WORDS]
    b_big = [y for y in b_left if len(wb[y]) >= MOVE_MIN_WORDS]
    if len(a_big) * len(b_big) > _SEARCH_LIMIT * 10:
        return {}
    scored = sorted(
        ((s, x, y) for x in a_big for y in b_big if (s := similarity(wa[x], wb[y])) >= MOVE_THRESHOLD),
        reverse=True,
    )
    moves: dict[int, int] = {}
    used_a: set[int] = set()
    for _, x, y in scored:
        if x not in used_a and y not in moves:
            moves[y] = x
            used_a.add(x)
    return moves


def align(a_keys: Sequence[str], b_keys: Sequence[str]) -> list[Pair]:
    """Align two sequences of paragraph keys, in reading order (B's, with A's removals in place)."""
    matcher = difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    opcodes = matcher.get_opcodes()
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
    a_left = [i for i1, i2, _, _ in gaps for i in range(i1, i2) if i not in moved_a | paired_a]
    b_left = [j for _, _, j1, j2 in gaps for j in range(j1, j2) if j not in moved_to.keys() | paired_b]
    for y, x in _fuzzy_moves(a_left, b_left, wa, wb).items():
        moved_to[y] = x
        moved_a.add(x)

    result: list[Pair] = []
    gap_no = 0
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            result += [Pair(i1 + k, j1 + k) for k in range(i2 - i1)]
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
