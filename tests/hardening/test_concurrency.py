"""Two processes on one library, as a user with a terminal and the window open would have.

Two `palimpsest-cli import` at once, and an import while another process
searches: writes wait for each other (or fail with "library busy, retry"),
readers are never blocked, and the library is whole afterwards.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from desktop.core import library as lib
from tests.conftest import MARKDOWN_SEED
from tests.hardening import corpus
from tests.hardening.conftest import snapshot

CLI = str(Path(sys.executable).with_name("palimpsest-cli"))
BUSY = "library busy, retry"


def _folder(where: Path, tag: str, count: int) -> Path:
    where.mkdir()
    for i in range(count):
        (where / f"{tag}-{i:03}.txt").write_text(
            f"{tag.upper()} article {i}. {corpus.ENGLISH}\n\nOnly in {tag}{i}: " + f"{tag}w{i} " * 40, "utf-8")
    return where


def _import(library_dir: Path, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([CLI, "--library", str(library_dir), "import", *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_cli_imports_at_once(library_dir: Path, tmp_path: Path) -> None:
    folders = [_folder(tmp_path / tag, tag, 40) for tag in ("left", "right")]
    runs = [_import(library_dir, folder, MARKDOWN_SEED) for folder in folders]
    outcomes = [(*run.communicate(timeout=120), run.returncode) for run in runs]
    for _out, err, status in outcomes:
        # Each either finished, or gave up cleanly with the busy message (then nothing half-done).
        assert status == 0 or (status == 2 and BUSY in err), (status, err)
        assert "Traceback" not in err
    with lib.open_library(library_dir) as library:
        state = snapshot(library)
        assert state.integrity == "ok" and state.doc == state.fts == len(state.rows)
        finished = sum(status == 0 for _, _, status in outcomes)
        if finished == 2:
            assert len(state.rows) == 81  # 40 + 40 + the seed, stored once
        sources = {row.path for row in lib.all_articles(library)}
        assert len(sources) == len(state.rows)


_SEARCHER = textwrap.dedent("""
    import json, os, sys, time
    from desktop.core import library as lib
    counts, errors = [], []
    with lib.open_library(sys.argv[1]) as library:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not os.path.exists(sys.argv[2]):
            try:
                counts.append(len(lib.search(library, "only", limit=1000)))
                lib.stories(library)
            except lib.LibraryError as error:
                errors.append(str(error))
    print(json.dumps({"counts": counts, "errors": errors}))
""")


def test_import_while_another_process_searches(library_dir: Path, tmp_path: Path) -> None:
    import json

    lib.open_library(library_dir).close()
    folder = _folder(tmp_path / "news", "news", 200)  # enough for worker processes
    done = tmp_path / "import-done"
    searcher = subprocess.Popen([sys.executable, "-c", _SEARCHER, str(library_dir), str(done)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)  # let the searcher start reading
    importer = _import(library_dir, folder)
    _out, err = importer.communicate(timeout=120)
    done.touch()
    assert importer.returncode == 0, err
    found = json.loads(searcher.communicate(timeout=60)[0])
    assert found["errors"] == []  # readers are never blocked by the writer (WAL)
    counts = found["counts"]
    assert counts and counts == sorted(counts)  # each search sees whole commits, never fewer later
    assert counts[-1] in range(0, 201) and len(set(counts)) > 1  # it saw the import progress
    with lib.open_library(library_dir) as library:
        state = snapshot(library)
        assert state.integrity == "ok" and len(state.rows) == state.doc == state.fts == 200
        assert len(lib.search(library, "only", limit=1000)) == 200
