"""`ArticleListModel`: the articles open in the window, as a sortable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.article import Article

_Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Opened articles, one per row, in the order they were opened."""

    COL_TITLE, COL_PUBLISHER, COL_DATE, COL_FORMAT = range(4)
    HEADERS = ("Title", "Source", "Date", "Format")

    ArticleRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []

    # Qt model interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        meta = article.meta
        column = index.column()
        if role == self.ArticleRole:
            return article
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
            if column == self.COL_TITLE:
                return article.display_title()
            if column == self.COL_PUBLISHER:
                return meta.publisher or ""
            if column == self.COL_DATE:
                if role == self.SortRole:  # undated last when sorted ascending
                    return meta.date.isoformat() if meta.date else "9999"
                return meta.date.isoformat() if meta.date else ""
            if column == self.COL_FORMAT:
                return meta.format.value
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [article.display_title()]
            if meta.path:
                lines.append(meta.path)
            if meta.url:
                lines.append(meta.url)
            return "\n".join(lines)
        return None

    # Our interface
    def articles(self) -> list[Article]:
        """Every article, in row order."""
        return list(self._articles)

    def article(self, row: int) -> Article:
        """The article in `row`."""
        return self._articles[row]

    def add_article(self, article: Article) -> bool:
        """Append `article` unless the same bytes are already open; True if added."""
        if any(a.meta.sha256 == article.meta.sha256 for a in self._articles):
            return False
        row = len(self._articles)
        self.beginInsertRows(QModelIndex(), row, row)
        self._articles.append(article)
        self.endInsertRows()
        return True

    def remove_rows(self, rows: list[int]) -> list[Article]:
        """Remove the given rows; returns the removed articles (for undo)."""
        removed = []
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._articles):
                self.beginRemoveRows(QModelIndex(), row, row)
                removed.append(self._articles.pop(row))
                self.endRemoveRows()
        removed.reverse()
        return removed
