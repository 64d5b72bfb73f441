"""Benchmark of the compare view: a 1 MB pair from "compare" to the first highlighted frame.

Prints the time to compute the comparison, to render it into both panes, and to
paint the first frame, next to a baseline (a read-only QPlainTextEdit showing
the same two texts, unmarked), plus the process's peak memory. Offscreen.
Usage: python tools/bench_gui.py [--size 1M]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import article, make_pair, parse_size
from bench_table import record


def rss_mb() -> float:
    """The process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def event_loop_gaps(done: Any, start: Callable[[], object] | None = None) -> list[float]:
    """Run the event loop until signal `done` (after calling `start`), ticking a 10 ms timer;
    the gaps between ticks, sorted, in seconds: how long the window went unresponsive."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    done.connect(loop.quit)
    timer.start()
    if start is not None:
        start()
    loop.exec()
    timer.stop()
    return sorted(gaps) or [0.0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1M")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from desktop.core.compare import compare_articles
    from desktop.ui.compare_view import CompareView

    app = QApplication([])
    from desktop.ui.workers import share_the_interpreter

    share_the_interpreter()  # as the app does
    old, new = make_pair(parse_size(args.size))
    a, b = article(old), article(new)
    rss_before = rss_mb()

    t0 = time.perf_counter()
    baseline = QPlainTextEdit()
    baseline.setReadOnly(True)
    baseline.resize(1200, 800)
    baseline.setPlainText(a.text)
    baseline.show()
    baseline.grab()
    t_baseline = time.perf_counter() - t0

    view = CompareView()
    view.resize(1400, 900)
    view.show()
    t0 = time.perf_counter()
    comparison = compare_articles(a, b)
    t1 = time.perf_counter()
    view.set_comparison(a, b, comparison)
    t2 = time.perf_counter()
    view.grab()
    app.processEvents()
    t3 = time.perf_counter()
    rss = rss_mb()
    total = t3 - t0
    # The rest renders in chunks; a 10 ms timer measures how long the window went unresponsive.
    gaps = event_loop_gaps(view.rendering_finished) if not view.rendering_done() else [0.0]
    t4 = time.perf_counter()
    rss_full = rss_mb()
    print(f"compare view, {args.size} pair ({len(a.text) / 1e6:.1f} MB + {len(b.text) / 1e6:.1f} MB, "
          f"{len(comparison.blocks)} rows)")
    print(f"  compute {1000 * (t1 - t0):8.0f} ms")
    print(f"  render  {1000 * (t2 - t1):8.0f} ms")
    print(f"  paint   {1000 * (t3 - t2):8.0f} ms")
    print(f"  total   {1000 * total:8.0f} ms   (goal 400 ms to the first highlighted frame)")
    print(f"  baseline: one unmarked QPlainTextEdit with text A, to its first frame: "
          f"{1000 * t_baseline:.0f} ms (ours / baseline = {total / t_baseline:.1f}x)")
    print(f"  peak memory at the first frame {rss:.0f} MB (before the views: {rss_before:.0f} MB; goal 120 MB)")
    print(f"  every row rendered after {1000 * (t4 - t0):.0f} ms; longest pause of the event loop meanwhile "
          f"{1000 * max(gaps, default=0):.0f} ms (goal 100 ms); peak memory then {rss_full:.0f} MB")

    record(f"compare view, {args.size} pair: to the first highlighted frame", f"{1000 * total:.0f} ms",
           f"an unmarked QPlainTextEdit {1000 * t_baseline:.0f} ms", "400 ms" if args.size == "1M" else "")
    record(f"compare view, {args.size} pair: peak memory", f"{rss:.0f} MB at the first frame, "
           f"{rss_full:.0f} MB fully rendered", f"{rss_before:.0f} MB before the view",
           "120 MB" if args.size == "1M" else "")
    # As the window does it: compared off the GUI thread (quotations too), then rendered.
    # The first view goes first, so its objects are not what the collector walks meanwhile.
    view.close()
    view.deleteLater()
    del view, comparison, baseline
    app.processEvents()
    gc.collect()
    fresh = CompareView()
    fresh.resize(1400, 900)
    fresh.show()
    t0 = time.perf_counter()
    gaps = event_loop_gaps(fresh.rendering_finished, lambda: fresh.compare(a, b))
    print(f"  the whole comparison as the window runs it (worker thread, then chunks): "
          f"{1000 * (time.perf_counter() - t0):.0f} ms; longest pause of the event loop "
          f"{1000 * gaps[-1]:.0f} ms, median {1000 * gaps[len(gaps) // 2]:.0f} ms (goal 100 ms)")
    record(f"window during a {args.size} comparison (longest event-loop pause)", f"{1000 * gaps[-1]:.0f} ms",
           "", "100 ms")


if __name__ == "__main__":
    main()
