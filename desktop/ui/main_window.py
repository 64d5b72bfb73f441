"""`MainWindow`: the library list, the reader and the comparison, with menus."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.article import Article
from desktop.core.bundled import sample_articles
from desktop.core.compare.report_html import render_report
from desktop.core.loaders import discover_files
from desktop.ui.article_list_model import ArticleListModel
from desktop.ui.compare_view import CompareView
from desktop.ui.reader_page import ReaderPage
from desktop.ui.resources import icon
from desktop.ui.settings import setting_value
from desktop.ui.workers import LoadJob

log = logging.getLogger(__name__)

SESSION_FILE = "session.json"
OPEN_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


def _safe_file_name(title: str) -> str:
    """`title` shortened and stripped of characters file systems refuse."""
    cleaned = "".join(c if c.isalnum() or c in " -_,.'" else " " for c in title)
    return " ".join(cleaned.split())[:80] or "comparison"


class MainWindow(QMainWindow):
    """The application window.

    Signals:
        articles_loaded(int, int): a batch of files finished loading (added, failed).
        comparison_shown(): the compare view shows a new comparison.
        annotations_shown(): the reader marks the quotations and dates of its article.
    """

    articles_loaded = Signal(int, int)
    comparison_shown = Signal()
    annotations_shown = Signal()

    PAGE_EMPTY, PAGE_READER, PAGE_COMPARE = range(3)

    def __init__(self, *, library_dir: Path, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("palimpsest"))
        self.setAcceptDrops(True)
        self._library_dir = library_dir
        self._settings = settings
        self._jobs: list[LoadJob] = []
        self._pending_compare: tuple[str, str] | None = None
        self._failures: list[tuple[str, str]] = []
        self._batch_added = 0
        self._closed: list[list[Article]] = []  # for Undo Close

        self.model = ArticleListModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(ArticleListModel.SortRole)
        self._proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.library_view = QTableView(self)
        self.library_view.setObjectName("libraryView")
        self.library_view.setAccessibleName("Opened articles")
        self.library_view.setModel(self._proxy)
        self.library_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.library_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.library_view.setSortingEnabled(True)
        self.library_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.library_view.verticalHeader().hide()
        self.library_view.setShowGrid(False)
        self.library_view.setAlternatingRowColors(True)
        self.library_view.setWordWrap(False)
        self.library_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.library_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ArticleListModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.library_view.fontMetrics()
        for column, sample in ((ArticleListModel.COL_PUBLISHER, "The Moscow Times"),
                               (ArticleListModel.COL_DATE, "2026-01-15"),
                               (ArticleListModel.COL_FORMAT, "markdown")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.library_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.library_view.doubleClicked.connect(self._on_library_double_clicked)

        self.reader_page = ReaderPage(settings=settings, parent=self)
        self.reader_view = self.reader_page.reader_view
        self.annotation_panel = self.reader_page.annotation_panel
        self.reader_page.annotations_shown.connect(self.annotations_shown)
        self.reader_page.status_message.connect(self._on_status_message)
        self.compare_view = CompareView(self)
        self.compare_view.comparison_shown.connect(self._on_compare_view_comparison_shown)
        self.compare_view.status_message.connect(self._on_status_message)
        self._empty = QLabel(
            "<h2>No article open</h2><p>Drop article files or folders here, or press "
            "<b>Ctrl+O</b> to open some.</p><p>Select one article to read it, "
            "two to compare them.</p>", self)
        self._empty.setObjectName("emptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._pages = QStackedWidget(self)
        for page in (self._empty, self.reader_page, self.compare_view):
            self._pages.addWidget(page)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self.library_view)
        self._splitter.addWidget(self._pages)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 3)
        self._splitter.setSizes([480, 900])
        self.setCentralWidget(self._splitter)

        self._build_actions()
        self._update_actions()
        self.statusBar().setObjectName("statusBar")
        self.resize(1280, 800)
        self._restore_layout()

    # Actions and menus
    def _build_actions(self) -> None:
        def action(name: str, text: str, shortcut: QKeySequence | str | None, slot: object,
                   tip: str) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.setToolTip(tip)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.action_open = action("actionOpen", "&Open…", QKeySequence.StandardKey.Open,
                                  self._on_open_triggered, "Open article files")
        self.action_close = action("actionCloseArticle", "&Close Article", QKeySequence.StandardKey.Close,
                                   self._on_close_triggered, "Close the selected articles")
        self.action_undo_close = action("actionUndoClose", "&Undo Close", QKeySequence.StandardKey.Undo,
                                        self._on_undo_close_triggered, "Reopen the articles last closed")
        self.action_quit = action("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, self.close,
                                  "Quit Palimpsest")
        self.action_compare = action("actionCompare", "&Compare", "Ctrl+D", self._on_compare_triggered,
                                     "Compare the two selected articles side by side")
        self.action_next_change = action("actionNextChange", "&Next Change", "F7",
                                         self._on_next_change_triggered, "Go to the next change")
        self.action_previous_change = action("actionPreviousChange", "&Previous Change", "Shift+F7",
                                             self._on_previous_change_triggered, "Go to the previous change")
        self.action_next_change.setShortcuts([QKeySequence("F7"), QKeySequence("Alt+Down")])
        self.action_previous_change.setShortcuts([QKeySequence("Shift+F7"), QKeySequence("Alt+Up")])
        self.action_export_report = action("actionExportReport", "&Export Report…", "Ctrl+E",
                                           self._on_export_report_triggered,
                                           "Save the comparison as a standalone HTML redline")
        self.action_about = action("actionAbout", "&About Palimpsest", None, self._on_about_triggered,
                                   "Version and licences")
        self.action_close.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close),
                                        QKeySequence(Qt.Key.Key_Delete)])

        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.action_open)
        menu.addAction(self.action_close)
        menu.addAction(self.action_export_report)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        menu = self.menuBar().addMenu("&Edit")
        menu.addAction(self.action_undo_close)
        menu = self.menuBar().addMenu("&Compare")
        menu.addAction(self.action_compare)
        menu.addSeparator()
        menu.addAction(self.action_next_change)
        menu.addAction(self.action_previous_change)
        menu = self.menuBar().addMenu("&Help")
        menu.addAction(self.action_about)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.action_open)
        toolbar.addAction(self.action_compare)
        toolbar.addAction(self.action_previous_change)
        toolbar.addAction(self.action_next_change)

    def _update_actions(self) -> None:
        selected = self.selected_rows()
        self.action_compare.setEnabled(len(selected) == 2)
        self.action_close.setEnabled(bool(selected))
        self.action_undo_close.setEnabled(bool(self._closed))
        comparing = (self._pages.currentIndex() == self.PAGE_COMPARE
                     and self.compare_view.comparison() is not None)
        for act in (self.action_next_change, self.action_previous_change, self.action_export_report):
            act.setEnabled(comparing)
        count = self.model.rowCount()
        self.statusBar().showMessage(f"{count} article{'s' if count != 1 else ''} open", 0)

    # Opening files
    def open_paths(self, paths: Sequence[str | os.PathLike[str]], *, compare: bool = False) -> None:
        """Load files (and article files inside folders) off the GUI thread.

        With `compare`, the first two files are shown side by side once loaded.
        """
        files = [str(p) for p in discover_files(paths)]
        if not files:
            self.statusBar().showMessage("No article files found there.", 5000)
            return
        if compare and len(files) >= 2:
            self._pending_compare = (files[0], files[1])
        max_mb = setting_value(self._settings, "files/max_megabytes")
        job = LoadJob(files, max_bytes=int(max_mb) * 1024 * 1024)
        job.article_loaded.connect(self._on_job_article_loaded)
        job.load_failed.connect(self._on_job_load_failed)
        job.finished.connect(self._on_job_finished)
        self._jobs.append(job)
        self.statusBar().showMessage(f"Reading {len(files)} file{'s' if len(files) != 1 else ''}…")
        job.start()

    def open_first_run_samples(self) -> None:
        """Open the sample articles when the user has never opened anything."""
        if not (self._library_dir / SESSION_FILE).exists():
            self.open_paths(sample_articles())

    def restore_session(self) -> None:
        """Reopen the files that were open when the window last closed."""
        try:
            data = json.loads((self._library_dir / SESSION_FILE).read_text("utf-8"))
            paths = [p for p in data.get("open", []) if isinstance(p, str)]
        except (OSError, ValueError, AttributeError):
            return
        existing = [p for p in paths if Path(p).is_file()]
        if existing:
            self.open_paths(existing)

    def save_session(self) -> None:
        """Remember which files are open."""
        paths = [a.meta.path for a in self.model.articles() if a.meta.path]
        try:
            self._library_dir.mkdir(parents=True, exist_ok=True)
            (self._library_dir / SESSION_FILE).write_text(json.dumps({"open": paths}, indent=1), "utf-8")
        except OSError as error:
            log.warning("could not save the session: %s", error)

    @Slot(str, object)
    def _on_job_article_loaded(self, path: str, article: Article) -> None:
        if self.model.add_article(article):
            self._batch_added += 1

    @Slot(str, str)
    def _on_job_load_failed(self, path: str, message: str) -> None:
        self._failures.append((path, message))

    @Slot()
    def _on_job_finished(self) -> None:
        job = self.sender()
        if job in self._jobs:
            self._jobs.remove(job)  # type: ignore[arg-type]
        if self._jobs:
            return
        added, failures = self._batch_added, self._failures
        self._batch_added, self._failures = 0, []
        self._update_actions()
        if failures:
            self._report_failures(failures)
        elif added:
            self.statusBar().showMessage(f"Opened {added} article{'s' if added != 1 else ''}.", 5000)
        if self._pending_compare:
            self._select_paths(self._pending_compare)
            self._pending_compare = None
        elif added and not self.selected_rows():
            self.library_view.selectRow(0)
        self.articles_loaded.emit(added, len(failures))

    def _report_failures(self, failures: list[tuple[str, str]]) -> None:
        first_path, first_reason = failures[0]
        summary = (f"Could not open {Path(first_path).name}: {first_reason}" if len(failures) == 1
                   else f"Could not open {len(failures)} files (see the details).")
        self.show_error(summary, details="\n".join(f"{path}: {reason}" for path, reason in failures),
                        name="loadErrorBox")

    def show_error(self, message: str, *, details: str = "", name: str = "errorBox") -> None:
        """Tell the user what went wrong, in the status bar and a window-modal box."""
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps working behind it

    def _select_paths(self, paths: tuple[str, str]) -> None:
        rows = [row for row, a in enumerate(self.model.articles()) if a.meta.path in paths]
        self.select_rows(rows)

    # Selection
    def selected_rows(self) -> list[int]:
        """Source-model rows of the selected articles, in display order."""
        proxy_rows = sorted(i.row() for i in self.library_view.selectionModel().selectedRows())
        return [self._proxy.mapToSource(self._proxy.index(r, 0)).row() for r in proxy_rows]

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select the given source-model rows (and nothing else)."""
        selection = QItemSelection()
        for row in rows:
            index = self._proxy.mapFromSource(self.model.index(row, 0))
            selection.select(index, index)
        self.library_view.selectionModel().select(
            selection, self.library_view.selectionModel().SelectionFlag.ClearAndSelect
            | self.library_view.selectionModel().SelectionFlag.Rows)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.selected_rows()
        self._update_actions()
        if len(rows) == 1:
            self._show_article(self.model.article(rows[0]))
        elif len(rows) == 2:
            self._show_comparison(rows)
        elif not rows:
            self._pages.setCurrentIndex(self.PAGE_EMPTY)

    def _show_article(self, article: Article) -> None:
        self._pages.setCurrentIndex(self.PAGE_READER)
        self.reader_page.show_article(article, self.dct_for(article))

    def dct_for(self, article: Article) -> dt.date | None:
        """The publication date relative dates in `article` are resolved against."""
        return article.meta.date

    @Slot()
    def _on_library_double_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 2:
            self._show_comparison(rows)

    @Slot()
    def _on_compare_triggered(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 2:
            self._show_comparison(rows)
        else:
            self.statusBar().showMessage("Select exactly two articles to compare.", 5000)

    def _show_comparison(self, rows: list[int]) -> None:
        a, b = (self.model.article(r) for r in rows)
        # The older version on the left, as in every diff tool.
        if a.meta.date and b.meta.date and b.meta.date < a.meta.date:
            a, b = b, a
        self._pages.setCurrentIndex(self.PAGE_COMPARE)
        self.compare_view.compare(a, b)
        self._update_actions()

    @Slot()
    def _on_compare_view_comparison_shown(self) -> None:
        comparison = self.compare_view.comparison()
        if comparison is not None:
            self.statusBar().showMessage(comparison.summary, 0)
        self._update_actions()
        self.comparison_shown.emit()

    @Slot(str)
    def _on_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    @Slot()
    def _on_next_change_triggered(self) -> None:
        self.compare_view.next_change()

    @Slot()
    def _on_previous_change_triggered(self) -> None:
        self.compare_view.previous_change()

    @Slot()
    def _on_export_report_triggered(self) -> None:
        comparison = self.compare_view.comparison()
        if comparison is None:
            return
        title = comparison.b_meta.title or comparison.a_meta.title or "comparison"
        suggested = str(Path.home() / f"{_safe_file_name(title)} - changes.html")
        path, _ = QFileDialog.getSaveFileName(self, "Export report", suggested, "HTML report (*.html)")
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> bool:
        """Write the comparison shown as a standalone HTML report to `path`."""
        comparison = self.compare_view.comparison()
        if comparison is None:
            return False
        try:
            path.write_text(render_report(comparison), "utf-8")
        except OSError as error:
            self.show_error(f"Could not save the report to {path}: {error.strerror or error}.",
                            name="exportErrorBox")
            return False
        self.statusBar().showMessage(f"Report saved to {path}", 5000)
        return True

    def current_page(self) -> int:
        """Which page shows: PAGE_EMPTY, PAGE_READER or PAGE_COMPARE."""
        return self._pages.currentIndex()

    # Closing and undo
    @Slot()
    def _on_close_triggered(self) -> None:
        removed = self.model.remove_rows(self.selected_rows())
        if removed:
            self._closed.append(removed)
            self.statusBar().showMessage(
                f"Closed {len(removed)} article{'s' if len(removed) != 1 else ''}. Ctrl+Z reopens.", 5000)
        if not self.model.rowCount():
            self._pages.setCurrentIndex(self.PAGE_EMPTY)
        self._update_actions()

    @Slot()
    def _on_undo_close_triggered(self) -> None:
        if not self._closed:
            return
        for article in self._closed.pop():
            self.model.add_article(article)
        self._update_actions()

    @Slot()
    def _on_open_triggered(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", str(Path.home()), OPEN_FILTER)
        if paths:
            self.open_paths(paths)

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3><p>Keep, read and compare versions of news "
            "articles.</p><p>Built with Qt for Python (PySide6, LGPL), diff-match-patch "
            "(Apache 2.0), Python-Markdown (BSD), trafilatura (Apache 2.0), charset-normalizer "
            "(MIT), nh3 (MIT) and platformdirs (MIT).</p>")

    # Drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped files and folders."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped files (and the article files in dropped folders)."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # Layout persistence
    def _restore_layout(self) -> None:
        for key, restore in (("window/geometry", self.restoreGeometry),
                             ("window/state", self.restoreState),
                             ("window/splitter", self._splitter.restoreState),
                             ("window/reader_splitter", self.reader_page.restoreState)):
            value = self._settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout and the open files, stop loading, then close."""
        for job in self._jobs:
            job.cancel()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/splitter", self._splitter.saveState())
        self._settings.setValue("window/reader_splitter", self.reader_page.saveState())
        self._settings.sync()
        self.save_session()
        super().closeEvent(event)
