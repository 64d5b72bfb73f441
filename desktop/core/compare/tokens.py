"""Tokens of a paragraph for the word diff: what each is, and what it is compared as.

Spaces, markup, punctuation and words are told apart once per distinct token
string of a comparison (`TokenTable`), and each kept token's key is named by one
character, ready for diff-match-patch.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from desktop.core.compare.model import CompareOptions
from desktop.core.compare.normalise import MARKUP_PATTERN, token_key

__all__ = ["CHAR_BASE", "CHAR_LIMIT", "Kept", "TableFull", "Token", "TokenTable", "count_words", "tokenise"]

_WORD = r"\w+(?:['’]\w+)*"
# Runs of ordinary punctuation stay together ('."' , '...') so a folded "…" and
# "..." compare equal; characters that may start markup stand alone.
_PUNCT = r"[^\w\s\[\]<>*_~!]+|[^\w\s]"
_TOKEN_MARKUP = re.compile(
    rf"(?P<markup>{MARKUP_PATTERN})|(?P<word>{_WORD})|(?P<space>\s+)|(?P<punct>{_PUNCT})"
)
_TOKEN_PLAIN = re.compile(rf"(?P<word>{_WORD})|(?P<space>\s+)|(?P<punct>{_PUNCT})")
# The same without groups, so that `findall` returns the token strings.
_SPLIT_MARKUP = re.compile(rf"{MARKUP_PATTERN}|{_WORD}|\s+|{_PUNCT}")
_SPLIT_PLAIN = re.compile(rf"{_WORD}|\s+|{_PUNCT}")
_SPLIT_MARKUP_WS = re.compile(rf"(?:{MARKUP_PATTERN}|{_WORD}|{_PUNCT})\s*|\s+")
_SPLIT_PLAIN_WS = re.compile(rf"(?:{_WORD}|{_PUNCT})\s*|\s+")
_MARKUP_FULL = re.compile(MARKUP_PATTERN)
_MARKUP_STARTS = frozenset("<[]!*_~")

#: Token ids become characters of Unicode's supplementary private-use planes: no
#: character there is alphanumeric or a space for either implementation, so the
#: semantic clean-up scores every boundary alike in Python and in C++.
CHAR_BASE = 0xF0000
CHAR_LIMIT = 0x10FFFD - CHAR_BASE


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


#: What the word diff needs to know of one distinct token string: its key, whether
#: it is a word, whether what of it is ignored keeps the words around it apart,
#: and the length of its core (a token may carry the spaces after it).
_TokenInfo = tuple[str, bool, bool, int]


def _classify(core: str, options: CompareOptions) -> tuple[str, bool, bool]:
    """Key, word-ness and separation of a token with no spaces after it ("" = spaces only)."""
    if not core:
        return "", False, True
    first = core[0]
    if first.isspace():
        kind = "space"
    elif options.ignore_markup and first in _MARKUP_STARTS and _MARKUP_FULL.fullmatch(core):
        kind = "markup"
    elif first.isalnum() or first == "_":
        kind = "word"
    else:
        kind = "punct"
    key = token_key(core, kind, options)
    # Spaces and ignored punctuation keep words apart; markup does not ("**so**on"
    # reads "soon"). Two gaps that agree on this are the same gap.
    return key, kind == "word", not key and kind != "markup"


class TableFull(Exception):
    """More distinct words than private-use characters to name them."""


class TokenTable:
    """What each distinct token string of a comparison is, and the character naming its key.

    One table serves every paragraph pair of a comparison: the same words recur,
    so most tokens are looked up, not classified. With `raw_keys` the keys stand
    for themselves (the fallback when there are too many of them for characters).
    """

    def __init__(self, options: CompareOptions, *, raw_keys: bool = False) -> None:
        self.options = options
        self.raw_keys = raw_keys
        self.info: dict[str, _TokenInfo] = {}
        self._chars: dict[str, str] = {}

    def make_room(self, tokens: int) -> None:
        """Forget everything if `tokens` new keys might not fit (between pairs only)."""
        if len(self._chars) + tokens > CHAR_LIMIT:
            self.info.clear()
            self._chars.clear()

    def classify(self, token: str) -> _TokenInfo:
        """The info of a token not seen before; its first element names its key ("" = ignored)."""
        core = token.rstrip() if self.options.ignore_whitespace else token
        if core and core != token:
            # "word ", "word\n", "word  ": one word, classified once.
            base = self.info.get(core) or self.classify(core)
            info = self.info[token] = (base[0], base[1], True, base[3])
            return info
        # Here `core` is the token itself, or empty: a run of ignored spaces.
        key, is_word, separates = _classify(core, self.options)
        if key and not self.raw_keys:
            char = self._chars.get(key)
            if char is None:
                if len(self._chars) >= CHAR_LIMIT:
                    raise TableFull
                char = self._chars[key] = chr(CHAR_BASE + len(self._chars))
            key = char
        info = self.info[token] = (key, is_word, separates, len(core))
        return info


def _splitter(options: CompareOptions) -> re.Pattern[str]:
    if options.ignore_whitespace:
        return _SPLIT_MARKUP_WS if options.ignore_markup else _SPLIT_PLAIN_WS
    return _SPLIT_MARKUP if options.ignore_markup else _SPLIT_PLAIN


def _token_infos(text: str, table: TokenTable) -> tuple[list[str], list[_TokenInfo]]:
    """The tokens of `text` and their infos, classifying (in order) those never seen."""
    tokens: list[str] = _splitter(table.options).findall(text)
    # The hot path of a comparison. Every token is looked up in one C-level
    # map; only tokens never seen before are classified in Python.
    found = list(map(table.info.get, tokens))
    if None in found:
        return tokens, [info or table.classify(tok) for tok, info in zip(tokens, found, strict=True)]
    return tokens, cast(list[_TokenInfo], found)


class Kept:
    """The kept (non-ignored) tokens of one text, as parallel sequences.

    `names[k]` is the table's name for the key of kept token k: `names` is one
    string of one character per token, unless the table has raw keys (then a
    list of the keys). `seps[k]` tells whether the gap of ignored tokens after
    kept token k keeps words apart; `lead_sep` the same for the gap before the
    first one.
    """

    __slots__ = ("ends", "lead_sep", "names", "seps", "starts", "text", "words")

    def __init__(self, text: str, table: TokenTable) -> None:
        self.text = text
        self.lead_sep = False
        tokens, infos = _token_infos(text, table)
        self.names: str | list[str]
        self.words: Sequence[bool]
        self.seps: Sequence[bool]
        if not infos:
            self.starts, self.ends, self.words, self.seps = [], [], [], []
            self.names = [] if table.raw_keys else ""
            return
        names_t, words_t, seps_t, cores = zip(*infos, strict=False)  # 4-tuples all: no check needed
        if table.raw_keys:
            names: str | list[str] = list(names_t)
            complete = all(names_t)
        else:  # one character per kept token: the names are the string diff_chars wants
            names = "".join(names_t)
            complete = len(names) == len(infos)
        if complete:  # nothing ignored: the columns are the sequences
            starts = list(itertools.accumulate(map(len, tokens), initial=0))
            del starts[-1]
            self.starts, self.ends = starts, list(map(operator.add, starts, cores))
            self.names, self.words, self.seps = names, words_t, seps_t
            return
        self._gather(tokens, infos, table.raw_keys)

    def _gather(self, tokens: list[str], infos: list[_TokenInfo], raw_keys: bool) -> None:
        """The sequences when some tokens are ignored: their gaps join the kept token before."""
        starts: list[int] = []
        ends: list[int] = []
        names: list[str] = []
        words: list[bool] = []
        seps: list[bool] = []
        pos, sep = 0, False
        for token, (name, is_word, separates, core) in zip(tokens, infos, strict=True):
            if name:
                if starts:
                    seps.append(sep)
                else:
                    self.lead_sep = sep
                starts.append(pos)
                ends.append(pos + core)
                names.append(name)
                words.append(is_word)
                sep = separates
            else:
                sep = sep or separates
            pos += len(token)
        if starts:
            seps.append(sep)
        else:
            self.lead_sep = sep
        self.starts, self.ends, self.words, self.seps = starts, ends, words, seps
        self.names = names if raw_keys else "".join(names)

    def gap_end(self, k: int) -> int:
        """Where the gap after kept token k ends."""
        return self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)

    def gap(self, k: int) -> str:
        """The ignored text after kept token k (k = -1: before the first)."""
        start = self.ends[k] if k >= 0 else 0
        return self.text[start : self.gap_end(k)]


def count_words(text: str, options: CompareOptions, table: TokenTable | None = None) -> int:
    """Words of `text`, as the word diff counts them."""
    table = table or TokenTable(options, raw_keys=True)
    try:
        _, infos = _token_infos(text, table)
    except TableFull:
        _, infos = _token_infos(text, TokenTable(options, raw_keys=True))
    return sum(is_word for name, is_word, _, _ in infos if name)
