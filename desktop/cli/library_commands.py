"""The library's commands: `import`, `list`, `stories`, `search`, `remove`, `export`.

Each opens the library named by the global `--library DIR` (else
`$PALIMPSEST_LIBRARY`, else the user data folder) and runs the same core as the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core import library as lib
from desktop.core.errors import PalimpsestError
from desktop.core.library.summary import report_lines


def register(subparsers: Any) -> None:
    """Add the library commands."""
    parser = subparsers.add_parser("import", help="import article files or folders into the library")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.set_defaults(run=_with_library(run_import))

    parser = subparsers.add_parser("list", help="list the articles in the library")
    parser.add_argument("--json", action="store_true", help="print JSON with stable keys")
    parser.set_defaults(run=_with_library(run_list))

    parser = subparsers.add_parser("stories", help="list the stories (versions of one article)")
    parser.add_argument("--json", action="store_true", help="print JSON with stable keys")
    parser.set_defaults(run=_with_library(run_stories))

    parser = subparsers.add_parser("search", help="search the library's full text")
    parser.add_argument("query", help='words, "exact phrases", prefix*')
    parser.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    parser.add_argument("--json", action="store_true", help="print JSON with stable keys")
    parser.set_defaults(run=_with_library(run_search))

    parser = subparsers.add_parser("remove", help="move an article to the library's trash")
    parser.add_argument("id", type=int, help="the article's id (see `list`)")
    parser.set_defaults(run=_with_library(run_remove))

    parser = subparsers.add_parser("export", help="write an article's original file or its text")
    parser.add_argument("id", type=int, help="the article's id (see `list`)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--original", dest="text", action="store_false",
                      help="the bytes as imported (the default)")
    what.add_argument("--text", dest="text", action="store_true", help="the reading text, UTF-8")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    parser.set_defaults(run=_with_library(run_export), text=False)


Command = Callable[[lib.Library, argparse.Namespace], int]


def _with_library(command: Command) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with lib.open_library(getattr(args, "library", None)) as library:
            return command(library, args)

    return run


def run_import(library: lib.Library, args: argparse.Namespace) -> int:
    """Import the paths and print what happened to each; exit 2 if anything failed."""
    summary = lib.import_paths(library, args.paths)
    print("\n".join(report_lines(summary)))
    if summary.failed:
        print(f"palimpsest-cli: {len(summary.failed)} of the files could not be imported", file=sys.stderr)
        return 2
    return 0


def run_list(library: lib.Library, args: argparse.Namespace) -> int:
    """Print every article: id, story, date, title."""
    rows = lib.all_articles(library)
    if args.json:
        _dump([{
            "id": r.id, "story_id": r.story_id, "title": r.title, "publisher": r.publisher,
            "date": _iso(r.date), "story_date": _iso(r.story_date), "format": r.format, "path": r.path,
            "imported_at": r.imported_at, "sha256": r.sha256, "duplicate_of": r.duplicate_of,
        } for r in rows])
        return 0
    for r in rows:
        date = _iso(r.date) or f"({_iso(r.story_date) or 'undated'})"
        print(f"{r.id:>6}  story {r.story_id:<6} {date:<12}  {r.title}")
    return 0


def run_stories(library: lib.Library, args: argparse.Namespace) -> int:
    """Print every story with its versions."""
    rows = lib.stories(library)
    if args.json:
        _dump([{
            "id": s.id, "title": s.title, "publisher": s.publisher, "date": _iso(s.date),
            "versions": [v.id for v in lib.versions(library, s.id)], "imported_at": s.imported_at,
        } for s in rows])
        return 0
    for s in rows:
        print(f"story {s.id}: {s.title} — {s.publisher or 'unknown publisher'}, "
              f"{_iso(s.date) or 'undated'}, {s.versions} version{'s' if s.versions != 1 else ''}")
        for v in lib.versions(library, s.id):
            print(f"  #{v.id:<6} {_iso(v.date) or 'undated':<10}  {v.format:<8}  {v.path or v.title}")
    return 0


def run_search(library: lib.Library, args: argparse.Namespace) -> int:
    """Print the matches of a full-text query; matched words are marked [like this] in text output."""
    hits = lib.search(library, args.query, limit=args.limit)
    if args.json:
        _dump([{
            "article_id": h.article_id, "story_id": h.story_id, "title": h.title, "snippet": h.snippet,
            "matches": [list(m) for m in h.matches], "rank": h.rank,
        } for h in hits])
        return 0
    for h in hits:
        print(f"#{h.article_id} (story {h.story_id}) {h.title}")
        print(f"    {_marked(h.snippet, h.matches)}")
    return 0


def run_remove(library: lib.Library, args: argparse.Namespace) -> int:
    """Move an article to the trash."""
    lib.remove(library, args.id)
    print(f"Removed #{args.id} (to the library's trash)")
    return 0


def run_export(library: lib.Library, args: argparse.Namespace) -> int:
    """Write the original bytes, or the reading text, of an article to a file."""
    data = (lib.article(library, args.id).text + "\n").encode("utf-8") if args.text \
        else lib.original_bytes(library, args.id)
    try:
        Path(args.output).write_bytes(data)
    except OSError as error:
        raise PalimpsestError(f"{args.output}: cannot write the file ({error.strerror or error})") from error
    return 0


def _marked(snippet: str, matches: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in matches:
        out += [snippet[pos:start], "[", snippet[start:end], "]"]
        pos = end
    out.append(snippet[pos:])
    return "".join(out)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
