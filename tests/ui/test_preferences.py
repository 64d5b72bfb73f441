"""Preferences apply at once and survive a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import build_window
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.theme import apply_theme, is_dark, mark_color


@pytest.fixture(autouse=True)
def _system_theme_after() -> Iterator[None]:
    yield
    apply_theme("system")  # the palette is the whole application's


def open_preferences(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    window.action("actionPreferences").trigger()
    dialog = window.findChild(PreferencesDialog, "preferencesDialog")
    assert dialog is not None
    return dialog


def test_preferences_apply_live_and_persist(qtbot: QtBot, window: MainWindow, library_dir: Path) -> None:
    light_insert = mark_color("insert_word").name()
    dialog = open_preferences(qtbot, window)
    dialog.font_size.setValue(17)
    dialog.theme.setCurrentIndex(2)  # dark
    dialog.filters["compare/ignore_case"].setChecked(True)
    dialog.max_size.setValue(7)
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert window.reader_view.document().defaultFont().pointSize() == 17
    assert is_dark() and mark_color("insert_word").name() != light_insert
    assert window.compare_view.options().ignore_case
    window.close()
    window.library.close()

    apply_theme("system")
    again = build_window(library_dir)
    qtbot.addWidget(again)
    assert again.reader_view.document().defaultFont().pointSize() == 17
    assert is_dark()
    assert again.compare_view.options().ignore_case
    dialog = open_preferences(qtbot, again)
    assert dialog.max_size.value() == 7 and dialog.theme.currentIndex() == 2
    dialog.reject()


def test_the_size_limit_applies_to_imports(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"A long article. " * 80_000)  # 1.2 MB
    dialog = open_preferences(qtbot, window)
    dialog.max_size.setValue(1)
    dialog.accept()
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.open_paths([big])
    (failure,) = done.args[0].failed
    assert "over the limit of 1.0 MB" in failure.reason
