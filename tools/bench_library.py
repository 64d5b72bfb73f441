"""Benchmark of the library: import throughput and search latency at 10,000 articles.

Generates a folder of ~5 KB articles (made-up prose, .txt and .md, some of them
versions of one story sharing an address or a title, some with a site's appeal
appended), imports it into a fresh library, and compares files/s with a bare
loop of SQLite inserts of the same bytes (one transaction each). Then times
searches. Everything lives in a temporary folder that is deleted afterwards.

    .venv/bin/python tools/bench_library.py [--articles 10000] [--workers N] [--keep]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.core import library as lib
from desktop.core.loaders import load_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_table import record

SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "pel", "dor", "sun", "bri", "gal", "nev", "ti", "ro",
             "zan", "ful", "qui", "mes", "ark", "ped", "os", "lun", "har", "cet")
COMMON = ("the", "of", "and", "to", "in", "a", "said", "that", "on", "was", "for", "with", "as", "by",
          "minister", "city", "council", "report", "officials", "week", "government", "people")
APPEAL = ("Dear readers, our newsroom depends on you. Every contribution, however small, keeps "
          "independent reporting alive. Please consider supporting us monthly; it takes a minute.")



class Vocabulary:
    """Made-up words drawn with Zipf's law, as words of real text are: a few in
    every article, most in a handful. Each story also has topic words of its own."""

    def __init__(self, rng: random.Random, size: int = 20_000) -> None:
        words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
        self.words = sorted(words)
        rng.shuffle(self.words)
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative = list(accumulate(weights))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        """`count` words by their frequency."""
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


def paragraph(rng: random.Random, vocabulary: Vocabulary, topic: list[str]) -> str:
    """One paragraph of generated prose (~60-110 words): common, background and topic words."""
    count = rng.randint(60, 110)
    background = iter(vocabulary.draw(rng, count))
    text = " ".join(
        rng.choice(COMMON) if roll < 0.4 else rng.choice(topic) if roll < 0.5 else next(background)
        for roll in (rng.random() for _ in range(count))
    )
    return text[0].upper() + text[1:] + "."


def marked_up(rng: random.Random, body: list[str]) -> str:
    """Body paragraphs as scraped Markdown has them: a third with a link, some with emphasis."""
    out = []
    for text in body:
        words = text.split(" ")
        if rng.random() < 0.33:
            i = rng.randrange(1, len(words))
            words[i] = f"[{words[i]}](https://www.example-news.org/tag/{words[i].strip('.')})"
        if rng.random() < 0.1:
            i = rng.randrange(1, len(words))
            words[i] = f"*{words[i]}*"
        out.append(" ".join(words))
    return "\n\n".join(out)


def queries(rng: random.Random, vocabulary: Vocabulary, topics: list[list[str]]) -> list[str]:
    """What a reader looks for: topic words and phrases, words of every frequency, prefixes."""
    found = []
    for _ in range(4):
        topic = rng.choice(topics)
        found += [rng.choice(topic), f'"{topic[0]} {rng.choice(COMMON)}"', f"{rng.choice(topic)[:4]}*"]
    for rank in (3, 30, 300, 3000):
        found.append(vocabulary.words[rank])
    found += ["minister", "council NOT week", f"{vocabulary.words[10]} OR {vocabulary.words[50]}"]
    return found


def generate(folder: Path, count: int, seed: int = 1) -> list[str]:
    """Write `count` articles of ~5 KB (a quarter are second versions of another); return queries."""
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    topics: list[list[str]] = []
    originals: list[tuple[str, str, list[str]]] = []
    for i in range(count):
        sub = folder / f"batch{i // 1000:02}"
        sub.mkdir(exist_ok=True)
        if originals and rng.random() < 0.25:
            # A second version: same story, lightly edited, reached by the same
            # address (with tracking), the same title, or only by its text.
            title, url, body = rng.choice(originals)
            body = [*body[:-1], paragraph(rng, vocabulary, topics[-1])] if rng.random() < 0.5 else body
            kind = rng.random()
            if kind < 0.4:
                text = f"# {title}\n\n" + marked_up(rng, body) + f"\n\n<{url}?utm_source=feed&fbclid=x>\n"
                name = f"{i:05}.md"
            elif kind < 0.7:
                text = f"# {title}\n\n" + marked_up(rng, body) + "\n"
                name = f"{i:05}.md"
            else:
                text = "\n\n".join(body) + "\n\n" + APPEAL + "\n"
                name = f"{i:05}.txt"
        else:
            topic = [*vocabulary.draw(rng, 8), "".join(rng.choice(SYLLABLES) for _ in range(4))]
            topics.append(topic)
            title = " ".join(rng.choice(topic) for _ in range(6)).title()
            url = f"https://www.example-news.org/2026/{rng.randint(1, 12):02}/{rng.randint(1, 28):02}/a{i}"
            body = [paragraph(rng, vocabulary, topic) for _ in range(7)]
            originals.append((title, url, body))
            if i % 2:
                text = (f"# {title}\n\nJanuary {rng.randint(1, 28)}, 2026\n\n" + marked_up(rng, body)
                        + f"\n\nOriginal url:\n\n<{url}>\n")
                name = f"{i:05}.md"
            else:
                text = "\n\n".join(body) + "\n\n" + APPEAL + "\n"
                name = f"{i:05}.txt"
        (sub / name).write_text(text, "utf-8")
    return queries(rng, vocabulary, topics)


def _cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its finished children (the import's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _reap_workers(timeout: float = 10.0) -> None:
    """Wait for the import's worker processes to end: the CPU time of a child counts
    (`RUSAGE_CHILDREN`) only once it has been waited for."""
    deadline = time.monotonic() + timeout
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.01)


def loader_cpu(files: list[Path]) -> float:
    """CPU ms per file of `load_bytes` alone (reading, decoding, parsing, metadata)."""
    datas = [(p.read_bytes(), str(p)) for p in files]
    started = time.process_time()
    for data, name in datas:
        load_bytes(data, path=name)
    return (time.process_time() - started) / len(datas) * 1000


def baseline(files: list[Path], db: Path) -> float:
    """Files/s of a bare loop: read the bytes, insert them, one transaction each."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, path TEXT, data BLOB)")
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (path, data) VALUES (?, ?)", (str(path), data))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return len(files) / elapsed


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None, help="import worker processes (default: CPUs)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="palimpsest-bench-"))
    try:
        data = scratch / "articles"
        data.mkdir()
        started = time.perf_counter()
        searches = generate(data, args.articles)
        files = sorted(data.rglob("*.*"))
        size = sum(p.stat().st_size for p in files) / len(files)
        print(f"generated {len(files)} files, {size / 1024:.1f} KB on average, "
              f"in {time.perf_counter() - started:.1f} s")

        base = baseline(files, scratch / "baseline.sqlite3")
        with lib.open_library(scratch / "library") as library:
            started = time.perf_counter()
            cpu_before = _cpu_seconds()
            summary = lib.import_paths(library, [data], workers=args.workers)
            elapsed = time.perf_counter() - started
            _reap_workers()
            cpu_after = _cpu_seconds()
            main_cpu, workers_cpu = ((after - before) / len(files) * 1000
                                     for after, before in zip(cpu_after, cpu_before, strict=True))
            cpu = main_cpu + workers_cpu
            rate = len(files) / elapsed
            stories = lib.stories(library)
            print(f"import: {rate:.0f} files/s ({elapsed:.1f} s; {len(summary.added)} added, "
                  f"{len(summary.duplicates)} duplicate candidates, {len(summary.failed)} failed); "
                  f"{len(stories)} stories")
            print(f"baseline (bare sqlite3 inserts, one transaction each): {base:.0f} files/s; "
                  f"import/baseline = {rate / base:.3f}")
            record(f"import {len(files):,} articles of {size / 1024:.0f} KB", f"{rate:.0f} files/s",
                   f"bare sqlite3 inserts {base:,.0f} files/s (ratio {rate / base:.3f})", "500 files/s")
            # Wall-clock rates depend on what else the machine runs; CPU per file does not.
            print(f"CPU per file: {cpu:.2f} ms ({main_cpu:.2f} storing here, {workers_cpu:.2f} in the "
                  f"reading workers), "
                  f"i.e. {1000 / cpu * (os.cpu_count() or 1):.0f} files/s if all "
                  f"{os.cpu_count()} CPUs were free")
            shares = {suffix: loader_cpu([p for p in files if p.suffix == suffix][:300])
                      for suffix in (".txt", ".md")}
            mix = sum(shares[p.suffix] for p in files) / len(files)
            print("of which the loaders (load_bytes alone): "
                  + ", ".join(f"{suffix} {ms:.2f} ms" for suffix, ms in shares.items())
                  + f"; {mix:.2f} ms for this mix, the library's own work {cpu - mix:.2f} ms")

            timings = []
            slowest = (0.0, "")
            for _ in range(5):
                for query in searches:
                    t0 = time.perf_counter()
                    lib.search(library, query, limit=50)
                    timings.append((time.perf_counter() - t0) * 1000)
                    slowest = max(slowest, (timings[-1], query))
            timings.sort()
            p95 = timings[int(0.95 * (len(timings) - 1))]
            record(f"search at {len(files):,} articles", f"median {statistics.median(timings):.1f} ms, "
                   f"p95 {p95:.1f} ms", "", "20 ms median")
            print(f"search at {len(files)} articles: median {statistics.median(timings):.2f} ms, "
                  f"p95 {p95:.2f} ms over {len(timings)} queries (slowest: {slowest[1]!r}, "
                  f"{slowest[0]:.1f} ms)")

            t0 = time.perf_counter()
            lib.stories(library)
            listing = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            for story in stories[:200]:
                lib.versions(library, story.id)
            per_story = (time.perf_counter() - t0) * 1000 / min(200, len(stories))
            print(f"listing: stories() {listing:.1f} ms, versions() {per_story:.2f} ms per story")
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
