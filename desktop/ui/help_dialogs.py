"""Help → Keyboard Shortcuts and Help → About."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.ui.main_actions import shortcut_table

LICENCES = (
    ("Qt for Python (PySide6)", "LGPL-3.0"),
    ("diff-match-patch, fast-diff-match-patch", "Apache-2.0"),
    ("Python-Markdown", "BSD-3-Clause"),
    ("trafilatura", "Apache-2.0"),
    ("charset-normalizer", "MIT"),
    ("nh3 (ammonia)", "MIT"),
    ("platformdirs", "MIT"),
    ("SQLite", "public domain"),
)


def show_shortcuts(parent: QWidget, actions: dict[str, QAction]) -> QMessageBox:
    """A window-modal list of every keyboard shortcut, in menu order."""
    rows = "".join(f"<tr><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>"
                   for name, keys in shortcut_table(actions))
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", f"<table cellspacing='6'>{rows}</table>",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("shortcutsBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_about(parent: QWidget) -> QMessageBox:
    """Version, purpose and the licences of the libraries used."""
    licences = "".join(f"<li>{escape(name)}: {escape(licence)}</li>" for name, licence in LICENCES)
    box = QMessageBox(QMessageBox.Icon.NoIcon, f"About {APP_NAME}",
                      f"<h3>{APP_NAME} {escape(__version__)}</h3><p>Keep, read and compare versions of news "
                      f"articles.</p><p>Built with:</p><ul>{licences}</ul>",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("aboutBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
