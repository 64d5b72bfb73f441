"""`palimpsest-cli annotate`: the dates and quotations of an article, or of JSONL records."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TextIO

from desktop.cli.sources import load_source
from desktop.core.annotate import Annotations, annotate, parse_dct
from desktop.core.errors import PalimpsestError


def register(subparsers: Any) -> None:
    """Add the `annotate` command."""
    parser = subparsers.add_parser(
        "annotate", help="list an article's dates and quotations",
        description="Find the dates (resolved to calendar days) and quotations (with their "
                    "speakers) in an article. With --jsonl, read records "
                    '{"id", "text", "dct"} and write one result line per record.')
    parser.add_argument("file", nargs="?", help="an article file or library id (or '-' with --jsonl)")
    parser.add_argument("--dct", metavar="YYYY-MM-DD", type=dt.date.fromisoformat,
                        help="publication date to resolve relative dates against "
                             "(default: the article's own date)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--jsonl", action="store_true",
                        help="read JSONL records from FILE or standard input ('-')")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Annotate one file, or a stream of JSONL records."""
    if args.jsonl:
        if args.file in (None, "-"):
            return annotate_jsonl(sys.stdin, sys.stdout)
        with open(args.file, encoding="utf-8") as stream:
            return annotate_jsonl(stream, sys.stdout)
    if not args.file:
        raise PalimpsestError("give an article file, or --jsonl - to read records")
    article, own_date = load_source(args.file, args.library)
    dct = args.dct or own_date
    text = article.text
    result = annotate(text, dct)
    if args.json:
        json.dump({"dct": dct.isoformat() if dct else None, **result.to_dict()}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_human(result, dct)
    return 0


#: Records from which the work is shared among worker processes, one per CPU.
PARALLEL_RECORDS = 64


def annotate_jsonl(stream: TextIO, out: TextIO, *, workers: int | None = None) -> int:
    """One output line per input record, in order; a bad record stops with its line number.

    Many records are annotated in worker processes (`workers`, default one per CPU).
    """
    records: list[tuple[object, str, dt.date | None]] = []
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as error:
            raise PalimpsestError(f"line {number}: not a record with a text ({error})") from error
        records.append((record.get("id"), text, parse_dct(record.get("dct"))))
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count > 1 and len(records) >= PARALLEL_RECORDS:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn")) as pool:
            lines = list(pool.map(_annotated_line, records, chunksize=8))
    else:
        lines = [_annotated_line(record) for record in records]
    for line in lines:
        out.write(line + "\n")
    out.flush()
    return 0


def _annotated_line(record: tuple[object, str, dt.date | None]) -> str:
    """The output line of one record `(id, text, dct)`."""
    identifier, text, dct = record
    result = annotate(text, dct)
    return json.dumps({"id": identifier, **result.to_dict()}, ensure_ascii=False)


def print_human(result: Annotations, dct: dt.date | None) -> None:
    """A readable list: dates with their days, then quotations with their speakers."""
    print(f"Publication date: {dct.isoformat() if dct else 'unknown'}")
    print(f"\nDates ({len(result.dates)})")
    for date in result.dates:
        print(f"  {date.text!r:<28} → {date.value or '?'}  [{date.kind}]")
    print(f"\nQuotations ({len(result.quotes)})")
    for quote in result.quotes:
        who = quote.speaker or "(no speaker)"
        how = f" ({quote.cue})" if quote.cue else ""
        text = quote.text if len(quote.text) <= 90 else quote.text[:87] + "…"
        print(f"  {who}{how}: {text}")
