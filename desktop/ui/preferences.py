"""`PreferencesDialog`: fonts, theme, default compare filters, file size limit, library folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.compare import CompareOptions
from desktop.core.settings import default_library_dir
from desktop.ui.settings import setting_value
from desktop.ui.theme import THEMES

FILTER_LABELS = (
    ("compare/ignore_whitespace", "Ignore whitespace and re-wrapping"),
    ("compare/ignore_markup", "Ignore Markdown and HTML markup"),
    ("compare/ignore_quote_style", "Ignore quote and dash style"),
    ("compare/ignore_punctuation", "Ignore punctuation"),
    ("compare/ignore_case", "Ignore case"),
    ("compare/hide_boilerplate", "Hide boilerplate"),
)


class PreferencesDialog(QDialog):
    """Edits the declared settings; `applied` tells the window to use them at once.

    Signals:
        applied(): the settings were saved.
    """

    applied = Signal()

    def __init__(self, *, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._settings = settings
        self.font_family = QFontComboBox(self)
        self.font_family.setObjectName("prefFontFamily")
        self.font_family.setAccessibleName("Reading font")
        family = str(setting_value(settings, "reader/font_family"))
        self.font_family.setCurrentFont(QFont(family) if family else self.font())
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("prefFontSize")
        self.font_size.setAccessibleName("Reading font size")
        self.font_size.setRange(0, 48)
        self.font_size.setSpecialValueText("System size")
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(int(setting_value(settings, "reader/font_size")))
        self.theme = QComboBox(self)
        self.theme.setObjectName("prefTheme")
        self.theme.setAccessibleName("Theme")
        self.theme.addItems(["Follow the system", "Light", "Dark"])
        current = str(setting_value(settings, "appearance/theme"))
        self.theme.setCurrentIndex(THEMES.index(current) if current in THEMES else 0)
        self.filters = {}
        for key, label in FILTER_LABELS:
            box = QCheckBox(label, self)
            box.setObjectName("pref" + key.split("/")[1].title().replace("_", ""))
            box.setChecked(bool(setting_value(settings, key)))
            self.filters[key] = box
        self.max_size = QSpinBox(self)
        self.max_size.setObjectName("prefMaxSize")
        self.max_size.setAccessibleName("Largest file to read, in megabytes")
        self.max_size.setRange(1, 2000)
        self.max_size.setSuffix(" MB")
        self.max_size.setValue(int(setting_value(settings, "files/max_megabytes")))
        self.library = QLineEdit(str(setting_value(settings, "library/location")), self)
        self.library.setObjectName("prefLibrary")
        self.library.setAccessibleName("Library folder")
        self.library.setPlaceholderText(str(default_library_dir()))
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._on_browse_clicked)
        library_row = QHBoxLayout()
        library_row.addWidget(self.library, 1)
        library_row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Apply, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow("Reading &font:", self.font_family)
        form.addRow("Font &size:", self.font_size)
        form.addRow("&Theme:", self.theme)
        for index, box in enumerate(self.filters.values()):
            form.addRow("Compare by default:" if index == 0 else "", box)
        form.addRow("Largest &file to read:", self.max_size)
        form.addRow("&Library folder:", library_row)
        note = QLabel("A new library folder is used from the next start.", self)
        note.setEnabled(False)
        form.addRow("", note)
        form.addRow(buttons)
        self.accepted.connect(self.save)

    @Slot()
    def save(self) -> None:
        """Store every field and announce it."""
        values = {
            "reader/font_family": self.font_family.currentFont().family(),
            "reader/font_size": self.font_size.value(),
            "appearance/theme": THEMES[self.theme.currentIndex()],
            "files/max_megabytes": self.max_size.value(),
            "library/location": self.library.text().strip(),
            **{key: box.isChecked() for key, box in self.filters.items()},
        }
        for key, value in values.items():
            self._settings.setValue(key, value)
        self._settings.sync()
        self.applied.emit()

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Library folder", self.library.text() or None)
        if folder:
            self.library.setText(folder)


def reading_font(settings: QSettings, base: QFont) -> QFont:
    """The reading font the preferences ask for, starting from `base` (the system's)."""
    font = QFont(base)
    family = str(setting_value(settings, "reader/font_family"))
    if family:
        font.setFamily(family)
    size = int(setting_value(settings, "reader/font_size"))
    font.setPointSizeF(size if size > 0 else max(font.pointSizeF(), 10.5) * 1.1)
    return font


def default_compare_options(settings: QSettings) -> CompareOptions:
    """The filters a new comparison starts with."""
    return CompareOptions(**{key.split("/")[1]: bool(setting_value(settings, key)) for key, _ in FILTER_LABELS})
