"""kill -9 an importer at random points: the library opens, is whole, and holds exactly
the articles whose import had committed (a prefix of the files, in import order)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from desktop.core import library as lib
from desktop.core.library.codec import blocks_from_blob
from desktop.core.library.grouping import paragraphs_of
from desktop.core.loaders import load_file
from tests.core.library.conftest import prose

CLI = str(Path(sys.executable).with_name("palimpsest-cli"))
FILES = 1000
KILLS = 20


def _write_corpus(folder: Path) -> list[Path]:
    """1,000 articles: mostly plain text, every 7th Markdown, every 25th a small web page."""
    rng = random.Random(2026)
    folder.mkdir()
    paths = []
    for i in range(FILES):
        paragraphs = prose(rng, rng.randint(3, 8))
        if i % 25 == 0:
            name = f"{i:04}.html"
            text = (f"<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1>"
                    + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
        elif i % 7 == 0:
            name = f"{i:04}.md"
            text = f"# Story {i}\n\n" + "\n\n".join(paragraphs)
        else:
            name = f"{i:04}.txt"
            text = f"Article {i}.\n\n" + "\n\n".join(paragraphs)
        path = folder / name
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def _count(library_dir: Path) -> int:
    """Articles committed so far, read from another connection (0 before the schema exists)."""
    path = library_dir / "library.sqlite3"
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _run_import(library_dir: Path, folder: Path, *, kill_after: float | None,
                kill_at_count: int | None = None) -> tuple[int | None, float]:
    """Run `palimpsest-cli import`; SIGKILL it after `kill_after` s, or once `kill_at_count`
    articles are committed. Returns (exit status, or None if killed; seconds it ran)."""
    started = time.monotonic()
    proc = subprocess.Popen([CLI, "--library", str(library_dir), "import", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        if kill_at_count is not None:
            while proc.poll() is None and _count(library_dir) < kill_at_count:
                time.sleep(0.002)
            if proc.poll() is not None:
                raise _Finished
            raise subprocess.TimeoutExpired(CLI, 0)
        proc.wait(timeout=kill_after)
        status: int | None = proc.returncode
    except _Finished:
        status = proc.returncode
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)  # the importer itself, as a crash would
        proc.wait()
        status = None
    finally:
        # Its worker processes (children of the killed importer) are ours to reap.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc.stderr is not None:
            proc.stderr.close()
    return status, time.monotonic() - started


class _Finished(Exception):
    """The importer ended before it could be killed."""


def _verify(library_dir: Path, paths: list[Path], *, check_blocks: int = 25) -> int:
    """Check the library against the files; returns how many articles it holds."""
    by_path = {os.path.abspath(p): p for p in paths}
    order = [os.path.abspath(p) for p in paths]
    with lib.open_library(library_dir) as library:
        with library.reading() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = conn.execute("SELECT id, sha256, path, original, blocks FROM articles ORDER BY id").fetchall()
            doc = conn.execute("SELECT COUNT(*) FROM doc").fetchone()[0]
            fts = conn.execute("SELECT COUNT(*) FROM fts").fetchone()[0]
            queued = conn.execute("SELECT COUNT(*) FROM unindexed").fetchone()[0]
        assert doc == fts == len(rows) and queued == 0
        stored_paths = [row[2] for row in rows]
        # Exactly the files whose transaction committed: the first k, in order, none twice.
        assert stored_paths == order[: len(rows)]
        for index, (_id, sha, path, original, blocks) in enumerate(rows):
            data = zlib.decompress(original)
            assert hashlib.sha256(data).hexdigest() == sha
            assert data == by_path[path].read_bytes()
            decoded = blocks_from_blob(blocks)
            assert decoded and all(b.text for b in decoded)
            if index % max(1, len(rows) // check_blocks or 1) == 0:
                assert decoded == load_file(by_path[path]).blocks
                # The grouping keys an import held in memory when it was killed were worked out again.
                with library.reading() as conn:
                    keys = {r[0] for r in conn.execute("SELECT key FROM paragraphs WHERE article_id = ?", (_id,))}
                assert keys == {p.key for p in paragraphs_of(blocks)[1]}
        if rows:
            assert lib.search(library, "said", limit=5)
        return len(rows)


def test_kill_nine_during_an_import_of_a_thousand_files(tmp_path: Path) -> None:
    paths = _write_corpus(tmp_path / "in")
    status, full = _run_import(tmp_path / "full", tmp_path / "in", kill_after=None)
    assert status == 0
    assert _verify(tmp_path / "full", paths) == FILES
    print(f"\nfull import of {FILES} files: {full:.1f} s")

    rng = random.Random(9)
    figures = []
    for round_ in range(KILLS):
        library_dir = tmp_path / f"killed-{round_}"
        # The first rounds kill early (start-up, schema creation), the rest once a random
        # number of articles is in (the kill lands a few articles later).
        if round_ < 3:
            kill_after, target = rng.uniform(0.05, 0.6), None
        else:
            kill_after, target = None, rng.randrange(1, FILES)
        status, took = _run_import(library_dir, tmp_path / "in", kill_after=kill_after, kill_at_count=target)
        kill_after = took
        started = time.monotonic()
        if not (library_dir / "library.sqlite3").exists():
            figures.append((round_, kill_after, 0, 0.0))
            continue
        stored = _verify(library_dir, paths)
        figures.append((round_, kill_after, stored, time.monotonic() - started))
        assert status is None or stored == FILES
    print("round  killed at  articles committed  reopen+verify")
    for round_, at, stored, check in figures:
        print(f"{round_:5}  {at:8.2f}s  {stored:18}  {check:12.2f}s")
    # An import run again after the crash stores the rest, each file once.
    last = tmp_path / f"killed-{KILLS - 1}"
    assert _run_import(last, tmp_path / "in", kill_after=None)[0] == 0
    assert _verify(last, paths) == FILES
    assert len([f for f in figures if 0 < f[2] < FILES]) >= KILLS // 2, "most kills should land mid-import"


@pytest.mark.parametrize("round_", range(3))
def test_kill_nine_while_resuming(tmp_path: Path, round_: int) -> None:
    """Killed again and again on the same library: each run goes on where the last one stopped."""
    paths = _write_corpus(tmp_path / "in")
    library_dir = tmp_path / "library"
    rng = random.Random(round_)
    stored = 0
    for _ in range(40):
        status, _took = _run_import(library_dir, tmp_path / "in", kill_after=rng.uniform(0.5, 3.0))
        if (library_dir / "library.sqlite3").exists():
            now = _verify(library_dir, paths, check_blocks=5)
            assert now >= stored
            stored = now
        if status == 0:
            break
    assert stored == FILES
