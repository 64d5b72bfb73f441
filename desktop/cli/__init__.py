"""`palimpsest-cli`: the headless interface, running the same core as the window."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.core.errors import PalimpsestError

#: Sub-command modules of this package; each has `register(subparsers)`, which
#: adds its parser and sets `run=` (a function taking the parsed args, returning
#: the exit status).
COMMANDS = ("show", "diff", "annotate", "library_commands")

EXIT_OK = 0
EXIT_TROUBLE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="palimpsest-cli",
        description="Keep, read and compare versions of news articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    parser.add_argument("--library", metavar="DIR",
                        help="the library folder (default: $PALIMPSEST_LIBRARY or the user data folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `palimpsest-cli`; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    try:
        status: int = args.run(args)
    except PalimpsestError as error:
        print(f"palimpsest-cli: {error}", file=sys.stderr)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours. Point stdout
        # at devnull so the interpreter's final flush does not complain (Python docs, "SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return status
