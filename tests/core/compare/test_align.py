"""Paragraph alignment on keys: exact, fuzzy, moves, in B's reading order."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.compare.align import Pair, _opcodes, align, similarity


def test_equal_sequences_align_one_to_one() -> None:
    assert align(["a b", "c d"], ["a b", "c d"]) == [Pair(0, 0), Pair(1, 1)]


def test_inserts_and_deletes_in_place() -> None:
    assert align(["x y z", "keep me"], ["keep me", "new one"]) == [
        Pair(0, None),
        Pair(1, 0),
        Pair(None, 1),
    ]


def test_an_edited_paragraph_pairs_with_its_old_self() -> None:
    a = ["one two three four five", "alpha beta gamma"]
    b = ["one two three four six", "alpha beta gamma"]
    assert align(a, b) == [Pair(0, 0), Pair(1, 1)]


def test_unrelated_paragraphs_do_not_pair() -> None:
    assert align(["one two three"], ["four five six"]) == [Pair(0, None), Pair(None, 0)]


def test_an_exact_move() -> None:
    a = ["p0 words here", "p1 moved one", "p2 words here", "p3 words here"]
    b = ["p0 words here", "p2 words here", "p3 words here", "p1 moved one"]
    assert align(a, b) == [Pair(0, 0), Pair(2, 1), Pair(3, 2), Pair(1, 3, moved=True)]


def test_a_move_with_edits() -> None:
    moved = "the paragraph that travels far with many words"
    a = [moved, "x1 x2 x3", "y1 y2 y3", "z1 z2 z3"]
    b = ["x1 x2 x3", "y1 y2 y3", "z1 z2 z3", moved.replace("far", "very far")]
    assert align(a, b)[-1] == Pair(0, 3, moved=True)


def test_similarity() -> None:
    assert similarity(frozenset("ab"), frozenset("ab")) == 1.0
    assert similarity(frozenset("ab"), frozenset("cd")) == 0.0
    assert similarity(frozenset(), frozenset()) == 1.0
    assert similarity(frozenset("abc"), frozenset("ab")) == 0.8


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from("abcdefgh"), max_size=30),
    st.lists(st.sampled_from("abcdefgh"), max_size=30),
)
def test_opcodes_cover_both_sequences_and_equal_means_equal(a: list[str], b: list[str]) -> None:
    i = j = 0
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        assert (i1, j1) == (i, j)
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2] and i2 > i1
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abcdef ", min_size=1, max_size=12), max_size=20), st.randoms())
def test_every_unit_appears_once(a: list[str], rnd: random.Random) -> None:
    b = list(a)
    rnd.shuffle(b)
    b = b[: len(b) - rnd.randrange(2)] if b else b
    pairs = align(a, b)
    assert sorted(p.a for p in pairs if p.a is not None) == list(range(len(a)))
    assert [p.b for p in pairs if p.b is not None] == list(range(len(b)))
    for p in pairs:
        if p.a is not None and p.b is not None and not p.moved:
            assert similarity(frozenset(a[p.a].split()), frozenset(b[p.b].split())) >= 0.5 or (
                a[p.a] == b[p.b]
            )
