"""`palimpsest-cli show FILE`: an article's metadata and blocks."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.core.loaders import load_file
from desktop.core.settings import SCHEMA


def register(subparsers: Any) -> None:
    """Add the `show` command."""
    parser = subparsers.add_parser("show", help="print an article's metadata and blocks")
    parser.add_argument("file", help="a .txt, .md or .html file")
    parser.add_argument("--json", action="store_true", help="print JSON with stable keys")
    parser.add_argument("--max-size", type=int, default=SCHEMA["files/max_megabytes"].default, metavar="MB",
                        help="refuse files larger than this (default: %(default)s MB)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the article in `args.file`; errors propagate as `LoadError`."""
    article = load_file(args.file, max_bytes=args.max_size * 1024 * 1024)
    if args.json:
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    meta = article.meta
    rows = [
        ("Title", meta.title), ("Date", meta.date and f"{meta.date.isoformat()} (from {meta.date_source})"),
        ("Publisher", meta.publisher), ("Author", meta.author), ("URL", meta.url),
        ("Format", f"{meta.format} ({meta.encoding}, {meta.byte_size} bytes)"), ("SHA-256", meta.sha256),
    ]
    for label, value in rows:
        if value:
            print(f"{label + ':':<11}{value}")
    print()
    for index, block in enumerate(article.blocks):
        joined = " ↩" if block.continues else ""
        print(f"[{index:>3} {block.kind.value:<9}] {block.text}{joined}")
    return 0
