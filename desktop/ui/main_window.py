"""`MainWindow`: the library, the reader and the comparison, with menus."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop import APP_NAME
from desktop.core import library as lib
from desktop.core.article import Article, older_second
from desktop.core.bundled import sample_articles
from desktop.core.compare.report_html import render_report, report_file_name
from desktop.core.library import ImportSummary, Library, LibraryError
from desktop.core.loaders import load_file
from desktop.ui.compare_view import CompareView
from desktop.ui.help_dialogs import show_about, show_shortcuts
from desktop.ui.import_controller import ImportController
from desktop.ui.import_progress import ImportProgress
from desktop.ui.library_editor import LibraryEditor
from desktop.ui.library_panel import LibraryPanel
from desktop.ui.main_actions import build_actions
from desktop.ui.mime_import import mime_import
from desktop.ui.preferences import PreferencesDialog, default_compare_options, reading_font
from desktop.ui.reader_page import ReaderPage
from desktop.ui.recent_menu import RecentMenu
from desktop.ui.resources import icon
from desktop.ui.settings import setting_value
from desktop.ui.theme import apply_theme
from desktop.ui.workers import Job

log = logging.getLogger(__name__)

SAMPLES_MARKER = ".samples-offered"
OPEN_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


class MainWindow(QMainWindow):
    """The application window.

    Signals:
        import_finished(object): an import ended; its `ImportSummary`.
        library_refreshed(): the tree was re-read while an import runs.
        comparison_shown(): the compare view shows a new comparison.
        annotations_shown(): the reader marks the quotations and dates of its article.
    """

    import_finished = Signal(object)
    library_refreshed = Signal()
    comparison_shown = Signal()
    annotations_shown = Signal()

    PAGE_EMPTY, PAGE_READER, PAGE_COMPARE = range(3)

    def __init__(self, *, library: Library, library_dir: Path, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("palimpsest"))
        self.setAcceptDrops(True)
        self.library = library
        self._library_dir = library_dir
        self._settings = settings

        self.library_panel = LibraryPanel(library=library, parent=self)
        self.library_panel.selection_changed.connect(self._on_library_selection_changed)
        self.library_panel.refreshed.connect(self._on_library_panel_refreshed)
        self._announce_import: ImportSummary | None = None
        self.library_panel.activated.connect(self._on_library_activated)
        self.library_panel.search_failed.connect(self._on_status_message)
        self.reader_page = ReaderPage(settings=settings, parent=self)
        self.reader_view = self.reader_page.reader_view
        self.annotation_panel = self.reader_page.annotation_panel
        self.reader_page.annotations_shown.connect(self.annotations_shown)
        self.reader_page.status_message.connect(self._on_status_message)
        self.compare_view = CompareView(self)
        self.compare_view.comparison_shown.connect(self._on_compare_view_comparison_shown)
        self.compare_view.status_message.connect(self._on_status_message)
        self._empty = QLabel(
            "<h2>Your library</h2><p>Drop articles or folders here, or press <b>Ctrl+O</b>.</p>"
            "<p>Select one article to read it, two (or a story) to compare them.<br>"
            "Type in the search box to find any article by a word in it.</p>", self)
        self._empty.setObjectName("emptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._pages = QStackedWidget(self)
        for page in (self._empty, self.reader_page, self.compare_view):
            self._pages.addWidget(page)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self.library_panel)
        self._splitter.addWidget(self._pages)
        self._splitter.setStretchFactor(0, 2)
        self._splitter.setStretchFactor(1, 3)
        self._splitter.setSizes([560, 840])
        self.setCentralWidget(self._splitter)

        self.import_progress = ImportProgress(self)
        self.importer = ImportController(library=library, progress=self.import_progress, parent=self)
        self.importer.refresh_wanted.connect(self._on_importer_refresh_wanted)
        self.importer.import_finished.connect(self._on_importer_import_finished)
        self.importer.failed.connect(self._on_importer_failed)
        self.importer.message.connect(self._on_status_message)
        self.editor = LibraryEditor(library=library, panel=self.library_panel, dialog_parent=self, parent=self)
        self.editor.failed.connect(self.show_error)
        self.editor.message.connect(self._on_status_message)
        self.editor.changed.connect(self._update_actions)
        self.recent_menu = RecentMenu(settings=settings, ignore=sample_articles()[0].parent, parent=self)
        self.recent_menu.path_chosen.connect(self._on_recent_menu_path_chosen)
        self.actions_by_name = build_actions(self, {
            "actionOpen": self._on_open_triggered,
            "actionImportFolder": self._on_import_folder_triggered,
            "actionPaste": self._on_paste_triggered,
            "actionExportReport": self._on_export_report_triggered,
            "actionQuit": self.close,
            "actionUndo": self.editor.undo,
            "actionRemove": self.editor.remove,
            "actionDetails": self.editor.edit_details,
            "actionFind": self._on_find_triggered,
            "actionPreferences": self._on_preferences_triggered,
            "actionSplit": self.editor.split,
            "actionMerge": self.editor.merge,
            "actionCompare": self._on_compare_triggered,
            "actionNextChange": self.compare_view.next_change,
            "actionPreviousChange": self.compare_view.previous_change,
            "actionShortcuts": self._on_shortcuts_triggered,
            "actionAbout": self._on_about_triggered,
        }, {"menuRecent": self.recent_menu})
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self.import_progress)
        self.resize(1400, 860)
        self._restore_layout()
        self.apply_preferences()
        self._update_actions()

    def action(self, name: str) -> object:
        """The action called `name` (e.g. "actionCompare")."""
        return self.actions_by_name[name]

    # Importing
    def open_paths(self, paths: Sequence[str | os.PathLike[str]], *, compare: bool = False) -> None:
        """Import files and folders off the GUI thread, then select what they hold.

        With `compare` and two files, they are shown side by side once imported.
        """
        self.recent_menu.remember([os.fspath(p) for p in paths])
        self.importer.import_paths(paths, compare=compare)

    def import_text(self, text: str, source_url: str | None = None) -> None:
        """Import dropped or pasted text (HTML or a URL too; nothing is fetched)."""
        self.importer.import_text(text, source_url)

    def open_first_run_samples(self) -> None:
        """Import the sample articles the first time the app runs on an empty library."""
        marker = self._library_dir / SAMPLES_MARKER
        if marker.exists() or lib.stories(self.library):
            return
        try:
            marker.touch()
        except OSError as error:
            log.warning("could not mark the samples as offered: %s", error)
        self.open_paths(sample_articles())

    @Slot(object)
    def handle_request(self, request: dict[str, object]) -> None:
        """Do what another `palimpsest` started on this library was asked to, and come forward."""
        files = [str(f) for f in request.get("files", []) or [] if isinstance(f, str)]  # type: ignore[union-attr]
        if request.get("compare_only") and len(files) == 2:
            self.compare_files(files[0], files[1])
        elif files:
            self.open_paths(files, compare=len(files) == 2)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def compare_files(self, first: str | os.PathLike[str], second: str | os.PathLike[str]) -> None:
        """Compare two files without adding them to the library (`palimpsest --compare-only A B`)."""
        self._pages.setCurrentIndex(self.PAGE_COMPARE)
        job = Job(0, "Reading the two files", _load_pair, os.fspath(first), os.fspath(second),
                  self.importer.max_bytes)
        job.succeeded.connect(self._on_pair_loaded)
        job.failed.connect(self._on_pair_failed)
        job.start()

    @Slot(int, object)
    def _on_pair_loaded(self, generation: int, pair: tuple[Article, Article]) -> None:
        self.compare_view.compare(*pair)

    @Slot(int, str)
    def _on_pair_failed(self, generation: int, message: str) -> None:
        self.show_error(message, name="compareErrorBox")

    @Slot(str)
    def _on_recent_menu_path_chosen(self, path: str) -> None:
        self.open_paths([path])

    @Slot()
    def _on_importer_refresh_wanted(self) -> None:
        # During an import the tree is re-read off the GUI thread: at 10,000 articles
        # the read takes longer than a frame.
        self.library_panel.refresh_in_background()

    @Slot(object, bool)
    def _on_importer_import_finished(self, summary: ImportSummary, compare: bool) -> None:
        ids = [item.article_id for item in summary.added] + [item.article_id for item in summary.already]
        self._announce_import = summary
        self.library_panel.refresh_in_background(select=ids[:2] if compare else ids[:1])

    @Slot()
    def _on_library_panel_refreshed(self) -> None:
        summary, self._announce_import = self._announce_import, None
        self.library_refreshed.emit()
        if summary is not None:
            self.import_finished.emit(summary)

    @Slot(str, str)
    def _on_importer_failed(self, message: str, details: str) -> None:
        self.show_error(message, details=details, name="importSummaryBox" if details else "importErrorBox")
        if not details:  # the library itself failed: show what it holds now
            self.library_panel.refresh_in_background()

    # Selection: read one, compare two
    def selected_article_ids(self) -> list[int]:
        """The selected versions."""
        return self.library_panel.selected_article_ids()

    @Slot()
    def _on_library_selection_changed(self) -> None:
        articles = self.library_panel.selected_article_ids()
        stories = self.library_panel.selected_story_ids()
        self._update_actions()
        if len(articles) == 1 and not stories:
            self._show_article(articles[0])
        elif len(articles) == 2 and not stories:
            self._compare(articles[0], articles[1])
        elif len(stories) == 1 and not articles:
            versions = self.library_panel.model.story_versions(stories[0])
            if versions:
                self._show_article(versions[0].id)
        elif not articles and not stories:
            self._pages.setCurrentIndex(self.PAGE_EMPTY)

    @Slot()
    def _on_library_activated(self) -> None:
        stories = self.library_panel.selected_story_ids()
        if len(stories) == 1:
            self._on_compare_triggered()

    def _show_article(self, article_id: int) -> None:
        try:
            article = lib.article(self.library, article_id)
            row = lib.article_row(self.library, article_id)
        except LibraryError as error:
            self._on_status_message(str(error))
            return
        self._pages.setCurrentIndex(self.PAGE_READER)
        self.reader_page.show_article(article, article.meta.date or row.story_date)

    def _compare(self, first: int, second: int) -> None:
        try:
            sides = [(lib.article(self.library, i), lib.article_row(self.library, i).story_date)
                     for i in (first, second)]
        except LibraryError as error:
            self._on_status_message(str(error))
            return
        if older_second(sides[0][0], sides[1][0]):  # the older version on the left, as in every diff tool
            sides.reverse()
        (a, story_date_a), (b, story_date_b) = sides
        self._pages.setCurrentIndex(self.PAGE_COMPARE)
        # A version without a date of its own borrows its story's for resolving "Thursday".
        try:
            boilerplate = lib.boilerplate_fingerprints(self.library, (a, b))
        except LibraryError as error:
            log.warning("boilerplate unknown: %s", error)
            boilerplate = frozenset()
        self.compare_view.compare(a, b, (a.meta.date or story_date_a, b.meta.date or story_date_b), boilerplate)
        self._update_actions()

    @Slot()
    def _on_compare_triggered(self) -> None:
        articles = self.library_panel.selected_article_ids()
        stories = self.library_panel.selected_story_ids()
        if len(articles) == 2:
            self._compare(*articles)
        elif len(stories) == 1:
            pair = lib.pair_to_compare(self.library_panel.model.story_versions(stories[0]))
            if pair is not None:
                self._compare(pair[0].id, pair[1].id)
            else:
                self._on_status_message("This story has only one version.")
        else:
            self._on_status_message("Select two articles, or a story with two versions, to compare.")

    @Slot()
    def _on_compare_view_comparison_shown(self) -> None:
        comparison = self.compare_view.comparison()
        if comparison is not None:
            self.statusBar().showMessage(comparison.summary, 0)
        self._update_actions()
        self.comparison_shown.emit()

    def current_page(self) -> int:
        """Which page shows: PAGE_EMPTY, PAGE_READER or PAGE_COMPARE."""
        return self._pages.currentIndex()

    def _update_actions(self) -> None:
        articles = self.library_panel.selected_article_ids()
        stories = self.library_panel.selected_story_ids()
        enabled = {
            "actionCompare": len(articles) == 2 or (len(stories) == 1 and not articles),
            "actionRemove": bool(articles) or bool(stories),
            "actionDetails": len(articles) == 1,
            "actionUndo": self.editor.can_undo(),
            "actionSplit": len(articles) == 1 and not stories,
            "actionMerge": len(self.editor.selected_stories()) >= 2,
        }
        comparing = self.current_page() == self.PAGE_COMPARE and self.compare_view.comparison() is not None
        for name in ("actionNextChange", "actionPreviousChange", "actionExportReport"):
            enabled[name] = comparing
        for name, value in enabled.items():
            self.actions_by_name[name].setEnabled(value)

    # Editing the library
    @Slot()
    def _on_preferences_triggered(self) -> None:
        dialog = PreferencesDialog(settings=self._settings, parent=self)
        dialog.applied.connect(self.apply_preferences)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def apply_preferences(self) -> None:
        """Use the stored preferences now: theme, reading font, default compare filters."""
        apply_theme(str(setting_value(self._settings, "appearance/theme")))
        font = reading_font(self._settings, self.font())
        self.reader_view.set_reading_font(font)
        self.compare_view.set_reading_font(font)
        self.compare_view.set_default_options(default_compare_options(self._settings))
        self.importer.max_bytes = int(setting_value(self._settings, "files/max_megabytes")) * 1024 * 1024

    @Slot()
    def _on_find_triggered(self) -> None:
        self.library_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_panel.search.selectAll()

    @Slot()
    def _on_open_triggered(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", str(Path.home()), OPEN_FILTER)
        if paths:
            self.open_paths(paths)

    @Slot()
    def _on_import_folder_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles", str(Path.home()))
        if folder:
            self.open_paths([folder])

    @Slot()
    def _on_paste_triggered(self) -> None:
        if not self._import_mime(QGuiApplication.clipboard().mimeData()):
            self._on_status_message("The clipboard holds no text to add.")

    def _import_mime(self, mime: QMimeData | None) -> bool:
        """Import what a drop or the clipboard holds; False if nothing usable."""
        request = mime_import(mime)
        if request is None:
            return False
        if request.paths:
            self.open_paths(request.paths)
        elif request.text is not None:
            self.import_text(request.text, source_url=request.source_url)
        return True

    # Reports, help
    @Slot()
    def _on_export_report_triggered(self) -> None:
        comparison = self.compare_view.comparison()
        if comparison is None:
            return
        suggested = str(Path.home() / report_file_name(comparison))
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

    @Slot()
    def _on_shortcuts_triggered(self) -> None:
        show_shortcuts(self, self.actions_by_name)

    @Slot()
    def _on_about_triggered(self) -> None:
        show_about(self)

    @Slot(str)
    def _on_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def show_error(self, message: str, *, details: str = "", name: str = "errorBox") -> None:
        """Tell the user what went wrong, in the status bar and a window-modal box."""
        self.statusBar().showMessage(message.splitlines()[0], 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps working behind it

    # Drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files, folders, text and web pages."""
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText() or mime.hasHtml():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import what was dropped: files and folders, or text, HTML or a URL as an article."""
        if self._import_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

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
        """Save the layout, stop importing, then close."""
        self.importer.cancel()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/splitter", self._splitter.saveState())
        self._settings.setValue("window/reader_splitter", self.reader_page.saveState())
        self._settings.setValue("session/selection", ",".join(map(str, self.selected_article_ids())))
        self._settings.sync()
        super().closeEvent(event)

    def restore_selection(self) -> None:
        """Select what was selected when the window last closed (reopening its comparison)."""
        value = str(setting_value(self._settings, "session/selection") or "")
        ids = [int(part) for part in value.split(",") if part.strip().isdigit()]
        if ids:
            self.library_panel.select_articles(ids[:2])


def _load_pair(first: str, second: str, max_bytes: int) -> tuple[Article, Article]:
    return load_file(first, max_bytes=max_bytes), load_file(second, max_bytes=max_bytes)
