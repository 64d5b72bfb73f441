"""Guard against the PySide6 6.12.0 / Python 3.11 bug that drops references to None.

Every call of a method returning nothing lost one reference to None; after
enough calls the interpreter aborts with `Fatal Python error: none_dealloc`.
pyproject.toml pins PySide6 below 6.12 on 3.11; this test fails if a broken
build slips in.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_methods_keep_none_alive() -> None:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    before = sys.getrefcount(None)
    for _ in range(20000):
        cursor.insertText("x")  # returns None
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.clearSelection()  # returns None
    # Other code may take or drop a few references meanwhile; the bug loses 40,000.
    assert abs(sys.getrefcount(None) - before) < 1000
