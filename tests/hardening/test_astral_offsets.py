"""Characters outside the BMP (emoji) before a mark: Qt counts them twice, Python once.

Found by the hardening tests: the views added Python offsets (code points) to Qt
positions (UTF-16 units), so every highlight after an emoji in a paragraph was
shifted by one per emoji (fixed in 4db9e4d).
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.core.annotate import annotate
from desktop.core.article import Article, Block, BlockKind, Metadata
from desktop.core.compare import compare_articles
from desktop.ui.compare_view import CompareView
from desktop.ui.reader_view import ReaderView

TEXT = "Fans 😀😀😀 cheered. “We are ready,” the minister said on 15 January 2026."


def _article(text: str) -> Article:
    return Article((Block(BlockKind.PARAGRAPH, text),), Metadata(title="Emoji"))


def test_reader_marks_land_on_their_words_after_emoji(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    article = _article(TEXT)
    view.set_article(article)
    found = annotate(article.text)
    assert found.quotes and found.dates
    for mention in (*found.quotes, *found.dates):
        view.show_text_range(mention.start, mention.end)
        assert view.textCursor().selectedText() == mention.text


def test_compare_marks_land_on_the_changed_word_after_emoji(qtbot: QtBot) -> None:
    a, b = _article(TEXT), _article(TEXT.replace("are ready", "are not ready"))
    view = CompareView()
    qtbot.addWidget(view)
    view.set_comparison(a, b, compare_articles(a, b))
    qtbot.waitUntil(lambda: "not ready" in view.right.toPlainText())
    marked = []
    block = view.right.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().hasProperty(fragment.charFormat().Property.BackgroundBrush):
                marked.append(fragment.text())
            fragments += 1
        block = block.next()
    assert "".join(marked).strip() == "not"


def test_without_emoji_the_same_marks_are_right(qtbot: QtBot) -> None:
    """The control: the same text with a BMP character in place of each emoji."""
    view = ReaderView()
    qtbot.addWidget(view)
    article = _article(TEXT.replace("😀", "☺"))
    view.set_article(article)
    for mention in (*(found := annotate(article.text)).quotes, *found.dates):
        view.show_text_range(mention.start, mention.end)
        assert view.textCursor().selectedText() == mention.text
