"""Keyboard-only use of the main workflows, and a name for every control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from tests.conftest import SEEDS


def test_search_select_and_compare_without_a_mouse(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.open_paths(SEEDS)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.library_panel.search
    assert QApplication.focusWidget() is search
    with qtbot.waitSignal(window.library_panel.model.modelReset, timeout=5000):
        qtbot.keyClicks(search, "Meloni")
    assert window.library_panel.model.rowCount() == 2
    search.clear()
    qtbot.waitSignal(window.library_panel.model.modelReset, timeout=5000).wait()
    view = window.library_panel.view
    view.setFocus()
    view.setCurrentIndex(window.library_panel.model.index(0, 0))  # the story row
    qtbot.keyClick(view, Qt.Key.Key_Space)  # select it
    assert window.library_panel.selected_story_ids()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.compare_view.current_row() is not None


def test_every_control_has_a_name(window: MainWindow) -> None:
    nameless = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QAbstractItemView | QComboBox):
            continue
        if isinstance(widget, QHeaderView):
            continue  # part of its view, which has the name
        if widget.objectName().startswith("qt_") or (not widget.isVisibleTo(window) and not widget.objectName()):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            nameless.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert nameless == []


def test_menus_show_shortcuts_and_the_shortcut_list_is_complete(window: MainWindow) -> None:
    from desktop.ui.main_actions import shortcut_table

    rows = dict(shortcut_table(window.actions_by_name))
    assert rows["Compare"] == "Ctrl+D" and rows["Next Change"].startswith("F7")
    assert "Paste as Article" in rows and "Find in Library" in rows
