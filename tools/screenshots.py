"""Render the main window's states on the seed articles to PNG (`make screenshots`).

Runs offscreen with a throw-away library and configuration, so it never touches
the user's own. Usage: python tools/screenshots.py [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="palimpsest-shots-"))
    os.environ["PALIMPSEST_CONFIG_DIR"] = str(scratch / "config")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_window
    from desktop.core.bundled import sample_articles

    app = QApplication([])
    window = build_window(scratch / "library")
    window.resize(1400, 860)
    window.show()

    def wait_for(signal: object, action: object) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(30000, loop.quit)
        action()  # type: ignore[operator]
        loop.exec()

    def shot(name: str) -> None:
        app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    window.select_rows([])
    shot("empty")
    wait_for(window.articles_loaded, lambda: window.open_paths(sample_articles()))
    wait_for(window.annotations_shown, lambda: window.select_rows([1]))
    shot("reader")
    wait_for(window.comparison_shown, lambda: window.select_rows([0, 1]))
    shot("compare")
    window.compare_view.next_change()
    window.compare_view.next_change()
    shot("compare-next-change")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
