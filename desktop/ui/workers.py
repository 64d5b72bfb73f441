"""Work that must not block the window, run on Qt's thread pool and reported by signal."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.errors import PalimpsestError
from desktop.core.loaders import DEFAULT_MAX_BYTES, load_file

log = logging.getLogger(__name__)


class LoadJob(QObject):
    """Reads files into articles off the GUI thread.

    Jobs have no Qt parent: the pool's runner keeps a job alive until it has
    finished, even if the widget that started it is gone by then.

    Signals:
        article_loaded(str, object): a path and its `Article`.
        load_failed(str, str): a path and a message for the user.
        finished(): every path was tried (or the job was cancelled).
    """

    article_loaded = Signal(str, object)
    load_failed = Signal(str, str)
    finished = Signal()

    def __init__(self, paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = [os.fspath(p) for p in paths]
        self._max_bytes = max_bytes
        self._cancelled = False

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run on `pool` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    @Slot()
    def cancel(self) -> None:
        """Stop after the file being read now."""
        self._cancelled = True

    def run(self) -> None:
        """Load every path; called on a pool thread."""
        try:
            for path in self._paths:
                if self._cancelled:
                    break
                try:
                    article = load_file(path, max_bytes=self._max_bytes)
                except PalimpsestError as error:
                    self.load_failed.emit(path, getattr(error, "reason", str(error)))
                except Exception as error:  # a loader bug must not kill the thread silently
                    log.exception("unexpected error reading %s", path)
                    self.load_failed.emit(path, f"unexpected error: {error}")
                else:
                    self.article_loaded.emit(path, article)
        finally:
            self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, job: LoadJob | Job) -> None:
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
