"""Benchmark of the window on a big library: memory with 10,000 articles open, and how
responsive the window stays during an import (the longest gap between ticks of a 10 ms timer).

Usage: python tools/bench_gui_library.py [--articles 10000] [--import 5000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import event_loop_gaps, rss_mb
from bench_library import generate
from bench_table import record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--import", dest="more", type=int, default=5_000)  # the brief: a folder of 5,000
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="palimpsest-gui-bench-"))
    os.environ["PALIMPSEST_CONFIG_DIR"] = str(scratch / "config")
    (scratch / "base").mkdir()
    (scratch / "more").mkdir()
    generate(scratch / "base", args.articles, seed=1)
    generate(scratch / "more", args.more, seed=2)

    from desktop.core import library as lib

    t0 = time.perf_counter()
    with lib.open_library(scratch / "lib") as library:
        lib.import_paths(library, [scratch / "base"])
    print(f"library of {args.articles} articles built in {time.perf_counter() - t0:.1f} s (outside the window)")

    from PySide6.QtWidgets import QApplication

    from desktop.app import build_window

    app = QApplication([])  # noqa: F841 (kept alive for the windows)
    from desktop.ui.workers import share_the_interpreter

    share_the_interpreter()  # as the app does
    before = rss_mb()
    t0 = time.perf_counter()
    window = build_window(scratch / "lib")
    window.resize(1400, 860)
    window.show()
    window.grab()
    opened = time.perf_counter() - t0
    print(f"window open on it: {1000 * opened:.0f} ms to the first frame; peak memory {rss_mb():.0f} MB "
          f"({before:.0f} MB before the window)")

    record(f"window on a {args.articles:,}-article library", f"first frame {1000 * opened:.0f} ms, "
           f"{rss_mb():.0f} MB", f"{before:.0f} MB before the window")
    t0 = time.perf_counter()
    gaps = event_loop_gaps(window.import_finished, lambda: window.open_paths([scratch / "more"]))
    took = time.perf_counter() - t0
    print(f"import of {args.more} more through the window: {took:.1f} s ({args.more / took:.0f} files/s); "
          f"event loop gaps: median {1000 * gaps[len(gaps) // 2]:.0f} ms, longest {1000 * gaps[-1]:.0f} ms "
          f"(goal: never above 100 ms); peak memory {rss_mb():.0f} MB")
    record(f"window during a {args.more:,}-file import into it (longest event-loop pause)",
           f"{1000 * gaps[-1]:.0f} ms", "", "100 ms")
    window.close()
    # As the app ends: jobs still running (the reader's, after the import) finish first.
    from PySide6.QtCore import QThreadPool

    from desktop.ui.workers import shutdown_process_pool

    shutdown_process_pool()
    QThreadPool.globalInstance().waitForDone()


if __name__ == "__main__":
    main()
