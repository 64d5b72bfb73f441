"""`RecentMenu`: File → Open Recent, the files and folders opened lately."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.settings import setting_value

RECENT_COUNT = 10
KEY = "session/recent"


class RecentMenu(QMenu):
    """Lists recent paths, newest first; choosing one asks for it to be opened again.

    Signals:
        path_chosen(str): the user chose this path.
    """

    path_chosen = Signal(str)

    def __init__(self, *, settings: QSettings, ignore: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("menuRecent")
        self._settings = settings
        self._ignore = ignore
        self.aboutToShow.connect(self._on_about_to_show)

    def paths(self) -> list[str]:
        """Files and folders opened lately, newest first."""
        return [p for p in str(setting_value(self._settings, KEY)).split("\n") if p]

    def remember(self, paths: list[str]) -> None:
        """Put `paths` at the top (the sample articles' folder is not the user's own)."""
        fresh = [str(Path(p).absolute()) for p in paths
                 if self._ignore is None or Path(p).absolute().parent != self._ignore]
        if fresh:
            kept = fresh + [p for p in self.paths() if p not in fresh]
            self._settings.setValue(KEY, "\n".join(kept[:RECENT_COUNT]))

    @Slot()
    def _on_about_to_show(self) -> None:
        self.clear()
        for path in self.paths():
            action = self.addAction(path)
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _checked=False, chosen=path: self.path_chosen.emit(chosen))
        if self.isEmpty():
            self.addAction("(nothing yet)").setEnabled(False)
        else:
            self.addSeparator()
            self.addAction("Clear Menu", lambda: self._settings.setValue(KEY, ""))
