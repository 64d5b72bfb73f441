"""The summary table at the end of `make bench`: each benchmark records its headline figures.

A benchmark calls `record(...)`; the rows go to the file named by
$PALIMPSEST_BENCH_TABLE (nowhere when unset). `python tools/bench_table.py FILE`
prints them as one table.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def record(what: str, ours: str, baseline: str = "", goal: str = "") -> None:
    """Add one row (text cells) to the run's table, if one is being kept."""
    table = os.environ.get("PALIMPSEST_BENCH_TABLE")
    if table:
        with open(table, "a", encoding="utf-8") as handle:
            handle.write("\t".join(cell.replace("\t", " ") for cell in (what, ours, baseline, goal)) + "\n")


def main() -> int:
    """Print the rows recorded in the file given as the argument."""
    path = Path(sys.argv[1])
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line] if path.exists() else []
    header = ["", "ours", "baseline (same run)", "goal"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    print()
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
