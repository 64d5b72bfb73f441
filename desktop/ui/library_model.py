"""`LibraryModel`: the library as a tree of stories and their versions, read lazily."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core import library as lib
from desktop.core.library import ArticleRow, Library, SearchHit, StoryRow

_Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of top-level rows; a child's is its story id + 1
#: Stories shown at first and added per scroll to the end: a reset costs the view
#: time per top-level row (at 8,000 stories, 120 ms of a frozen window each time
#: an import refreshed the tree); a page of rows costs a few milliseconds.
PAGE = 200


class LibraryModel(QAbstractItemModel):
    """Stories at the top (shown a page at a time as the view scrolls), their
    versions below (loaded when a story is expanded).

    With a search query set, the rows are the matching articles instead, flat,
    each with its snippet.
    """

    COL_TITLE, COL_SOURCE, COL_DATE, COL_VERSIONS, COL_IMPORTED = range(5)
    HEADERS = ("Title", "Source", "Date", "Versions", "Imported")

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    StoryIdRole = Qt.ItemDataRole.UserRole + 2
    SortRole = Qt.ItemDataRole.UserRole + 3
    SnippetRole = Qt.ItemDataRole.UserRole + 4  # (snippet text, ((start, end), …)) of a search hit

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._stories: list[StoryRow] = []
        self._row_of_story: dict[int, int] = {}
        self._versions: dict[int, list[ArticleRow]] = {}
        self._shown = PAGE  # top-level stories the view has been given so far
        self._hits: list[SearchHit] = []
        self._hit_rows: dict[int, ArticleRow] = {}
        self._query = ""
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self.refresh()

    # Our interface
    def refresh(self) -> None:
        """Read the stories (or the search hits) again from the library."""
        self.apply(self.read())

    def read(self) -> tuple[str, object]:
        """What `refresh` shows, read from the library; safe to call off the GUI thread.

        Stories come sorted as the view is (sorting 15,000 took the window 10 ms).
        """
        if self._query:
            hits = lib.search(self._library, self._query, limit=500)
            rows = {h.article_id: lib.article_row(self._library, h.article_id) for h in hits}
            return self._query, (hits, rows)
        order = self._sort
        return "", (order, self._sorted(lib.stories(self._library), order))

    def apply(self, read: tuple[str, object]) -> None:
        """Show what `read` returned (dropped if the query changed since)."""
        query, data = read
        if query != self._query:
            return
        self.beginResetModel()
        self._versions.clear()
        if query:
            self._hits, self._hit_rows = data  # type: ignore[misc]
        else:
            self._hits, self._hit_rows = [], {}
            order, self._stories = data  # type: ignore[misc]
            if order != self._sort:  # the user sorted meanwhile
                self._stories = self._sorted(self._stories)
            self._row_of_story = {story.id: row for row, story in enumerate(self._stories)}
        self.endResetModel()

    def set_query(self, query: str) -> None:
        """Show the articles matching `query` (FTS5 syntax); "" shows the stories again."""
        self._query = query.strip()
        self.refresh()

    def query(self) -> str:
        """The search query shown, or ""."""
        return self._query

    def article_id(self, index: QModelIndex) -> int | None:
        """The article an index stands for (None for a story row)."""
        value = index.data(self.ArticleIdRole)
        return int(value) if value is not None else None

    def story_id(self, index: QModelIndex) -> int | None:
        """The story an index belongs to."""
        value = index.data(self.StoryIdRole)
        return int(value) if value is not None else None

    def story_versions(self, story_id: int) -> list[ArticleRow]:
        """A story's versions, ordered by date with undated ones last."""
        if story_id not in self._versions:
            self._versions[story_id] = lib.versions(self._library, story_id)
        return self._versions[story_id]

    def index_of_article(self, article_id: int) -> QModelIndex:
        """The index of an article's row (its story is fetched if needed), or invalid."""
        if self._query:
            for row, hit in enumerate(self._hits):
                if hit.article_id == article_id:
                    return self.index(row, 0)
            return QModelIndex()
        try:
            story_id = lib.article_row(self._library, article_id).story_id
        except lib.NotInLibraryError:
            return QModelIndex()
        row = self._row_of_story.get(story_id)
        if row is None:
            return QModelIndex()
        self._show_stories(row + 1)
        for child, version in enumerate(self.story_versions(story_id)):
            if version.id == article_id:
                return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    # Qt model interface
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Called for every row after a reset: bounds by hand, not hasIndex (a round trip through Qt).
        if row < 0 or not 0 <= column < len(self.HEADERS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < self._top_rows() else QModelIndex()
        if row >= self.rowCount(parent):
            return QModelIndex()
        if parent.internalId() != _TOP or self._query:
            return QModelIndex()
        story = self._stories[parent.row()]
        return self.createIndex(row, column, story.id + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        row = self._row_of_story.get(index.internalId() - 1)
        return self.createIndex(row, 0, _TOP) if row is not None and row < self._shown else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._top_rows()
        if self._query or parent.internalId() != _TOP or parent.column() != 0:
            return 0
        story = self._stories[parent.row()]
        return len(self._versions.get(story.id, ()))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return self.rowCount() > 0
        if self._query or parent.internalId() != _TOP or parent.column() != 0:
            return False
        return self._stories[parent.row()].versions > 0

    def canFetchMore(self, parent: _Index) -> bool:
        if self._query:
            return False
        if not parent.isValid():
            return self._shown < len(self._stories)
        if parent.internalId() != _TOP:
            return False
        return self._stories[parent.row()].id not in self._versions

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        if not parent.isValid():
            self._show_stories(self._shown + PAGE)
            return
        story = self._stories[parent.row()]
        rows = lib.versions(self._library, story.id)
        if rows:
            self.beginInsertRows(self.index(parent.row(), 0), 0, len(rows) - 1)
            self._versions[story.id] = rows
            self.endInsertRows()
        else:
            self._versions[story.id] = rows

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return "Match" if self._query and section == self.COL_VERSIONS else self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self._query:
            if not 0 <= index.row() < len(self._hits):
                return None
            hit = self._hits[index.row()]
            return self._hit_data(hit, self._hit_rows.get(hit.article_id), index.column(), role)
        if index.internalId() == _TOP:
            if not 0 <= index.row() < len(self._stories):
                return None
            return self._story_data(self._stories[index.row()], index.column(), role)
        versions = self._versions.get(index.internalId() - 1, [])
        if not 0 <= index.row() < len(versions):
            return None
        return self._article_data(versions[index.row()], index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if self._query:
            return  # search hits stay in order of relevance
        # Stories the view holds indexes to (selected, current, expanded) must stay
        # among the rows it has been given once they move.
        held = {self._stories[i.row()].id for i in self.persistentIndexList()
                if i.internalId() == _TOP and 0 <= i.row() < len(self._stories)}
        held |= {i.internalId() - 1 for i in self.persistentIndexList() if i.internalId() != _TOP}
        moved = self._sorted(self._stories)
        self._show_stories(max((row + 1 for row, story in enumerate(moved) if story.id in held), default=0))
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        # Children are addressed by story id, so only top-level rows move.
        ids = [self._stories[i.row()].id if i.internalId() == _TOP and 0 <= i.row() < len(self._stories)
               else None for i in old]
        self._stories = moved
        self._row_of_story = {story.id: row for row, story in enumerate(self._stories)}
        new = [self.createIndex(self._row_of_story[sid], i.column(), _TOP) if sid is not None else i
               for i, sid in zip(old, ids, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self, stories: list[StoryRow], by: tuple[int, Qt.SortOrder] | None = None) -> list[StoryRow]:
        column, order = by or self._sort
        if column < 0:
            return list(stories)
        return sorted(stories, key=lambda s: _sort_value(self._story_values(s)[column]),
                      reverse=order is Qt.SortOrder.DescendingOrder)

    def _top_rows(self) -> int:
        return len(self._hits) if self._query else min(len(self._stories), self._shown)

    def _show_stories(self, count: int) -> None:
        """Give the view the first `count` stories (at least), if it has fewer."""
        if self._query or count <= self._shown:
            return
        before, after = self._top_rows(), min(count, len(self._stories))
        if after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._shown = count
            self.endInsertRows()
        else:
            self._shown = count

    @staticmethod
    def _story_values(story: StoryRow) -> tuple[Any, ...]:
        return (story.title, story.publisher or "", story.date, story.versions, story.imported_at)

    def _story_data(self, story: StoryRow, column: int, role: int) -> Any:
        if role == self.StoryIdRole:
            return story.id
        if role == self.SortRole:
            return _sort_value(self._story_values(story)[column])
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(self._story_values(story)[column])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            return f"{story.title}\n{story.versions} version{'s' if story.versions != 1 else ''}"
        return None

    def _article_data(self, row: ArticleRow, column: int, role: int) -> Any:
        values = (row.title, row.publisher or "", row.date, row.format, row.imported_at)
        if role == self.ArticleIdRole:
            return row.id
        if role == self.StoryIdRole:
            return row.story_id
        if role == self.SortRole:
            return _sort_value(values[column])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_DATE and row.date is None and row.story_date is not None:
                return f"({row.story_date.isoformat()})"  # borrowed from its story
            return _display(values[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.title, row.path or "(pasted)"]
            if row.duplicate_of is not None:
                lines.append(f"Same text as article {row.duplicate_of} (different bytes)")
            return "\n".join(lines)
        return None

    def _hit_data(self, hit: SearchHit, row: ArticleRow | None, column: int, role: int) -> Any:
        if role == self.ArticleIdRole:
            return hit.article_id
        if role == self.StoryIdRole:
            return hit.story_id
        if role == self.SnippetRole:
            return (hit.snippet, hit.matches)
        values = (hit.title, row.publisher if row else "", row.date if row else None, hit.snippet,
                  row.imported_at if row else "")
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
            return _display(values[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        return None


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and len(value) >= 16 and value[10:11] == "T":
        return value[:16].replace("T", " ")  # an import time, to the minute
    return str(value)


def _sort_value(value: Any) -> Any:
    if value is None:
        return "9999"  # undated last
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.casefold()
    return value
