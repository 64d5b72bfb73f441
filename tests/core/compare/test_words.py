"""The word diff: tokens, the C++ and Python diff-match-patch agreeing, long inputs."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.compare import CompareOptions, Op, tokens, words
from desktop.core.compare.words import (
    TokenTable,
    _diff_fast,
    _diff_python,
    count_words,
    diff_tokens,
    tokenise,
    word_diff,
)


def test_tokens_cover_the_text_and_keep_words_whole() -> None:
    text = "Putin’s “frozen,” [said](#) it—so"
    tokens = tokenise(text, CompareOptions())
    assert "".join(text[t.start : t.end] for t in tokens) == text
    assert [text[t.start : t.end] for t in tokens if t.kind == "word"] == [
        "Putin’s",
        "frozen",
        "said",
        "it",
        "so",
    ]
    assert [t.key for t in tokens if t.kind == "markup"] == ["", ""]


def test_words_not_characters_are_the_unit() -> None:
    diff = word_diff("the cat sat", "the cart sat", CompareOptions())
    assert [(s.op, s.text) for s in diff.segments] == [
        (Op.EQUAL, "the "),
        (Op.DELETE, "cat "),
        (Op.INSERT, "cart "),
        (Op.EQUAL, "sat"),
    ]


def test_the_cpp_build_is_in_use_when_installed() -> None:
    assert words._dmp_fast is not None
    assert words.diff_chars is _diff_fast


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=60), st.lists(st.integers(0, 12), max_size=60))
def test_cpp_and_python_diff_match_patch_agree(a: list[int], b: list[int]) -> None:
    sa = "".join(chr(0xF0000 + i) for i in a)
    sb = "".join(chr(0xF0000 + i) for i in b)
    assert _diff_fast(sa, sb) == _diff_python(sa, sb)


def test_a_long_pair_is_diffed_exactly_not_given_up_on() -> None:
    # diff-match-patch's default 1 s timeout would answer "delete all, insert all".
    rng = random.Random(7)
    a = [f"w{rng.randrange(3000)}" for _ in range(60_000)]
    b = list(a)
    for _ in range(300):
        b[rng.randrange(len(b))] = "changed"
    ops = diff_tokens(a, b)
    kept = sum(n for op, n in ops if op == "=")
    assert kept >= len(a) - 300
    assert sum(n for op, n in ops if op == "-") <= 300


def test_fallback_beyond_the_private_use_planes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "CHAR_LIMIT", 3)
    assert diff_tokens(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == [
        ("=", 1),
        ("-", 1),
        ("+", 1),
        ("=", 2),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_keep_all_segments_rebuild_any_text(a: str, b: str) -> None:
    diff = word_diff(a, b, CompareOptions.keep_all())
    assert "".join(s.text for s in diff.segments if s.op is not Op.INSERT) == a
    assert "".join(s.text for s in diff.segments if s.op is not Op.DELETE) == b
    for start, end in diff.a_ranges:
        assert 0 <= start < end <= len(a)
    for start, end in diff.b_ranges:
        assert 0 <= start < end <= len(b)
    assert diff.changed == (a != b)


def test_word_diff_survives_more_words_than_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "CHAR_LIMIT", 2)
    diff = word_diff("one two three four", "one two five four", CompareOptions())
    assert [(s.op, s.text) for s in diff.segments] == [
        (Op.EQUAL, "one two "),
        (Op.DELETE, "three "),
        (Op.INSERT, "five "),
        (Op.EQUAL, "four"),
    ]


def test_a_shared_table_gives_the_same_diffs() -> None:
    table = TokenTable(CompareOptions())
    pairs = [("a b c d", "a x c d"), ("Putin’s “frozen” talks", 'Putin\'s "thawed" talks')]
    for a, b in pairs:
        assert word_diff(a, b, CompareOptions(), table) == word_diff(a, b, CompareOptions())


def test_trimmed_rewrapped_edit_marks_the_original_offsets() -> None:
    a = "One two three four five six seven\neight nine ten."
    b = "One two three\nfour five SIX seven eight\nnine ten."
    diff = word_diff(a, b, CompareOptions())
    assert [a[x:y] for x, y in diff.a_ranges] == ["six"]
    assert [b[x:y] for x, y in diff.b_ranges] == ["SIX"]


def test_count_words() -> None:
    assert count_words("Putin’s “frozen,” [said](#) it — 42", CompareOptions()) == 5
