"""`palimpsest-cli diff A B` (or `diff --story ID`): what changed between two versions of an article.

Exit status as diff(1): 0 no differences, 1 differences, 2 trouble. Folded
boilerplate counts as a difference (it is shown, only collapsed);
`--hide-boilerplate` leaves it out of the result, and then it does not count.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop.cli.sources import UsageError, load_source
from desktop.core import library as lib
from desktop.core.article import Article, older_second
from desktop.core.compare import BlockDiff, CompareOptions, Comparison, Op, compare_articles
from desktop.core.compare.report_html import render_report
from desktop.core.compare.summary import ZONE_LABELS

_SPACE = re.compile(r"\s+")

EXIT_SAME = 0
EXIT_DIFFERENT = 1

_VERBS = {
    Op.INSERT: "added",
    Op.DELETE: "removed",
    Op.REPLACE: "changed",
    Op.MOVE: "moved",
    Op.EQUAL: "",
}


def register(subparsers: Any) -> None:
    """Add the `diff` command."""
    parser = subparsers.add_parser(
        "diff",
        help="compare two versions of an article",
        description="Align two versions paragraph by paragraph and show the changed words. "
        "Exit status: 0 no differences, 1 differences, 2 trouble.",
    )
    parser.add_argument("a", metavar="A", nargs="?",
                        help="the older version: a .txt, .md or .html file, or a library id")
    parser.add_argument("b", metavar="B", nargs="?", help="the newer version (file or library id)")
    parser.add_argument("--story", type=int, metavar="ID",
                        help="instead of A and B: the two versions of a library story that the "
                        "window's Compare shows (the two latest, the older first)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the comparison as JSON")
    out.add_argument("--html", metavar="OUT", help="write a standalone HTML redline report")
    parser.add_argument("--keep-whitespace", action="store_true", help="count re-wrapping as an edit")
    parser.add_argument("--keep-markup", action="store_true", help="count Markdown/HTML markup as an edit")
    parser.add_argument(
        "--keep-quote-style",
        action="store_true",
        help="count straight vs curly quotes and dash style as edits",
    )
    parser.add_argument("--ignore-punctuation", action="store_true", help="punctuation changes are not edits")
    parser.add_argument("--ignore-case", action="store_true", help="case changes are not edits")
    parser.add_argument(
        "--hide-boilerplate",
        action="store_true",
        help="leave donation appeals and other boilerplate out (then they never count)",
    )
    parser.set_defaults(run=run)


def options_from_args(args: argparse.Namespace) -> CompareOptions:
    """The comparison options the command-line flags ask for."""
    return CompareOptions(
        ignore_whitespace=not args.keep_whitespace,
        ignore_markup=not args.keep_markup,
        ignore_quote_style=not args.keep_quote_style,
        ignore_punctuation=args.ignore_punctuation,
        ignore_case=args.ignore_case,
        hide_boilerplate=args.hide_boilerplate,
    )


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def run(args: argparse.Namespace) -> int:
    """Compare `args.a` with `args.b`; loading errors propagate as `LoadError`."""
    a, b = _versions(args)
    comparison = compare_articles(a, b, options_from_args(args))
    if args.json:
        json.dump(comparison.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.html:
        Path(args.html).write_text(render_report(comparison), encoding="utf-8")
        print(comparison.summary)
    else:
        for line in render_text(comparison, colour=use_colour(sys.stdout)):
            print(line)
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME


def _versions(args: argparse.Namespace) -> tuple[Article, Article]:
    """The two articles the arguments name: files or library ids, or a story's pair."""
    if args.story is None:
        if args.a is None or args.b is None:
            raise UsageError("give two versions (files or library ids), or --story ID")
        (a, _), (b, _) = load_source(args.a, args.library), load_source(args.b, args.library)
        return a, b
    if args.a is not None:
        raise UsageError("give either two versions or --story ID, not both")
    with lib.open_library(args.library) as library:
        pair = lib.pair_to_compare(lib.versions(library, args.story))
        if pair is None:
            raise UsageError(f"story {args.story} is not in the library or has only one version")
        a, b = (lib.article(library, row.id) for row in pair)
    return (b, a) if older_second(a, b) else (a, b)


_RED, _GREEN, _CYAN, _DIM, _BOLD, _RESET = (
    "\x1b[31;9m",  # red, struck through: readable without colour vision too
    "\x1b[1;32m",  # bold green
    "\x1b[36m",
    "\x1b[2m",
    "\x1b[1m",
    "\x1b[0m",
)


def _words(record: BlockDiff, colour: bool) -> str:
    out = []
    for seg in record.segments:
        text = _SPACE.sub(" ", seg.text)
        if seg.op is Op.EQUAL or not text.strip():
            out.append(text)
            continue
        # Spaces go outside the markers, as in `git diff --word-diff`.
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        if colour:
            core = f"{_RED if seg.op is Op.DELETE else _GREEN}{core}{_RESET}"
        else:
            core = f"[-{core}-]" if seg.op is Op.DELETE else f"{{+{core}+}}"
        out.append(lead + core + trail)
    return "".join(out).strip()


def _fold_runs(blocks: Sequence[BlockDiff]) -> Iterator[list[BlockDiff]]:
    """Records one by one, but a run of folded records with one op and zone together."""
    run: list[BlockDiff] = []
    for record in blocks:
        if run and not (
            record.folded and run[0].folded and (record.op, record.zone) == (run[0].op, run[0].zone)
        ):
            yield run
            run = []
        run.append(record)
    if run:
        yield run


def _where(run: list[BlockDiff]) -> str:
    def span(indices: list[int], side: str) -> str:
        if not indices:
            return ""
        return f"{side}¶{indices[0]}" + (f"–{indices[-1]}" if len(indices) > 1 else "")

    a = span([i for r in run for i in r.a_blocks], "A")
    b = span([i for r in run for i in r.b_blocks], "B")
    return " → ".join(x for x in (a, b) if x)


def render_text(comparison: Comparison, *, colour: bool) -> Iterator[str]:
    """The comparison as terminal lines: a header, the summary, then each change."""
    a, b = comparison.a_meta, comparison.b_meta

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    def skipped(n: int) -> str:
        return paint(_DIM, f"  … {n} unchanged paragraph{'s' * (n != 1)}")

    yield paint(_BOLD, f"--- {a.path or 'A'}" + (f"  ({a.title})" if a.title else ""))
    yield paint(_BOLD, f"+++ {b.path or 'B'}" + (f"  ({b.title})" if b.title else ""))
    yield paint(_BOLD, comparison.summary)
    unchanged = 0
    for run in _fold_runs(comparison.blocks):
        first = run[0]
        if not first.changed:
            unchanged += 1
            continue
        if unchanged:
            yield skipped(unchanged)
            unchanged = 0
        yield ""
        yield paint(_CYAN, f"@@ {ZONE_LABELS[first.zone]} {_VERBS[first.op]} ({_where(run)})")
        if first.folded:
            # One line of it: the appeal is there, not worth reading again.
            text = " ".join((first.b_text() or first.a_text()).split())
            text = text if len(text) <= 60 else text[:59] + "…"
            more = f" (+{len(run) - 1} more)" if len(run) > 1 else ""
            yield paint(_DIM, f"  {text}{more}  [folded]")
        else:
            yield f"  {_words(first, colour)}"
    if unchanged:
        yield skipped(unchanged)
