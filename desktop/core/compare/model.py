"""The records a comparison is made of: options in, block diffs and statistics out.

Everything here is a small frozen, hashable record, in the manner of Meld's
`DiffChunk`, so a view can keep them in sets and redraw only what changed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Op(enum.StrEnum):
    """What happened to a block (difflib's tags, plus `move`) or to a run of words."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    MOVE = "move"


class Zone(enum.StrEnum):
    """The part of an article a block belongs to."""

    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    CAPTION = "caption"
    RELATED = "related"
    URL_FOOTER = "url_footer"
    BOILERPLATE = "boilerplate"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Which differences count as edits.

    The defaults follow what a reader of two versions of a news story cares about:
    re-wrapping, markup and typographic quotes are not edits; punctuation and case
    are. Boilerplate (donation appeals, …) is shown but folded; `hide_boilerplate`
    drops it from the result, and then it no longer counts as a difference.

    `boilerplate_fingerprints` holds `normalise.fingerprint()` values of paragraphs
    known to recur across many articles of a source; blocks matching one are
    boilerplate.
    """

    ignore_whitespace: bool = True
    ignore_markup: bool = True
    ignore_quote_style: bool = True
    ignore_punctuation: bool = False
    ignore_case: bool = False
    hide_boilerplate: bool = False
    boilerplate_fingerprints: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def keep_all(cls) -> CompareOptions:
        """Options under which every character counts: the exact comparison."""
        return cls(
            ignore_whitespace=False,
            ignore_markup=False,
            ignore_quote_style=False,
            ignore_punctuation=False,
            ignore_case=False,
        )


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text in a block diff: `equal`, `insert` (only in B) or `delete` (only in A)."""

    op: Op
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {"op": self.op.value, "text": self.text}


class Mark(NamedTuple):
    """A changed stretch of one original block: `Block.text[start:end]` of block `block`."""

    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class BlockDiff:
    """One aligned unit of the comparison.

    `a_blocks`/`b_blocks` are the indices of the blocks of A and of B this record
    covers, in reading order; usually one or none each, two or more when a
    paragraph was cut by a stray blank line on one side. `a_index`/`b_index` are
    their first elements (None when the side has no block here).

    Joining the `equal` and `delete` segments gives A's text of these blocks, and
    `equal` and `insert` gives B's, up to the ignored normalisations (equal runs
    carry B's spelling). `a_marks`/`b_marks` are the changed stretches of the
    original block texts, for painting; an inserted or deleted block is marked
    whole. `folded` is set on boilerplate a view should show collapsed.
    """

    op: Op
    zone: Zone
    a_blocks: tuple[int, ...]
    b_blocks: tuple[int, ...]
    segments: tuple[Segment, ...]
    a_marks: tuple[Mark, ...] = ()
    b_marks: tuple[Mark, ...] = ()
    words_inserted: int = 0
    words_deleted: int = 0
    folded: bool = False

    @property
    def a_index(self) -> int | None:
        """First block of A in this record, or None."""
        return self.a_blocks[0] if self.a_blocks else None

    @property
    def b_index(self) -> int | None:
        """First block of B in this record, or None."""
        return self.b_blocks[0] if self.b_blocks else None

    @property
    def changed(self) -> bool:
        """Whether this record is a difference at all."""
        if self.op is not Op.EQUAL:
            return True
        segments = self.segments
        if len(segments) == 1:  # the usual equal paragraph, asked about for every record
            return segments[0].op is not Op.EQUAL
        return any(s.op is not Op.EQUAL for s in segments)

    def a_text(self) -> str:
        """A's side as the segments tell it (equal + delete)."""
        return "".join(s.text for s in self.segments if s.op is not Op.INSERT)

    def b_text(self) -> str:
        """B's side as the segments tell it (equal + insert)."""
        return "".join(s.text for s in self.segments if s.op is not Op.DELETE)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (the `blocks` items of `palimpsest-cli diff --json`)."""
        return {
            "op": self.op.value,
            "zone": self.zone.value,
            "a_index": self.a_index,
            "b_index": self.b_index,
            "a_blocks": list(self.a_blocks),
            "b_blocks": list(self.b_blocks),
            "folded": self.folded,
            "segments": [s.to_dict() for s in self.segments],
            "a_marks": [list(m) for m in self.a_marks],
            "b_marks": [list(m) for m in self.b_marks],
        }


@dataclass(frozen=True, slots=True)
class CompareStats:
    """Counts over a comparison.

    `similarity` is the share of the two texts left unchanged, 0..1 (1: nothing
    differs), measured in characters of the normalised text.
    """

    words_inserted: int = 0
    words_deleted: int = 0
    paragraphs_changed: int = 0
    paragraphs_inserted: int = 0
    paragraphs_deleted: int = 0
    paragraphs_moved: int = 0
    similarity: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {
            "words_inserted": self.words_inserted,
            "words_deleted": self.words_deleted,
            "paragraphs_changed": self.paragraphs_changed,
            "paragraphs_inserted": self.paragraphs_inserted,
            "paragraphs_deleted": self.paragraphs_deleted,
            "paragraphs_moved": self.paragraphs_moved,
            "similarity": round(self.similarity, 4),
        }
