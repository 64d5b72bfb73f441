"""`CompareFilterBar`: which differences count, and whether the quotations panel shows."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.core.compare import CompareOptions

# (option field, object name, label, tooltip)
FILTERS = (
    ("ignore_whitespace", "filterWhitespace", "Whitespace", "Ignore spacing and re-wrapped lines"),
    ("ignore_markup", "filterMarkup", "Markup", "Ignore Markdown and HTML markup"),
    ("ignore_quote_style", "filterQuoteStyle", "Quote style", "Treat straight and curly quotes, and dashes, alike"),
    ("ignore_punctuation", "filterPunctuation", "Punctuation", "Ignore punctuation"),
    ("ignore_case", "filterCase", "Case", "Ignore upper and lower case"),
    ("hide_boilerplate", "filterBoilerplate", "Hide boilerplate",
     "Leave donation appeals and other boilerplate out entirely"),
)


class CompareFilterBar(QWidget):
    """Check boxes over `CompareOptions`, and the quotations panel toggle.

    Signals:
        options_changed(object): the user changed a filter; the new `CompareOptions`.
        quotes_panel_toggled(bool): show or hide the quotations panel.
    """

    options_changed = Signal(object)
    quotes_panel_toggled = Signal(bool)

    def __init__(self, options: CompareOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareFilterBar")
        # The bar may be clipped on a narrow window rather than force the window wide.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._options = options
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Ignore:", self))
        self.boxes: dict[str, QCheckBox] = {}
        for field_name, object_name, label, tip in FILTERS:
            box = QCheckBox(label, self)
            box.setObjectName(object_name)
            box.setAccessibleName(label if field_name == "hide_boilerplate" else f"Ignore {label.lower()}")
            box.setToolTip(tip)
            box.toggled.connect(self._on_box_toggled)
            if field_name == "hide_boilerplate":
                row.addSpacing(12)
            row.addWidget(box)
            self.boxes[field_name] = box
        row.addStretch(1)
        self.show_quotes = QCheckBox("Quotations panel", self)
        self.show_quotes.setObjectName("showQuotesPanel")
        self.show_quotes.setAccessibleName("Show the quotations panel")
        self.show_quotes.setToolTip("List every quotation of both versions and what happened to it")
        self.show_quotes.setChecked(True)
        self.show_quotes.toggled.connect(self.quotes_panel_toggled)
        row.addWidget(self.show_quotes)
        self.set_options(options)

    def set_options(self, options: CompareOptions) -> None:
        """Show `options` without announcing a change."""
        self._options = options
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(getattr(options, name)))
            box.blockSignals(False)

    @Slot()
    def _on_box_toggled(self) -> None:
        self._options = replace(self._options, **{name: box.isChecked() for name, box in self.boxes.items()})
        self.options_changed.emit(self._options)
