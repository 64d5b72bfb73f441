"""Pure keys computed from an article's text: what makes two texts the same or alike.

Everything here is deterministic across processes (no `hash()`), because the
keys are stored and compared with keys computed in another run.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence

from desktop.core.article import Block, BlockKind, shorten
from desktop.core.compare.normalise import fold_case, fold_quotes, strip_markup

#: Words per shingle. Four words keep shared stock phrases ("the president said
#: that") from making unrelated articles look alike, and survive small edits.
SHINGLE_WORDS = 4

#: Size of the bottom-k sketch stored per article to find similar ones quickly.
#: Small, because each entry costs an import a page write in the index; the
#: shared paragraphs find most candidates, the sketch those edited throughout.
SKETCH_SIZE = 8

#: Characters marking matches in search snippets: private-use code points,
#: removed from article text before it is indexed, so no text can forge them.
MARK_START, MARK_END = "\ue000", "\ue001"
_MARKS = str.maketrans("", "", MARK_START + MARK_END)

_WORD = re.compile(r"\w+")
_YO = str.maketrans({"ё": "е", "Ё": "Е"})

#: Blocks that carry the story's text; headings, captions and link lines vary
#: between copies of one article and say little about what it is.
_BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


def fold_yo(text: str) -> str:
    """ё and е are one letter for searching and comparing (FTS5 does not fold them)."""
    return text.translate(_YO)


def clean_text(text: str) -> str:
    """Article text as stored for search: without the snippet marker characters."""
    return text.translate(_MARKS)


def words(text: str) -> list[str]:
    """The comparison words of `text`: markup dropped, quotes, case and ё folded."""
    return _WORD.findall(fold_yo(fold_case(fold_quotes(strip_markup(text)))))


def text_hash(blocks: Iterable[Block]) -> str:
    """A digest of the words of all blocks: equal for re-encoded or re-wrapped copies."""
    return text_hash_of_words(words(block.text) for block in blocks)


def text_hash_of_words(block_words: Iterable[list[str]]) -> str:
    """`text_hash` of blocks whose `words` are already known."""
    digest = hashlib.sha256()
    for found in block_words:
        digest.update(" ".join(found).encode("utf-8"))
        digest.update(b" ")
    return digest.hexdigest()


def title_key(title: str | None) -> str | None:
    """A title reduced to its words, or None when too short to identify an article.

    Titles of three words or fewer ("Live updates", "Morning briefing") recur
    for different articles, so they group nothing.
    """
    if not title:
        return None
    found = words(title)
    return " ".join(found) if len(found) >= 4 else None


def stable_hash(text: str) -> int:
    """A signed 64-bit hash of `text`, the same in every process (fits an SQLite INTEGER)."""
    value = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    return value - (1 << 63)


def paragraph_key(text: str) -> int:
    """The fingerprint of a paragraph: equal for copies differing in spacing, markup, case."""
    return stable_hash(" ".join(words(text)))


def is_body(block: Block) -> bool:
    """Whether a block carries the story's text (a paragraph, quote or list item with words)."""
    return block.kind in _BODY_KINDS and bool(block.text.strip())


def body_paragraphs(blocks: Iterable[Block]) -> list[str]:
    """The text of the body blocks (paragraphs, quotes, list items) with some words in them."""
    return [b.text for b in blocks if is_body(b)]


def shingles(paragraph: str) -> set[int]:
    """Hashes of the runs of `SHINGLE_WORDS` words of one paragraph (a short one is one shingle)."""
    return shingles_of_words(words(paragraph))


def shingles_of_words(found: list[str]) -> set[int]:
    """`shingles` of a paragraph whose `words` are already known.

    CRC-32 is enough here and several times faster than a cryptographic hash:
    two shingle sets of a thousand entries share a false match once in
    thousands of comparisons, which moves a resemblance by a thousandth.
    """
    if not found:
        return set()
    if len(found) <= SHINGLE_WORDS:
        return {zlib.crc32(" ".join(found).encode("utf-8"))}
    # Chained maps run the loop in C: a third faster than a comprehension.
    runs = zip(*(found[i:] for i in range(SHINGLE_WORDS)), strict=False)  # the runs end with the shortest
    return set(map(zlib.crc32, map(str.encode, map(" ".join, runs))))


def sketch(shingle_sets: Iterable[Iterable[int]], size: int = SKETCH_SIZE) -> list[int]:
    """The `size` smallest shingle hashes: a bottom-k sketch; alike texts share many of them."""
    merged: set[int] = set()
    for hashes in shingle_sets:
        merged.update(hashes)
    return smallest(merged, size)


def smallest(hashes: Iterable[int], size: int = SKETCH_SIZE) -> list[int]:
    """The `size` smallest of `hashes`, in order (sorting in C beats a heap at these sizes)."""
    return sorted(hashes)[:size]


def resemblance(a: set[int], b: set[int]) -> tuple[float, float]:
    """`(jaccard, containment)` of two shingle sets; containment is over the smaller set."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common), common / min(len(a), len(b))


def same_story_text(a: set[int], b: set[int]) -> bool:
    """Whether two bodies (boilerplate already removed) are versions of one article.

    Either most shingles are shared (Jaccard ≥ 0.5), or nearly all of the smaller
    text is inside the larger (containment ≥ 0.8): a scraped copy with a donation
    appeal appended, a shortened copy. Too-short bodies never match: a few shared
    sentences are not evidence.
    """
    if min(len(a), len(b)) < 20:
        return False
    jaccard, containment = resemblance(a, b)
    return jaccard >= 0.5 or containment >= 0.8


def first_words(blocks: Sequence[Block], limit: int = 80) -> str:
    """The first words of the text, used as a title when none is known."""
    for block in blocks:
        if block.text.strip():
            return shorten(block.text, limit)
    return "(empty article)"
