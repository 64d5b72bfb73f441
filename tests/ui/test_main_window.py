"""The main window on the seeds: drop, read, compare, close and undo, layout remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import build_window
from desktop.ui.main_window import MainWindow
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED, SEEDS


@pytest.fixture
def window(qtbot: QtBot, library_dir: Path) -> MainWindow:
    win = build_window(library_dir)
    qtbot.addWidget(win)
    win.show()
    return win


def drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_named_widgets_and_actions(window: MainWindow) -> None:
    for name in ("libraryView", "readerView", "compareView", "compareLeft", "compareRight"):
        assert window.findChild(object, name) is not None, name
    for name in ("actionOpen", "actionCompare"):
        action = window.findChild(QAction, name)
        assert action is not None and not action.shortcut().isEmpty(), name
    assert window.objectName() == "mainWindow"


def test_empty_window_teaches(window: MainWindow) -> None:
    assert window.current_page() == MainWindow.PAGE_EMPTY
    assert "Ctrl+O" in window.findChild(object, "emptyState").text()
    assert not window.action_compare.isEnabled()


def test_drop_seeds_read_and_compare(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.articles_loaded, timeout=20000) as loaded:
        drop(window, SEEDS)
    assert loaded.args == [2, 0]
    assert window.model.rowCount() == 2
    # The first article is selected and shown in the reader.
    assert window.current_page() == MainWindow.PAGE_READER
    assert window.reader_view.article() is not None

    md_row = next(i for i, a in enumerate(window.model.articles()) if a.meta.path == str(MARKDOWN_SEED))
    window.select_rows([md_row])
    assert "Putin Says Russia Is 'Ready to Restore'" in window.reader_view.toPlainText()
    assert "The Moscow Times" in window.reader_view.toPlainText()

    with qtbot.waitSignal(window.comparison_shown, timeout=10000):
        window.select_rows([0, 1])
    assert window.action_compare.isEnabled()
    assert window.current_page() == MainWindow.PAGE_COMPARE
    comparison = window.compare_view.comparison()
    assert comparison is not None
    assert comparison.summary.startswith("No differences in the body")
    assert window.compare_view.summary_text() == comparison.summary
    left = window.compare_view.left.toPlainText()
    right = window.compare_view.right.toPlainText()
    # The appeal is folded into one line on A's side; B has nothing there.
    assert "▸ Boilerplate removed (8 paragraphs): “A Message from The Moscow Times:”" in left
    assert "Dear readers" not in left and "Boilerplate" not in right
    assert "Original url:" in right


def test_rows_are_aligned_in_the_comparison(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.articles_loaded, timeout=20000):
        window.open_paths(SEEDS, compare=True)
    view = window.compare_view
    qtbot.waitUntil(lambda: view.comparison() is not None)
    QApplication.processEvents()
    view._align_rows()
    layouts = view._layouts
    for rows_left, rows_right in zip(layouts[0].rows, layouts[1].rows, strict=True):
        ys = [
            pane.document().documentLayout().blockBoundingRect(
                pane.document().findBlockByNumber(numbers[0])).y()
            for pane, numbers in ((view.left, rows_left), (view.right, rows_right))
        ]
        assert abs(ys[0] - ys[1]) < 1.0


def test_open_two_files_compares_them(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_paths([PLAIN_SEED, MARKDOWN_SEED], compare=True)
    assert window.current_page() == MainWindow.PAGE_COMPARE


def test_bad_files_are_reported_not_raised(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.articles_loaded, timeout=20000) as loaded:
        drop(window, [empty, PLAIN_SEED])
    assert loaded.args == [1, 1]
    box = window.findChild(QMessageBox, "loadErrorBox")
    assert box is not None and "empty" in box.text()
    box.close()


def test_close_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.articles_loaded, timeout=20000):
        window.open_paths(SEEDS)
    window.select_rows([0])
    window.action_close.trigger()
    assert window.model.rowCount() == 1
    window.action_undo_close.trigger()
    assert window.model.rowCount() == 2


def test_first_run_opens_the_samples_once(qtbot: QtBot, library_dir: Path) -> None:
    first = build_window(library_dir)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.articles_loaded, timeout=20000):
        first.open_first_run_samples()
    assert first.model.rowCount() == 2
    first.select_rows([0])
    first.action_close.trigger()
    first.close()  # saves the session: one article open
    second = build_window(library_dir)
    qtbot.addWidget(second)
    second.open_first_run_samples()  # not the first run any more: nothing happens
    with qtbot.waitSignal(second.articles_loaded, timeout=20000):
        second.restore_session()
    assert second.model.rowCount() == 1


def test_window_layout_is_remembered(qtbot: QtBot, library_dir: Path) -> None:
    first = build_window(library_dir)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    second = build_window(library_dir)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_model_passes_the_model_tester(qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    with qtbot.waitSignal(window.articles_loaded, timeout=20000):
        window.open_paths(SEEDS)
    qtmodeltester.check(window.model)
