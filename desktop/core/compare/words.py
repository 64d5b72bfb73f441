"""Word-level diff of one pair of paragraphs, with diff-match-patch.

Words, not characters, are the unit: every distinct token key is mapped to one
character (diff-match-patch's own `linesToChars` trick, applied to words) and
the two character strings are diffed with no time limit. The inputs are single
paragraph pairs, so the unbounded diff stays small; a whole-document diff with
the library's default 1 s timeout would silently degrade to "delete everything,
insert everything" on long texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import diff_match_patch as _dmp_py

from desktop.core.compare.model import CompareOptions, Op, Segment
from desktop.core.compare.normalise import MARKUP_PATTERN, strip_markup, token_key

try:  # The C++ build gives identical results (tests/core/compare/test_words.py), faster.
    import fast_diff_match_patch as _dmp_fast
except ImportError:  # pragma: no cover - the pure-Python package is a hard dependency
    _dmp_fast = None

__all__ = ["Token", "WordDiff", "diff_chars", "diff_tokens", "tokenise"]

_WORD = r"\w+(?:['’]\w+)*"
# Runs of ordinary punctuation stay together ('."' , '...') so a folded "…" and
# "..." compare equal; characters that may start markup stand alone.
_PUNCT = r"[^\w\s\[\]<>*_~!]+|[^\w\s]"
_TOKEN_MARKUP = re.compile(
    rf"(?P<markup>{MARKUP_PATTERN})|(?P<word>{_WORD})|(?P<space>\s+)|(?P<punct>{_PUNCT})"
)
_TOKEN_PLAIN = re.compile(rf"(?P<word>{_WORD})|(?P<space>\s+)|(?P<punct>{_PUNCT})")

#: Token ids become characters of Unicode's supplementary private-use planes: no
#: character there is alphanumeric or a space for either implementation, so the
#: semantic clean-up scores every boundary alike in Python and in C++.
_CHAR_BASE = 0xF0000
_CHAR_LIMIT = 0x10FFFD - _CHAR_BASE


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a text: `text[start:end]`, its class and its comparison key ("" = ignored)."""

    start: int
    end: int
    kind: str
    key: str


def tokenise(text: str, options: CompareOptions) -> list[Token]:
    """Split `text` into word, punctuation, space and markup tokens covering all of it."""
    pattern = _TOKEN_MARKUP if options.ignore_markup else _TOKEN_PLAIN
    tokens = []
    for m in pattern.finditer(text):
        kind = m.lastgroup or "punct"
        tokens.append(Token(m.start(), m.end(), kind, token_key(m.group(), kind, options)))
    return tokens


def _diff_python(a: str, b: str) -> list[tuple[str, int]]:
    dmp = _dmp_py.diff_match_patch()
    dmp.Diff_Timeout = 0  # never give up and return "delete all, insert all"
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    sign = {dmp.DIFF_EQUAL: "=", dmp.DIFF_DELETE: "-", dmp.DIFF_INSERT: "+"}
    return [(sign[op], len(chunk)) for op, chunk in diffs]


def _diff_fast(a: str, b: str) -> list[tuple[str, int]]:
    assert _dmp_fast is not None
    result: list[tuple[str, int]] = _dmp_fast.diff(
        a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
    )
    return result


#: The diff in use: the C++ build when installed.
diff_chars: Callable[[str, str], list[tuple[str, int]]] = (
    _diff_fast if _dmp_fast is not None else _diff_python
)


def _encode(keys_a: Sequence[str], keys_b: Sequence[str]) -> tuple[str, str] | None:
    ids: dict[str, str] = {}
    out = []
    for keys in (keys_a, keys_b):
        chars = []
        for key in keys:
            char = ids.get(key)
            if char is None:
                if len(ids) >= _CHAR_LIMIT:
                    return None
                char = ids[key] = chr(_CHAR_BASE + len(ids))
            chars.append(char)
        out.append("".join(chars))
    return out[0], out[1]


def diff_tokens(keys_a: Sequence[str], keys_b: Sequence[str]) -> list[tuple[str, int]]:
    """Diff two sequences of token keys: a list of ("=" | "-" | "+", token count)."""
    encoded = _encode(keys_a, keys_b)
    if encoded is None:  # more distinct words than characters to name them: fall back
        import difflib

        ops: list[tuple[str, int]] = []
        matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                ops.append(("=", i2 - i1))
            else:
                ops += [("-", i2 - i1), ("+", j2 - j1)]
        return [op for op in ops if op[1]]
    return diff_chars(*encoded)


