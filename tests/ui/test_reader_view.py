"""The reader renders blocks through a cursor and never loads or runs anything."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from desktop.core.annotate import Annotations, annotate
from desktop.core.article import Article
from desktop.core.loaders import load_bytes, load_file
from desktop.ui.reader_view import ReaderView
from tests.conftest import MARKDOWN_SEED


def test_shows_text_header_and_links(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    article = load_file(MARKDOWN_SEED)
    view.set_article(article)
    text = view.toPlainText()
    assert text.count("Putin Says Russia Is 'Ready to Restore' Relations With Europe") == 1
    assert "Thursday 15 January 2026" in text
    assert "Paula Pinho said, “Unfortunately" in text
    # The block positions point at the blocks' text in the document.
    for index, block in enumerate(article.blocks):
        start = view.block_start(index)
        assert text[start:start + len(block.text)] == block.text


def test_hostile_markup_is_inert(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    page = (b"# Hi\n\n<script>alert(1)</script><img src='http://evil.example/x.png'>"
            b"[click](javascript:alert(1)) [web](https://example.org)\n")
    view.set_article(load_bytes(page, path="x.md"))
    html = view.toHtml()
    assert "evil.example" not in html and "javascript:" not in html and "<img" not in html
    assert 'href="https://example.org"' in html
    assert view.loadResource(2, QUrl("http://evil.example/x.png")) is None


def _long_article_with_quotes(paragraphs: int = 600) -> tuple[Article, Annotations]:
    text = "\n\n".join(f"Paragraph {i}: “We will talk again on Monday,” the minister said." for i in range(paragraphs))
    article = load_bytes(text.encode(), path="long.txt")
    return article, annotate(article.text, dt.date(2026, 1, 15))


def test_a_long_article_marks_what_is_in_view_and_follows_the_scroll(qtbot: QtBot) -> None:
    """Thousands of marks are indexed, and only those near the view are painted (a 5 MB
    article's took seconds a frame), so marks further down appear as the view gets there."""
    article, annotations = _long_article_with_quotes()
    assert len(annotations.quotes) == 600 and len(annotations.dates) == 600
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.set_article(article)
    view.set_annotations(annotations)

    def marked() -> list[str]:
        return [s.cursor.selectedText() for s in view.extraSelections()]

    assert "“We will talk again on Monday,”" in marked() and "Monday" in marked()
    assert 0 < len(marked()) < 200  # a few screens' worth, not 1,200
    last = article.text.rindex("“We will")
    assert not any(s.cursor.selectionStart() >= view.document_position(last) for s in view.extraSelections())
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert any(s.cursor.selectionStart() == view.document_position(last) for s in view.extraSelections())
    view.set_visible_kinds(quotes=False, dates=True)
    assert set(marked()) == {"Monday"}
