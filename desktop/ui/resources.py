"""Icons and style sheets, found through the one helper for shipped folders."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop.core.bundled import bundled


def read_text(name: str) -> str:
    """The text of resource `name` (a path such as "styles/app.qss")."""
    return bundled("resources").joinpath(name).read_text("utf-8")


def icon(name: str) -> QIcon:
    """The icon `name` from resources/icons (without extension; SVG preferred)."""
    folder = bundled("resources").joinpath("icons")
    for ext in (".svg", ".png"):
        entry = folder.joinpath(name + ext)
        if entry.is_file():
            return QIcon(str(entry))
    return QIcon()
