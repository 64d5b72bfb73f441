"""Which two versions Compare shows, and which goes on the left (the window and the CLI agree)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import library as lib
from desktop.core.article import older_second
from desktop.core.loaders import load_bytes


def _row(article_id: int, date: dt.date | None, imported: str = "2026-01-20T10:00:00") -> lib.ArticleRow:
    return lib.ArticleRow(article_id, f"Version {article_id}", None, date, "text", None, imported, "0" * 64, None)


JAN = [dt.date(2026, 1, d) for d in (10, 12, 15)]


@pytest.mark.parametrize(("rows", "expected"), [
    ([_row(1, JAN[0]), _row(2, JAN[1]), _row(3, JAN[2]), _row(4, None)], (2, 3)),  # the two latest dated
    ([_row(1, JAN[2]), _row(2, None), _row(3, None)], (1, 2)),  # fewer than two dated: the first two
    ([_row(1, JAN[1], "2026-01-20T10:00:00"), _row(2, JAN[1], "2026-01-21T09:00:00"), _row(3, JAN[0])], (1, 2)),
    ([_row(1, JAN[0])], None),
    ([], None),
])
def test_pair_to_compare(rows: list[lib.ArticleRow], expected: tuple[int, int] | None) -> None:
    pair = lib.pair_to_compare(rows)
    assert (None if pair is None else (pair[0].id, pair[1].id)) == expected


def test_the_older_or_undated_version_goes_left() -> None:
    dated = load_bytes(b"January 15, 2026\n\nText of the story as it ran.", path="dated.txt")
    later = load_bytes(b"January 16, 2026\n\nText of the story as it ran.", path="later.txt")
    undated = load_bytes(b"Text of the story as it ran.", path="undated.txt")
    assert dated.meta.date == dt.date(2026, 1, 15) and undated.meta.date is None
    assert older_second(later, dated) and not older_second(dated, later)
    assert older_second(dated, undated) and not older_second(undated, dated)
    assert not older_second(undated, undated)
