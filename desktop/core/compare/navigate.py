"""Policy for moving through a comparison: which rows are stops, and folding.

Pure functions over the rows of a `Comparison`, used by the compare view's
Next/Previous Change and by its folding of boilerplate.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

from desktop.core.compare.model import BlockDiff


@dataclass(frozen=True, slots=True)
class Fold:
    """A run of folded rows `[start, end)` shown as one line until expanded."""

    start: int
    end: int

    @property
    def size(self) -> int:
        """How many rows the fold hides."""
        return self.end - self.start


def folds(rows: Sequence[BlockDiff]) -> list[Fold]:
    """Runs of consecutive rows marked `folded` (boilerplate)."""
    out: list[Fold] = []
    start: int | None = None
    for i, row in enumerate(rows):
        if row.folded and start is None:
            start = i
        elif not row.folded and start is not None:
            out.append(Fold(start, i))
            start = None
    if start is not None:
        out.append(Fold(start, len(rows)))
    return out


@dataclass(frozen=True, slots=True)
class DisplayRow:
    """A line of the compare view: one comparison row, or a fold's own line.

    An expanded fold keeps its line (to fold it again) above its rows.
    """

    row: int | None = None
    fold: Fold | None = None
    expanded: bool = False


def display_rows(rows: Sequence[BlockDiff], expanded: Set[int] = frozenset()) -> list[DisplayRow]:
    """The rows as shown: each folded run as one line, unless its start is in `expanded`."""
    by_start = {fold.start: fold for fold in folds(rows)}
    out: list[DisplayRow] = []
    i = 0
    while i < len(rows):
        fold = by_start.get(i)
        if fold is None:
            out.append(DisplayRow(row=i))
            i += 1
            continue
        out.append(DisplayRow(fold=fold, expanded=fold.start in expanded))
        if fold.start in expanded:
            out.extend(DisplayRow(row=r) for r in range(fold.start, fold.end))
        i = fold.end
    return out


def change_stops(rows: Sequence[BlockDiff], display: Sequence[DisplayRow] | None = None) -> list[int]:
    """Display rows Next/Previous Change stops at: the first of each run of changes.

    A run of adjacent changed rows is one change, as in Meld: a reader wants
    "the next thing that differs", not every paragraph of an added section.
    A fold's line is a change. Without `display`, every row is shown.
    """
    shown = display if display is not None else [DisplayRow(row=i) for i in range(len(rows))]
    stops: list[int] = []
    previous_changed = False
    for i, item in enumerate(shown):
        changed = item.fold is not None or (item.row is not None and rows[item.row].changed)
        if changed and not previous_changed:
            stops.append(i)
        previous_changed = changed
    return stops


def next_stop(stops: Sequence[int], current: int | None, *, forward: bool) -> int | None:
    """The stop after (or before) row `current`; from nowhere, the first (or last) one."""
    if not stops:
        return None
    if current is None:
        return stops[0] if forward else stops[-1]
    if forward:
        return next((s for s in stops if s > current), None)
    return next((s for s in reversed(stops) if s < current), None)
