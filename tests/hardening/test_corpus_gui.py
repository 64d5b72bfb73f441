"""Every hostile input that reads as an article, shown in the reader and the compare view.

Nothing is fetched (no connection, no resource a view asks for is given), nothing
runs, no link opens by itself, and the rendering keeps the text.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from desktop.core import library as lib
from desktop.core.annotate import annotate
from desktop.core.article import Article
from desktop.core.compare import compare_articles
from desktop.ui.compare_pane import ComparePane
from desktop.ui.compare_view import CompareView
from desktop.ui.reader_view import ReaderView
from tests.hardening import corpus

BOUND = 20.0
#: Too big to annotate within the fast set's budget: the stress set annotates it.
HEAVY = {"long_line"}
#: What the document of a view must never hold, whatever the article said.
LEAKS = (*corpus.HOSTILE_HOSTS, "javascript:", "file:", "data:", "<img", "<script", "<iframe", "<object",
         "onclick", "onload", "onerror", "url(")


@pytest.fixture
def resources(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """Every resource a view is asked for, and what it answered: must be nothing at all."""
    asked: list[tuple[str, Any]] = []
    for cls in (ReaderView, ComparePane):
        original = cls.loadResource

        def spy(self: Any, kind: int, url: QUrl | str, _original: Any = original) -> Any:
            answer = _original(self, kind, url)
            asked.append((url.toString() if isinstance(url, QUrl) else str(url), answer))
            return answer

        monkeypatch.setattr(cls, "loadResource", spy)
    yield asked
    assert [(url, answer) for url, answer in asked if answer is not None] == []


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Links handed to the desktop's browser: none may be, without a click."""
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    yield opened
    assert opened == []


def _articles(hostile: dict[str, corpus.Case], library: lib.Library) -> dict[str, Article]:
    """The corpus cases that import as articles, read back from the library as the window does."""
    found = {}
    for name, case in hostile.items():
        if case.expect == corpus.REFUSED:
            continue
        summary = lib.import_paths(library, [case.path])
        for item in (*summary.added, *summary.already):
            found[name] = lib.article(library, item.article_id)
    return found


@pytest.fixture(scope="module")
def readable(hostile: dict[str, corpus.Case], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    with lib.open_library(tmp_path_factory.mktemp("gui-library")) as library:
        return _articles(hostile, library)


def _no_leaks(html: str) -> None:
    lowered = html.lower()
    assert [leak for leak in LEAKS if leak in lowered] == []


READABLE = [make.__name__ for make in corpus.FAST
            if make.__name__ not in ("empty", "blank", "binary_junk", "nul_bytes", "unreadable", "fifo",
                                     "vanishing")]


@pytest.mark.usefixtures("no_network", "opened_urls")
@pytest.mark.parametrize("name", READABLE)
def test_reader_shows_it_inertly(name: str, readable: dict[str, Article], hostile: dict[str, corpus.Case],
                                 resources: list[tuple[str, Any]], qtbot: QtBot) -> None:
    if name not in readable:
        pytest.skip(f"{name} did not read as an article here (allowed for this case)")
    article = readable[name]
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    started = time.monotonic()
    view.set_article(article)
    if name not in HEAVY:
        view.set_annotations(annotate(article.text, article.meta.date))
    view.grab()  # lay out and paint everything on screen: where images and styles would load
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.grab()
    assert time.monotonic() - started < BOUND
    _no_leaks(view.toHtml())
    text = view.toPlainText()
    case = hostile[name]
    if case.contains:
        assert case.contains in text
    assert article.blocks[-1].text[-200:] in text
    assert [url for url, _ in resources if "://" in url or url.startswith(("javascript", "data"))] == []


@pytest.mark.usefixtures("no_network", "opened_urls")
@pytest.mark.parametrize("name", READABLE)
def test_compare_view_shows_it_inertly(name: str, readable: dict[str, Article],
                                       resources: list[tuple[str, Any]], qtbot: QtBot) -> None:
    if name not in readable:
        pytest.skip(f"{name} did not read as an article here (allowed for this case)")
    article = readable[name]
    seed = readable["hostile_markdown"]
    pairs = [(seed, article)] if name in HEAVY else [(seed, article), (article, seed)]
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    for a, b in pairs:
        started = time.monotonic()
        view.set_comparison(a, b, compare_articles(a, b))
        tail_a, tail_b = a.blocks[-1].text[-100:], b.blocks[-1].text[-100:]
        # Rows are written in chunks while the window stays live: wait for the last.
        qtbot.waitUntil(view.rendering_done, timeout=int(BOUND * 1000))
        if not view.rows.window.active:  # a long pair keeps only the rows near the view
            assert tail_a in view.left.toPlainText() and tail_b in view.right.toPlainText()
        for pane in (view.left, view.right):
            pane.grab()
            _no_leaks(pane.toHtml())
        assert time.monotonic() - started < BOUND
    assert [url for url, _ in resources if "://" in url or url.startswith(("javascript", "data"))] == []
