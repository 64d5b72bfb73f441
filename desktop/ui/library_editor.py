"""`LibraryEditor`: the user's changes to the library: remove and undo, details, split, merge."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.core import library as lib
from desktop.core.library import Library, LibraryError
from desktop.ui.details_dialog import DetailsDialog
from desktop.ui.library_panel import LibraryPanel


class LibraryEditor(QObject):
    """Acts on what is selected in the library panel.

    Signals:
        failed(str): an error message for the user.
        message(str): a line for the status bar.
        changed(): the library changed (undo may now be possible).
    """

    failed = Signal(str)
    message = Signal(str)
    changed = Signal()

    def __init__(self, *, library: Library, panel: LibraryPanel, dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._panel = panel
        # Weakly: the window holds this editor, and a cycle through it would leave the
        # window to Python's collector, which may run on a worker thread.
        self._dialog_parent = weakref.ref(dialog_parent)
        self._removed: list[list[int]] = []  # for Undo Remove

    def can_undo(self) -> bool:
        """Whether a removal can be undone."""
        return bool(self._removed)

    def selected_stories(self) -> list[int]:
        """Stories selected directly or through one of their versions, in view order."""
        model = self._panel.model
        found: list[int] = []
        for story_id in self._panel.selected_story_ids():
            if story_id not in found:
                found.append(story_id)
        for article_id in self._panel.selected_article_ids():
            story_id = model.story_id(model.index_of_article(article_id))
            if story_id is not None and story_id not in found:
                found.append(story_id)
        return found

    @Slot()
    def remove(self) -> None:
        """Remove the selected versions, and every version of the selected stories."""
        ids = list(self._panel.selected_article_ids())
        for story_id in self._panel.selected_story_ids():
            ids += [v.id for v in self._panel.model.story_versions(story_id) if v.id not in ids]
        if not ids:
            return
        removed = []
        try:
            for article_id in ids:
                lib.remove(self._library, article_id)
                removed.append(article_id)
        except LibraryError as error:
            self.failed.emit(str(error))
        if removed:
            self._removed.append(removed)
            them = "them" if len(removed) != 1 else "it"
            self.message.emit(f"Removed {len(removed)} article{'s' if len(removed) != 1 else ''}. "
                              f"Ctrl+Z puts {them} back.")
        self._done()

    @Slot()
    def undo(self) -> None:
        """Put back the articles last removed."""
        if not self._removed:
            return
        ids = self._removed.pop()
        try:
            for article_id in ids:
                lib.restore(self._library, article_id)
        except LibraryError as error:
            self.failed.emit(str(error))
        self._done(select=ids)

    @Slot()
    def edit_details(self) -> None:
        """Open the details dialog of the one selected version."""
        ids = self._panel.selected_article_ids()
        if len(ids) != 1:
            return
        article_id = ids[0]
        try:
            fields = lib.user_fields(self._library, article_id)
            row = lib.article_row(self._library, article_id)
        except LibraryError as error:
            self.failed.emit(str(error))
            return
        dialog = DetailsDialog(fields=fields, extracted_title=row.title, extracted_date=row.date,
                               parent=self._dialog_parent())
        dialog.accepted.connect(lambda: self._save_details(article_id, dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _save_details(self, article_id: int, dialog: DetailsDialog) -> None:
        fields = dialog.fields()
        try:
            lib.set_user_fields(self._library, article_id, title=fields.title, date=fields.date,
                                tags=fields.tags, notes=fields.notes)
        except LibraryError as error:
            self.failed.emit(str(error))
            return
        self._done(select=[article_id])

    @Slot()
    def split(self) -> None:
        """Make the one selected version a story of its own."""
        ids = self._panel.selected_article_ids()
        if len(ids) != 1:
            return
        try:
            lib.split_article(self._library, ids[0])
        except LibraryError as error:
            self.failed.emit(str(error))
            return
        self.message.emit("The version is now a story of its own.")
        self._done(select=ids)

    @Slot()
    def merge(self) -> None:
        """Make the selected stories one story (the first selected keeps its place)."""
        stories = self.selected_stories()
        if len(stories) < 2:
            return
        try:
            for other in stories[1:]:
                lib.merge_stories(self._library, stories[0], other)
        except LibraryError as error:
            self.failed.emit(str(error))
            return
        self.message.emit(f"Merged {len(stories)} stories into one.")
        self._panel.refresh()
        self._panel.select_story(stories[0])
        self.changed.emit()

    def _done(self, select: list[int] | None = None) -> None:
        self._panel.refresh()
        if select:
            self._panel.select_articles(select)
        self.changed.emit()