@dataclass(frozen=True, slots=True)
class WordDiff:
    """The word diff of two texts: segments, changed ranges of each text, word counts."""

    segments: tuple[Segment, ...]
    a_ranges: tuple[tuple[int, int], ...]
    b_ranges: tuple[tuple[int, int], ...]
    words_inserted: int
    words_deleted: int

    @property
    def changed(self) -> bool:
        """Whether any kept token changed (an edge gap of ignored spaces is no change)."""
        return bool(self.a_ranges or self.b_ranges)


class _Builder:
    """Collects segments (merging neighbours of one op) and changed ranges."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.a_ranges: list[tuple[int, int]] = []
        self.b_ranges: list[tuple[int, int]] = []

    def add(self, op: Op, text: str) -> None:
        if not text:
            return
        if self.segments and self.segments[-1].op is op:
            self.segments[-1] = Segment(op, self.segments[-1].text + text)
        else:
            self.segments.append(Segment(op, text))

    @staticmethod
    def mark(ranges: list[tuple[int, int]], start: int, end: int, joinable: bool) -> None:
        if joinable and ranges:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))


def _separates(gap: str) -> bool:
    # Spaces and ignored punctuation keep the words on either side apart; markup
    # does not ("**so**on" reads "soon"). Gaps that agree on this are the same.
    return bool(strip_markup(gap))


def word_diff(a: str, b: str, options: CompareOptions) -> WordDiff:
    """Diff the words of `a` and `b` under `options`.

    Ignored tokens (spaces, markup, …) between two kept tokens form a gap that
    travels with the token before it: with the equal run when both sides' gaps
    separate words alike, else as each side's own change, so that the segments
    still rebuild each text.
    """
    ta, tb = tokenise(a, options), tokenise(b, options)
    ka = [i for i, t in enumerate(ta) if t.key]
    kb = [i for i, t in enumerate(tb) if t.key]

    def gap(text: str, tokens: list[Token], kept: list[int], pos: int) -> str:
        # Text of the ignored tokens after kept token number `pos` (-1: before the first).
        start = tokens[kept[pos]].end if pos >= 0 else 0
        end = tokens[kept[pos + 1]].start if pos + 1 < len(kept) else len(text)
        return text[start:end]

    out = _Builder()
    words_ins = words_del = 0
    ga, gb = gap(a, ta, ka, -1), gap(b, tb, kb, -1)
    if _separates(ga) == _separates(gb):
        out.add(Op.EQUAL, gb)
    else:
        out.add(Op.DELETE, ga)
        out.add(Op.INSERT, gb)
    ia = ib = 0
    last_a = last_b = -2  # kept index of the last marked token, to join runs
    for sign, count in diff_tokens([ta[i].key for i in ka], [tb[i].key for i in kb]):
        for _ in range(count):
            if sign == "=":
                ga, gb = gap(a, ta, ka, ia), gap(b, tb, kb, ib)
                tok = tb[kb[ib]]
                out.add(Op.EQUAL, b[tok.start : tok.end])
                if _separates(ga) == _separates(gb):
                    out.add(Op.EQUAL, gb)
                else:
                    out.add(Op.DELETE, ga)
                    out.add(Op.INSERT, gb)
                ia += 1
                ib += 1
            elif sign == "-":
                tok = ta[ka[ia]]
                out.add(Op.DELETE, a[tok.start : tok.end] + gap(a, ta, ka, ia))
                out.mark(out.a_ranges, tok.start, tok.end, last_a == ia - 1)
                last_a = ia
                words_del += tok.kind == "word"
                ia += 1
            else:
                tok = tb[kb[ib]]
                out.add(Op.INSERT, b[tok.start : tok.end] + gap(b, tb, kb, ib))
                out.mark(out.b_ranges, tok.start, tok.end, last_b == ib - 1)
                last_b = ib
                words_ins += tok.kind == "word"
                ib += 1
    return WordDiff(tuple(out.segments), tuple(out.a_ranges), tuple(out.b_ranges), words_ins, words_del)
