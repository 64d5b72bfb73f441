"""The one-line summary."""

from __future__ import annotations

from desktop.core.compare import BlockDiff, Op, Segment, Zone
from desktop.core.compare.summary import join_words, summarise


def _rec(op: Op, zone: Zone = Zone.BODY, ins: int = 0, dele: int = 0) -> BlockDiff:
    seg = Segment(Op.EQUAL if op is Op.EQUAL else Op.INSERT, "x")
    return BlockDiff(op, zone, (0,), (0,), (seg,), words_inserted=ins, words_deleted=dele)


def test_join_words() -> None:
    assert join_words([]) == ""
    assert join_words(["title"]) == "title"
    assert join_words(["title", "dateline"]) == "title and dateline"
    assert join_words(["a", "b", "c"]) == "a, b and c"


def test_nothing_changed() -> None:
    assert summarise([_rec(Op.EQUAL)]) == "No differences"
    assert summarise([]) == "No differences"


def test_words_and_zones() -> None:
    records = [
        _rec(Op.INSERT, Zone.TITLE),
        _rec(Op.INSERT, Zone.DATELINE),
        _rec(Op.REPLACE, ins=3, dele=2),
        _rec(Op.DELETE, Zone.BOILERPLATE),
        _rec(Op.DELETE, Zone.BOILERPLATE),
    ]
    assert summarise(records) == "3 words changed in 1 paragraph; title and dateline added; appeal removed"


def test_body_paragraphs_counted_by_kind() -> None:
    records = [
        _rec(Op.REPLACE, ins=1, dele=1),
        _rec(Op.REPLACE, ins=1),
        _rec(Op.INSERT),
        _rec(Op.INSERT),
        _rec(Op.DELETE),
        _rec(Op.MOVE),
        _rec(Op.REPLACE, Zone.TITLE, ins=1, dele=1),
    ]
    assert summarise(records) == (
        "2 words changed in 3 paragraphs, 2 paragraphs added, 1 paragraph removed, "
        "1 paragraph moved; title changed"
    )
