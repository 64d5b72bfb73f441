"""Long comparisons keep only the rows near the view in the panes, and show the same thing."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit
from pytestqt.qtbot import QtBot

from desktop.core.article import Article
from desktop.core.compare import compare_articles
from desktop.core.loaders import load_bytes
from desktop.ui import compare_window
from desktop.ui.compare_pane import row_tops
from desktop.ui.compare_view import CompareView


def _pair() -> tuple[Article, Article]:
    """Three hundred paragraphs of varied length; a few words changed, one paragraph added."""
    rng = random.Random(3)
    words = ("talks", "minister", "resume", "week", "city", "council", "report", "officials", "said", "people",
             "the", "of", "and")
    paragraphs = [f"Paragraph {i}: " + " ".join(rng.choice(words) for _ in range(rng.randint(5, 90))) + "."
                  for i in range(300)]
    changed = list(paragraphs)
    for i in (20, 150, 290):
        changed[i] = changed[i].replace(":", ": surely", 1)
    changed.insert(200, "An added paragraph about the harbour.")
    del changed[100]  # and one removed: rows with a gap on one side
    return (load_bytes("\n\n".join(paragraphs).encode(), path="a.txt"),
            load_bytes("\n\n".join(changed).encode(), path="b.txt"))


def _view(qtbot: QtBot, a: Article, b: Article, width: int = 900) -> CompareView:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(width, 600)
    view.show()
    QApplication.processEvents()
    with qtbot.waitSignal(view.rendering_finished, timeout=30_000):
        view.set_comparison(a, b, compare_articles(a, b))
    return view


def _tops(view: CompareView, side: int) -> list[float]:
    pane = (view.left, view.right)[side]
    return row_tops(pane.document(), view.rows.layouts[side].rows)


@pytest.fixture(autouse=True)
def _few_rows_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare_window, "MAX_SHOWN_ROWS", 5)


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare_window, "WINDOW_CHARS", 0)


def test_a_long_pair_keeps_few_rows_yet_every_row_where_it_would_be(qtbot: QtBot,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = _pair()
    whole = _view(qtbot, a, b)
    monkeypatch.setattr(compare_window, "WINDOW_CHARS", 0)
    windowed = _view(qtbot, a, b)
    assert windowed.rows.window.active and not whole.rows.window.active
    # Only the rows near the view have their text in the panes…
    assert len(windowed.left.toPlainText()) < len(whole.left.toPlainText()) / 3
    assert "Paragraph 0:" in windowed.left.toPlainText() and "Paragraph 150" not in windowed.left.toPlainText()
    # …and every row starts where it would with all of them, and level on both sides
    # (rows written in slices included: each slice re-pads the row before it).
    for side in (0, 1):
        assert _tops(windowed, side) == pytest.approx(_tops(whole, side), abs=1.0)
    for view in (whole, windowed):
        assert _tops(view, 0)[:-1] == pytest.approx(_tops(view, 1)[:-1], abs=1.0)
    assert windowed.overview.mark_count() == whole.overview.mark_count()


@pytest.mark.usefixtures("windowed")
def test_scrolling_brings_rows_in_and_lets_far_ones_go(qtbot: QtBot) -> None:
    view = _view(qtbot, *_pair())
    bar = view.left.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: "Paragraph 298" in view.left.toPlainText())
    assert "Paragraph 298" in view.right.toPlainText()
    assert "Paragraph 0:" not in view.left.toPlainText()
    left, right = _tops(view, 0), _tops(view, 1)
    assert max(abs(x - y) for x, y in zip(left[:-1], right[:-1], strict=True)) < 1.0


@pytest.mark.usefixtures("windowed")
def test_navigation_and_quotation_clicks_reach_far_rows(qtbot: QtBot) -> None:
    a, b = _pair()
    view = _view(qtbot, a, b)
    for _ in range(4):  # 20, the removed one, 150, then the added one
        view.next_change()
    row = view.current_row()
    assert row is not None and view.comparison().blocks[row].op.value == "insert"
    assert "about the harbour" in view.right.toPlainText()
    view.previous_change()
    view.previous_change()
    start = b.text.index("Paragraph 290: surely")
    view.show_text_range(1, start, start + len("Paragraph 290"))
    assert view.right.textCursor().selectedText() == "Paragraph 290"


@pytest.mark.usefixtures("windowed")
def test_a_resize_measures_the_rows_again(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = _pair()
    view = _view(qtbot, a, b)
    view.resize(600, 600)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not view.rows.remeasuring())
    monkeypatch.setattr(compare_window, "WINDOW_CHARS", 10**9)
    whole = _view(qtbot, a, b, width=600)
    for side in (0, 1):
        assert _tops(view, side) == pytest.approx(_tops(whole, side), abs=1.0)


def test_copy_takes_the_rows_let_go_of_too(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Select All + Copy, or a selection running from a shown row into far ones, copies what
    the unwindowed view would: the rows let go of are written again for the clipboard."""
    a, b = _pair()
    whole = _view(qtbot, a, b)
    monkeypatch.setattr(compare_window, "WINDOW_CHARS", 0)
    windowed = _view(qtbot, a, b)
    clipboard = QApplication.clipboard()

    def copied(pane: QTextEdit, from_text: str | None) -> str:
        cursor = pane.textCursor()
        cursor.setPosition(0 if from_text is None else pane.toPlainText().index(from_text) + 5)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.copy()
        return clipboard.text()

    for side in (0, 1):
        panes = [(view.left, view.right)[side] for view in (whole, windowed)]
        for from_text in (None, "Paragraph 1:"):  # all, and from the middle of a shown row on
            expected, got = (copied(pane, from_text) for pane in panes)
            assert got == expected and "Paragraph 298" in got
    # Within the rows shown, the pane's own copy serves.
    assert windowed.rows.whole_selection(0, 0, 20) is None
    # Scrolled to the end, the first rows let go of: from the top into the middle of a shown row.
    bar = windowed.left.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: "Paragraph 0:" not in windowed.left.toPlainText())
    got = []
    for pane in (whole.left, windowed.left):
        cursor = pane.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(pane.toPlainText().index("Paragraph 298") + 5, QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.copy()
        got.append(clipboard.text())
    assert got[1] == got[0] and got[0].startswith("Paragraph 0:") and got[0].endswith("Parag")
