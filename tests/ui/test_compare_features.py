"""Compare view features a user drives: next/previous change, folds, filters, overview, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import build_window
from desktop.core.compare import Op
from desktop.core.loaders import load_bytes, load_file
from desktop.ui.compare_view import CompareView
from desktop.ui.main_window import MainWindow
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED

PARAGRAPHS = [f"Paragraph {i} tells part {i} of the story in plain words." for i in range(30)]


def versions() -> tuple[bytes, bytes]:
    old = list(PARAGRAPHS)
    new = list(PARAGRAPHS)
    new[5] = new[5].replace("plain", "simple")
    new[18] = new[18].replace("story", "tale")
    new.insert(25, "An entirely new paragraph appears here near the end.")
    return "\n\n".join(old).encode(), "\n\n".join(new).encode()


@pytest.fixture
def view(qtbot: QtBot) -> CompareView:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    old, new = versions()
    with qtbot.waitSignal(widget.comparison_shown, timeout=10000):
        widget.compare(load_bytes(old, path="old.txt"), load_bytes(new, path="new.txt"))
    return widget


def test_next_and_previous_change_walk_the_changes(qtbot: QtBot, view: CompareView) -> None:
    comparison = view.comparison()
    assert comparison is not None
    seen = []
    with qtbot.waitSignal(view.status_message, timeout=5000) as done:
        for _ in range(10):
            view.next_change()
            row = view.current_row()
            if seen and row == seen[-1]:
                break
            seen.append(row)
    assert "No more changes below" in done.args[0]
    changed = [i for i, r in enumerate(comparison.blocks) if r.changed]
    assert seen == changed and len(seen) == 3
    view.previous_change()
    assert view.current_row() == changed[1]
    # The panes scrolled together to show it.
    assert view.left.verticalScrollBar().value() == view.right.verticalScrollBar().value() > 0


def test_overview_has_a_mark_per_change(view: CompareView) -> None:
    assert view.overview.mark_count() == 3


def test_filters_recompute(qtbot: QtBot) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    a = load_bytes(b"The Minister said it.\n\nSecond.", path="a.txt")
    b = load_bytes(b"The minister said it.\n\nSecond.", path="b.txt")
    with qtbot.waitSignal(widget.comparison_shown, timeout=10000):
        widget.compare(a, b)
    assert widget.comparison() is not None and widget.comparison().has_differences
    box = widget.findChild(QCheckBox, "filterCase")
    with qtbot.waitSignal(widget.comparison_shown, timeout=10000):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert widget.options().ignore_case
    assert not widget.comparison().has_differences


def test_boilerplate_fold_opens_on_click(qtbot: QtBot) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    a, b = load_file(PLAIN_SEED), load_file(MARKDOWN_SEED)
    with qtbot.waitSignal(widget.comparison_shown, timeout=10000):
        widget.compare(a, b)
    assert "Dear readers" not in widget.left.toPlainText()
    fold_start = next(i for i, r in enumerate(widget.comparison().blocks) if r.folded)
    widget.left.fold_clicked.emit(fold_start)
    assert "Dear readers" in widget.left.toPlainText()
    assert "click to fold" in widget.left.toPlainText()
    hide = widget.findChild(QCheckBox, "filterBoilerplate")
    with qtbot.waitSignal(widget.comparison_shown, timeout=10000):
        hide.setChecked(True)
    assert "Dear readers" not in widget.left.toPlainText()
    assert all(r.op is not Op.DELETE for r in widget.comparison().blocks)


def test_keyboard_drives_next_change(qtbot: QtBot, library_dir: Path) -> None:
    window: MainWindow = build_window(library_dir)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_paths([PLAIN_SEED, MARKDOWN_SEED], compare=True)
    window.activateWindow()
    assert window.compare_view.current_row() is None
    qtbot.keyClick(window, Qt.Key.Key_F7)
    first = window.compare_view.current_row()
    assert first is not None
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert (window.compare_view.current_row() or 0) > first
    qtbot.keyClick(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.compare_view.current_row() == first


def test_export_report(qtbot: QtBot, library_dir: Path, tmp_path: Path) -> None:
    window: MainWindow = build_window(library_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_paths([PLAIN_SEED, MARKDOWN_SEED], compare=True)
    assert window.action("actionExportReport").isEnabled() and window.action("actionNextChange").isEnabled()
    out = tmp_path / "report.html"
    assert window.export_report(out)
    html = out.read_text("utf-8")
    assert "<script" not in html.lower() and "Putin Says Russia" in html
    assert load_file(PLAIN_SEED).meta.sha256 in html
    assert not window.export_report(tmp_path / "missing-folder" / "r.html")


def test_quotes_panel_lists_fates(qtbot: QtBot) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.show()
    a = load_bytes("“We will win,” the mayor said on Thursday.\n\nA second line.".encode(), path="a.txt")
    b = load_bytes("“We will surely win,” the mayor said on Thursday.\n\nA second line.".encode(), path="b.txt")
    with qtbot.waitSignals([widget.quotes_compared, widget.comparison_shown], timeout=10000):
        widget.compare(a, b)
    report = widget.quote_report()
    assert report is not None and [f.fate for f in report.fates] == ["reworded"]
    panel = widget.quotes_panel
    assert "1 reworded" in panel.summary.text()
    assert panel.model.index(0, 0).data() == "Reworded"
    assert "{+surely +}" in panel.model.index(0, 2).data() or "surely" in panel.model.index(0, 2).data()
    panel.tree.clicked.emit(panel.model.index(0, 2))
    assert "surely" in widget.right.textCursor().selectedText()


def test_seed_quotes_are_unchanged_and_the_appeal_is_shown_on_request(qtbot: QtBot,
                                                                     qtmodeltester: ModelTester) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.show()
    a, b = load_file(PLAIN_SEED), load_file(MARKDOWN_SEED)
    with qtbot.waitSignals([widget.quotes_compared, widget.comparison_shown], timeout=20000):
        widget.compare(a, b, (b.meta.date, b.meta.date))
    counts = widget.quote_report().counts()
    assert counts["unchanged"] == 9 and counts.get("reworded", 0) == 0
    assert widget.quote_report().date_changes == ()
    removed = next(r for r in range(widget.quotes_panel.model.rowCount())
                   if widget.quotes_panel.model.index(r, 0).data() == "Removed")
    widget.quotes_panel.tree.clicked.emit(widget.quotes_panel.model.index(removed, 2))
    assert "Dear readers" in widget.left.toPlainText()  # the fold opened to show it
    qtmodeltester.check(widget.quotes_panel.model)


def test_a_long_comparison_shows_its_first_screen_then_the_rest(qtbot: QtBot) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.show()
    paragraphs = [f"Paragraph {i} of a long story tells part {i} in plain words." for i in range(900)]
    changed = list(paragraphs)
    changed[850] = changed[850].replace("plain", "simple")
    a = load_bytes("\n\n".join(paragraphs).encode(), path="a.txt")
    b = load_bytes("\n\n".join(changed).encode(), path="b.txt")
    with qtbot.waitSignal(widget.comparison_shown, timeout=20000):
        widget.compare(a, b)
    assert not widget.rendering_done()  # the first screenful is up; the rest follows
    with qtbot.waitSignal(widget.rendering_finished, timeout=20000):
        pass
    assert widget.rendering_done()
    assert "Paragraph 899" in widget.left.toPlainText()
    widget.next_change()
    assert widget.current_row() == 850
    assert widget.overview.mark_count() == 1


def test_navigation_ahead_of_the_chunks_renders_what_it_needs(qtbot: QtBot) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.show()
    paragraphs = [f"Paragraph {i} tells part {i}." for i in range(900)]
    changed = list(paragraphs)
    changed[880] = "Paragraph 880 tells another part."
    a = load_bytes("\n\n".join(paragraphs).encode(), path="a.txt")
    b = load_bytes("\n\n".join(changed).encode(), path="b.txt")
    with qtbot.waitSignal(widget.comparison_shown, timeout=20000):
        widget.compare(a, b)
    widget.next_change()  # before the chunks got there
    assert widget.current_row() == 880
    assert widget.left.verticalScrollBar().value() > 0
