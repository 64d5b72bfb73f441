"""`ReaderPage`: the reader beside its panel of quotations and dates, and the work behind them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.core.annotate import Annotations, annotate
from desktop.core.article import Article
from desktop.ui.annotation_panel import AnnotationPanel
from desktop.ui.reader_view import ReaderView
from desktop.ui.settings import setting_value
from desktop.ui.workers import SEPARATE_PROCESS_CHARS, Job


class ReaderPage(QSplitter):
    """Shows one article; finds its quotations and dates off the GUI thread.

    Signals:
        annotations_shown(): the reader marks the quotations and dates of its article.
        status_message(str): something to tell the user in the status bar.
    """

    annotations_shown = Signal()
    status_message = Signal(str)

    def __init__(self, *, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("readerSplitter")
        self._settings = settings
        self.reader_view = ReaderView(self)
        self.annotation_panel = AnnotationPanel(self)
        self.addWidget(self.reader_view)
        self.addWidget(self.annotation_panel)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self._generation = 0
        self._pending_key: tuple[str, dt.date | None] = ("", None)
        self._cache: dict[tuple[str, dt.date | None], Annotations] = {}  # by (SHA-256, DCT)
        quotes = bool(setting_value(settings, "reader/show_quotes"))
        dates = bool(setting_value(settings, "reader/show_dates"))
        self.annotation_panel.set_kinds(quotes=quotes, dates=dates)
        self.reader_view.set_visible_kinds(quotes=quotes, dates=dates)
        self.annotation_panel.annotation_activated.connect(self._on_annotation_panel_activated)
        self.annotation_panel.kinds_changed.connect(self._on_annotation_panel_kinds_changed)

    def show_article(self, article: Article, dct: dt.date | None) -> None:
        """Show `article`, resolving its relative dates against `dct`."""
        self.reader_view.set_article(article)
        self.annotation_panel.set_annotations(None)
        key = (article.meta.sha256, dct)
        cached = self._cache.get(key)
        self._generation += 1
        if cached is not None:
            self._show(cached)
            return
        self._pending_key = key
        text = self.reader_view.text()
        job = Job(self._generation, "Finding quotations and dates", annotate, text, dct,
                  separate_process=len(text) > SEPARATE_PROCESS_CHARS)
        # Bound slots of this QObject, not lambdas: a lambda would run on the worker thread.
        job.succeeded.connect(self._on_job_succeeded)
        job.failed.connect(self._on_job_failed)
        job.start()

    def _show(self, annotations: Annotations) -> None:
        self.reader_view.set_annotations(annotations)
        self.annotation_panel.set_annotations(annotations, self.reader_view.text())
        self.annotations_shown.emit()

    @Slot(int, object)
    def _on_job_succeeded(self, generation: int, annotations: Annotations) -> None:
        article = self.reader_view.article()
        if generation == self._generation and article is not None:
            self._cache[self._pending_key] = annotations
            self._show(annotations)

    @Slot(int, str)
    def _on_job_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.status_message.emit(message)

    @Slot(int, int)
    def _on_annotation_panel_activated(self, start: int, end: int) -> None:
        self.reader_view.show_text_range(start, end)

    @Slot(bool, bool)
    def _on_annotation_panel_kinds_changed(self, quotes: bool, dates: bool) -> None:
        self.reader_view.set_visible_kinds(quotes=quotes, dates=dates)
        self._settings.setValue("reader/show_quotes", quotes)
        self._settings.setValue("reader/show_dates", dates)
