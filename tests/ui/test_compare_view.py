"""The compare view marks changed words and nothing else."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.compare import compare_articles
from desktop.core.loaders import load_bytes
from desktop.ui.compare_view import ComparePane, CompareView
from desktop.ui.theme import mark_color

OLD = b"The minister said on Monday that talks would resume.\n\nA second paragraph stays the same.\n"
NEW = b"The minister said on Tuesday that talks would resume.\n\nA second paragraph stays the same.\n"


def marked_words(pane: ComparePane) -> list[str]:
    """Runs of text painted with a diff colour."""
    doc = pane.document()
    colours = {mark_color("delete_word").name(), mark_color("insert_word").name()}
    words, block = [], doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() in colours:
                words.append(fragment.text())
            it += 1
        block = block.next()
    return words


def test_only_the_changed_word_is_marked(qtbot: QtBot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    a, b = load_bytes(OLD, path="old.txt"), load_bytes(NEW, path="new.txt")
    with qtbot.waitSignal(view.comparison_shown):
        view.set_comparison(a, b, compare_articles(a, b))
    assert marked_words(view.left) == ["Monday"]
    assert marked_words(view.right) == ["Tuesday"]


def test_identical_versions_show_no_marks(qtbot: QtBot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    a = load_bytes(OLD, path="a.txt")
    view.set_comparison(a, a, compare_articles(a, a))
    assert marked_words(view.left) == marked_words(view.right) == []
    cursor = QTextCursor(view.left.document())
    assert cursor.document().toPlainText().startswith("The minister said on Monday")


def test_rows_start_level_whatever_the_wrapping(qtbot: QtBot) -> None:
    from desktop.core.loaders import load_file
    from desktop.ui.compare_pane import row_tops
    from tests.conftest import MARKDOWN_SEED, PLAIN_SEED

    view = CompareView()
    qtbot.addWidget(view)
    a, b = load_file(PLAIN_SEED), load_file(MARKDOWN_SEED)
    for width in (1200, 700):
        view.resize(width, 600)
        view.show()
        view.set_comparison(a, b, compare_articles(a, b))
        QApplication.processEvents()  # the panes take their new width; the view re-aligns on it
        view.rows.align()
        left = row_tops(view.left.document(), view.rows.layouts[0].rows)
        right = row_tops(view.right.document(), view.rows.layouts[1].rows)
        assert len(left) == len(right) > 10
        # Every row starts level (the last entry, the end of the text, may differ).
        offsets = [abs(x - y) for x, y in zip(left[:-1], right[:-1], strict=True)]
        assert max(offsets) < 1.0, str(offsets)


def test_a_wrapped_paragraph_reads_as_one_and_keeps_its_positions(qtbot: QtBot) -> None:
    """Line breaks inside a paragraph (a scraper's wrapping) read as spaces; code keeps its lines."""
    from desktop.core.article import Article, Block, BlockKind, InlineSpan, InlineStyle, Metadata
    from desktop.ui import text_render

    wrapped = Article((Block(BlockKind.PARAGRAPH, "The talks will\nresume next\nweek."),
                       Block(BlockKind.PARAGRAPH, "line one\nline two",
                             spans=(InlineSpan(0, 17, InlineStyle.CODE),))), Metadata())
    view = CompareView()
    qtbot.addWidget(view)
    view.set_comparison(wrapped, wrapped, compare_articles(wrapped, wrapped))
    doc = view.left.document()
    assert doc.blockCount() == 2
    assert doc.firstBlock().text() == "The talks will resume next week."
    assert doc.lastBlock().text() == f"line one{text_render.LINE_SEPARATOR}line two"
    view.show_text_range(0, wrapped.text.index("resume"), wrapped.text.index("resume") + 6)
    assert view.left.textCursor().selectedText() == "resume"


def test_a_view_let_go_of_is_freed_at_once(qtbot: QtBot) -> None:
    """No reference cycle holds a view: Python's collector may run on a worker thread, and a
    widget it freed there would be destroyed off the GUI thread (the app hung on quitting)."""
    a, b = load_bytes(OLD, path="old.txt"), load_bytes(NEW, path="new.txt")
    gc.disable()
    try:
        view = CompareView()
        with qtbot.waitSignal(view.comparison_shown):
            view.set_comparison(a, b, compare_articles(a, b))
        freed = weakref.ref(view)
        del view
        assert freed() is None
    finally:
        gc.enable()
