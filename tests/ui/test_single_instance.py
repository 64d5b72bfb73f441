"""A second instance on the same library hands its files to the first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import SingleInstance, server_name
from tests.conftest import SEEDS


def test_the_second_claim_hands_over(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "lib")
    assert first.claim({"files": [], "compare_only": False})
    second = SingleInstance(tmp_path / "lib")
    with qtbot.waitSignal(first.request_received, timeout=5000) as got:
        assert not second.claim({"files": ["/x/a.txt"], "compare_only": True})
    assert got.args[0] == {"files": ["/x/a.txt"], "compare_only": True}
    other = SingleInstance(tmp_path / "other-lib")
    assert other.claim({"files": [], "compare_only": False})  # another library: its own window
    for instance in (first, other):
        instance.close()


def test_names_differ_by_library(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_a_second_process_hands_its_files_to_the_window(qtbot: QtBot, window: MainWindow,
                                                       library_dir: Path, tmp_path: Path) -> None:
    instance = SingleInstance(library_dir)
    assert instance.claim({"files": [], "compare_only": False})
    instance.request_received.connect(window.handle_request)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PALIMPSEST_CONFIG_DIR=str(tmp_path / "cfg"))
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        done = subprocess.run([sys.executable, "-m", "desktop", "--library", str(library_dir),
                               *map(str, SEEDS)], capture_output=True, text=True, timeout=60, env=env)
        assert done.returncode == 0 and "handed" in done.stderr
    assert window.current_page() == MainWindow.PAGE_COMPARE
    instance.close()
