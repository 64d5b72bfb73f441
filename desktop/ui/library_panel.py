"""`LibraryPanel`: the search box over the tree of stories and versions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.core.library import Library, LibraryError
from desktop.ui.library_model import LibraryModel
from desktop.ui.snippet_delegate import SnippetDelegate
from desktop.ui.workers import Job

#: The narrowest the source, date, versions and imported columns get on a narrow panel.
MIN_COLUMN_WIDTH = 48


class LibraryPanel(QWidget):
    """Finds and selects articles.

    Signals:
        selection_changed(): the selected stories or articles changed.
        refreshed(): a background re-read of the library is on screen.
        search_failed(str): the query could not be run; a message.
        activated(): the user pressed Enter or double-clicked.
    """

    selection_changed = Signal()
    refreshed = Signal()
    search_failed = Signal(str)
    activated = Signal()

    def __init__(self, *, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.model = LibraryModel(library, self)
        self._reading = False
        self._read_again = False
        self._select_after: list[int] | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName("Search the library")
        self.search.setPlaceholderText('Search: words, "a phrase", prefix*  (Ctrl+F)')
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.view = QTreeView(self)
        self.view.setObjectName("libraryView")
        self.view.setAccessibleName("Library: stories and their versions")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(LibraryModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegateForColumn(LibraryModel.COL_VERSIONS, SnippetDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LibraryModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        self._widths = {
            column: metrics.horizontalAdvance(sample) + 20
            for column, sample in ((LibraryModel.COL_SOURCE, "The Moscow Tim"),
                                   (LibraryModel.COL_DATE, "(2026-01-15)"),
                                   (LibraryModel.COL_VERSIONS, "Versions"),
                                   (LibraryModel.COL_IMPORTED, "2026-01-15 10:00"))}
        self._lay_out_columns()
        self.model.modelReset.connect(self._lay_out_columns)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.activated.connect(self._on_view_activated)
        self.model.modelReset.connect(self.selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)

    @Slot()
    def _lay_out_columns(self) -> None:
        """The title takes the room; in search results the matching text does."""
        header = self.view.header()
        searching = bool(self.model.query())
        header.setSectionResizeMode(LibraryModel.COL_TITLE, QHeaderView.ResizeMode.Interactive if searching
                                    else QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LibraryModel.COL_VERSIONS, QHeaderView.ResizeMode.Stretch if searching
                                    else QHeaderView.ResizeMode.Interactive)
        # On a narrow panel the other columns give way, so a title stays readable.
        room, fixed = self.view.viewport().width(), sum(self._widths.values())
        squeeze = 1.0 if searching or room <= 0 else min(1.0, 0.6 * room / fixed)
        for column, width in self._widths.items():
            if not (searching and column == LibraryModel.COL_VERSIONS):
                header.resizeSection(column, max(MIN_COLUMN_WIDTH, int(width * squeeze)))
        if searching:
            header.resizeSection(LibraryModel.COL_TITLE, int(self._widths[LibraryModel.COL_SOURCE] * 1.5))
        for column in (LibraryModel.COL_SOURCE, LibraryModel.COL_IMPORTED):
            header.setSectionHidden(column, searching)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Give the columns their share of the new width."""
        super().resizeEvent(event)
        if hasattr(self, "_widths"):  # not while __init__ is still building the panel
            self._lay_out_columns()

    def refresh(self) -> None:
        """Re-read the library, keeping the selected articles selected."""
        keep = self.selected_article_ids()
        try:
            self.model.refresh()
        except LibraryError as error:
            self.search_failed.emit(str(error))
            return
        if keep:
            self.select_articles(keep)

    def refresh_in_background(self, select: list[int] | None = None) -> None:
        """Re-read the library off the GUI thread (at 10,000 articles a read takes longer
        than a frame), then select `select` (default: what is selected now).

        One read runs at a time; a request meanwhile is served by one more read after it.
        """
        if select is not None:
            self._select_after = select
        if self._reading:
            self._read_again = True
            return
        self._reading, self._read_again = True, False
        job = Job(0, "Reading the library", self.model.read)
        job.succeeded.connect(self._on_read_job_succeeded)
        job.failed.connect(self._on_read_job_failed)
        job.start()

    @Slot(int, object)
    def _on_read_job_succeeded(self, generation: int, read: tuple[str, object]) -> None:
        self._reading = False
        if self._read_again:
            self.refresh_in_background()
            return
        select = self._select_after if self._select_after is not None else self.selected_article_ids()
        self._select_after = None
        self.model.apply(read)
        if select:
            self.select_articles(select)
        self.refreshed.emit()

    @Slot(int, str)
    def _on_read_job_failed(self, generation: int, message: str) -> None:
        self._reading = False
        self.search_failed.emit(message)

    def selected_article_ids(self) -> list[int]:
        """The selected versions (not stories), in view order."""
        ids = []
        for index in self._selected_rows():
            article_id = self.model.article_id(index)
            if article_id is not None:
                ids.append(article_id)
        return ids

    def selected_story_ids(self) -> list[int]:
        """The stories whose own rows are selected."""
        return [self.model.story_id(i) or 0 for i in self._selected_rows()
                if self.model.article_id(i) is None]

    def select_articles(self, article_ids: list[int]) -> None:
        """Select these articles (expanding their stories) and nothing else."""
        selection = QItemSelection()
        for article_id in article_ids:
            index = self.model.index_of_article(article_id)
            if index.isValid():
                if index.parent().isValid():
                    self.view.expand(index.parent())
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            self.view.scrollTo(selection.indexes()[0])

    def select_story(self, story_id: int) -> None:
        """Select a story's own row."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.model.story_id(index) == story_id and self.model.article_id(index) is None:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.view.selectionModel().select(index, flags)
                self.view.scrollTo(index)
                return

    def _selected_rows(self) -> list[QModelIndex]:
        return sorted(self.view.selectionModel().selectedRows(),
                      key=lambda i: (self.view.visualRect(i).top(), i.row()))

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        try:
            self.model.set_query(self.search.text())
        except LibraryError as error:
            self.search_failed.emit(str(error))

    @Slot()
    def _on_view_selection_changed(self) -> None:
        self.selection_changed.emit()

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        self.activated.emit()
