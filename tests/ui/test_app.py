"""The `palimpsest` entry point, run as a user would, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.app import parse_args
from tests.conftest import SEEDS


def test_arguments() -> None:
    args = parse_args(["a.txt", "b.txt", "--library", "/tmp/lib"])
    assert args.files == ["a.txt", "b.txt"] and args.library == "/tmp/lib"


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PALIMPSEST_CONFIG_DIR=str(tmp_path / "cfg"))
    return subprocess.run([sys.executable, "-m", "desktop", "--library", str(tmp_path / "lib"), *args],
                          capture_output=True, text=True, timeout=120, env=env)


def test_first_run_opens_the_seeds_and_exits_cleanly(tmp_path: Path) -> None:
    result = run_app("--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_two_files_open_compared(tmp_path: Path) -> None:
    result = run_app("--smoke-test", *map(str, SEEDS), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_bad_file_fails_the_smoke_test(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_app("--smoke-test", str(empty), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_version(tmp_path: Path) -> None:
    result = run_app("--version", tmp_path=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("palimpsest ")


def test_compare_only_leaves_the_library_alone(tmp_path: Path) -> None:
    result = run_app("--smoke-test", "--compare-only", *map(str, SEEDS), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    from desktop.core import library as lib

    with lib.open_library(tmp_path / "lib") as library:
        assert lib.all_articles(library) == []


def test_compare_only_needs_two_files(tmp_path: Path) -> None:
    result = run_app("--compare-only", str(SEEDS[0]), tmp_path=tmp_path)
    assert result.returncode == 2 and "exactly two files" in result.stderr
