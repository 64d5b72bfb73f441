"""Next/previous change stops and boilerplate folds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.compare.model import BlockDiff, Op, Segment, Zone
from desktop.core.compare.navigate import Fold, change_stops, display_rows, folds, next_stop


def row(op: Op, folded: bool = False) -> BlockDiff:
    seg = Segment(Op.EQUAL if op is Op.EQUAL else Op.INSERT, "x")
    return BlockDiff(op, Zone.BODY, (0,), (0,), (seg,), folded=folded)


def test_runs_of_changes_are_one_stop() -> None:
    rows = [row(Op.INSERT), row(Op.INSERT), row(Op.EQUAL), row(Op.REPLACE), row(Op.EQUAL), row(Op.DELETE)]
    assert change_stops(rows) == [0, 3, 5]


def test_next_and_previous() -> None:
    stops = [0, 3, 5]
    assert next_stop(stops, None, forward=True) == 0
    assert next_stop(stops, None, forward=False) == 5
    assert next_stop(stops, 0, forward=True) == 3
    assert next_stop(stops, 4, forward=True) == 5
    assert next_stop(stops, 5, forward=True) is None
    assert next_stop(stops, 4, forward=False) == 3
    assert next_stop(stops, 0, forward=False) is None
    assert next_stop([], None, forward=True) is None


def test_folds() -> None:
    rows = [row(Op.EQUAL), row(Op.DELETE, True), row(Op.DELETE, True), row(Op.EQUAL), row(Op.DELETE, True)]
    assert folds(rows) == [Fold(1, 3), Fold(4, 5)]
    assert folds(rows)[0].size == 2


@given(st.lists(st.integers(0, 50), unique=True).map(sorted), st.integers(-1, 51))
def test_stops_move_monotonically(stops: list[int], current: int) -> None:
    after = next_stop(stops, current, forward=True)
    before = next_stop(stops, current, forward=False)
    assert after is None or (after > current and after in stops)
    assert before is None or (before < current and before in stops)


def test_display_rows_fold_and_expand() -> None:
    rows = [row(Op.EQUAL), row(Op.DELETE, True), row(Op.DELETE, True), row(Op.EQUAL)]
    folded = display_rows(rows)
    assert [(d.row, d.fold) for d in folded] == [(0, None), (None, Fold(1, 3)), (3, None)]
    opened = display_rows(rows, {1})
    assert [(d.row, d.fold is not None) for d in opened] == [
        (0, False),
        (None, True),
        (1, False),
        (2, False),
        (3, False),
    ]
    assert opened[1].expanded
    assert change_stops(rows, folded) == [1]
    assert change_stops(rows, opened) == [1]
