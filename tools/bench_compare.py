"""Benchmark of the compare engine against word diffs of whole documents.

Generates pairs of versions of made-up prose (words from a syllable alphabet with
Zipf-like frequencies; no third-party text) at several sizes, edits the second
version the way news articles change (words replaced, sentences and paragraphs
added, removed and moved, lines re-wrapped) and times, in one run:

- ours: `compare_articles` (paragraph alignment, then word diffs per pair);
- difflib: `SequenceMatcher` over the words of the whole documents;
- dmp: diff-match-patch (C++ build, and the Python one on small sizes) over the
  words of the whole documents, mapped to characters, without a time limit;
- git: `git diff --no-index --word-diff=porcelain` on the two files.

Usage: python tools/bench_compare.py [--sizes 5K,100K,1M,5M] [--repeat 3] [--profile 5M]
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import difflib
import itertools
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.article import Article, Block, BlockKind
from desktop.core.compare import compare_articles
from desktop.core.compare.words import _diff_fast, _diff_python

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_table import record

#: Above this size difflib on whole documents takes minutes (8 min at 1 MB): skipped.
DIFFLIB_MAX_BYTES = 110_000
PY_DMP_MAX_BYTES = 110_000
GOALS_MS = {5_000: None, 100_000: 15, 1_000_000: 150, 5_000_000: 800}


class Prose:
    """Sentences of made-up words, common words often and rare words seldom."""

    def __init__(self, rng: random.Random, vocabulary: int = 20_000) -> None:
        syllables = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + ["str", "ing", "ex"]
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
        self.words = sorted(words, key=len)  # short words are the frequent ones, as in English
        weights = [1 / (rank + 1) for rank in range(vocabulary)]  # Zipf, s = 1
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def word(self) -> str:
        """One word drawn by frequency."""
        x = self.rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect(self.cumulative, x)]

    def sentence(self) -> str:
        """A sentence of 6 to 30 words, with some punctuation and quotes."""
        words = [self.word() for _ in range(self.rng.randint(6, 30))]
        words[0] = words[0].capitalize()
        if self.rng.random() < 0.3:
            words[self.rng.randrange(len(words))] += ","
        if self.rng.random() < 0.1:
            i = self.rng.randrange(len(words))
            words[i] = f"“{words[i]}”"
        return " ".join(words) + self.rng.choice(".....?!")

    def paragraph(self) -> str:
        """Two to six sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))


def make_pair(size: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """Paragraphs of version A (about `size` bytes) and of an edited version B."""
    rng = random.Random(seed)
    prose = Prose(rng)
    a: list[str] = []
    total = 0
    while total < size:
        a.append(prose.paragraph())
        total += len(a[-1]) + 2
    b = []
    for para in a:
        roll = rng.random()
        if roll < 0.02:
            continue  # paragraph removed
        if roll < 0.04:
            b.append(prose.paragraph())  # paragraph added
        sentences = para.split(". ")
        if rng.random() < 0.10:  # words replaced
            words = para.split(" ")
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = prose.word()
            sentences = " ".join(words).split(". ")
        if rng.random() < 0.04:
            sentences.insert(rng.randrange(len(sentences) + 1), prose.sentence().rstrip("."))
        if rng.random() < 0.04 and len(sentences) > 1:
            sentences.pop(rng.randrange(len(sentences)))
        text = ". ".join(sentences)
        if rng.random() < 0.3:
            text = rewrap(text, rng.randint(60, 90))
        b.append(text)
    for _ in range(max(1, len(b) // 100)):  # moves
        b.insert(rng.randrange(len(b)), b.pop(rng.randrange(len(b))))
    return a, b


def rewrap(text: str, width: int) -> str:
    """Break a paragraph into lines of at most `width` characters."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def article(paragraphs: list[str]) -> Article:
    """An Article of plain paragraphs."""
    return Article(tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of `repeat` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def words_as_chars(a: str, b: str) -> tuple[str, str]:
    """Both texts' words mapped to one character each (diff-match-patch's linesToChars idea)."""
    ids: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(ids.setdefault(w, chr(0xF0000 + len(ids))) for w in text.split())

    return encode(a), encode(b)


def git_word_diff(a: str, b: str) -> Callable[[], object] | None:
    """A runner for git's word diff on the two texts, or None without git."""
    git = shutil.which("git")
    if git is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(b, encoding="utf-8")
    command = [git, "diff", "--no-index", "--word-diff=porcelain", "a.txt", "b.txt"]
    return lambda: subprocess.run(command, cwd=folder, capture_output=True, check=False)


def parse_size(text: str) -> int:
    """ "5K" -> 5000, "1M" -> 1000000."""
    units = {"K": 1_000, "M": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def main() -> None:
    """Print one table row per size: times in ms and how many times slower than ours."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5K,100K,1M,5M")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", metavar="SIZE", help="profile ours at this size instead")
    args = parser.parse_args()

    if args.profile:
        a, b = make_pair(parse_size(args.profile))
        aa, ab = article(a), article(b)
        cProfile.runctx("compare_articles(aa, ab)", globals(), locals(), "/tmp/bench_compare.prof")
        pstats.Stats("/tmp/bench_compare.prof").sort_stats("cumulative").print_stats(25)
        return

    header = f"{'size':>6} {'paras':>6} {'ours ms':>9} {'goal':>6} {'difflib':>16} {'dmp C++':>16} "
    header += f"{'dmp Python':>16} {'git word-diff':>16}"
    print(header)
    print("-" * len(header))
    notes = []
    for label in args.sizes.split(","):
        size = parse_size(label)
        a, b = make_pair(size)
        aa, ab = article(a), article(b)
        text_a, text_b = "\n\n".join(a), "\n\n".join(b)
        ours = timed(lambda aa=aa, ab=ab: compare_articles(aa, ab), args.repeat)
        goal = GOALS_MS.get(size)
        cells = [f"{label:>6} {len(a):>6} {ours:>9.1f} {goal if goal else '-':>6}"]

        def cell(ms: float | None, ours: float = ours) -> str:
            return f"{'skipped':>16}" if ms is None else f"{ms:>9.1f} ({ms / ours:>4.1f}x)"

        wa, wb = text_a.split(), text_b.split()
        if size <= DIFFLIB_MAX_BYTES:
            sm = lambda wa=wa, wb=wb: difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()  # noqa: E731
            cells.append(cell(timed(sm, 1)))
        else:
            cells.append(cell(None))
            notes.append(f"difflib skipped at {label}: minutes on whole documents (1M took 469 s once)")
        ca, cb = words_as_chars(text_a, text_b)
        timings: dict[str, float | None] = {"dmp C++": timed(lambda ca=ca, cb=cb: _diff_fast(ca, cb), 1), "git": None}
        cells.append(cell(timings["dmp C++"]))
        cells.append(
            cell(timed(lambda ca=ca, cb=cb: _diff_python(ca, cb), 1) if size <= PY_DMP_MAX_BYTES else None)
        )
        git = git_word_diff(text_a, text_b)
        timings["git"] = timed(git, args.repeat) if git else None
        cells.append(cell(timings["git"]))
        print(" ".join(cells), flush=True)
        record(f"compare a {label} pair", f"{ours:.1f} ms",
               f"diff-match-patch C++ on words {timings['dmp C++'] or 0:.1f} ms"
               + (f", git word-diff {timings['git']:.1f} ms" if timings["git"] else ""),
               f"{goal} ms" if goal else "")

    notes.append("Python diff-match-patch skipped above 100K (minutes)")
    notes.append("ratios: the competitor's time divided by ours (higher: we are faster)")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
