"""`DetailsDialog`: the user's own title, date, tags and notes for an article."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.library import UserFields


class DetailsDialog(QDialog):
    """Edits the fields a user keeps apart from what was extracted (a re-extract keeps them)."""

    def __init__(self, *, fields: UserFields, extracted_title: str, extracted_date: dt.date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsDialog")
        self.setWindowTitle("Article details")
        self.title = QLineEdit(fields.title or "", self)
        self.title.setObjectName("detailsTitle")
        self.title.setPlaceholderText(extracted_title)
        self.title.setAccessibleName("Title")
        self.has_date = QCheckBox("Set a date of my own", self)
        self.has_date.setObjectName("detailsHasDate")
        self.date = QDateEdit(self)
        self.date.setObjectName("detailsDate")
        self.date.setAccessibleName("Publication date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        start = fields.date or extracted_date or dt.date.today()
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.has_date.setChecked(fields.date is not None)
        self.date.setEnabled(fields.date is not None)
        self.has_date.toggled.connect(self.date.setEnabled)
        self.tags = QLineEdit(", ".join(fields.tags), self)
        self.tags.setObjectName("detailsTags")
        self.tags.setAccessibleName("Tags, separated by commas")
        self.tags.setPlaceholderText("tags, separated, by commas")
        self.notes = QPlainTextEdit(fields.notes or "", self)
        self.notes.setObjectName("detailsNotes")
        self.notes.setAccessibleName("Notes")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("", self.has_date)
        form.addRow("&Date:", self.date)
        form.addRow("T&ags:", self.tags)
        form.addRow("&Notes:", self.notes)
        form.addRow(buttons)

    def fields(self) -> UserFields:
        """What the user entered; empty entries mean "use the extracted value"."""
        qdate = self.date.date()
        return UserFields(
            title=self.title.text().strip() or None,
            date=dt.date(qdate.year(), qdate.month(), qdate.day()) if self.has_date.isChecked() else None,
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            notes=self.notes.toPlainText().strip() or None,
        )
