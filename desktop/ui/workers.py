"""Work that must not block the window, run on Qt's thread pool and reported by signal."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.errors import PalimpsestError
from desktop.core.library import Library, import_paths, import_text
from desktop.core.loaders import DEFAULT_MAX_BYTES

log = logging.getLogger(__name__)


#: How long a worker thread may hold Python's lock while the window waits for it.
#: Painting calls Python many times, each waiting up to this long for a busy
#: worker: at Python's default (5 ms) a 5 MB comparison froze the window 300 ms.
SWITCH_INTERVAL = 0.001


def share_the_interpreter() -> None:
    """Make worker threads hand Python's lock to the window more often (GUI processes only)."""
    sys.setswitchinterval(SWITCH_INTERVAL)


#: Texts longer than this are annotated in a worker process, not a thread: the
#: annotators' regular expressions hold Python's lock for a whole scan of the
#: text, which froze the window for up to half a second on a 1 MB article.
SEPARATE_PROCESS_CHARS = 100_000

#: An import reports its progress at most this often (and its first and last file).
PROGRESS_SECONDS = 0.05

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _process_pool() -> ProcessPoolExecutor:
    """The one worker process for long work, started on first use ("spawn": never fork Qt)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return _pool


def shutdown_process_pool() -> None:
    """Stop the worker process, if one was started (at exit)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        # A long annotation still running there would hold up the exit until it ended.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)


def _call_in_process(function: Callable[..., object], *args: object) -> object:
    """`function(*args)` in the worker process; a process that died is replaced for the next call."""
    try:
        return _process_pool().submit(function, *args).result()
    except BrokenProcessPool:
        shutdown_process_pool()
        raise RuntimeError("the worker process stopped") from None


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

    def __init__(self, generation: int, what: str, function: Callable[..., object], *args: object,
                 separate_process: bool = False) -> None:
        """`separate_process`: run `function` (importable, with picklable arguments and
        result) in the worker process, so even long C-level work never stalls the window."""
        super().__init__()
        self.generation = generation
        self._what = what
        self._call = (_call_in_process, (function, *args)) if separate_process else (function, args)

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
        self._reported = 0.0

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run on `pool` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    @Slot()
    def cancel(self) -> None:
        """Stop after the article being stored now; what was stored stays."""
        self._cancelled = True

    def _report(self, done: int, total: int, current: str) -> None:
        # At most every PROGRESS_SECONDS (and the last file): a signal per file made the
        # window repaint its progress bar, and call into Python, thousands of times.
        now = time.monotonic()
        if done == total or done == 1 or now - self._reported >= PROGRESS_SECONDS:
            self._reported = now
            self.progress.emit(done, total, current)

    def run(self) -> None:
        """Import; called on a pool thread."""
        try:
            if self._text is not None:
                summary = import_text(self._library, self._text, source_url=self._source_url)
            else:
                summary = import_paths(self._library, self._paths, on_progress=self._report,
                                       should_cancel=lambda: self._cancelled, max_bytes=self._max_bytes)
        except PalimpsestError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must reach the user as a message, not kill a thread
            log.exception("import failed")
            self.failed.emit(f"The import failed: {error}")
        else:
            self.finished.emit(summary)
