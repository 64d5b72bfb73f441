"""The main window's actions and menus, declared in one table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action: object name, menu text, shortcuts, status tip."""

    name: str
    text: str
    shortcuts: tuple[QKeySequence | Key | str, ...]
    tip: str


SPECS = (
    ActionSpec("actionOpen", "&Open…", (Key.Open,), "Add article files to the library and show them"),
    ActionSpec("actionImportFolder", "Import &Folder…", ("Ctrl+Shift+O",),
               "Add every article file in a folder (and its sub-folders)"),
    ActionSpec("actionPaste", "&Paste as Article", ("Ctrl+Shift+V",),
               "Add the text, web page or URL on the clipboard as an article"),
    ActionSpec("actionExportReport", "&Export Report…", ("Ctrl+E",),
               "Save the comparison as a standalone HTML redline"),
    ActionSpec("actionQuit", "&Quit", (Key.Quit,), "Quit Palimpsest"),
    ActionSpec("actionUndo", "&Undo Remove", (Key.Undo,), "Put back the articles last removed"),
    ActionSpec("actionRemove", "&Remove from Library", (Key.Delete,), "Remove the selected articles"),
    ActionSpec("actionDetails", "Article &Details…", ("F2", "Ctrl+I"),
               "Set your own title, date, tags and notes for the article"),
    ActionSpec("actionSplit", "&Split into Own Story", (), "Make the selected version a story of its own"),
    ActionSpec("actionMerge", "&Merge Stories", ("Ctrl+M",),
               "Make the selected stories (or the stories of the selected versions) one story"),
    ActionSpec("actionPreferences", "Pr&eferences…", (QKeySequence.StandardKey.Preferences, "Ctrl+,"),
               "Fonts, theme, default compare filters, library folder"),
    ActionSpec("actionFind", "&Find in Library", (Key.Find,), "Search every article in the library"),
    ActionSpec("actionCompare", "&Compare", ("Ctrl+D",),
               "Compare the two selected articles, or a story's two latest versions"),
    ActionSpec("actionNextChange", "&Next Change", ("F7", "Alt+Down"), "Go to the next change"),
    ActionSpec("actionPreviousChange", "&Previous Change", ("Shift+F7", "Alt+Up"), "Go to the previous change"),
    ActionSpec("actionShortcuts", "&Keyboard Shortcuts", ("F1",), "List every keyboard shortcut"),
    ActionSpec("actionAbout", "&About Palimpsest", (), "Version and licences"),
)

MENUS = (
    ("&File", ("actionOpen", "menuRecent", "actionImportFolder", "actionPaste", None, "actionExportReport", None,
               "actionQuit")),
    ("&Edit", ("actionUndo", None, "actionRemove", "actionDetails", None, "actionSplit", "actionMerge", None,
               "actionFind", None, "actionPreferences")),
    ("&Compare", ("actionCompare", None, "actionNextChange", "actionPreviousChange")),
    ("&Help", ("actionShortcuts", "actionAbout")),
)
TOOLBAR = ("actionOpen", "actionCompare", "actionPreviousChange", "actionNextChange")


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], object]],
                  submenus: dict[str, QMenu] | None = None) -> dict[str, QAction]:
    """Create every action (connected to `slots[name]`), the menus (with `submenus` by
    name in their places) and the toolbar."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip + _shortcut_hint(action))
        action.triggered.connect(slots[spec.name])
        window.addAction(action)
        actions[spec.name] = action
    bar = window.menuBar()
    for title, names in MENUS:
        menu = bar.addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            elif submenus and name in submenus:
                menu.addMenu(submenus[name])
            else:
                menu.addAction(actions[name])
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolBar")
    toolbar.setMovable(False)
    for name in TOOLBAR:
        toolbar.addAction(actions[name])
    return actions


def shortcut_table(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(action, shortcuts) for Help → Keyboard Shortcuts, in menu order."""
    rows = []
    for _title, names in MENUS:
        for name in names:
            if name is None or name not in actions:
                continue
            action = actions[name]
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows


def _shortcut_hint(action: QAction) -> str:
    shortcut = action.shortcut()
    return f" ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})" if not shortcut.isEmpty() else ""
