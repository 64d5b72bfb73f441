"""Entry point of the window (`palimpsest`) and the factory that builds it.

Qt is imported inside the functions: when a system library it needs is
missing, `main` explains which package to install instead of a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME, __version__
from desktop.core.settings import default_library_dir, settings_file

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def build_window(library_dir: Path | str) -> MainWindow:
    """The main window on the library in `library_dir` (a QApplication must exist).

    Raises `LibraryError` when the library cannot be opened (read-only, busy, damaged).
    """
    from PySide6.QtCore import QSettings

    from desktop.core.library import open_library
    from desktop.ui.main_window import MainWindow

    folder = Path(library_dir)
    library = open_library(folder)
    settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    window = MainWindow(library=library, library_dir=folder, settings=settings)
    window.destroyed.connect(library.close)
    return window


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line of `palimpsest`."""
    parser = argparse.ArgumentParser(
        prog="palimpsest",
        description="Keep, read and compare versions of news articles. "
                    "With two files, opens them side by side (like `meld A B`).",
    )
    parser.add_argument("files", nargs="*", help="articles to open; two are compared")
    parser.add_argument("--library", metavar="DIR", help="library folder (default: $PALIMPSEST_LIBRARY "
                                                         "or the user data folder)")
    parser.add_argument("--compare-only", action="store_true",
                        help="compare the two FILES without adding them to the library (for git difftool)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _library_location() -> Path:
    """$PALIMPSEST_LIBRARY, else the folder chosen in Preferences, else the default."""
    import os

    from PySide6.QtCore import QSettings

    from desktop.core.settings import LIBRARY_ENV

    if os.environ.get(LIBRARY_ENV):
        return default_library_dir()
    chosen = QSettings(str(settings_file()), QSettings.Format.IniFormat).value("library/location", "")
    return Path(str(chosen)) if chosen else default_library_dir()


def _report_fatal(message: str) -> None:
    """Say why the app cannot start: on stderr, and in a box when a window can be shown."""
    print(f"palimpsest: {message}", file=sys.stderr)
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    # A real screen gets a dialog too; offscreen runs (tests, smoke tests) only stderr.
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, APP_NAME, message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the application; returns its exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from desktop.syscheck import advice, missing_packages

    missing = missing_packages()
    if missing:
        print(advice(missing), file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from desktop.ui.resources import icon

    _route_qt_messages()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    from desktop.ui.workers import share_the_interpreter

    share_the_interpreter()
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("palimpsest"))
    app.setDesktopFileName("palimpsest")
    from desktop.core.errors import PalimpsestError
    from desktop.ui.single_instance import SingleInstance

    library_dir = Path(args.library) if args.library else _library_location()
    instance = SingleInstance(library_dir)
    request = {"files": [str(Path(f).absolute()) for f in args.files], "compare_only": args.compare_only}
    if not instance.claim(request):
        print("palimpsest: already open on this library; the files were handed to that window.", file=sys.stderr)
        return 0
    try:
        window = build_window(library_dir)
    except PalimpsestError as error:
        _report_fatal(f"The library could not be opened: {error}")
        return 2
    instance.request_received.connect(window.handle_request)
    if args.compare_only:
        if len(args.files) != 2:
            _report_fatal("--compare-only needs exactly two files")
            return 2
        window.compare_files(args.files[0], args.files[1])
    elif args.files:
        window.open_paths(args.files, compare=len(args.files) == 2)
    else:
        window.restore_selection()
        window.open_first_run_samples()
    if args.smoke_test and args.compare_only:
        window.comparison_shown.connect(lambda: app.exit(0))
    elif args.smoke_test:
        # Exit once everything asked for is on screen: the articles, and their comparison.
        def finish(summary: object) -> None:
            if getattr(summary, "failed", True):
                app.exit(1)
            elif len(args.files) == 2:
                window.comparison_shown.connect(lambda: app.exit(0))
            else:
                app.exit(0)

        window.import_finished.connect(finish)
    window.show()
    status = int(app.exec())
    instance.close()
    from PySide6.QtCore import QThreadPool

    from desktop.ui.workers import shutdown_process_pool

    shutdown_process_pool()  # a long annotation still running there is of no use now
    QThreadPool.globalInstance().waitForDone()  # no worker may outlive the objects it reports to
    return status
