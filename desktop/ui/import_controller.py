"""`ImportController`: imports run one at a time off the GUI thread, with progress and summary."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.library import ImportSummary, Library
from desktop.core.library.summary import describe_import
from desktop.core.loaders import DEFAULT_MAX_BYTES
from desktop.ui.import_progress import ImportProgress
from desktop.ui.workers import ImportJob

REFRESH_SECONDS = 1.0  # how often the tree is re-read during an import


class ImportController(QObject):
    """Starts imports, queues the ones asked for meanwhile, and reports how they went.

    Signals:
        refresh_wanted(): the library is changing; re-read the tree (about once a second while importing).
        import_finished(object, bool): the `ImportSummary`, and whether its first two files are to be compared.
        failed(str, str): a message and details for an error box.
        message(str): a line for the status bar.
    """

    refresh_wanted = Signal()
    import_finished = Signal(object, bool)
    failed = Signal(str, str)
    message = Signal(str)

    def __init__(self, *, library: Library, progress: ImportProgress, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._progress = progress
        self._job: ImportJob | None = None
        self._compare = False
        self._queued: list[tuple[list[str], bool]] = []
        self._last_refresh = 0.0
        self.max_bytes = DEFAULT_MAX_BYTES  # files over this are refused (Preferences sets it)
        progress.cancel_requested.connect(self.cancel)

    def busy(self) -> bool:
        """Whether an import is running."""
        return self._job is not None

    def import_paths(self, paths: Sequence[str | os.PathLike[str]], *, compare: bool = False) -> None:
        """Import files and folders; queued behind a running import."""
        files = [os.fspath(p) for p in paths]
        if self._job is not None:
            self._queued.append((files, compare))
            return
        self._compare = compare
        self._start(ImportJob(self._library, paths=files, max_bytes=self.max_bytes),
                    f"Importing {len(files)} item(s)…")

    def import_text(self, text: str, source_url: str | None = None) -> None:
        """Import dropped or pasted text, HTML or a URL (nothing is fetched)."""
        if self._job is not None:
            self.message.emit("An import is running; try again when it is done.")
            return
        self._compare = False
        self._start(ImportJob(self._library, text=text, source_url=source_url), "Adding the text…")

    @Slot()
    def cancel(self) -> None:
        """Stop the running import after the article being stored; what was stored stays."""
        if self._job is not None:
            self._job.cancel()

    def _start(self, job: ImportJob, what: str) -> None:
        self._job = job
        self._last_refresh = time.monotonic()
        job.progress.connect(self._progress.update_progress)
        job.progress.connect(self._on_job_progress)
        job.finished.connect(self._on_job_finished)
        job.failed.connect(self._on_job_failed)
        self._progress.start(what)
        job.start()

    @Slot(int, int, str)
    def _on_job_progress(self, done: int, total: int, current: str) -> None:
        # The tree fills as the import goes, without re-reading the library on every file.
        if time.monotonic() - self._last_refresh >= REFRESH_SECONDS:
            self._last_refresh = time.monotonic()
            self.refresh_wanted.emit()

    @Slot(object)
    def _on_job_finished(self, summary: ImportSummary) -> None:
        self._end()
        headline, details = describe_import(summary)
        if summary.failed:
            self.failed.emit(headline, details)
        else:
            self.message.emit(headline)
        self.import_finished.emit(summary, self._compare)
        self._next()

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message, "")
        self._next()

    def _end(self) -> None:
        self._job = None
        self._progress.finish()

    def _next(self) -> None:
        if self._queued and self._job is None:
            files, compare = self._queued.pop(0)
            self.import_paths(files, compare=compare)
