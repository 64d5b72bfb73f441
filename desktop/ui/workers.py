"""Work that must not block the window, run on Qt's thread pool and reported by signal."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.errors import PalimpsestError
from desktop.core.library import Library, import_paths, import_text
from desktop.core.loaders import DEFAULT_MAX_BYTES

log = logging.getLogger(__name__)


class _Runner(QRunnable):
    def __init__(self, job: Job | ImportJob) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run()


class Job(QObject):
    """Runs one function off the GUI thread and reports its result.

    `generation` lets the caller drop results it no longer wants (a newer job
    was started meanwhile). Like `LoadJob`, it has no Qt parent.

    Signals:
        succeeded(int, object): the generation and the function's result.
        failed(int, str): the generation and a message for the user.
    """

    succeeded = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, generation: int, what: str, function: Callable[..., object], *args: object) -> None:
        super().__init__()
        self.generation = generation
        self._what = what
        self._call = (function, args)

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run on `pool` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def run(self) -> None:
        """Call the function; called on a pool thread."""
        function, args = self._call
        try:
            result = function(*args)
        except PalimpsestError as error:
            self.failed.emit(self.generation, str(error))
        except Exception as error:  # a bug must reach the user as a message, not kill a thread
            log.exception("%s failed", self._what)
            self.failed.emit(self.generation, f"{self._what} failed: {error}")
        else:
            self.succeeded.emit(self.generation, result)


class ImportJob(QObject):
    """Imports files, folders or a text into the library off the GUI thread.

    Signals:
        progress(int, int, str): files done, files in all, the file being read.
        finished(object): the `ImportSummary` (also after a cancel).
        failed(str): the library itself failed (disk full, busy, …): a message.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library, *, paths: Sequence[str | os.PathLike[str]] = (),
                 text: str | None = None, source_url: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self._max_bytes = max_bytes
        self._library = library
        self._paths = [os.fspath(p) for p in paths]
        self._text = text
        self._source_url = source_url
        self._cancelled = False

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run on `pool` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    @Slot()
    def cancel(self) -> None:
        """Stop after the article being stored now; what was stored stays."""
        self._cancelled = True

    def run(self) -> None:
        """Import; called on a pool thread."""
        try:
            if self._text is not None:
                summary = import_text(self._library, self._text, source_url=self._source_url)
            else:
                summary = import_paths(self._library, self._paths, on_progress=self.progress.emit,
                                       should_cancel=lambda: self._cancelled, max_bytes=self._max_bytes)
        except PalimpsestError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must reach the user as a message, not kill a thread
            log.exception("import failed")
            self.failed.emit(f"The import failed: {error}")
        else:
            self.finished.emit(summary)
