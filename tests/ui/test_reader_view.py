"""The reader renders blocks through a cursor and never loads or runs anything."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

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
