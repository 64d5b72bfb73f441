"""The main window on the library: drop, read, compare, search, remove and undo, layout remembered."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import build_window
from desktop.core import library as lib
from desktop.ui import library_model
from desktop.ui.library_model import LibraryModel
from desktop.ui.main_window import MainWindow
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED, SEEDS


def drop(window: MainWindow, mime: QMimeData) -> None:
    event = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def files_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def import_seeds(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        drop(window, files_mime(SEEDS))


def test_named_widgets_and_actions(window: MainWindow) -> None:
    for name in ("libraryView", "librarySearch", "readerView", "compareView", "compareLeft",
                 "compareRight", "annotationPanel"):
        assert window.findChild(object, name) is not None, name
    for name in ("actionOpen", "actionCompare", "actionNextChange", "actionPreviousChange",
                 "actionExportReport", "actionPaste"):
        action = window.findChild(QAction, name)
        assert action is not None and not action.shortcut().isEmpty(), name
    assert window.objectName() == "mainWindow"


def test_empty_library_teaches(window: MainWindow) -> None:
    assert window.current_page() == MainWindow.PAGE_EMPTY
    assert "Ctrl+O" in window.findChild(object, "emptyState").text()
    assert not window.action("actionCompare").isEnabled()


def test_drop_seeds_read_and_compare(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        drop(window, files_mime(SEEDS))
    summary = done.args[0]
    assert len(summary.added) == 2 and not summary.failed
    model = window.library_panel.model
    assert model.rowCount() == 1  # one story…
    story = model.index(0, 0)
    window.library_panel.view.expand(story)
    assert model.rowCount(story) == 2  # …with two versions
    assert model.index(0, model.COL_VERSIONS).data() == "2"
    # The imported article is selected and read.
    assert window.current_page() == MainWindow.PAGE_READER

    ids = {Path(v.path or "").name: v.id for v in model.story_versions(model.story_id(story) or 0)}
    with qtbot.waitSignal(window.annotations_shown, timeout=20000):
        window.library_panel.select_articles([ids[MARKDOWN_SEED.name]])
    text = window.reader_view.toPlainText()
    assert "Putin Says Russia Is 'Ready to Restore'" in text and "The Moscow Times" in text
    annotations = window.reader_view.annotations()
    assert annotations is not None and len(annotations.quotes) >= 9

    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.library_panel.select_articles([ids[PLAIN_SEED.name], ids[MARKDOWN_SEED.name]])
    assert window.current_page() == MainWindow.PAGE_COMPARE
    comparison = window.compare_view.comparison()
    assert comparison is not None and comparison.summary.startswith("No differences in the body")
    left, right = window.compare_view.left.toPlainText(), window.compare_view.right.toPlainText()
    assert "▸ Boilerplate removed (8 paragraphs): “A Message from The Moscow Times:”" in left
    assert "Original url:" in right


def test_the_plain_seed_borrows_its_story_date(qtbot: QtBot, window: MainWindow) -> None:
    import_seeds(qtbot, window)
    plain = next(r.id for r in lib.all_articles(window.library) if r.path == str(PLAIN_SEED))
    with qtbot.waitSignal(window.annotations_shown, timeout=20000):
        window.library_panel.select_articles([plain])
    values = {d.text: d.value for d in window.reader_view.annotations().dates}
    assert values["Thursday"] == "2026-01-15" and values["last month"] == "2025-12"


def test_selecting_a_story_compares_its_two_latest(qtbot: QtBot, window: MainWindow) -> None:
    import_seeds(qtbot, window)
    window.library_panel.select_story(window.library_panel.model.story_id(window.library_panel.model.index(0, 0)))
    assert window.action("actionCompare").isEnabled()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.action("actionCompare").trigger()
    assert window.current_page() == MainWindow.PAGE_COMPARE


def test_search_finds_by_word_and_cyrillic(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text("Путин заявил, что Россия готова восстановить отношения. Ёлка.", "utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.open_paths([*SEEDS, tmp_path / "ru.txt"])
    panel = window.library_panel
    with qtbot.waitSignal(panel.model.modelReset, timeout=5000):
        panel.search.setText("Meloni")
    assert panel.model.rowCount() == 2
    snippet, matches = panel.model.index(0, 0).data(panel.model.SnippetRole)
    assert any(snippet[s:e].lower() == "meloni" for s, e in matches)
    with qtbot.waitSignal(panel.model.modelReset, timeout=5000):
        panel.search.setText("елка")
    assert panel.model.rowCount() == 1
    with qtbot.waitSignal(panel.model.modelReset, timeout=5000):
        panel.search.setText("")
    assert panel.model.rowCount() == 2  # two stories again


def test_open_two_files_compares_them(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.open_paths([PLAIN_SEED, MARKDOWN_SEED], compare=True)
    assert window.current_page() == MainWindow.PAGE_COMPARE


def test_bad_files_are_reported_not_raised(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        drop(window, files_mime([empty, PLAIN_SEED]))
    assert len(done.args[0].added) == 1 and len(done.args[0].failed) == 1
    box = window.findChild(QMessageBox, "importSummaryBox")
    assert box is not None and "could not be read" in box.text()
    assert "empty" in box.detailedText()
    box.close()


def test_dropped_text_becomes_an_article(qtbot: QtBot, window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("A short note dropped from another application about the council vote.")
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        drop(window, mime)
    assert len(done.args[0].added) == 1
    assert "council vote" in lib.article(window.library, done.args[0].added[0].article_id).text


def test_remove_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    import_seeds(qtbot, window)
    first = lib.all_articles(window.library)[0].id
    window.library_panel.select_articles([first])
    window.action("actionRemove").trigger()
    assert len(lib.all_articles(window.library)) == 1
    window.action("actionUndo").trigger()
    assert len(lib.all_articles(window.library)) == 2


def test_first_run_imports_the_samples_once(qtbot: QtBot, library_dir: Path) -> None:
    first = build_window(library_dir)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.import_finished, timeout=30000):
        first.open_first_run_samples()
    assert len(lib.all_articles(first.library)) == 2
    for row in lib.all_articles(first.library):
        lib.remove(first.library, row.id)
    first.close()
    first.library.close()
    second = build_window(library_dir)
    qtbot.addWidget(second)
    second.open_first_run_samples()  # offered once already: an empty library stays empty
    assert lib.all_articles(second.library) == []


def test_window_layout_is_remembered(qtbot: QtBot, library_dir: Path) -> None:
    first = build_window(library_dir)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    first.library.close()
    second = build_window(library_dir)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_model_passes_the_model_tester(qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    import_seeds(qtbot, window)
    window.library_panel.view.expandAll()
    qtmodeltester.check(window.library_panel.model)
    window.library_panel.model.set_query("Putin")
    qtmodeltester.check(window.library_panel.model)


def test_the_last_comparison_is_reopened(qtbot: QtBot, library_dir: Path) -> None:
    first = build_window(library_dir)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.comparison_shown, timeout=30000):
        first.open_paths(SEEDS, compare=True)
    first.close()
    first.library.close()
    second = build_window(library_dir)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.comparison_shown, timeout=30000):
        second.restore_selection()
    assert second.current_page() == MainWindow.PAGE_COMPARE


def test_open_recent(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(PLAIN_SEED.read_bytes())
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.open_paths([copy])
    assert window.recent_menu.paths() == [str(copy)]
    window.recent_menu.aboutToShow.emit()
    entry = next(a for a in window.recent_menu.actions() if a.text() == str(copy))
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        entry.trigger()
    assert len(done.args[0].already) == 1  # already in the library: selected, not added again


def test_a_big_library_is_shown_a_page_of_stories_at_a_time(
    qtbot: QtBot, library_dir: Path, monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester
) -> None:
    """Past a page of stories the tree grows as it is scrolled, and what is selected stays in reach."""
    with lib.open_library(library_dir) as library:
        for n in range(7):
            lib.import_text(library, f"Story number {n} about the {'harbour ' * n}and nothing else.", name=f"s{n}")
    monkeypatch.setattr(library_model, "PAGE", 3)
    window = build_window(library_dir)
    qtbot.addWidget(window)
    model, view = window.library_panel.model, window.library_panel.view
    assert model.rowCount() == 3 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    # Selecting an article beyond the page brings its row in.
    last = lib.stories(window.library)[-1]
    [version] = lib.versions(window.library, last.id)
    window.library_panel.select_articles([version.id])
    assert window.selected_article_ids() == [version.id]
    assert 3 < model.rowCount() <= 7
    # Sorting the other way keeps the selected story among the rows shown.
    view.sortByColumn(LibraryModel.COL_TITLE, Qt.SortOrder.DescendingOrder)
    view.sortByColumn(LibraryModel.COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert window.selected_article_ids() == [version.id]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 7
    qtmodeltester.check(model)


def test_on_a_narrow_panel_the_title_keeps_room(qtbot: QtBot, window: MainWindow) -> None:
    import_seeds(qtbot, window)
    panel = window.library_panel
    panel.resize(420, 400)
    qtbot.waitUntil(lambda: panel.view.viewport().width() < 420)
    header = panel.view.header()
    assert header.sectionSize(LibraryModel.COL_TITLE) >= 0.35 * panel.view.viewport().width()
    panel.resize(1400, 400)
    qtbot.waitUntil(lambda: panel.view.viewport().width() > 1000)
    assert header.sectionSize(LibraryModel.COL_SOURCE) > 100  # room again: nothing squeezed


def test_a_window_let_go_of_is_freed_without_the_collector(qtbot: QtBot, library_dir: Path) -> None:
    """No reference cycle holds the window (or its compare view): Python's collector may run
    on a worker thread, and a widget freed there is destroyed off the GUI thread (a hang)."""
    win = build_window(library_dir)
    win.show()
    with qtbot.waitSignals([win.import_finished, win.comparison_shown], timeout=20_000):
        win.open_paths([PLAIN_SEED, MARKDOWN_SEED], compare=True)
    assert win.compare_view.comparison() is not None
    win.close()
    gc.collect()
    gc.disable()
    try:
        freed = weakref.ref(win)
        del win
        assert freed() is None
    finally:
        gc.enable()
