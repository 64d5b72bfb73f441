"""Fixtures for the window tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import build_window
from desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, library_dir: Path) -> MainWindow:
    """A shown main window on an empty temporary library."""
    win = build_window(library_dir)
    qtbot.addWidget(win)
    win.show()
    return win
