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
from desktop.core.compare.seq import common_prefix, common_suffix
from desktop.core.compare.tokens import (
    CHAR_BASE,
    CHAR_LIMIT,
    Kept,
    TableFull,
    Token,
    TokenTable,
    count_words,
    tokenise,
)

try:  # The C++ build gives identical results (tests/core/compare/test_words.py), faster.
    import fast_diff_match_patch as _dmp_fast
except ImportError:  # pragma: no cover - the pure-Python package is a hard dependency
    _dmp_fast = None

__all__ = [
    "Token",
    "TokenTable",
    "WordDiff",
    "count_words",
    "diff_chars",
    "diff_tokens",
    "tokenise",
    "word_diff",
]


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
                if len(ids) >= CHAR_LIMIT:
                    return None
                char = ids[key] = chr(CHAR_BASE + len(ids))
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


# Enum members are found through their class's metaclass (~90 ns a lookup).
_EQUAL, _INSERT, _DELETE = Op.EQUAL, Op.INSERT, Op.DELETE


class _Builder:
    """Collects segments, merging neighbours of one op."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def add(self, op: Op, text: str) -> None:
        if not text:
            return
        if self.segments and self.segments[-1].op is op:
            self.segments[-1] = Segment(op, self.segments[-1].text + text)
        else:
            self.segments.append(Segment(op, text))


def _chunk_offset(text: str, k: int) -> int:
    """Where the k-th whitespace-separated chunk of `text` starts."""
    return len(text) - len(text.split(None, k)[-1]) if k else len(text) - len(text.lstrip())


def _trim(a: str, b: str, options: CompareOptions) -> tuple[int, int, int, int]:
    """A common head and tail of both texts, cut between whole tokens.

    Returns where the rest starts and ends in `a` and in `b`. The texts are cut
    only before a whitespace-separated chunk (no token spans whitespace but an
    HTML tag, hence the `<` checks); when spacing is ignored, the chunks are
    compared, so re-wrapped lines still trim.
    """
    if not options.ignore_whitespace:  # every space counts: cut at the start of a space run
        p = max(0, a.rfind(" ", 0, common_prefix(a, b)))
        while p > 0 and a[p - 1].isspace():
            p -= 1
        return (0, 0, len(a), len(b)) if p and "<" in a[:p] else (p, p, len(a), len(b))
    head = _first_different_chunk(a, b)
    if head is None:  # one text's chunks are the other's first ones
        return 0, 0, len(a), len(b)
    head_a, head_b = head
    if head_a and "<" in a[:head_a]:
        return 0, 0, len(a), len(b)
    tail = _first_different_chunk(a[::-1], b[::-1])
    if tail is None:  # the common tail would overlap the head: count chunks
        return _trim_chunks(a, b)
    tail_a, tail_b = _skip_space(a, len(a) - tail[0]), _skip_space(b, len(b) - tail[1])
    if tail_a == len(a):  # no chunk in common at the end
        return head_a, head_b, len(a), len(b)
    if tail_a < head_a or tail_b < head_b:
        return _trim_chunks(a, b)
    if ">" not in a[tail_a:]:
        return head_a, head_b, tail_a, tail_b
    return head_a, head_b, len(a), len(b)


_SPACE_RUN = re.compile(r"\s*")
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
#: How far back the start of a chunk is looked for in Python before asking the regex engine.
_SHORT_CHUNK = 48


def _skip_space(text: str, i: int) -> int:
    """The end of the whitespace run at `i` (`i` itself if there is none)."""
    if i < len(text) and text[i].isspace():
        match = _SPACE_RUN.match(text, i)
        assert match is not None
        return match.end()
    return i


def _first_different_chunk(a: str, b: str) -> tuple[int, int] | None:
    """Where the first whitespace-separated chunk that differs starts in `a` and in `b`.

    None when the chunks of one text are all the other's first ones. Equal
    stretches are compared as strings, a whitespace run at a time, which gives
    what comparing the lists of chunks gives without making them.
    """
    ia = _skip_space(a, 0)
    ib = _skip_space(b, 0)
    while ia < len(a) and ib < len(b):
        common = common_prefix(a, b) if ia == ib == 0 else common_prefix(a[ia:], b[ib:])
        ea, eb = ia + common, ib + common
        if common and (
            a[ea - 1].isspace()  # the equal stretch ends in space: its chunks are all equal
            or ((ea == len(a) or a[ea].isspace()) and (eb == len(b) or b[eb].isspace()))
        ):
            ia, ib = _skip_space(a, ea), _skip_space(b, eb)
            continue
        # The chunk in progress differs: go back to its start.
        x, stop = ea, max(ia, ea - _SHORT_CHUNK)
        while x > stop and not a[x - 1].isspace():
            x -= 1
        if x == stop > ia and not a[x - 1].isspace():  # a long chunk
            match = _LAST_SPACE.search(a, ia, x)
            x = match.end() if match else ia
        return x, ib + (x - ia)
    return None


def _trim_chunks(a: str, b: str) -> tuple[int, int, int, int]:
    """`_trim` ignoring whitespace, by lists of chunks (when head and tail may overlap)."""
    ca, cb = a.split(), b.split()
    n = min(len(ca), len(cb))
    p = common_prefix(ca, cb)
    q = common_suffix(ca, cb, n - p)
    if p >= n:
        return 0, 0, len(a), len(b)
    head_a, head_b = _chunk_offset(a, p), _chunk_offset(b, p)
    if head_a and "<" in a[:head_a]:
        return 0, 0, len(a), len(b)
    if q:
        tail_a, tail_b = _chunk_offset(a, len(ca) - q), _chunk_offset(b, len(cb) - q)
        if ">" not in a[tail_a:]:
            return head_a, head_b, tail_a, tail_b
    return head_a, head_b, len(a), len(b)


def word_diff(a: str, b: str, options: CompareOptions, table: TokenTable | None = None) -> WordDiff:
    """Diff the words of `a` and `b` under `options`.

    Ignored tokens (spaces, markup, …) between two kept tokens form a gap that
    travels with the token before it: with the equal run when both sides' gaps
    separate words alike, else as each side's own change, so that the segments
    still rebuild each text. `table` may be shared by the calls of one comparison.
    """
    table = table or TokenTable(options)
    head_a, head_b, tail_a, tail_b = _trim(a, b, options)
    if head_a or head_b or tail_a < len(a) or tail_b < len(b):
        inner = _word_diff_or_fallback(a[head_a:tail_a], b[head_b:tail_b], options, table)
        # The inner segments never hold two neighbours of one op, nor empty text:
        # the common head and tail join the equal run beside them, if any.
        segments = list(inner.segments)
        head, tail = b[:head_b], b[tail_b:]
        if head:
            if segments and segments[0].op is _EQUAL:
                segments[0] = Segment(_EQUAL, head + segments[0].text)
            else:
                segments.insert(0, Segment(_EQUAL, head))
        if tail:
            if segments and segments[-1].op is _EQUAL:
                segments[-1] = Segment(_EQUAL, segments[-1].text + tail)
            else:
                segments.append(Segment(_EQUAL, tail))
        return WordDiff(
            tuple(segments),
            tuple((x + head_a, y + head_a) for x, y in inner.a_ranges) if head_a else inner.a_ranges,
            tuple((x + head_b, y + head_b) for x, y in inner.b_ranges) if head_b else inner.b_ranges,
            inner.words_inserted,
            inner.words_deleted,
        )
    return _word_diff_or_fallback(a, b, options, table)


def _word_diff_or_fallback(a: str, b: str, options: CompareOptions, table: TokenTable) -> WordDiff:
    table.make_room(len(a) + len(b))
    try:
        return _word_diff(a, b, table)
    except TableFull:
        return _word_diff(a, b, TokenTable(options, raw_keys=True))


def _word_diff(a: str, b: str, table: TokenTable) -> WordDiff:
    sa, sb = Kept(a, table), Kept(b, table)
    if isinstance(sa.names, str) and isinstance(sb.names, str):
        ops = diff_chars(sa.names, sb.names)
    else:
        ops = diff_tokens(sa.names, sb.names)
    out = _Builder()
    a_ranges: list[tuple[int, int]] = []
    b_ranges: list[tuple[int, int]] = []
    words_ins = words_del = 0
    if sa.lead_sep == sb.lead_sep:
        out.add(_EQUAL, sb.gap(-1))
    else:
        out.add(_DELETE, sa.gap(-1))
        out.add(_INSERT, sb.gap(-1))
    ia = ib = 0
    for sign, n in ops:
        if sign == "=":
            if sa.seps[ia : ia + n] == sb.seps[ib : ib + n]:
                out.add(_EQUAL, b[sb.starts[ib] : sb.gap_end(ib + n - 1)])
            else:
                for k in range(n):
                    out.add(_EQUAL, b[sb.starts[ib + k] : sb.ends[ib + k]])
                    if sa.seps[ia + k] == sb.seps[ib + k]:
                        out.add(_EQUAL, sb.gap(ib + k))
                    else:
                        out.add(_DELETE, sa.gap(ia + k))
                        out.add(_INSERT, sb.gap(ib + k))
            ia += n
            ib += n
        elif sign == "-":
            out.add(_DELETE, a[sa.starts[ia] : sa.gap_end(ia + n - 1)])
            a_ranges.append((sa.starts[ia], sa.ends[ia + n - 1]))
            words_del += sum(sa.words[ia : ia + n])
            ia += n
        else:
            out.add(_INSERT, b[sb.starts[ib] : sb.gap_end(ib + n - 1)])
            b_ranges.append((sb.starts[ib], sb.ends[ib + n - 1]))
            words_ins += sum(sb.words[ib : ib + n])
            ib += n
    return WordDiff(tuple(out.segments), tuple(a_ranges), tuple(b_ranges), words_ins, words_del)
