"""Render the main window's states on the seed articles to PNG (`make screenshots`).

Runs offscreen with a throw-away library and configuration, so it never touches
the user's own. Usage: python tools/screenshots.py [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(width: int, height: int) -> tuple[Any, Any, Path]:
    """The application and a shown main window on a throw-away library and configuration."""
    scratch = Path(tempfile.mkdtemp(prefix="palimpsest-shots-"))
    os.environ["PALIMPSEST_CONFIG_DIR"] = str(scratch / "config")
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_window

    app = QApplication([])
    window = build_window(scratch / "library")
    window.resize(width, height)
    window.show()
    return app, window, scratch


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.core import library as lib
    from desktop.core.bundled import sample_articles

    app, window, _ = _window(1400, 860)

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

    shot("empty")
    wait_for(window.import_finished, lambda: window.open_paths(sample_articles()))
    markdown = next(row.id for row in lib.all_articles(window.library) if row.format == "markdown")
    wait_for(window.annotations_shown, lambda: window.library_panel.select_articles([markdown]))
    shot("reader")
    ids = [row.id for row in lib.all_articles(window.library)]
    wait_for(window.compare_view.quotes_compared, lambda: window.library_panel.select_articles(ids[:2]))
    shot("compare")
    window.compare_view.next_change()
    window.compare_view.next_change()
    shot("compare-next-change")
    wait_for(window.library_panel.model.modelReset, lambda: window.library_panel.search.setText("Meloni"))
    shot("search")
    # The same in the dark theme.
    from desktop.ui.theme import apply_theme

    apply_theme("dark")
    window.library_panel.search.setText("")
    wait_for(window.library_panel.model.modelReset, lambda: None)
    wait_for(window.annotations_shown, lambda: window.library_panel.select_articles([markdown]))
    shot("reader-dark")
    wait_for(window.compare_view.quotes_compared, lambda: window.library_panel.select_articles(ids[:2]))
    shot("compare-dark")
    window.close()
    if "--no-international" not in sys.argv:
        # Right-to-left and Cyrillic text, a long title, at twice the pixel density.
        import subprocess

        subprocess.run([sys.executable, __file__, str(out), "--international"], check=True,
                       env={**os.environ, "QT_SCALE_FACTOR": "2"})
    return 0


#: An invented article mixing scripts (the bidi and Cyrillic check of `make screenshots`).
INTERNATIONAL = "\n\n".join((
    "# Переговоры в Женеве продолжатся на следующей неделе, несмотря на разногласия "
    "по всем основным вопросам повестки",
    "Женева, 15 января 2026 года. Министр иностранных дел заявил в четверг: «Мы открыты к диалогу». "
    "Делегации встретятся снова в понедельник.",
    'שר החוץ אמר ביום חמישי: "אנחנו פתוחים לדיאלוג". המשלחות ייפגשו שוב ביום שני, 19 בינואר 2026.',
    "قال وزير الخارجية يوم الخميس: «نحن منفتحون على الحوار». وستجتمع الوفود مرة أخرى يوم الاثنين.",
    'The talks, the minister said on Thursday, "will resume next week" in Geneva.',
)) + "\n"


def international(out: Path) -> int:
    """The reader on a mixed-script article, saved as reader-international@2x.png."""
    from PySide6.QtCore import QEventLoop

    app, window, scratch = _window(1200, 760)
    source = scratch / "geneva.md"
    source.write_text(INTERNATIONAL, "utf-8")
    loop = QEventLoop()
    window.annotations_shown.connect(loop.quit)
    window.open_paths([source])
    loop.exec()
    app.processEvents()
    path = out / "reader-international@2x.png"
    window.grab().save(str(path))
    print(path)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(international(Path(sys.argv[1])) if "--international" in sys.argv else main())
