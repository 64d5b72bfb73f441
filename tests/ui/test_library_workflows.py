"""Library workflows as a user drives them: a big folder drop, split and merge, the reader's marks."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import build_window
from desktop.core import library as lib
from desktop.ui.main_window import MainWindow
from tests.conftest import MARKDOWN_SEED, SEEDS

VOCABULARY = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "su", "ta", "vo", "ri") for b in
              ("ban", "dor", "fel", "gim", "hus", "jat", "kor", "lem", "nup", "pax", "quo", "rit")]


def make_folder(root: Path, count: int) -> Path:
    folder = root / "scrapes"
    (folder / "nested").mkdir(parents=True)
    for i in range(count):
        where = folder / "nested" if i % 3 else folder
        rng = random.Random(i)
        words = " ".join(rng.choice(VOCABULARY) for _ in range(120))
        (where / f"story-{i:04}.txt").write_text(f"Report number {i} on the council.\n\n{words}.\n", "utf-8")
    (folder / ".hidden.txt").write_text("never imported", "utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def test_a_dropped_folder_fills_the_tree_while_the_window_keeps_working(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path, 400)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    progress_seen = []
    window.import_progress.bar.valueChanged.connect(progress_seen.append)
    with qtbot.waitSignal(window.import_finished, timeout=120000) as done:
        window.dropEvent(QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    timer.stop()
    summary = done.args[0]
    assert len(summary.added) == 400 and not summary.failed
    assert ticks, "the event loop kept running during the import"
    assert progress_seen and max(progress_seen) == 400
    assert len(lib.all_articles(window.library)) == 400
    assert window.library_panel.model.rowCount() == len(lib.stories(window.library)) > 100
    assert not window.import_progress.isVisible()


def test_cancel_keeps_what_was_imported(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path, 300)
    window.import_progress.bar.valueChanged.connect(
        lambda value: value >= 20 and window.import_progress.cancel.click())
    with qtbot.waitSignal(window.import_finished, timeout=120000) as done:
        window.open_paths([folder])
    summary = done.args[0]
    assert summary.cancelled and 20 <= len(summary.added) < 300
    assert len(lib.all_articles(window.library)) == len(summary.added)


def test_split_and_merge(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.open_paths(SEEDS)
    assert len(lib.stories(window.library)) == 1
    markdown = next(r.id for r in lib.all_articles(window.library) if r.path == str(MARKDOWN_SEED))
    window.library_panel.select_articles([markdown])
    assert window.action("actionSplit").isEnabled()
    window.action("actionSplit").trigger()
    assert len(lib.stories(window.library)) == 2
    window.library_panel.select_articles([r.id for r in lib.all_articles(window.library)])
    assert window.action("actionMerge").isEnabled()
    window.action("actionMerge").trigger()
    assert len(lib.stories(window.library)) == 1
    lib.regroup(window.library)  # the user's choice sticks
    assert len(lib.stories(window.library)) == 1


def test_reader_tooltips_and_panel(qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.open_paths([MARKDOWN_SEED])
    if window.reader_view.annotations() is None:
        qtbot.waitSignal(window.annotations_shown, timeout=20000).wait()
    view = window.reader_view
    article = view.article()
    assert article is not None
    thursday = article.text.index("Thursday")
    assert view.tooltip_at(view.document_position(thursday) + 1) == "Thursday → Thu 15 Jan 2026"
    frozen = article.text.index("“frozen,”")
    assert view.tooltip_at(view.document_position(frozen) + 2) == "Partial quotation: Vladimir Putin, said"
    # The panel lists quotations by speaker, and a click selects the passage in the reader.
    panel = window.annotation_panel
    quotes_root = panel.model.index(0, 0)
    assert panel.model.data(quotes_root).startswith("Quotations (")
    putin = panel.model.index(0, 0, quotes_root)
    assert panel.model.data(putin) == "Vladimir Putin (5)"
    panel.tree.clicked.emit(panel.model.index(0, 0, putin))
    assert view.textCursor().selectedText() == "“frozen,”"
    qtmodeltester.check(panel.model)
    # Toggling dates off removes their marks and tooltips, and is remembered.
    panel.dates_box.setChecked(False)
    assert view.tooltip_at(view.document_position(thursday) + 1) is None
    window.close()
    window.library.close()
    again = build_window(window._library_dir)
    qtbot.addWidget(again)
    assert not again.annotation_panel.dates_box.isChecked()
    cursor = QTextCursor(again.reader_view.document())
    assert cursor is not None
